import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { anyOf } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import { evaluations, orgUnits, periods } from "../../db/schema.ts";

/**
 * What a scorer reads: whole periods, or some people of some periods. Either is read in one query
 * per kind, whatever the number of periods. (Never a mix: `period in … or (period, person) in …`
 * defeats the indexes and scans every line of the province.)
 */
export type Targets = { periods: readonly string[] } | { people: readonly PersonInPeriod[] };

export interface PersonInPeriod {
  periodId: string;
  personId: string;
}

/** The targets' rows of the table aliased `alias` (evaluations `e`, assignments `a`), by index. */
function inTargets(alias: "e" | "a", targets: Targets) {
  const periodId = sql.raw(`${alias}.period_id`);
  if ("periods" in targets) return sql`${periodId} = any(${sql.param([...targets.periods])}::text[])`;
  const personId = sql.raw(`${alias}.person_id`);
  const periods = sql.param(targets.people.map((p) => p.periodId));
  const people = sql.param(targets.people.map((p) => p.personId));
  return sql`(${periodId}, ${personId}) in (select * from unnest(${periods}::text[], ${people}::text[]))`;
}

const targetsEmpty = (targets: Targets) =>
  "periods" in targets ? targets.periods.length === 0 : targets.people.length === 0;

/** Rows of `db.execute`: node-postgres and PGlite both answer `{ rows }`. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export interface PeriodMember {
  id: string;
  periodId: string;
  personId: string;
  unitId: string;
  unitPath: string;
  unitKind: string;
  leaderRole: string;
  total: string | null;
  status: string;
}

/**
 * Every evaluation of these periods with its snapshotted unit: the input of leaders' d. In a fixed
 * order, so a leader's explanation (who is below 50, by position) is the same at every rescore and
 * an unchanged score is not rewritten.
 */
export async function periodMembers(db: Db, periodIds: readonly string[]): Promise<PeriodMember[]> {
  if (periodIds.length === 0) return [];
  return db
    .select({
      id: evaluations.id,
      periodId: evaluations.periodId,
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
    .where(anyOf(evaluations.periodId, periodIds))
    .orderBy(asc(evaluations.periodId), asc(evaluations.personId));
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

export interface ScoringEvaluation {
  id: string;
  periodId: string;
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
  /** The score as stored now (a fraction as text), null when not scored. */
  exactTotal: string | null;
}

/**
 * The evaluations to score, in id order. With `lock` they are held for the rest of the transaction,
 * so concurrent scorers take turns without deadlocking; an explanation read takes them as they are.
 */
export async function scoringEvaluations(
  db: Db,
  targets: Targets,
  options: { lock: boolean },
): Promise<ScoringEvaluation[]> {
  if (targetsEmpty(targets)) return [];
  return rowsOf<ScoringEvaluation>(
    await db.execute(sql`
      select e.id, e.period_id as "periodId", e.person_id as "personId", p.rule_set_version as "ruleSetVersion",
        e.leader_role as "leaderRole", e.self_scores as "selfScores", e.confirmed_scores as "confirmedScores",
        e.organizing::text as organizing, e.organizing_reason as "organizingReason",
        e.unity::text as unity, e.unity_reason as "unityReason", e.result->>'exactTotal' as "exactTotal"
      from evaluations e join periods p on p.id = e.period_id
      where ${inTargets("e", targets)}
      order by e.id
      ${options.lock ? sql`for update of e` : sql``}`),
  );
}

/** The stored exact totals (a fraction as text) of these people's scored evaluations. */
export async function exactTotals(
  db: Db,
  targets: Targets,
): Promise<{ periodId: string; personId: string; exactTotal: string | null }[]> {
  if (targetsEmpty(targets)) return [];
  return rowsOf(
    await db.execute(sql`
      select e.period_id as "periodId", e.person_id as "personId", e.result->>'exactTotal' as "exactTotal"
      from evaluations e where ${inTargets("e", targets)}`),
  );
}

export interface ScoringLine {
  id: string;
  periodId: string;
  personId: string;
  coefficient: string;
  quantity: string;
  source: string;
}

// The reads here fetch a period's whole input (a province: a million lines, 3.5 million deliveries
// a year) as raw rows: Drizzle's per-row mapping cost more than the scoring itself.

/** Assignment lines of the targets, in the order people see them (oldest first). */
export async function scoringLines(db: Db, targets: Targets): Promise<ScoringLine[]> {
  if (targetsEmpty(targets)) return [];
  return rowsOf<ScoringLine>(
    await db.execute(sql`
      select a.id, a.period_id as "periodId", a.person_id as "personId", a.coefficient::text as coefficient,
        a.quantity::text as quantity, a.source
      from assignments a
      where ${inTargets("a", targets)}
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

/**
 * Deliveries against those lines, in delivery order; or `grouped`, one row per line and review
 * profile (failed reviews, delays and their excuses) with the quantities summed. Credits are linear
 * in the quantity, so a group scores exactly as its deliveries one by one (the core takes "a group
 * of identical units" as one delivery); a province reads a third of the rows. The explanation line
 * by line, which lists each delivery, reads them ungrouped.
 */
export async function scoringDeliveries(
  db: Db,
  targets: Targets,
  options: { grouped: boolean },
): Promise<ScoringDelivery[]> {
  if (targetsEmpty(targets)) return [];
  const profile = sql.raw("d.failed_reviews, d.excused_failed_reviews, d.delays, d.excused_delays");
  return rowsOf<ScoringDelivery>(
    await db.execute(
      options.grouped
        ? sql`
          select d.assignment_id as "assignmentId", sum(d.quantity)::text as quantity,
            d.failed_reviews as "failedReviews", d.excused_failed_reviews as "excusedFailedReviews",
            d.delays, d.excused_delays as "excusedDelays"
          from deliveries d join assignments a on a.id = d.assignment_id
          where ${inTargets("a", targets)}
          group by d.assignment_id, ${profile}`
        : sql`
          select d.assignment_id as "assignmentId", d.quantity::text as quantity,
            d.failed_reviews as "failedReviews", d.excused_failed_reviews as "excusedFailedReviews",
            d.delays, d.excused_delays as "excusedDelays"
          from deliveries d join assignments a on a.id = d.assignment_id
          where ${inTargets("a", targets)}
          order by d.delivered_on, d.id`,
    ),
  );
}

export interface StoredScore {
  id: string;
  total: string | null;
  result: unknown;
  ruleSetVersion: string;
  /** The leaders whose d reads this score must be scored again (`movesLeaderCriteria`). */
  movesLeaders: boolean;
}

/**
 * The computed scores, in one statement per 500; a score that came out the same is not rewritten
 * (nor flagged: the leaders above it need nothing), and one flagged out of date is cleared. A score
 * is derived data: storing it does not move the version users confirm against.
 */
export async function storeScores(db: Db, scores: readonly StoredScore[]): Promise<void> {
  const batch = 500;
  for (let i = 0; i < scores.length; i += batch) {
    const document = JSON.stringify(
      scores.slice(i, i + batch).map((s) => ({
        id: s.id,
        total: s.total,
        result: s.result,
        rule_set_version: s.ruleSetVersion,
        moves_leaders: s.movesLeaders,
      })),
    );
    await db.execute(sql`
      update evaluations as t
      set total = v.total, result = v.result, rule_set_version = v.rule_set_version, score_stale = false,
        leaders_stale = t.leaders_stale or v.moves_leaders, updated_at = now()
      from jsonb_to_recordset(${document}::jsonb)
        as v(id text, total numeric, result jsonb, rule_set_version text, moves_leaders boolean)
      where t.id = v.id and (t.score_stale or v.moves_leaders or t.total is distinct from v.total
        or t.result is distinct from v.result or t.rule_set_version is distinct from v.rule_set_version)`);
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
        ? anyOf(evaluations.periodId, scope.periodIds)
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

/**
 * Held until the transaction ends: one settle of a period at a time. Taken in the order of the
 * period ids, so two settles of overlapping periods wait for each other instead of deadlocking.
 */
export async function lockPeriodsSettle(db: Db, periodIds: readonly string[]): Promise<void> {
  if (periodIds.length === 0) return;
  await db.execute(sql`
    select pg_advisory_xact_lock(hashtext('settle:' || id))
    from unnest(${sql.param([...periodIds].sort())}::text[]) as id order by id`);
}

/** People of these periods with a score to bring up to date. */
export async function stalePeople(db: Db, periodIds: readonly string[]): Promise<PersonInPeriod[]> {
  if (periodIds.length === 0) return [];
  return db
    .select({ periodId: evaluations.periodId, personId: evaluations.personId })
    .from(evaluations)
    .where(and(anyOf(evaluations.periodId, periodIds), stale));
}

export interface StaleFlags extends PersonInPeriod {
  leadersStale: boolean;
  scoreStale: boolean;
}

/**
 * Locks these people's evaluations for the rest of the transaction, in id order like every scorer,
 * and returns their flags as they stand under the lock: no writer can change them now.
 */
export async function lockEvaluations(db: Db, people: readonly PersonInPeriod[]): Promise<StaleFlags[]> {
  if (people.length === 0) return [];
  return rowsOf<StaleFlags>(
    await db.execute(sql`
      select e.period_id as "periodId", e.person_id as "personId",
        e.leaders_stale as "leadersStale", e.score_stale as "scoreStale"
      from evaluations e where ${inTargets("e", { people })}
      order by e.id
      for update of e`),
  );
}

/** Marks these scores as up to date, for them and their leaders (whole periods, or some people). */
export async function clearStale(db: Db, targets: Targets): Promise<void> {
  if (targetsEmpty(targets)) return;
  await db.execute(sql`
    update evaluations e set leaders_stale = false, score_stale = false
    where ${inTargets("e", targets)} and (e.leaders_stale or e.score_stale)`);
}

/**
 * Flags these scores as out of date, for `settleScores` to score later; rows are locked in id
 * order like every scorer's, and a score already flagged is left alone.
 */
export async function markScoresStale(db: Db, people: readonly PersonInPeriod[]): Promise<void> {
  if (people.length === 0) return;
  await db.execute(sql`
    update evaluations set score_stale = true
    where id in (
      select e.id from evaluations e
      where ${inTargets("e", { people })} and not e.score_stale
      order by e.id
      for update of e)`);
}
