import { and, asc, eq, inArray, like, or } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { assignments, evaluations, orgUnits, people, periods, positions, users } from "../../db/schema.ts";

/** What Mẫu 01 prints of one evaluation: the stored row with its person, period and confirmer. */
export async function findMau01Source(db: Db, evaluationId: string) {
  const [row] = await db
    .select({
      evaluation: evaluations,
      person: {
        id: people.id,
        fullName: people.fullName,
        employeeCode: people.employeeCode,
        title: people.title,
        agencyId: people.agencyId,
      },
      positionName: positions.name,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      period: { kind: periods.kind, year: periods.year, number: periods.number, agencyId: periods.agencyId },
      confirmerName: users.displayName,
    })
    .from(evaluations)
    .innerJoin(people, eq(people.id, evaluations.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, evaluations.unitId))
    .innerJoin(periods, eq(periods.id, evaluations.periodId))
    .leftJoin(positions, eq(positions.id, people.positionId))
    .leftJoin(users, eq(users.id, evaluations.confirmedBy))
    .where(eq(evaluations.id, evaluationId))
    .limit(1);
  return row;
}

export type Mau01Source = NonNullable<Awaited<ReturnType<typeof findMau01Source>>>;

/** The product lines of a person-period as assigned (code and name copied at assignment time). */
export function assignmentLines(db: Db, periodId: string, personId: string) {
  return db
    .select({
      id: assignments.id,
      itemCode: assignments.itemCode,
      itemName: assignments.itemName,
      source: assignments.source,
    })
    .from(assignments)
    .where(and(eq(assignments.periodId, periodId), eq(assignments.personId, personId)))
    .orderBy(asc(assignments.createdAt), asc(assignments.id));
}

/** Units by id (an agency and its ancestors, for the header's names and the place). */
export function unitsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: orgUnits.id, kind: orgUnits.kind, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids));
}

export async function findUnit(db: Db, id: string) {
  const [row] = await db
    .select({ id: orgUnits.id, kind: orgUnits.kind, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(eq(orgUnits.id, id))
    .limit(1);
  return row;
}

export async function findPeriod(db: Db, id: string) {
  const [row] = await db.select().from(periods).where(eq(periods.id, id)).limit(1);
  return row;
}

/**
 * The rows of a unit's summary: every active person now in the unit's subtree, and anyone whose
 * evaluation of the period was made in it (they may have moved since), with that evaluation.
 */
export async function summaryRows(db: Db, periodId: string, unitPath: string) {
  const inSubtree = db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(like(orgUnits.path, `${unitPath}%`));
  return db
    .select({
      personId: people.id,
      employeeCode: people.employeeCode,
      fullName: people.fullName,
      positionName: positions.name,
      status: evaluations.status,
      total: evaluations.total,
      result: evaluations.result,
    })
    .from(people)
    .leftJoin(positions, eq(positions.id, people.positionId))
    .leftJoin(evaluations, and(eq(evaluations.personId, people.id), eq(evaluations.periodId, periodId)))
    .where(or(and(eq(people.active, true), inArray(people.unitId, inSubtree)), inArray(evaluations.unitId, inSubtree)))
    .orderBy(asc(people.employeeCode), asc(people.fullName));
}
