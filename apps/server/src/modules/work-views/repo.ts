import { and, asc, desc, eq, like, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { assignments, orgUnits, people, periods } from "../../db/schema.ts";
import {
  type AssignmentView,
  assignmentViews,
  flattenAssignment,
  type PeriodRow,
  type PersonView,
  personViews,
} from "../work/repo.ts";

/** The agency's periods, newest first (for the month switcher). */
export async function periodsOfAgency(db: Db, agencyId: string): Promise<PeriodRow[]> {
  return db.select().from(periods).where(eq(periods.agencyId, agencyId)).orderBy(desc(periods.startsOn)).limit(60);
}

/** Active people of a unit's subtree (a division board), in the org's natural order. */
export async function peopleUnder(db: Db, unitPath: string): Promise<PersonView[]> {
  return personViews(db)
    .where(and(like(orgUnits.path, `${unitPath}%`), eq(people.active, true)))
    .orderBy(
      asc(orgUnits.path),
      sql`case ${people.leaderRole} when 'head' then 0 when 'deputy' then 1 else 2 end`,
      asc(people.fullName),
    );
}

/** One person's lines of a period, in the order they were assigned. */
export async function assignmentsOf(db: Db, periodId: string, personId: string): Promise<AssignmentView[]> {
  const rows = await assignmentViews(db)
    .where(and(eq(assignments.periodId, periodId), eq(assignments.personId, personId)))
    .orderBy(asc(assignments.createdAt), asc(assignments.itemCode));
  return rows.map(flattenAssignment);
}
