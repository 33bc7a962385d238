import { sql } from "drizzle-orm";
import type { Db } from "../../apps/server/src/db/database.ts";
import { rowsOf } from "../support/rows.ts";

/** Lookups that pick who and what the HTTP measures use from the generated province. */

/** The open month of the generated province (the one the burst writes into). */
export async function openMonth(db: Db, pathPrefix: string): Promise<{ year: number; number: number } | undefined> {
  const result = await db.execute(sql`
    select p.year, p.number from periods p join org_units u on u.id = p.agency_id
    where p.status = 'open' and u.path like ${`${pathPrefix}%`} order by p.year desc, p.number desc limit 1`);
  return rowsOf<{ year: number; number: number }>(result)[0];
}

export interface BurstUser {
  username: string;
  assignmentId: string;
  periodId: string;
  /** Units still open on that line. */
  remaining: number;
  /** The evaluation's version, or null before the first self-evaluation. */
  version: number | null;
}

/**
 * `count` staff spread over the agencies, each with the line of the open month that has the most
 * units left, so a minute of small deliveries never exhausts it.
 */
export async function burstUsers(db: Db, pathPrefix: string, count: number): Promise<BurstUser[]> {
  const result = await db.execute(sql`
    with open_lines as (
      select a.id, a.period_id, a.person_id,
        a.quantity - a.handed_back - coalesce((select sum(d.quantity) from deliveries d where d.assignment_id = a.id), 0) as remaining
      from assignments a
      join periods p on p.id = a.period_id and p.status = 'open'
      join org_units u on u.id = p.agency_id and u.path like ${`${pathPrefix}%`}
    ),
    best as (
      select distinct on (person_id) person_id, id, period_id, remaining
      from open_lines order by person_id, remaining desc, id
    ),
    ranked as (
      select us.username, b.id as assignment_id, b.period_id, b.remaining::float as remaining,
        case when e.status = 'draft' then null else e.version end as version,
        row_number() over (partition by pe.agency_id order by pe.id) as n
      from best b
      join people pe on pe.id = b.person_id and pe.leader_role = 'none'
      join users us on us.person_id = pe.id
      join evaluations e on e.period_id = b.period_id and e.person_id = pe.id
      where b.remaining >= 1
    )
    select username, assignment_id as "assignmentId", period_id as "periodId", remaining, version
    from ranked order by n, username limit ${count}`);
  return rowsOf<BurstUser>(result);
}

/** A division head with a login, their division's open period and one of their staff. */
export async function boardReader(db: Db, pathPrefix: string) {
  const result = await db.execute(sql`
    select us.username, p.id as "periodId", d.id as "unitId", staff.id as "personId",
      (select count(*) from people x where x.unit_id = d.id)::int as "people"
    from people head
    join users us on us.person_id = head.id
    join org_units d on d.id = head.unit_id and d.kind = 'division' and d.path like ${`${pathPrefix}%`}
    join periods p on p.agency_id = head.agency_id and p.status = 'open'
    join people staff on staff.unit_id = d.id and staff.leader_role = 'none'
    where head.leader_role = 'head'
    order by (select count(*) from people x where x.unit_id = d.id) desc, d.id, staff.id
    limit 1`);
  return rowsOf<{ username: string; periodId: string; unitId: string; personId: string; people: number }>(result)[0];
}
