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
 * Members in the order a leader's explanation lists the people below (by position): by period, then
 * person, as code units rather than in the database's collation, so every query that reads them
 * yields the same explanation and an unchanged score is not rewritten.
 */
export function inMemberOrder<T extends PersonInPeriod>(rows: T[]): T[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => compare(a.periodId, b.periodId) || compare(a.personId, b.personId));
}

/** Every evaluation of these periods with its snapshotted unit: the input of leaders' d. */
export async function periodMembers(db: Db, periodIds: readonly string[]): Promise<PeriodMember[]> {
  if (periodIds.length === 0) return [];
  const rows = await db
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
    .where(anyOf(evaluations.periodId, periodIds));
  return inMemberOrder(rows);
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

/** An evaluation as scorers read it: a member of its period, with what its score is made of. */
export interface ScoringEvaluation extends PeriodMember {
  /** The period's rule set, read with the rows. */
  ruleSetVersion: string;
  selfScores: unknown;
  confirmedScores: unknown;
  organizing: string | null;
  organizingReason: string | null;
  unity: string | null;
  unityReason: string | null;
  /** The score as stored now (a fraction as text), null when not scored. */
  exactTotal: string | null;
  /** What `storeScores` stored last (`scoreDigest`), null before the first store. */
  scoreDigest: string | null;
  scoreStale: boolean;
  leadersStale: boolean;
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
        e.unit_id as "unitId", u.path as "unitPath", u.kind as "unitKind", e.total::text as total, e.status,
        e.leader_role as "leaderRole", e.self_scores as "selfScores", e.confirmed_scores as "confirmedScores",
        e.organizing::text as organizing, e.organizing_reason as "organizingReason",
        e.unity::text as unity, e.unity_reason as "unityReason", e.result->>'exactTotal' as "exactTotal",
        e.score_digest as "scoreDigest", e.score_stale as "scoreStale", e.leaders_stale as "leadersStale"
      from evaluations e join periods p on p.id = e.period_id join org_units u on u.id = e.unit_id
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
  /** The result as JSON text, as the digest was taken of it. */
  resultJson: string;
  ruleSetVersion: string;
  digest: string;
  /** The leaders whose d reads this score must be scored again (`movesLeaderCriteria`). */
  movesLeaders: boolean;
}

/** One score as a `jsonb_to_recordset` record; the result goes in as the text it already is. */
const scoreRecord = (s: StoredScore) =>
  `{"id":${JSON.stringify(s.id)},"total":${JSON.stringify(s.total)},"result":${s.resultJson},` +
  `"rule_set_version":${JSON.stringify(s.ruleSetVersion)},"digest":${JSON.stringify(s.digest)},` +
  `"moves_leaders":${s.movesLeaders}}`;

/**
 * The computed scores, in one statement per 500, each clearing its out-of-date flag. The caller
 * leaves out those that came out as stored. A score is derived data: storing it does not move the
 * version users confirm against.
 */
export async function storeScores(db: Db, scores: readonly StoredScore[]): Promise<void> {
  const batch = 500;
  for (let i = 0; i < scores.length; i += batch) {
    const document = `[${scores
      .slice(i, i + batch)
      .map(scoreRecord)
      .join(",")}]`;
    await db.execute(sql`
      update evaluations as t
      set total = v.total, result = v.result, rule_set_version = v.rule_set_version, score_digest = v.digest,
        score_stale = false, leaders_stale = t.leaders_stale or v.moves_leaders, updated_at = now()
      from jsonb_to_recordset(${document}::jsonb)
        as v(id text, total numeric, result jsonb, rule_set_version text, digest text, moves_leaders boolean)
      where t.id = v.id`);
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
