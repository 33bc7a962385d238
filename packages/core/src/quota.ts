import type { LevelReason, QuotaExplanation, QuotaOutcome } from "./explanation.ts";
import type { Level } from "./levels.ts";
import { Rational } from "./rational.ts";
import { err, issue, ok, type Result } from "./result.ts";
import type { QuotaReading, RuleSet } from "./ruleset/types.ts";

export interface QuotaPerson {
  readonly id: string;
  readonly score: Rational;
  /** Level before the quota. */
  readonly level: Level;
}

/** A quota group: ids unique, rate within the rule set's exception rate (see `parseQuotaInput`). */
export interface ValidQuotaInput {
  readonly rate: Rational;
  readonly reading: QuotaReading;
  readonly people: readonly QuotaPerson[];
  /** The head's recorded order for candidates tied at the cut, best first; null if none yet. */
  readonly tieBreak: readonly string[] | null;
}

export interface QuotaResult {
  readonly ruleSetVersion: string;
  readonly allowed: number;
  /** Level after the quota; null for a tied candidate awaiting the head's decision. */
  readonly levels: Readonly<Record<string, Level | null>>;
  /** Candidates who became good because of the quota, best score first. */
  readonly cut: readonly string[];
  /** Candidates tied at the cut (decided by `tieBreak` when given, pending otherwise). */
  readonly ties: readonly string[];
  /** The rule that changed a level, per person cut. */
  readonly reasons: Readonly<Record<string, readonly LevelReason[]>>;
  readonly explanation: QuotaExplanation;
}

/**
 * How many may stay excellent (Decree 335 Art. 20.5, 8.5; DESIGN §3 rules 10, 15). "Not more than
 * r of those rated good", floored: reading `final` keeps the ratio on the final counts, the largest
 * x with x ≤ r·(G + E − x), i.e. ⌊r·(G+E)/(1+r)⌋; reading `initial_good` takes ⌊r·G⌋.
 */
export function allowedExcellent(
  rate: Rational,
  reading: QuotaReading,
  good: number,
  excellent: number,
): { allowed: number; bound: Rational; formula: string } {
  if (reading === "final") {
    const bound = rate.mul(Rational.of(good + excellent)).div(Rational.ONE.add(rate));
    return { allowed: Number(bound.floor()), bound, formula: "⌊r·(G+E)/(1+r)⌋" };
  }
  const bound = rate.mul(Rational.of(good));
  return { allowed: Number(bound.floor()), bound, formula: "⌊r·G⌋" };
}

/**
 * The excellent quota over one group (Decree 335 Art. 20.5 for civil servants, Art. 8.5 for
 * agencies). Candidates rated excellent are ranked by score, descending; the first `allowed` stay,
 * the rest become good with the reason. Candidates tied across the cut share the remaining seats:
 * the head decides (`tieBreak`); without a decision they are reported in `ties` with level null.
 * Other levels pass through unchanged.
 */
export function applyQuota(ruleSet: RuleSet, input: ValidQuotaInput): Result<QuotaResult> {
  const good = input.people.filter((p) => p.level === "good").length;
  const candidates = input.people
    .map((person, order) => ({ person, order }))
    .filter(({ person }) => person.level === "excellent")
    .sort((x, y) => y.person.score.cmp(x.person.score) || x.order - y.order)
    .map(({ person }) => person);
  const { allowed, bound, formula } = allowedExcellent(input.rate, input.reading, good, candidates.length);

  const outcome = new Map<string, QuotaOutcome>();
  let tie: QuotaExplanation["tie"] = null;
  if (candidates.length <= allowed) {
    for (const c of candidates) outcome.set(c.id, "kept");
  } else if (allowed === 0) {
    for (const c of candidates) outcome.set(c.id, "cut");
  } else {
    const last = candidates[allowed - 1]!;
    const first = candidates[allowed]!;
    if (first.score.lt(last.score)) {
      candidates.forEach((c, i) => {
        outcome.set(c.id, i < allowed ? "kept" : "cut");
      });
    } else {
      const tied = candidates.filter((c) => c.score.eq(last.score)).map((c) => c.id);
      const above = candidates.filter((c) => c.score.gt(last.score)).length;
      const seats = allowed - above;
      for (const c of candidates) {
        if (c.score.gt(last.score)) outcome.set(c.id, "kept");
        else if (c.score.lt(last.score)) outcome.set(c.id, "cut");
      }
      let decided = false;
      if (input.tieBreak) {
        const order = input.tieBreak.filter((id) => tied.includes(id));
        const missing = tied.filter((id) => !order.includes(id));
        if (missing.length > 0) return err([issue("ERR_TIE_BREAK_INCOMPLETE", ["tieBreak"], { missing, tied })]);
        order.forEach((id, i) => {
          outcome.set(id, i < seats ? "kept_by_decision" : "cut_by_decision");
        });
        decided = true;
      } else {
        for (const id of tied) outcome.set(id, "tie_pending");
      }
      tie = { score: last.score, ids: tied, seats, decided };
    }
  }

  const ranked = candidates.map((c) => ({
    id: c.id,
    score: c.score,
    // Competition ranking: equal scores share a rank, so a tie is visible in the numbers.
    rank: candidates.findIndex((x) => x.score.eq(c.score)) + 1,
    outcome: outcome.get(c.id)!,
  }));
  const isCut = (o: QuotaOutcome) => o === "cut" || o === "cut_by_decision";
  const cut = ranked.filter((c) => isCut(c.outcome));
  const pending = ranked.filter((c) => c.outcome === "tie_pending").length;
  const levels: Record<string, Level | null> = {};
  for (const person of input.people) {
    const o = outcome.get(person.id);
    levels[person.id] = o === undefined ? person.level : o === "tie_pending" ? null : isCut(o) ? "good" : "excellent";
  }
  const reasons: Record<string, LevelReason[]> = {};
  for (const c of cut) {
    reasons[c.id] = [{ rule: "quota_cut", article: "Art. 20.5, 8.5", from: "excellent", allowed, rank: c.rank }];
  }
  const seatsPending = tie && !tie.decided ? tie.seats : 0;
  const finalExcellent =
    ranked.filter((c) => c.outcome === "kept" || c.outcome === "kept_by_decision").length + seatsPending;

  return ok({
    ruleSetVersion: ruleSet.id,
    allowed,
    levels,
    cut: cut.map((c) => c.id),
    ties: tie ? tie.ids : [],
    reasons,
    explanation: {
      article: "Art. 20.5, 8.5",
      good,
      excellent: candidates.length,
      rate: input.rate,
      exception: input.rate.gt(ruleSet.settings.quota.rate),
      reading: input.reading,
      formula,
      bound,
      allowed,
      candidates: ranked,
      tie,
      finalExcellent,
      finalGood: good + cut.length + (pending - seatsPending),
    },
  });
}
