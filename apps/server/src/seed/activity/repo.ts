import { and, asc, eq, inArray } from "drizzle-orm";
import { unnestInsert } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import {
  type assignments,
  catalogItems,
  catalogs,
  type deliveries,
  evaluations,
  orgUnits,
  people,
  periods,
  positionItems,
  positions,
  type reviewEvents,
} from "../../db/schema.ts";

/** Active people of an agency with what the generator needs: unit, position code, leader role. */
export function activePeople(db: Db, agencyId: string) {
  return db
    .select({
      id: people.id,
      unitId: people.unitId,
      unitPath: orgUnits.path,
      unitKind: orgUnits.kind,
      positionId: people.positionId,
      positionCode: positions.code,
      leaderRole: people.leaderRole,
    })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .leftJoin(positions, eq(positions.id, people.positionId))
    .where(and(eq(people.agencyId, agencyId), eq(people.active, true)))
    .orderBy(asc(people.id));
}

/** The products each position normally makes, from one catalog version, with points to convert. */
export function positionProducts(db: Db, catalogId: string, positionIds: string[]) {
  if (positionIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      positionId: positionItems.positionId,
      id: catalogItems.id,
      code: catalogItems.code,
      task: catalogItems.task,
      points: catalogItems.points,
      standardPoints: catalogs.standardPoints,
    })
    .from(positionItems)
    .innerJoin(catalogItems, and(eq(catalogItems.catalogId, catalogId), eq(catalogItems.code, positionItems.itemCode)))
    .innerJoin(catalogs, eq(catalogs.id, catalogItems.catalogId))
    .where(inArray(positionItems.positionId, positionIds))
    .orderBy(asc(positionItems.positionId), asc(catalogItems.sortOrder));
}

export async function hasPeriodsOfYear(db: Db, agencyId: string, year: number): Promise<boolean> {
  const [row] = await db
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.agencyId, agencyId), eq(periods.year, year)))
    .limit(1);
  return Boolean(row);
}

export async function findCatalog(db: Db, id: string) {
  const [row] = await db.select({ id: catalogs.id }).from(catalogs).where(eq(catalogs.id, id)).limit(1);
  return row;
}

const iso = (d: Date | string | null | undefined) => (d instanceof Date ? d.toISOString() : (d ?? null));

type NewAssignment = typeof assignments.$inferInsert;
type NewDelivery = typeof deliveries.$inferInsert;
type NewEvent = typeof reviewEvents.$inferInsert;

export const insertAssignments = (db: Db, rows: NewAssignment[]) =>
  unnestInsert<NewAssignment>(
    db,
    "assignments",
    [
      ["id", "text", (r) => r.id],
      ["period_id", "text", (r) => r.periodId],
      ["person_id", "text", (r) => r.personId],
      ["catalog_item_id", "text", (r) => r.catalogItemId],
      ["item_code", "text", (r) => r.itemCode],
      ["item_name", "text", (r) => r.itemName],
      ["coefficient", "numeric", (r) => r.coefficient],
      ["quantity", "numeric", (r) => r.quantity],
      ["source", "text", (r) => r.source ?? "planned"],
      ["deadline", "date", (r) => r.deadline],
      ["extended_deadline", "date", (r) => r.extendedDeadline],
      ["handed_back", "numeric", (r) => r.handedBack ?? "0"],
      ["handed_back_reason", "text", (r) => r.handedBackReason],
      ["assigned_by", "text", (r) => r.assignedBy],
      ["created_at", "timestamptz", (r) => iso(r.createdAt)],
      ["updated_at", "timestamptz", (r) => iso(r.updatedAt)],
    ],
    rows,
  );

export const insertDeliveries = (db: Db, rows: NewDelivery[]) =>
  unnestInsert<NewDelivery>(
    db,
    "deliveries",
    [
      ["id", "text", (r) => r.id],
      ["assignment_id", "text", (r) => r.assignmentId],
      ["quantity", "numeric", (r) => r.quantity],
      ["delivered_on", "date", (r) => r.deliveredOn],
      ["document_number", "text", (r) => r.documentNumber],
      ["delays", "int", (r) => r.delays ?? 0],
      ["excused_delays", "int", (r) => r.excusedDelays ?? 0],
      ["failed_reviews", "int", (r) => r.failedReviews ?? 0],
      ["excused_failed_reviews", "int", (r) => r.excusedFailedReviews ?? 0],
      ["review_status", "text", (r) => r.reviewStatus ?? "pending"],
      ["recorded_by", "text", (r) => r.recordedBy],
      ["created_at", "timestamptz", (r) => iso(r.createdAt)],
      ["updated_at", "timestamptz", (r) => iso(r.updatedAt)],
    ],
    rows,
  );

export const insertEvents = (db: Db, rows: NewEvent[]) =>
  unnestInsert<NewEvent>(
    db,
    "review_events",
    [
      ["id", "text", (r) => r.id],
      ["delivery_id", "text", (r) => r.deliveryId],
      ["assignment_id", "text", (r) => r.assignmentId],
      ["kind", "text", (r) => r.kind],
      ["note", "text", (r) => r.note],
      ["confirmed_by", "text", (r) => r.confirmedBy],
      ["new_deadline", "date", (r) => r.newDeadline],
      ["actor_id", "text", (r) => r.actorId],
      ["at", "timestamptz", (r) => iso(r.at)],
    ],
    rows,
  );

/** Periods and evaluations are a few hundred rows (evaluations carry jsonb): plain inserts suffice. */
export const insertPeriods = (db: Db, rows: (typeof periods.$inferInsert)[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insert(periods)
        .values(rows)
        .then(() => undefined);
export const insertEvaluations = (db: Db, rows: (typeof evaluations.$inferInsert)[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insert(evaluations)
        .values(rows)
        .then(() => undefined);
