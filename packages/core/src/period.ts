import type {
  AssignmentSource,
  Deduction,
  DeliveryExplanation,
  LeaderExplanation,
  LeaderRole,
  LineExplanation,
  PeriodExplanation,
  RatioExplanation,
} from "./explanation.ts";
import { Rational } from "./rational.ts";
import { err, issue, ok, type Result } from "./result.ts";
import type { RuleSet } from "./ruleset/types.ts";

export interface ValidAssignment {
  readonly id: string;
  readonly coefficient: Rational;
  readonly quantity: Rational;
  readonly source: AssignmentSource;
}

/** One group of identical units delivered against an assignment. Excused counts never exceed totals. */
export interface ValidDelivery {
  readonly assignment: string;
  readonly quantity: Rational;
  readonly failedReviews: number;
  readonly excusedFailedReviews: number;
  readonly delays: number;
  readonly excusedDelays: number;
}

export interface ValidLeaderInput {
  /** Period scores of the people this leader evaluates (a deputy: those in their fields). */
  readonly subordinateScores: readonly Rational[];
  /** đ: 1 or 0.5, set by the evaluator. */
  readonly organizing: Rational;
  /** e: 1 or 0.5, set by the evaluator. */
  readonly unity: Rational;
  readonly organizingReason: string | null;
  readonly unityReason: string | null;
}

/** A period document whose ids, references and counts are consistent (see `parsePeriodInput`). */
export interface ValidPeriodInput {
  readonly leaderRole: LeaderRole;
  readonly general: Rational;
  readonly assignments: readonly ValidAssignment[];
  readonly deliveries: readonly ValidDelivery[];
  /** Present exactly when `leaderRole` is head or deputy. */
  readonly leader: ValidLeaderInput | null;
}

export interface PeriodResult {
  readonly ruleSetVersion: string;
  readonly a: Rational;
  readonly b: Rational;
  readonly c: Rational;
  readonly d: Rational | null;
  /** đ. */
  readonly dd: Rational | null;
  readonly e: Rational | null;
  readonly taskScore: Rational;
  readonly taskPoints: Rational;
  readonly taskPointsUncapped: Rational;
  readonly general: Rational;
  readonly total: Rational;
  readonly explanation: PeriodExplanation;
}

/**
 * A, the converted total assigned: Σ quantity × coefficient over planned work. Handed-back units
 * stay in it; ad-hoc and taken-over work does not enter it (Decree 335 Art. 14.2, 18.1.d).
 */
export function assignedTotal(assignments: readonly ValidAssignment[]): Rational {
  return Rational.sum(assignments.filter((a) => a.source === "planned").map((a) => a.quantity.mul(a.coefficient)));
}

function deduction(
  ruleSet: RuleSet,
  kind: Deduction["kind"],
  total: number,
  excused: number,
  converted: Rational,
): Deduction {
  const counted = total - excused;
  const raw = ruleSet.settings.deductionStep.mul(Rational.of(counted));
  const share = Rational.min(raw, Rational.ONE);
  return { kind, total, excused, counted, share, floored: raw.gte(Rational.ONE), lost: converted.mul(share) };
}

/**
 * Credits of one delivery with converted value v: quantity v; quality v × max(0, 1 − 0.25k) for k
 * failed reviews not excused; progress v × max(0, 1 − 0.25d) for d delays not excused
 * (Decree 335 Art. 14.2.a–c; DESIGN §3 rule 2).
 */
export function creditDelivery(ruleSet: RuleSet, coefficient: Rational, delivery: ValidDelivery): DeliveryExplanation {
  const converted = delivery.quantity.mul(coefficient);
  const quality = deduction(ruleSet, "failed_review", delivery.failedReviews, delivery.excusedFailedReviews, converted);
  const progress = deduction(ruleSet, "delay", delivery.delays, delivery.excusedDelays, converted);
  return {
    quantity: delivery.quantity,
    converted,
    quantityCredit: converted,
    qualityCredit: converted.sub(quality.lost),
    progressCredit: converted.sub(progress.lost),
    deductions: [quality, progress].filter((d) => d.total > 0),
  };
}

/**
 * Delays of one delivery under `per_missed_deadline` counting: one for each deadline (the original,
 * then each extension) that passed before delivery (Decree 335 Art. 14.2.c; DESIGN §3 rule 2).
 * Dates are ISO `YYYY-MM-DD` strings, compared as text so the core needs no clock or time zone.
 */
export function countDelays(ruleSet: RuleSet, deadlines: readonly string[], deliveredOn: string): number {
  switch (ruleSet.settings.delayCounting) {
    case "per_missed_deadline":
      return deadlines.filter((deadline) => deliveredOn > deadline).length;
  }
}

/**
 * Whether one evaluated person's period score moving from `before` to `after` (null: not scored)
 * can change anything of the leaders who evaluate them (Decree 335 Art. 15.3.a, `leaderCriteria`):
 * their d counts the scored people and lists those below the minimum by position, so only a score
 * that starts or stops being scored, or is below the minimum before or after, can. A score moving
 * at or above the minimum leaves every leader's d, explanation included, exactly as it was.
 */
export function movesLeaderCriteria(ruleSet: RuleSet, before: Rational | null, after: Rational | null): boolean {
  if (before === null || after === null) return before !== after;
  if (before.eq(after)) return false;
  const min = ruleSet.settings.leaderSubordinateMin;
  return before.lt(min) || after.lt(min);
}

/**
 * d, đ and e of a head or deputy (Decree 335 Art. 15.3–15.4): d = 100% when every person they
 * evaluate scored at least 50 in the period, else 50% (nobody to evaluate: 100%, said so);
 * đ and e as the evaluator set them.
 */
export function leaderCriteria(ruleSet: RuleSet, role: "head" | "deputy", leader: ValidLeaderInput): LeaderExplanation {
  const { leaderSubordinateMin: min, leaderFull, leaderReduced } = ruleSet.settings;
  const below = leader.subordinateScores.flatMap((score, index) => (score.lt(min) ? [{ index, score }] : []));
  const rule =
    leader.subordinateScores.length === 0
      ? "no_subordinates"
      : below.length > 0
        ? "some_below_min"
        : "all_at_least_min";
  return {
    role,
    d: {
      value: below.length > 0 ? leaderReduced : leaderFull,
      rule,
      min,
      evaluated: leader.subordinateScores.length,
      below,
      scope: role === "deputy" ? "assigned_fields" : "whole_unit",
    },
    dd: { value: leader.organizing, reason: leader.organizingReason },
    e: { value: leader.unity, reason: leader.unityReason },
  };
}

function explainLine(
  ruleSet: RuleSet,
  assignment: ValidAssignment,
  deliveries: readonly ValidDelivery[],
): LineExplanation {
  const credited = deliveries.map((d) => creditDelivery(ruleSet, assignment.coefficient, d));
  const delivered = Rational.sum(deliveries.map((d) => d.quantity));
  return {
    assignment: assignment.id,
    source: assignment.source,
    coefficient: assignment.coefficient,
    quantityAssigned: assignment.quantity,
    convertedAssigned: assignment.quantity.mul(assignment.coefficient),
    countsInAssignedTotal: assignment.source === "planned",
    quantityDelivered: delivered,
    quantityNotDelivered: assignment.quantity.sub(delivered),
    deliveries: credited,
    quantityCredit: Rational.sum(credited.map((c) => c.quantityCredit)),
    qualityCredit: Rational.sum(credited.map((c) => c.qualityCredit)),
    progressCredit: Rational.sum(credited.map((c) => c.progressCredit)),
  };
}

const ratio = (credit: Rational, total: Rational): RatioExplanation => ({
  credit,
  assignedTotal: total,
  value: credit.div(total),
});

/**
 * A civil servant's month or quarter (Decree 335 Art. 14–17): a, b, c = credits ÷ A; task score
 * (a+b+c)/3, or (a+b+c+d+đ+e)/6 for heads and deputies (Art. 16); task points = 70 × task score,
 * capped by the rule set with the uncapped value kept; total = general + task points (Art. 17.1).
 * Nothing planned (A = 0) is the issue `ERR_NO_ASSIGNMENT`, never a division by zero.
 */
export function computePeriod(ruleSet: RuleSet, input: ValidPeriodInput): Result<PeriodResult> {
  const { settings } = ruleSet;
  const total = assignedTotal(input.assignments);
  if (total.isZero()) {
    const extra = Rational.sum(input.assignments.map((a) => a.quantity.mul(a.coefficient)));
    return err([issue("ERR_NO_ASSIGNMENT", ["assignments"], { extraAssigned: extra.toNumber() })]);
  }
  const deliveriesOf = new Map<string, ValidDelivery[]>();
  for (const d of input.deliveries) {
    const list = deliveriesOf.get(d.assignment);
    if (list) list.push(d);
    else deliveriesOf.set(d.assignment, [d]);
  }
  const lines = input.assignments.map((assignment) =>
    explainLine(ruleSet, assignment, deliveriesOf.get(assignment.id) ?? []),
  );
  const a = ratio(Rational.sum(lines.map((l) => l.quantityCredit)), total);
  const b = ratio(Rational.sum(lines.map((l) => l.qualityCredit)), total);
  const c = ratio(Rational.sum(lines.map((l) => l.progressCredit)), total);

  const leader =
    input.leaderRole !== "none" && input.leader ? leaderCriteria(ruleSet, input.leaderRole, input.leader) : null;
  const parts = leader
    ? [a.value, b.value, c.value, leader.d.value, leader.dd.value, leader.e.value]
    : [a.value, b.value, c.value];
  const sum = Rational.sum(parts);
  const taskScore = sum.div(Rational.of(parts.length));

  const uncapped = settings.taskPointsWeight.mul(taskScore);
  const cap = settings.taskPointsCap;
  const capped = cap !== null && uncapped.gt(cap);
  const taskPoints = capped ? cap : uncapped;
  const score = input.general.add(taskPoints);

  return ok({
    ruleSetVersion: ruleSet.id,
    a: a.value,
    b: b.value,
    c: c.value,
    d: leader?.d.value ?? null,
    dd: leader?.dd.value ?? null,
    e: leader?.e.value ?? null,
    taskScore,
    taskPoints,
    taskPointsUncapped: uncapped,
    general: input.general,
    total: score,
    explanation: {
      article: "Art. 14–17",
      assignedTotal: total,
      extraAssigned: Rational.sum(
        input.assignments.filter((x) => x.source !== "planned").map((x) => x.quantity.mul(x.coefficient)),
      ),
      lines,
      a,
      b,
      c,
      leader,
      taskScore: { formula: leader ? "(a+b+c+d+dd+e)/6" : "(a+b+c)/3", sum, divisor: parts.length, value: taskScore },
      taskPoints: { weight: settings.taskPointsWeight, uncapped, cap, capped, value: taskPoints },
      general: input.general,
      total: score,
    },
  });
}
