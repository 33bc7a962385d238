import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { unnestUpdate } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import { assignments, deliveries, evaluations, orgUnits, periods } from "../../db/schema.ts";

export interface PeriodMember {
  id: string;
  personId: string;
  unitId: string;
  unitPath: string;
  unitKind: string;
  leaderRole: string;
  total: string | null;
  status: string;
}

/** Every evaluation of a period with its snapshotted unit: the input of leaders' d. */
export async function periodMembers(db: Db, periodId: string): Promise<PeriodMember[]> {
  return db
    .select({
      id: evaluations.id,
      personId: evaluations.personId,
      unitId: evaluations.unitId,
      unitPath: orgUnits.path,
      unitKind: orgUnits.kind,
      leaderRole: evaluations.leaderRole,
      total: evaluations.total,
      status: evaluations.status,
    })
    .from(evaluations)
    .innerJoin(orgUnits, eq(orgUnits.id, evaluations.unitId))
    .where(eq(evaluations.periodId, periodId));
}

export async function periodRuleSet(db: Db, periodId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ ruleSetVersion: periods.ruleSetVersion })
    .from(periods)
    .where(eq(periods.id, periodId))
    .limit(1);
  return row?.ruleSetVersion;
}

/** Ids of the periods of a year, optionally of some agencies only, in a stable order. */
export async function periodsOfYear(db: Db, year: number, agencyIds?: readonly string[]): Promise<string[]> {
  if (agencyIds?.length === 0) return [];
  const rows = await db
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.year, year), agencyIds ? inArray(periods.agencyId, [...agencyIds]) : undefined))
    .orderBy(asc(periods.agencyId), asc(periods.kind), asc(periods.number));
  return rows.map((r) => r.id);
}

const ofPeople = (personIds: readonly string[] | null) =>
  personIds ? inArray(evaluations.personId, [...personIds]) : undefined;

export interface ScoringEvaluation {
  id: string;
  personId: string;
  leaderRole: string;
  selfScores: unknown;
  confirmedScores: unknown;
  organizing: string | null;
  organizingReason: string | null;
  unity: string | null;
  unityReason: string | null;
}

/**
 * The evaluations to score (all of the period when `personIds` is null), locked for the rest of
 * the transaction in id order, so concurrent refreshes take turns without deadlocking.
 */
export async function lockForScoring(
  db: Db,
  periodId: string,
  personIds: readonly string[] | null,
): Promise<ScoringEvaluation[]> {
  return db
    .select({
      id: evaluations.id,
      personId: evaluations.personId,
      leaderRole: evaluations.leaderRole,
      selfScores: evaluations.selfScores,
      confirmedScores: evaluations.confirmedScores,
      organizing: evaluations.organizing,
      organizingReason: evaluations.organizingReason,
      unity: evaluations.unity,
      unityReason: evaluations.unityReason,
    })
    .from(evaluations)
    .where(and(eq(evaluations.periodId, periodId), ofPeople(personIds)))
    .orderBy(asc(evaluations.id))
    .for("update");
}

/** The stored exact totals (a fraction as text) of these people's scored evaluations. */
export async function exactTotals(
  db: Db,
  periodId: string,
  personIds: readonly string[],
): Promise<{ personId: string; exactTotal: string | null }[]> {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: evaluations.personId,
      exactTotal: sql<string | null>`${evaluations.result}->>'exactTotal'`,
    })
    .from(evaluations)
    .where(and(eq(evaluations.periodId, periodId), ofPeople(personIds)));
}

const linesOf = (personIds: readonly string[] | null) =>
  personIds ? inArray(assignments.personId, [...personIds]) : undefined;

/** Assignment lines of the period, in the order people see them (oldest first). */
export async function scoringLines(db: Db, periodId: string, personIds: readonly string[] | null) {
  if (personIds?.length === 0) return [];
  return db
    .select({
      id: assignments.id,
      personId: assignments.personId,
      coefficient: assignments.coefficient,
      quantity: assignments.quantity,
      source: assignments.source,
    })
    .from(assignments)
    .where(and(eq(assignments.periodId, periodId), linesOf(personIds)))
    .orderBy(asc(assignments.createdAt), asc(assignments.id));
}

/** Deliveries against those lines, in delivery order. */
export async function scoringDeliveries(db: Db, periodId: string, personIds: readonly string[] | null) {
  if (personIds?.length === 0) return [];
  return db
    .select({
      assignmentId: deliveries.assignmentId,
      quantity: deliveries.quantity,
      failedReviews: deliveries.failedReviews,
      excusedFailedReviews: deliveries.excusedFailedReviews,
      delays: deliveries.delays,
      excusedDelays: deliveries.excusedDelays,
    })
    .from(deliveries)
    .innerJoin(assignments, eq(assignments.id, deliveries.assignmentId))
    .where(and(eq(assignments.periodId, periodId), linesOf(personIds)))
    .orderBy(asc(deliveries.deliveredOn), asc(deliveries.id));
}

export interface StoredScore {
  id: string;
  total: string | null;
  result: unknown;
  ruleSetVersion: string;
}

/**
 * The computed scores, in one statement per batch; a score that came out the same is not rewritten
 * (a delivery re-scores its maker's leaders too, whose scores rarely move). A score is derived
 * data: storing it does not move the version users confirm against.
 */
export async function storeScores(db: Db, scores: readonly StoredScore[]): Promise<void> {
  const batch = 500;
  for (let i = 0; i < scores.length; i += batch) {
    await unnestUpdate<StoredScore>(
      db,
      "evaluations",
      [
        ["id", "text", (s) => s.id],
        ["total", "numeric", (s) => s.total],
        ["result", "jsonb", (s) => JSON.stringify(s.result)],
        ["rule_set_version", "text", (s) => s.ruleSetVersion],
      ],
      scores.slice(i, i + batch),
      sql`updated_at = now()`,
    );
  }
}
