import { and, asc, desc, eq, inArray, like, ne, or, type SQL, sql } from "drizzle-orm";
import { anyOf } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import {
  assignments,
  catalogs,
  deliveries,
  orgUnits,
  people,
  periods,
  positions,
  reviewEvents,
  users,
} from "../../db/schema.ts";

export type PeriodRow = typeof periods.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type EventRow = typeof reviewEvents.$inferSelect;

/* ── Periods ── */

export type PeriodView = PeriodRow & { agencyName: string; agencyPath: string; lockedByName: string | null };

const periodViews = (db: Db) =>
  db
    .select({ period: periods, agencyName: orgUnits.name, agencyPath: orgUnits.path, lockedByName: users.displayName })
    .from(periods)
    .innerJoin(orgUnits, eq(orgUnits.id, periods.agencyId))
    .leftJoin(users, eq(users.id, periods.lockedBy));

const flattenPeriod = (r: {
  period: PeriodRow;
  agencyName: string;
  agencyPath: string;
  lockedByName: string | null;
}): PeriodView => ({ ...r.period, agencyName: r.agencyName, agencyPath: r.agencyPath, lockedByName: r.lockedByName });

export async function findPeriod(db: Db, id: string): Promise<PeriodView | undefined> {
  const [row] = await periodViews(db).where(eq(periods.id, id)).limit(1);
  return row && flattenPeriod(row);
}

/**
 * The period for a write: a shared row lock, so a lock or reopen (which updates the row) waits for
 * writes in flight and writes after it see the new status.
 */
export async function findPeriodForWrite(db: Db, id: string): Promise<PeriodView | undefined> {
  const [row] = await findPeriodsForWrite(db, [id]);
  return row;
}

/** `findPeriodForWrite` for the periods of a batch of writes, in id order. */
export async function findPeriodsForWrite(db: Db, ids: readonly string[]): Promise<PeriodView[]> {
  if (ids.length === 0) return [];
  const rows = await periodViews(db)
    .where(anyOf(periods.id, ids))
    .orderBy(asc(periods.id))
    .for("share", { of: periods });
  return rows.map(flattenPeriod);
}

export interface PeriodFilter {
  paths: string[] | null;
  agencyId?: string;
  year?: number;
  status?: string;
  sort?: "startsOn" | "status";
  order?: "asc" | "desc";
}

function periodWhere(filter: PeriodFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.paths) {
    conditions.push(
      or(...filter.paths.map((p) => or(like(orgUnits.path, `${p}%`), sql`${p} like ${orgUnits.path} || '%'`))),
    );
  }
  if (filter.agencyId) conditions.push(eq(periods.agencyId, filter.agencyId));
  if (filter.year) conditions.push(eq(periods.year, filter.year));
  if (filter.status) conditions.push(eq(periods.status, filter.status));
  return and(...conditions);
}

export async function listPeriods(
  db: Db,
  filter: PeriodFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: PeriodView[]; total: number }> {
  if (filter.paths && filter.paths.length === 0) return { rows: [], total: 0 };
  const dir = filter.order === "asc" ? asc : desc;
  const order = filter.sort === "status" ? [dir(periods.status), desc(periods.startsOn)] : [dir(periods.startsOn)];
  const [rows, [count]] = await Promise.all([
    periodViews(db)
      .where(periodWhere(filter))
      .orderBy(...order, asc(orgUnits.name))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(periods)
      .innerJoin(orgUnits, eq(orgUnits.id, periods.agencyId))
      .where(periodWhere(filter)),
  ]);
  return { rows: rows.map(flattenPeriod), total: count?.n ?? 0 };
}

export async function insertPeriod(db: Db, row: typeof periods.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(periods).values(row).onConflictDoNothing().returning({ id: periods.id });
  return inserted.length > 0;
}

/** The approved catalog version in force on a date: latest effective date on or before it. */
export async function catalogInForce(db: Db, agencyId: string, onDate: string): Promise<string | null> {
  const [row] = await db
    .select({ id: catalogs.id })
    .from(catalogs)
    .where(
      and(eq(catalogs.agencyId, agencyId), ne(catalogs.status, "draft"), sql`${catalogs.effectiveFrom} <= ${onDate}`),
    )
    .orderBy(desc(catalogs.effectiveFrom), desc(catalogs.versionNo))
    .limit(1);
  return row?.id ?? null;
}

/* ── People ── */

export interface PersonView {
  id: string;
  fullName: string;
  agencyId: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  unitKind: string;
  positionName: string | null;
  leaderRole: string;
  active: boolean;
}

const personColumns = {
  id: people.id,
  fullName: people.fullName,
  agencyId: people.agencyId,
  unitId: people.unitId,
  unitName: orgUnits.name,
  unitPath: orgUnits.path,
  unitKind: orgUnits.kind,
  positionName: positions.name,
  leaderRole: people.leaderRole,
  active: people.active,
};

/** People with their unit and position; the work-* repos filter and order it for their own needs. */
export const personViews = (db: Db) =>
  db
    .select(personColumns)
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .leftJoin(positions, eq(positions.id, people.positionId));

export async function findPerson(db: Db, id: string): Promise<PersonView | undefined> {
  const [row] = await personViews(db).where(eq(people.id, id)).limit(1);
  return row;
}

export async function findPeople(db: Db, ids: readonly string[]): Promise<PersonView[]> {
  if (ids.length === 0) return [];
  return personViews(db).where(anyOf(people.id, ids));
}

/* ── Lines (assignments) ── */

export type AssignmentView = AssignmentRow & {
  personName: string;
  personLeaderRole: string;
  unitId: string;
  unitName: string;
  unitPath: string;
};

/** Lines with their person and unit; the work-* repos filter and order it for their own needs. */
export const assignmentViews = (db: Db) =>
  db
    .select({
      assignment: assignments,
      personName: people.fullName,
      personLeaderRole: people.leaderRole,
      unitId: orgUnits.id,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
    })
    .from(assignments)
    .innerJoin(people, eq(people.id, assignments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId));

export const flattenAssignment = (r: {
  assignment: AssignmentRow;
  personName: string;
  personLeaderRole: string;
  unitId: string;
  unitName: string;
  unitPath: string;
}): AssignmentView => ({
  ...r.assignment,
  personName: r.personName,
  personLeaderRole: r.personLeaderRole,
  unitId: r.unitId,
  unitName: r.unitName,
  unitPath: r.unitPath,
});

export async function findAssignment(db: Db, id: string): Promise<AssignmentView | undefined> {
  const [row] = await assignmentViews(db).where(eq(assignments.id, id)).limit(1);
  return row && flattenAssignment(row);
}

export async function findAssignments(db: Db, ids: string[]): Promise<AssignmentView[]> {
  if (ids.length === 0) return [];
  const rows = await assignmentViews(db).where(inArray(assignments.id, ids)).orderBy(asc(people.fullName));
  return rows.map(flattenAssignment);
}

/** Units delivered so far on a line. */
export async function deliveredQuantity(db: Db, assignmentId: string): Promise<string> {
  const [row] = await db
    .select({ q: sql<string>`coalesce(sum(${deliveries.quantity}), 0)::text` })
    .from(deliveries)
    .where(eq(deliveries.assignmentId, assignmentId));
  return row?.q ?? "0";
}

/** A review event on a line or one of its deliveries (an extension, a review, an excuse). */
export async function insertEvent(db: Db, row: typeof reviewEvents.$inferInsert): Promise<void> {
  await db.insert(reviewEvents).values(row);
}
