import type { Db } from "../../db/database.ts";
import { groupBy } from "../../lib/group-by.ts";
import * as repo from "../scoring/repo.ts";
import { affectedBy, evaluatedBy, keyOf, scoreTargets, scoringRank } from "../scoring/service.ts";

/**
 * Settling: the scores writers left out of date (`evaluations.score_stale`, deliveries) and the
 * leaders whose d reads a score that moved (`leaders_stale`) are brought up to date before anyone
 * reads them, and in the background. Scoring itself is `modules/scoring`; this is when it runs.
 */

/**
 * Brings some periods' scores up to date: the ones flagged out of date, then the leaders whose d
 * reads a score whose move reaches them (`movesLeaderCriteria`), a rank at a time from the bottom.
 * One settle of a period at a time (the second finds nothing left); every row it may touch is
 * locked first, in id order, as writers lock theirs, so the two never deadlock.
 */
async function settlePeriods(tx: Db, periodIds: readonly string[]): Promise<number> {
  await repo.lockPeriodsSettle(tx, periodIds);
  const moved = await repo.stalePeople(tx, periodIds);
  if (moved.length === 0) return 0;
  const movedOf = groupBy(moved, (m) => m.periodId);
  const members = await repo.periodMembers(tx, [...movedOf.keys()]);
  const membersOf = groupBy(members, (m) => m.periodId);
  const affected = [...movedOf].flatMap(([periodId, people]) =>
    [
      ...affectedBy(
        membersOf.get(periodId) ?? [],
        people.map((p) => p.personId),
      ),
    ].map((personId) => ({
      periodId,
      personId,
    })),
  );
  // Flags read under the lock: a score flagged for its leaders only was scored by its writer.
  const flags = await repo.lockEvaluations(tx, affected);
  const outOfDate = new Set(flags.filter((f) => f.scoreStale).map(keyOf));
  const movers = new Set(flags.filter((f) => f.leadersStale && !f.scoreStale).map(keyOf));
  const reachesLeader = (leader: repo.PeriodMember) =>
    evaluatedBy(leader, membersOf.get(leader.periodId) ?? []).some((below) => movers.has(keyOf(below)));
  let scored = 0;
  for (const rank of [0, 1, 2, 3, 4]) {
    const due = members.filter(
      (m) => scoringRank(m) === rank && (outOfDate.has(keyOf(m)) || (rank > 0 && reachesLeader(m))),
    );
    if (due.length === 0) continue;
    const done = await scoreTargets(tx, { people: due }, { members, markStale: false });
    for (const s of done) if (s.movesLeaders) movers.add(keyOf(s.evaluation));
    scored += done.length;
  }
  await repo.clearStale(tx, { people: affected });
  return scored;
}

/** Periods settled in one transaction: a month-end's hundreds of agencies in a few round trips each. */
const SETTLE_CHUNK = 50;

/**
 * Makes every stored score in `scope` agree with the rows and scores under it before they are
 * read: the periods with flagged scores are settled, a chunk of them per transaction. Costs one
 * indexed query when nothing moved. Returns how many scores were recomputed.
 */
export async function settleScores(db: Db, scope: repo.SettleScope): Promise<number> {
  const periodIds = await repo.stalePeriods(db, scope);
  let scored = 0;
  for (let i = 0; i < periodIds.length; i += SETTLE_CHUNK) {
    const chunk = periodIds.slice(i, i + SETTLE_CHUNK);
    scored += await db.transaction((tx) => settlePeriods(tx, chunk));
    // PGlite answers without real I/O, so a chain of awaits never lets the server read its sockets:
    // a settle of hundreds of periods would stall every request for seconds. Let them in between.
    if (i + SETTLE_CHUNK < periodIds.length) await yieldToEventLoop();
  }
  return scored;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Settles moved scores in the background too, so scores catch up even when nobody reads them, and
 * a reader rarely finds work left. The next pass comes `everyMs` after the last one ended, or four
 * times as long as it took when that is longer (at most 10 s): under a month-end burst passes back
 * to back would hold the rows the writers need, and readers settle what they read themselves.
 * Stopping waits for a pass in flight, so the database can close after.
 */
export function startSettleTimer(db: Db, onError: (error: unknown) => void, everyMs = 500): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      const started = performance.now();
      running = settleScores(db, "all")
        .then(() => {}, onError)
        .finally(() => {
          running = null;
          const took = performance.now() - started;
          if (!stopped) schedule(Math.min(10_000, Math.max(everyMs, 4 * took)));
        });
    }, delay);
    timer.unref();
  };
  schedule(everyMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

/**
 * Settles before one evaluation's score is shown: a score flagged out of date, or a leader's, which
 * waits on others' (their d). True when something was re-scored, and the caller reads it again.
 */
export async function settleEvaluation(
  db: Db,
  ev: { periodId: string; leaderRole: string; scoreStale: boolean },
): Promise<boolean> {
  const waits = ev.scoreStale || ev.leaderRole !== "none";
  return waits && (await settleScores(db, { periodIds: [ev.periodId] })) > 0;
}
