import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { recordsetUpdate } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import { evaluations, orgUnits, periods } from "../../db/schema.ts";

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

/**
 * Every evaluation of a period with its snapshotted unit: the input of leaders' d. In a fixed order,
 * so a leader's explanation (who is below 50, by position) is the same at every rescore and an
 * unchanged score is not rewritten.
 */
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
    .where(eq(evaluations.periodId, periodId))
    .orderBy(asc(evaluations.personId));
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
  /** The period's rule set, read with the rows. */
  ruleSetVersion: string;
  leaderRole: string;
  selfScores: unknown;
  confirmedScores: unknown;
  organizing: string | null;
  organizingReason: string | null;
  unity: string | null;
  unityReason: string | null;
}

/**
 * The evaluations to score (all of the period when `personIds` is null), in id order. With `lock`
 * they are held for the rest of the transaction, so concurrent refreshes take turns without
 * deadlocking; an explanation read takes them as they are.
 */
export async function scoringEvaluations(
  db: Db,
  periodId: string,
  personIds: readonly string[] | null,
  options: { lock: boolean },
): Promise<ScoringEvaluation[]> {
  const query = db
    .select({
      id: evaluations.id,
      personId: evaluations.personId,
      ruleSetVersion: periods.ruleSetVersion,
      leaderRole: evaluations.leaderRole,
      selfScores: evaluations.selfScores,
      confirmedScores: evaluations.confirmedScores,
      organizing: evaluations.organizing,
      organizingReason: evaluations.organizingReason,
      unity: evaluations.unity,
      unityReason: evaluations.unityReason,
    })
    .from(evaluations)
    .innerJoin(periods, eq(periods.id, evaluations.periodId))
    .where(and(eq(evaluations.periodId, periodId), ofPeople(personIds)))
    .orderBy(asc(evaluations.id));
  return options.lock ? query.for("update", { of: evaluations }) : query;
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

/** Rows of `db.execute`: node-postgres and PGlite both answer `{ rows }`. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

const ofLinePeople = (personIds: readonly string[] | null) =>
  personIds ? sql`and a.person_id = any(${sql.param([...personIds])}::text[])` : sql``;

export interface ScoringLine {
  id: string;
  personId: string;
  coefficient: string;
  quantity: string;
  source: string;
}

// The two reads below fetch a period's whole input (a province: a million lines, 3.5 million
// deliveries a year) as raw rows: Drizzle's per-row mapping cost more than the scoring itself.

/** Assignment lines of the period, in the order people see them (oldest first). */
export async function scoringLines(
  db: Db,
  periodId: string,
  personIds: readonly string[] | null,
): Promise<ScoringLine[]> {
  if (personIds?.length === 0) return [];
  return rowsOf<ScoringLine>(
    await db.execute(sql`
      select a.id, a.person_id as "personId", a.coefficient::text as coefficient, a.quantity::text as quantity, a.source
      from assignments a
      where a.period_id = ${periodId} ${ofLinePeople(personIds)}
      order by a.created_at, a.id`),
  );
}

export interface ScoringDelivery {
  assignmentId: string;
  quantity: string;
  failedReviews: number;
  excusedFailedReviews: number;
  delays: number;
  excusedDelays: number;
}

/** Deliveries against those lines, in delivery order. */
export async function scoringDeliveries(
  db: Db,
  periodId: string,
  personIds: readonly string[] | null,
): Promise<ScoringDelivery[]> {
  if (personIds?.length === 0) return [];
  return rowsOf<ScoringDelivery>(
    await db.execute(sql`
      select d.assignment_id as "assignmentId", d.quantity::text as quantity,
        d.failed_reviews as "failedReviews", d.excused_failed_reviews as "excusedFailedReviews",
        d.delays, d.excused_delays as "excusedDelays"
      from deliveries d join assignments a on a.id = d.assignment_id
      where a.period_id = ${periodId} ${ofLinePeople(personIds)}
      order by d.delivered_on, d.id`),
  );
}

export interface StoredScore {
  id: string;
  total: string | null;
  result: unknown;
  ruleSetVersion: string;
}

/**
 * The computed scores, in one statement per batch; a score that came out the same is not rewritten
 * (nor flagged: the leaders above it need nothing). A score is derived data: storing it does not
 * move the version users confirm against.
 */
export async function storeScores(
  db: Db,
  scores: readonly StoredScore[],
  options: { markStale: boolean },
): Promise<void> {
  const batch = 500;
  for (let i = 0; i < scores.length; i += batch) {
    await recordsetUpdate<StoredScore>(
      db,
      "evaluations",
      [
        ["id", "text", (s) => s.id],
        ["total", "numeric", (s) => s.total],
        ["result", "jsonb", (s) => s.result],
        ["rule_set_version", "text", (s) => s.ruleSetVersion],
        // Scored now, whatever flagged it before: a score that came out the same is still cleared.
        ["score_stale", "boolean", () => false],
      ],
      scores.slice(i, i + batch),
      options.markStale ? sql`updated_at = now(), leaders_stale = true` : sql`updated_at = now()`,
    );
  }
}

/* ───────────── Settling leaders after writes ───────────── */

const stale = or(eq(evaluations.leadersStale, true), eq(evaluations.scoreStale, true));

/** Which periods a reader is about to read scores of. */
export type SettleScope = { periodIds: readonly string[] } | { year: number; agencyIds?: readonly string[] } | "all";

/** Periods in `scope` with a score to bring up to date: its own, or its leaders' (a partial index). */
export async function stalePeriods(db: Db, scope: SettleScope): Promise<string[]> {
  if (scope !== "all" && "periodIds" in scope && scope.periodIds.length === 0) return [];
  const inScope =
    scope === "all"
      ? undefined
      : "periodIds" in scope
        ? inArray(evaluations.periodId, [...scope.periodIds])
        : inArray(
            evaluations.periodId,
            db
              .select({ id: periods.id })
              .from(periods)
              .where(
                and(
                  eq(periods.year, scope.year),
                  scope.agencyIds ? inArray(periods.agencyId, [...scope.agencyIds]) : undefined,
                ),
              ),
          );
  const rows = await db
    .selectDistinct({ periodId: evaluations.periodId })
    .from(evaluations)
    .where(and(stale, inScope))
    .orderBy(asc(evaluations.periodId));
  return rows.map((r) => r.periodId);
}

/** Held until the transaction ends: one settle of a period at a time. */
export async function lockPeriodSettle(db: Db, periodId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`settle:${periodId}`}))`);
}

/** People of the period with a score to bring up to date. */
export async function stalePeople(db: Db, periodId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: evaluations.personId })
    .from(evaluations)
    .where(and(eq(evaluations.periodId, periodId), stale));
  return rows.map((r) => r.personId);
}

export interface StaleFlags {
  personId: string;
  leadersStale: boolean;
  scoreStale: boolean;
}

/**
 * Locks these people's evaluations for the rest of the transaction, in id order like every scorer,
 * and returns their flags as they stand under the lock: no writer can change them now.
 */
export async function lockEvaluations(db: Db, periodId: string, personIds: readonly string[]): Promise<StaleFlags[]> {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: evaluations.personId,
      leadersStale: evaluations.leadersStale,
      scoreStale: evaluations.scoreStale,
    })
    .from(evaluations)
    .where(and(eq(evaluations.periodId, periodId), ofPeople(personIds)))
    .orderBy(asc(evaluations.id))
    .for("update");
}

/** Marks these people's scores (all of the period when null) as up to date, for them and their leaders. */
export async function clearStale(db: Db, periodId: string, personIds: readonly string[] | null): Promise<void> {
  if (personIds?.length === 0) return;
  await db
    .update(evaluations)
    .set({ leadersStale: false, scoreStale: false })
    .where(and(eq(evaluations.periodId, periodId), stale, ofPeople(personIds)));
}

/**
 * Flags these (period, person) scores as out of date, for `settleScores` to score later; rows are
 * locked in id order like every scorer's, and a score already flagged is left alone.
 */
export async function markScoresStale(
  db: Db,
  targets: readonly { periodId: string; personId: string }[],
): Promise<void> {
  if (targets.length === 0) return;
  await db.execute(sql`
    update evaluations set score_stale = true
    where id in (
      select e.id from evaluations e
      join unnest(${sql.param(targets.map((t) => t.periodId))}::text[], ${sql.param(targets.map((t) => t.personId))}::text[])
        as t(period_id, person_id) on e.period_id = t.period_id and e.person_id = t.person_id
      where not e.score_stale
      order by e.id
      for update of e)`);
}
