import { and, asc, desc, eq, inArray, like, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { anyOf, recordsetInsert } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import {
  assignments,
  deliveries,
  evaluations,
  orgUnits,
  people,
  periodReopenings,
  periods,
  users,
} from "../../db/schema.ts";

export type EvaluationRow = typeof evaluations.$inferSelect;
export type PeriodRow = typeof periods.$inferSelect;

const confirmer = alias(users, "confirmer");
const headConfirmer = alias(users, "head_confirmer");

export type EvaluationView = EvaluationRow & {
  personName: string;
  unitName: string;
  unitPath: string;
  confirmedByName: string | null;
  headConfirmedByName: string | null;
};

const views = (db: Db) =>
  db
    .select({
      evaluation: evaluations,
      personName: people.fullName,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      confirmedByName: confirmer.displayName,
      headConfirmedByName: headConfirmer.displayName,
    })
    .from(evaluations)
    .innerJoin(people, eq(people.id, evaluations.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, evaluations.unitId))
    .leftJoin(confirmer, eq(confirmer.id, evaluations.confirmedBy))
    .leftJoin(headConfirmer, eq(headConfirmer.id, evaluations.headConfirmedBy));

type ViewRow = Awaited<ReturnType<ReturnType<typeof views>["where"]>>[number];
const flatten = (r: ViewRow): EvaluationView => ({
  ...r.evaluation,
  personName: r.personName,
  unitName: r.unitName,
  unitPath: r.unitPath,
  confirmedByName: r.confirmedByName,
  headConfirmedByName: r.headConfirmedByName,
});

export async function findEvaluation(db: Db, id: string): Promise<EvaluationView | undefined> {
  const [row] = await views(db).where(eq(evaluations.id, id)).limit(1);
  return row && flatten(row);
}

export async function findEvaluations(db: Db, ids: readonly string[]): Promise<EvaluationView[]> {
  if (ids.length === 0) return [];
  return (await views(db).where(anyOf(evaluations.id, ids))).map(flatten);
}

export interface BoardScore {
  id: string;
  personId: string;
  status: string;
  total: string | null;
  ruleSetVersion: string | null;
  /** The stored result without the core's result and its explanation (`scoreOf` reads the rest). */
  result: unknown;
}

/**
 * What a board row shows of these people's evaluations: status and score. The core's result is
 * left in the database (`result - 'result'`): a board of 12 would otherwise read ~90 KB of
 * explanations nobody on it opens.
 */
export async function boardScoresOf(db: Db, periodId: string, personIds: string[]): Promise<BoardScore[]> {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: evaluations.id,
      personId: evaluations.personId,
      status: evaluations.status,
      total: evaluations.total,
      ruleSetVersion: evaluations.ruleSetVersion,
      result: sql<unknown>`${evaluations.result} - 'result'`,
    })
    .from(evaluations)
    .where(and(eq(evaluations.periodId, periodId), inArray(evaluations.personId, personIds)));
}

/** The id of the (period, person) evaluation, if there is one: what a writer needs before locking it. */
export async function evaluationIdOf(db: Db, periodId: string, personId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(and(eq(evaluations.periodId, periodId), eq(evaluations.personId, personId)))
    .limit(1);
  return row?.id;
}

/**
 * Creates the (period, person) row unless it exists; the unit and leader role are snapshotted.
 * True when the row went in; false when another writer created it first.
 */
export async function insertEvaluation(db: Db, row: NewEvaluation): Promise<boolean> {
  return (await insertEvaluations(db, [row])) > 0;
}

/** `insertEvaluation` for many rows at once; returns how many went in. */
export async function insertEvaluations(db: Db, rows: NewEvaluation[]): Promise<number> {
  const inserted = await recordsetInsert<NewEvaluation>(
    db,
    "evaluations",
    [
      ["id", "text", (r) => r.id],
      ["period_id", "text", (r) => r.periodId],
      ["person_id", "text", (r) => r.personId],
      ["unit_id", "text", (r) => r.unitId],
      ["leader_role", "text", (r) => r.leaderRole],
    ],
    rows,
    sql`on conflict do nothing returning id`,
  );
  return inserted.length;
}

export interface NewEvaluation {
  id: string;
  periodId: string;
  personId: string;
  unitId: string;
  leaderRole: string;
}

/** Holds the row for the rest of the transaction: score refreshes and confirmations take turns. */
export async function lockEvaluation(db: Db, id: string): Promise<EvaluationRow | undefined> {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id)).for("update").limit(1);
  return row;
}

export async function updateEvaluation(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof evaluations.$inferInsert>,
): Promise<EvaluationRow | undefined> {
  const [row] = await db
    .update(evaluations)
    .set({ ...patch, version: sql`${evaluations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(evaluations.id, id), eq(evaluations.version, version)))
    .returning();
  return row;
}

/* ── Periods: lock and reopen ── */

export async function lockPeriodRow(db: Db, id: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(periods).where(eq(periods.id, id)).for("update").limit(1);
  return row;
}

export async function updatePeriod(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof periods.$inferInsert>,
): Promise<PeriodRow | undefined> {
  const [row] = await db
    .update(periods)
    .set({ ...patch, version: sql`${periods.version} + 1`, updatedAt: new Date() })
    .where(and(eq(periods.id, id), eq(periods.version, version)))
    .returning();
  return row;
}

export async function insertReopening(db: Db, row: typeof periodReopenings.$inferInsert): Promise<void> {
  await db.insert(periodReopenings).values(row);
}

/** Active people of the agency whose evaluation of the period is missing or not in `done` statuses. */
export async function unconfirmedPeople(db: Db, periodId: string, agencyId: string, done: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .leftJoin(evaluations, and(eq(evaluations.personId, people.id), eq(evaluations.periodId, periodId)))
    .where(
      and(
        eq(people.agencyId, agencyId),
        eq(people.active, true),
        sql`(${evaluations.status} is null or ${notInArray(evaluations.status, done)})`,
      ),
    );
  return rows.map((r) => r.id);
}

/* ── Board aggregates (a fixed number of queries, whatever the headcount) ── */

export interface LineAggregate {
  personId: string;
  assigned: string;
  extra: string;
  lines: number;
  overdue: number;
}

const deliveredOfLine = sql`coalesce((select sum(d.quantity) from ${deliveries} d where d.assignment_id = ${assignments.id}), 0)`;
const deadlineInForce = sql`coalesce(${assignments.extendedDeadline}, ${assignments.deadline})`;

export async function lineAggregates(
  db: Db,
  periodId: string,
  unitPath: string,
  today: string,
): Promise<LineAggregate[]> {
  return db
    .select({
      personId: assignments.personId,
      assigned: sql<string>`coalesce(sum(${assignments.quantity} * ${assignments.coefficient}) filter (where ${assignments.source} = 'planned'), 0)::text`,
      extra: sql<string>`coalesce(sum(${assignments.quantity} * ${assignments.coefficient}) filter (where ${assignments.source} <> 'planned'), 0)::text`,
      lines: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${deadlineInForce} < ${today} and ${assignments.quantity} - ${assignments.handedBack} > ${deliveredOfLine})::int`,
    })
    .from(assignments)
    .innerJoin(people, eq(people.id, assignments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(and(eq(assignments.periodId, periodId), like(orgUnits.path, `${unitPath}%`)))
    .groupBy(assignments.personId);
}

export interface DeliveryAggregate {
  personId: string;
  delivered: string;
  waitingReview: number;
  failed: number;
  late: number;
}

export async function deliveryAggregates(db: Db, periodId: string, unitPath: string): Promise<DeliveryAggregate[]> {
  return db
    .select({
      personId: assignments.personId,
      delivered: sql<string>`coalesce(sum(${deliveries.quantity} * ${assignments.coefficient}), 0)::text`,
      waitingReview: sql<number>`count(*) filter (where ${deliveries.reviewStatus} = 'pending')::int`,
      failed: sql<number>`count(*) filter (where ${deliveries.failedReviews} > ${deliveries.excusedFailedReviews})::int`,
      late: sql<number>`count(*) filter (where ${deliveries.delays} > ${deliveries.excusedDelays})::int`,
    })
    .from(deliveries)
    .innerJoin(assignments, eq(assignments.id, deliveries.assignmentId))
    .innerJoin(people, eq(people.id, assignments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(and(eq(assignments.periodId, periodId), like(orgUnits.path, `${unitPath}%`)))
    .groupBy(assignments.personId);
}

/** Lines past their deadline in force with units still to deliver, oldest first. */
export async function overdueLines(db: Db, periodId: string, unitPath: string, today: string, limit: number) {
  return db
    .select({
      assignmentId: assignments.id,
      personId: assignments.personId,
      personName: people.fullName,
      itemCode: assignments.itemCode,
      due: sql<string>`${deadlineInForce}::text`,
    })
    .from(assignments)
    .innerJoin(people, eq(people.id, assignments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(
      and(
        eq(assignments.periodId, periodId),
        like(orgUnits.path, `${unitPath}%`),
        sql`${deadlineInForce} < ${today}`,
        sql`${assignments.quantity} - ${assignments.handedBack} > ${deliveredOfLine}`,
      ),
    )
    .orderBy(asc(deadlineInForce), asc(people.fullName))
    .limit(limit);
}

/** Deliveries still waiting for a quality review, oldest first. */
export async function waitingDeliveries(db: Db, periodId: string, unitPath: string, limit: number) {
  return db
    .select({
      deliveryId: deliveries.id,
      assignmentId: assignments.id,
      personId: assignments.personId,
      personName: people.fullName,
      itemCode: assignments.itemCode,
      deliveredOn: deliveries.deliveredOn,
    })
    .from(deliveries)
    .innerJoin(assignments, eq(assignments.id, deliveries.assignmentId))
    .innerJoin(people, eq(people.id, assignments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(
      and(
        eq(assignments.periodId, periodId),
        like(orgUnits.path, `${unitPath}%`),
        eq(deliveries.reviewStatus, "pending"),
      ),
    )
    .orderBy(asc(deliveries.deliveredOn))
    .limit(limit);
}

/* ── History ── */

export async function historyOf(db: Db, personId: string, year?: number) {
  return db
    .select({ evaluation: evaluations, period: periods })
    .from(evaluations)
    .innerJoin(periods, eq(periods.id, evaluations.periodId))
    .where(and(eq(evaluations.personId, personId), year ? eq(periods.year, year) : undefined))
    .orderBy(desc(periods.startsOn));
}
