import { hash } from "node:crypto";
import { isAgencyKind, type LeaderRole, type OrgUnitKind, type Score } from "@thuocdo/contract";
import {
  computePeriod,
  type GeneralScores,
  generalPoints,
  type Level,
  levelForScore,
  movesLeaderCriteria,
  type PeriodExplanation,
  type PeriodResult,
  Rational,
  type RuleSet,
  ruleSetById,
  type ValidAssignment,
  type ValidDelivery,
  type ValidLeaderInput,
} from "@thuocdo/core";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../http/app-error.ts";
import { groupBy } from "../../lib/group-by.ts";
import * as repo from "./repo.ts";

/**
 * Period scores (Decree 335 Art. 14–17) computed from the rows through the core and stored as
 * snapshots on the evaluations. One period is scored with a fixed number of queries whatever its
 * headcount: a month-end refresh of one person and a province-wide recompute share this path.
 */

/* ───────────── Exact values from the database ───────────── */

/** A numeric column (a decimal string) as an exact value; never through a float. */
export function decimal(text: string): Rational {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const [, sign, whole, fraction = ""] = match;
  return Rational.of(BigInt(`${sign}${whole}${fraction}`), 10n ** BigInt(fraction.length));
}

/**
 * `decimal` remembering what it read: a period's thousands of quantities and coefficients are a
 * few dozen distinct texts ("1", "1.00", "0.50"), and values are immutable, so they can be shared.
 */
function decimalReader(): (text: string) => Rational {
  const seen = new Map<string, Rational>();
  return (text) => {
    let value = seen.get(text);
    if (!value) {
      value = decimal(text);
      seen.set(text, value);
    }
    return value;
  };
}

/* ───────────── The stored score ───────────── */

/** The core's result as stored: every figure and ratio, without the explanation line by line. */
export type StoredPeriodResult = Omit<PeriodResult, "explanation"> & {
  explanation: Omit<PeriodExplanation, "lines">;
};

/**
 * What `evaluations.result` holds: the core's result (`StoredPeriodResult`), plus what the readers
 * need without recomputing: the level band (compared exactly), the exact total as a fraction (for
 * leaders' d), and which general points were used. `explainedScore` adds the lines back.
 */
export type StoredResult =
  | {
      state: "scored";
      level: Level;
      exactTotal: string;
      generalSource: Score["generalSource"];
      result: StoredPeriodResult;
    }
  | { state: "no_assignment"; generalSource: Score["generalSource"]; extraAssigned: number };

const fraction = (text: string): Rational => {
  const [num, den = "1"] = text.split("/");
  return Rational.of(BigInt(num!), BigInt(den));
};

const exactOf = (stored: StoredResult | null): Rational | null =>
  stored?.state === "scored" ? fraction(stored.exactTotal) : null;

export function scoreOf(ev: { total: string | null; result: unknown; ruleSetVersion: string | null }): Score {
  const stored = ev.result as StoredResult | null;
  if (stored?.state !== "scored") {
    return {
      state: "no_assignment",
      total: null,
      level: null,
      ruleSetVersion: ev.ruleSetVersion,
      generalSource: stored?.generalSource ?? "none",
      result: stored ?? null,
    };
  }
  return {
    state: "scored",
    total: exactOf(stored)!.toNumber(),
    level: stored.level,
    ruleSetVersion: ev.ruleSetVersion,
    generalSource: stored.generalSource,
    result: stored.result,
  };
}

/* ───────────── Who counts in a leader's d (Art. 15.3.a, 15.4) ───────────── */

/**
 * The people whose period scores decide a leader's d. Decree 335 says "the people they evaluate"
 * (Art. 10): the head of a division evaluates everyone else in it; the head of an agency its
 * deputies, the heads of its divisions and staff placed directly in the agency. A deputy's d
 * counts the people of their assigned fields (Art. 15.4); the product keeps no fields yet, so a
 * division deputy counts the division's non-leader staff and an agency deputy the heads of the
 * divisions and the agency's own staff. Leaving the other leaders of the same level out keeps
 * the dependency one-way (staff → deputies → heads), so one pass from the bottom settles all.
 */
export function evaluatedBy(leader: repo.PeriodMember, members: readonly repo.PeriodMember[]): repo.PeriodMember[] {
  const atAgency = isAgencyKind(leader.unitKind as OrgUnitKind);
  return members.filter((m) => {
    if (m.personId === leader.personId || !m.unitPath.startsWith(leader.unitPath)) return false;
    const sameUnit = m.unitId === leader.unitId;
    if (!atAgency) return leader.leaderRole === "head" || m.leaderRole === "none";
    if (sameUnit) return m.leaderRole === "none" || (leader.leaderRole === "head" && m.leaderRole === "deputy");
    return m.leaderRole === "head";
  });
}

/** Bottom-up order of people: staff, division deputies, division heads, agency deputies, agency heads. */
export const scoringRank = (m: { leaderRole: string; unitKind: string }) =>
  m.leaderRole === "none"
    ? 0
    : 1 + (isAgencyKind(m.unitKind as OrgUnitKind) ? 2 : 0) + (m.leaderRole === "head" ? 1 : 0);

/**
 * The people to rescore when `changed` people's rows moved: them, then every leader whose d reads
 * one of them, bottom-up, so the stored totals of a period always agree with each other.
 */
export function affectedBy(members: readonly repo.PeriodMember[], changed: readonly string[]): Set<string> {
  const affected = new Set(changed);
  const leaders = members.filter((m) => m.leaderRole !== "none").sort((a, b) => scoringRank(a) - scoringRank(b));
  for (const leader of leaders) {
    if (affected.has(leader.personId)) continue;
    if (evaluatedBy(leader, members).some((m) => affected.has(m.personId))) affected.add(leader.personId);
  }
  return affected;
}

/* ───────────── Scoring ───────────── */

function generalOf(ev: repo.ScoringEvaluation): { value: Rational; source: Score["generalSource"] } {
  const [scores, source] = ev.confirmedScores
    ? [ev.confirmedScores, "confirmed" as const]
    : ev.selfScores
      ? [ev.selfScores, "self" as const]
      : [null, "none" as const];
  const points = scores ? generalPoints(scores as GeneralScores) : null;
  return { value: points?.ok ? points.value : Rational.ZERO, source };
}

/** One evaluation through the core: its total, the core's whole result, and what is stored of it. */
export interface Scored {
  evaluation: repo.ScoringEvaluation;
  total: Rational | null;
  /** With the explanation line by line; null when nothing is planned. */
  result: PeriodResult | null;
  stored: StoredResult;
  /** From the score stored before to this one, the d of the leaders above can change (Art. 15.3.a). */
  movesLeaders: boolean;
}

/**
 * One evaluation through the core. General points are the confirmed ones once confirmed, else the
 * self-scored ones, else 0. Handed-back units stay in the assigned quantity and earn nothing.
 * Nothing planned (A = 0) is the state `no_assignment`, not an error.
 */
function scoreOne(
  ruleSet: RuleSet,
  ev: repo.ScoringEvaluation,
  lines: readonly ValidAssignment[],
  delivered: readonly ValidDelivery[],
  leader: ValidLeaderInput | null,
): Omit<Scored, "movesLeaders"> {
  const general = generalOf(ev);
  const computed = computePeriod(ruleSet, {
    leaderRole: ev.leaderRole as LeaderRole,
    general: general.value,
    assignments: lines,
    deliveries: delivered,
    leader,
  });
  if (computed.ok) {
    const result = computed.value;
    const { lines: _lines, ...explanation } = result.explanation;
    const stored: StoredResult = {
      state: "scored",
      level: levelForScore(ruleSet.settings.thresholds, result.total),
      exactTotal: result.total.toString(),
      generalSource: general.source,
      // Rationals turn into numbers as the row is serialised (`Rational.toJSON`), like `toPlain`.
      result: { ...result, explanation },
    };
    return { evaluation: ev, total: result.total, result, stored };
  }
  const noAssignment = computed.error.find((i) => i.code === "ERR_NO_ASSIGNMENT");
  if (!noAssignment) throw new AppError("CALC_INVALID", { issues: computed.error });
  return {
    evaluation: ev,
    total: null,
    result: null,
    stored: {
      state: "no_assignment",
      generalSource: general.source,
      extraAssigned: Number(noAssignment.params.extraAssigned ?? 0),
    },
  };
}

/** Everything the scores of some people of one period are made of. */
interface PeriodInput {
  ruleSet: RuleSet;
  /** Bottom-up: staff before the leaders whose d reads them. */
  ordered: repo.ScoringEvaluation[];
  /** By person. */
  linesOf: Map<string, ValidAssignment[]>;
  deliveredOf: Map<string, ValidDelivery[]>;
  /** For each leader, the people their d reads. */
  evaluatedOf: Map<string, string[]>;
  /** Stored exact totals of the people a leader's d reads who are not scored in this pass. */
  storedTotals: Map<string, string>;
}

/** One person of one period as a map key. */
export const keyOf = (p: repo.PersonInPeriod) => `${p.periodId}/${p.personId}`;

/**
 * Reads the targets for scoring, one `PeriodInput` per period, in a fixed number of queries
 * whatever the number of periods and people. With `lock`, the evaluations are held in id order for
 * the rest of the transaction. Only an `explain`ed score lists each delivery; a stored one reads
 * them grouped. `members`, when the caller has them, are the periods' evaluations.
 */
async function loadPeriods(
  tx: Db,
  targets: repo.Targets,
  options: { lock: boolean; explain: boolean; members?: readonly repo.PeriodMember[] },
): Promise<PeriodInput[]> {
  const evaluations = await repo.scoringEvaluations(tx, targets, { lock: options.lock });
  if (evaluations.length === 0) return [];
  // Whole periods read their lines by period (one range of the index); people, by person.
  const rowTargets = "periods" in targets ? targets : { people: evaluations };
  const [lines, delivered] = await Promise.all([
    repo.scoringLines(tx, rowTargets),
    repo.scoringDeliveries(tx, rowTargets, { grouped: !options.explain }),
  ]);
  const exact = decimalReader();
  const linesOf = new Map(
    [...groupBy(lines, keyOf)].map(([key, rows]) => [
      key,
      rows.map(
        (l): ValidAssignment => ({
          id: l.id,
          coefficient: exact(l.coefficient),
          quantity: exact(l.quantity),
          source: l.source as ValidAssignment["source"],
        }),
      ),
    ]),
  );
  const keyOfLine = new Map(lines.map((l) => [l.id, keyOf(l)]));
  const deliveredOf = groupBy(
    delivered.map(
      (d): ValidDelivery => ({
        assignment: d.assignmentId,
        quantity: exact(d.quantity),
        failedReviews: d.failedReviews,
        excusedFailedReviews: d.excusedFailedReviews,
        delays: d.delays,
        excusedDelays: d.excusedDelays,
      }),
    ),
    (d) => keyOfLine.get(d.assignment)!,
  );

  const byPeriod = groupBy(evaluations, (e) => e.periodId);
  const membersOf = groupBy(options.members ?? (await membersOfTargets(tx, targets, byPeriod)), (m) => m.periodId);
  const periods = [...byPeriod].map(([periodId, evs]) => {
    const members = membersOf.get(periodId) ?? [];
    const memberOf = new Map(members.map((m) => [m.personId, m]));
    const rank = (ev: repo.ScoringEvaluation) => {
      const m = memberOf.get(ev.personId);
      return m ? scoringRank(m) : 0;
    };
    const ordered = [...evs].sort((a, b) => rank(a) - rank(b));
    const evaluatedOf = new Map(
      ordered
        .filter((ev) => ev.leaderRole !== "none")
        .map((ev) => {
          const self = memberOf.get(ev.personId);
          return [ev.personId, self ? evaluatedBy(self, members).map((m) => m.personId) : []];
        }),
    );
    const scoring = new Set(evs.map((ev) => ev.personId));
    const readStored = [...new Set([...evaluatedOf.values()].flat())].filter((id) => !scoring.has(id));
    return { periodId, evs, ordered, evaluatedOf, readStored };
  });
  const stored = await repo.exactTotals(tx, {
    people: periods.flatMap((p) => p.readStored.map((personId) => ({ periodId: p.periodId, personId }))),
  });
  const storedOf = groupBy(
    stored.filter((r) => r.exactTotal),
    (r) => r.periodId,
  );
  return periods.map(({ periodId, evs, ordered, evaluatedOf }) => {
    const version = evs[0]!.ruleSetVersion;
    const ruleSet = ruleSetById(version);
    if (!ruleSet.ok) throw new AppError("INTERNAL", { reason: "unknown_rule_set", id: version });
    const personal = <T>(of: Map<string, T[]>) => new Map(evs.map((ev) => [ev.personId, of.get(keyOf(ev)) ?? []]));
    return {
      ruleSet: ruleSet.value,
      ordered,
      linesOf: personal(linesOf),
      deliveredOf: personal(deliveredOf),
      evaluatedOf,
      storedTotals: new Map((storedOf.get(periodId) ?? []).map((r) => [r.personId, r.exactTotal!])),
    };
  });
}

/**
 * The members of the periods being scored. Whole periods are their own; some people of a period
 * need the others only for a leader's d (a delivery by staff never reads them).
 */
async function membersOfTargets(
  tx: Db,
  targets: repo.Targets,
  byPeriod: Map<string, repo.ScoringEvaluation[]>,
): Promise<repo.PeriodMember[]> {
  if ("periods" in targets) return repo.inMemberOrder([...byPeriod.values()].flat());
  const leaderPeriods = [...byPeriod].filter(([, evs]) => evs.some((e) => e.leaderRole !== "none")).map(([id]) => id);
  return repo.periodMembers(tx, leaderPeriods);
}

/**
 * Scores what `loadPeriods` read of one period, bottom-up: leaders take the fresh totals of the
 * people scored before them in this pass and the stored totals of the others.
 */
function scorePeriodInput(input: PeriodInput): Scored[] {
  const fresh = new Map<string, Rational | null>();
  const totalOf = (personId: string): Rational | null => {
    if (fresh.has(personId)) return fresh.get(personId)!;
    const text = input.storedTotals.get(personId);
    return text ? fraction(text) : null;
  };
  return input.ordered.map((ev) => {
    const leader: ValidLeaderInput | null =
      ev.leaderRole === "none"
        ? null
        : {
            subordinateScores: (input.evaluatedOf.get(ev.personId) ?? []).flatMap((id) => totalOf(id) ?? []),
            organizing: ev.organizing ? decimal(ev.organizing) : Rational.ONE,
            unity: ev.unity ? decimal(ev.unity) : Rational.ONE,
            organizingReason: ev.organizingReason,
            unityReason: ev.unityReason,
          };
    const scored = scoreOne(
      input.ruleSet,
      ev,
      input.linesOf.get(ev.personId) ?? [],
      input.deliveredOf.get(ev.personId) ?? [],
      leader,
    );
    fresh.set(ev.personId, scored.total);
    const before = ev.exactTotal ? fraction(ev.exactTotal) : null;
    return { ...scored, movesLeaders: movesLeaderCriteria(input.ruleSet, before, scored.total) };
  });
}

/**
 * Scores the targets and stores the results, in a fixed number of queries whatever their number.
 * The rows are locked first. `markStale` flags the scores whose move reaches the leaders above
 * (`movesLeaderCriteria`), for `settleScores` to score them. Returns what was scored.
 */
export async function scoreTargets(
  tx: Db,
  targets: repo.Targets,
  options: { members?: readonly repo.PeriodMember[]; markStale: boolean },
): Promise<Scored[]> {
  const inputs = await loadPeriods(tx, targets, { lock: true, explain: false, members: options.members });
  const scored = inputs.flatMap(scorePeriodInput);
  await repo.storeScores(
    tx,
    scored.flatMap((s) => {
      const store = storedScore(s, options.markStale && s.movesLeaders);
      const same = store.digest === s.evaluation.scoreDigest && !s.evaluation.scoreStale && !store.movesLeaders;
      return same ? [] : [store];
    }),
  );
  return scored;
}

/**
 * A score as `storeScores` writes it, with the digest that tells it from the one stored: a rescore
 * of a province sends back only what moved, not 120 MB of results to compare.
 */
function storedScore(s: Scored, movesLeaders: boolean): repo.StoredScore {
  const total = s.total?.toFixed(6) ?? null;
  const resultJson = JSON.stringify(s.stored);
  const { ruleSetVersion } = s.evaluation;
  const digest = hash("sha1", `${ruleSetVersion}\n${total}\n${resultJson}`, "base64");
  return { id: s.evaluation.id, total, resultJson, ruleSetVersion, digest, movesLeaders };
}

/**
 * One stored score with its explanation line by line, for the screens and forms that show it. The
 * core's values stay exact here and turn into numbers as the answer is serialised
 * (`Rational.toJSON`); code that reads the numbers itself goes through `toPlain`. The stored row
 * keeps the totals only (the explanation of a province is ~900 MB of JSON nobody reads in bulk);
 * the lines are worked out again from the same rows and rule set, after the period's scores were
 * settled, so they add up to the stored total.
 */
export async function explainedScore(
  db: Db,
  ev: { periodId: string; personId: string; total: string | null; result: unknown; ruleSetVersion: string | null },
): Promise<Score> {
  const score = scoreOf(ev);
  if (score.state !== "scored") return score;
  const [input] = await loadPeriods(db, { people: [ev] }, { lock: false, explain: true });
  const result = input && scorePeriodInput(input)[0]?.result;
  return result ? { ...score, result } : score;
}

/**
 * Leaves these people's scores to the settle: flagged out of date in the writer's transaction, and
 * scored by the next read of them or by the background timer, whichever comes first. For the
 * writes a month-end bursts with (deliveries): a person's many writes between two settles cost one
 * scoring, and the writer waits for none.
 */
export function deferScores(tx: Db, people: readonly repo.PersonInPeriod[]): Promise<void> {
  return repo.markScoresStale(tx, people);
}

/**
 * Re-scores the people whose rows changed, at once, in the writer's transaction; the leaders whose
 * d reads them follow in `settleScores`. A month-end burst of writes in one agency thus costs one
 * leaders' pass per settle, not one per write.
 */
export async function refreshScores(tx: Db, periodId: string, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await scoreTargets(tx, { people: personIds.map((personId) => ({ periodId, personId })) }, { markStale: true });
}

/** Re-scores every evaluation of these periods, bottom-up, which settles them too; returns how many. */
export async function scorePeriods(tx: Db, periodIds: readonly string[]): Promise<number> {
  const scored = await scoreTargets(tx, { periods: periodIds }, { markStale: false });
  // The flags were read under the lock, which no writer gets past before the commit.
  if (scored.some((s) => s.evaluation.scoreStale || s.evaluation.leadersStale)) {
    await repo.clearStale(tx, { periods: periodIds });
  }
  return scored.length;
}

export const scorePeriod = (tx: Db, periodId: string) => scorePeriods(tx, [periodId]);

/**
 * Re-scores every period of a year (of some agencies, or all), one transaction per period so a
 * province-wide run never holds more than one period's rows. `concurrency` periods run at once:
 * on PostgreSQL the database works on one while this process computes another; PGlite has one
 * connection and must keep 1. Returns periods and evaluations done.
 */
export async function rescoreYear(
  db: Db,
  year: number,
  options: {
    agencyIds?: readonly string[];
    concurrency?: number;
    onPeriod?: (done: number, total: number) => void;
  } = {},
): Promise<{ periods: number; evaluations: number }> {
  const ids = await repo.periodsOfYear(db, year, options.agencyIds);
  let evaluations = 0;
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      // Read the count after the await: `+=` would read it before, and lose other workers' counts.
      const scored = await db.transaction((tx) => scorePeriod(tx, id));
      evaluations += scored;
      options.onPeriod?.(++done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return { periods: ids.length, evaluations };
}
