import { sql } from "drizzle-orm";
import type { Db } from "../../apps/server/src/db/database.ts";
import { rowsOf } from "../support/rows.ts";

/** The hand-written SQL the benchmarks compare the product against. */

export async function createFloorTable(db: Db): Promise<void> {
  await db.execute(
    sql`create table if not exists bench_floor (id bigserial primary key, body text not null, at timestamptz not null default now())`,
  );
}

export async function insertFloorRow(db: Db, body: string): Promise<void> {
  await db.execute(sql`insert into bench_floor (body) values (${body})`);
}

export async function dropFloorTable(db: Db): Promise<void> {
  await db.execute(sql`drop table if exists bench_floor`);
}

export interface FloorRow {
  period_id: string;
  person_id: string;
  assigned: string | null;
  quantity_credit: string | null;
  quality_credit: string | null;
  progress_credit: string | null;
}

/**
 * Measure 1's floor: in one aggregate, the converted sums the scores are made of for every
 * person-period of the year — A over planned lines, and the quantity, quality and progress
 * credits with the 25% step per failed review or delay not excused (Art. 14.2) — returned to the
 * client like the product reads its rows.
 */
export async function convertedSums(db: Db, year: number, agencyPathPrefix: string): Promise<FloorRow[]> {
  const result = await db.execute(sql`
    with lines as (
      select a.id, a.period_id, a.person_id, a.coefficient, a.quantity, a.source
      from assignments a
      join periods p on p.id = a.period_id
      join org_units u on u.id = p.agency_id
      where p.year = ${year} and u.path like ${`${agencyPathPrefix}%`}
    ),
    credits as (
      select l.period_id, l.person_id,
        sum(d.quantity * l.coefficient) as quantity_credit,
        sum(d.quantity * l.coefficient * greatest(0, 1 - 0.25 * (d.failed_reviews - d.excused_failed_reviews))) as quality_credit,
        sum(d.quantity * l.coefficient * greatest(0, 1 - 0.25 * (d.delays - d.excused_delays))) as progress_credit
      from lines l join deliveries d on d.assignment_id = l.id
      group by l.period_id, l.person_id
    ),
    assigned as (
      select period_id, person_id, sum(quantity * coefficient) filter (where source = 'planned') as assigned
      from lines group by period_id, person_id
    )
    select s.period_id, s.person_id, s.assigned::text, c.quantity_credit::text, c.quality_credit::text, c.progress_credit::text
    from assigned s left join credits c using (period_id, person_id)`);
  return rowsOf<FloorRow>(result);
}

/**
 * Agencies with civil servants under a unit (not their divisions), for the per-agency
 * classification pass; appraising agencies added by the agency templates have nobody to classify.
 */
export async function agenciesUnder(db: Db, pathPrefix: string): Promise<{ id: string; name: string; path: string }[]> {
  const result = await db.execute(sql`
    select id, name, path from org_units
    where path like ${`${pathPrefix}%`} and kind in ('department', 'commune')
      and exists (select 1 from people p where p.agency_id = org_units.id)
    order by path`);
  return rowsOf<{ id: string; name: string; path: string }>(result);
}

export async function databaseVersion(db: Db): Promise<string> {
  return rowsOf<{ v: string }>(await db.execute(sql`select version() as v`))[0]?.v ?? "";
}
