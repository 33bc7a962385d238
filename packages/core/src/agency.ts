import type { AgencyExplanation, CriterionExplanation, LevelReason } from "./explanation.ts";
import { type ClassifiedLevel, isAbove, levelBelow, levelForScore, thresholdOf } from "./levels.ts";
import { Rational } from "./rational.ts";
import { err, issue, ok, type Result } from "./result.ts";
import { type AgencyRuleName, type ParRank, parRanks, type RuleSet } from "./ruleset/types.ts";

/**
 * A criterion of a framework (DESIGN §3 rule 13). Scored criteria form a tree whose parents'
 * maxima equal the sum of their children's; only leaves carry a score. Bonus and penalty criteria
 * sit at the top level and carry the points they add or take.
 */
export type ValidCriterion =
  | {
      readonly kind: "scored";
      readonly id: string;
      readonly max: Rational;
      /** Not applicable (with a written explanation): its max leaves the denominator. */
      readonly notApplicable: boolean;
      /** Leaves only; null for a parent or a leaf not applicable. */
      readonly score: Rational | null;
      readonly children: readonly ValidCriterion[];
    }
  | {
      readonly kind: "bonus" | "penalty";
      readonly id: string;
      readonly max: Rational | null;
      readonly score: Rational;
    };

/** Decree 335 Art. 8 facts about the agency's year. Ratios are shares of its planned tasks (1 = 100%). */
export interface Nd335Conditions {
  readonly tasksCompletedRatio: Rational;
  /** Share done on time and with quality; the rest counts as behind schedule (Art. 8.3). */
  readonly tasksOnTimeRatio: Rational;
  readonly tasksExceededRatio: Rational;
  readonly subordinateNotCompleted: boolean;
  readonly shortcomingsFixed: boolean;
  /** Art. 8.4.a: personnel-work violations, disunity, factions, buying posts. */
  readonly violations: boolean;
  /** Claimed force majeure for uncompleted tasks (Art. 8.4.b): flagged for the council. */
  readonly forceMajeure: boolean;
}

/** Quảng Nam QĐ 2023/QĐ-UBND Art. 5 facts. */
export interface QuangNam2023Conditions {
  readonly parRank: ParRank;
  readonly seriousIncident: boolean;
}

/** A parent whose children's maxima do not add up to its own max (scored anyway, and flagged). */
export interface MaxMismatch {
  readonly id: string;
  readonly max: Rational;
  readonly childrenSum: Rational;
}

export type ValidAgencyInput = (
  | { readonly rules: "nd335"; readonly criteria: readonly ValidCriterion[]; readonly conditions: Nd335Conditions }
  | {
      readonly rules: "quangnam2023";
      readonly criteria: readonly ValidCriterion[];
      readonly conditions: QuangNam2023Conditions;
    }
) & { readonly mismatches?: readonly MaxMismatch[] };

export type AgencyFlag = "uncovered_case" | "force_majeure_claimed" | "children_max_mismatch";

export interface FrameworkScore {
  readonly achieved: Rational;
  readonly bonus: Rational;
  readonly penalty: Rational;
  readonly notApplicableMax: Rational;
  /** Total max less the N/A criteria: the denominator. */
  readonly maxApplicable: Rational;
  /** achieved + bonus − penalty, in points, before conversion, cap and floor. */
  readonly scoreRaw: Rational;
  /** scoreRaw ÷ maxApplicable × total max, before cap and floor. */
  readonly converted: Rational;
  /** converted capped at the total max and floored at 0. */
  readonly score: Rational;
  readonly criteria: readonly CriterionExplanation[];
}

export interface AgencyLevelDecision {
  /** Null when the rules do not cover the case: the council decides (flag `uncovered_case`). */
  readonly level: ClassifiedLevel | null;
  readonly reasons: readonly LevelReason[];
  readonly flags: readonly AgencyFlag[];
  readonly conditions: AgencyExplanation["conditions"];
}

export interface AgencyResult {
  readonly ruleSetVersion: string;
  readonly score: Rational;
  readonly scoreRaw: Rational;
  readonly maxApplicable: Rational;
  readonly level: ClassifiedLevel | null;
  readonly flags: readonly AgencyFlag[];
  readonly reasons: readonly LevelReason[];
  readonly explanation: AgencyExplanation;
}

function explainCriterion(node: ValidCriterion, underNotApplicable: boolean): CriterionExplanation {
  if (node.kind !== "scored") {
    return { id: node.id, kind: node.kind, max: node.max, score: node.score, notApplicable: false, children: [] };
  }
  const notApplicable = underNotApplicable || node.notApplicable;
  const children = node.children.map((child) => explainCriterion(child, notApplicable));
  const score = notApplicable
    ? null
    : children.length === 0
      ? node.score
      : Rational.sum(children.flatMap((c) => (c.score ? [c.score] : [])));
  return { id: node.id, kind: "scored", max: node.max, score, notApplicable, children };
}

/** Σ max of not-applicable criteria, counting a subtree once at its top-most N/A node. */
function notApplicableMax(nodes: readonly ValidCriterion[]): Rational {
  return Rational.sum(
    nodes.map((node) =>
      node.kind !== "scored" ? Rational.ZERO : node.notApplicable ? node.max : notApplicableMax(node.children),
    ),
  );
}

/**
 * The framework score (Decree 335 Art. 5–7; Quảng Nam 2023 Art. 4.3; DESIGN §3 rule 13): parents
 * sum their children; bonus adds and penalty subtracts; criteria not applicable leave the
 * denominator, score = achieved ÷ (100 − N/A max) × 100, applied to the whole achieved total
 * (bonus and penalty included, as the regulation converts "the result"); then capped at 100
 * and floored at 0. Returns `ERR_NOTHING_APPLICABLE` when every point is N/A.
 */
export function scoreFramework(ruleSet: RuleSet, criteria: readonly ValidCriterion[]): Result<FrameworkScore> {
  const totalMax = ruleSet.settings.agency.totalMax;
  const explained = criteria.map((c) => explainCriterion(c, false));
  const sumOf = (kind: CriterionExplanation["kind"]) =>
    Rational.sum(explained.flatMap((c) => (c.kind === kind && c.score ? [c.score] : [])));
  const achieved = sumOf("scored");
  const bonus = sumOf("bonus");
  const penalty = sumOf("penalty");
  const na = notApplicableMax(criteria);
  const maxApplicable = totalMax.sub(na);
  if (!maxApplicable.gt(Rational.ZERO)) {
    return err([issue("ERR_NOTHING_APPLICABLE", ["criteria"], { notApplicableMax: na.toNumber() })]);
  }
  const scoreRaw = achieved.add(bonus).sub(penalty);
  const converted = scoreRaw.mul(totalMax).div(maxApplicable);
  const score = Rational.max(Rational.ZERO, Rational.min(totalMax, converted));
  return ok({
    achieved,
    bonus,
    penalty,
    notApplicableMax: na,
    maxApplicable,
    scoreRaw,
    converted,
    score,
    criteria: explained,
  });
}

type Check = AgencyExplanation["conditions"][number];

/**
 * Level under Decree 335 Art. 8, decided as follows (DESIGN §3 rule 14):
 * 1. Not completed when the score is below 50, or on a personnel-work violation (Art. 8.4.a), or
 *    when under 70% of planned tasks were completed (Art. 8.4.b; a claimed force majeure is
 *    flagged for the council, which may weigh it).
 * 2. Otherwise start at the score's band and go down to the first level whose conditions all hold:
 *    excellent — 100% of tasks completed and on time, ≥ 30% exceeded, no directly subordinate
 *    unit not completed, shortcomings fixed (Art. 8.1); good — 100% completed and on time
 *    (Art. 8.2); completed — 100% completed, ≤ 20% behind schedule (Art. 8.3).
 * 3. If no level's conditions hold (e.g. 70–99% of tasks completed with ≥ 50 points, or more than
 *    20% late), the text does not cover the case: level null and flag `uncovered_case`.
 */
export function levelNd335(ruleSet: RuleSet, score: Rational, c: Nd335Conditions): AgencyLevelDecision {
  const rules = ruleSet.settings.agency.nd335;
  const band = levelForScore(ruleSet.settings.agency.thresholds, score);
  const reasons: LevelReason[] = [threshold(ruleSet, band, score, "Art. 8")];
  const flags: AgencyFlag[] = [];
  const allCompleted = c.tasksCompletedRatio.gte(Rational.ONE);
  const allOnTime = c.tasksOnTimeRatio.gte(Rational.ONE);
  const checks: Check[] = [
    { name: "no_violations", level: "not_completed", holds: !c.violations },
    {
      name: "completed_at_least_70",
      level: "not_completed",
      holds: !c.tasksCompletedRatio.lt(rules.notCompletedBelow),
    },
  ];
  if (band === "not_completed") return { level: band, reasons, flags, conditions: checks };
  if (c.violations) {
    reasons.push({ rule: "conditions", article: "Art. 8.4.a", from: band, failed: ["no_violations"] });
    return { level: "not_completed", reasons, flags, conditions: checks };
  }
  if (c.tasksCompletedRatio.lt(rules.notCompletedBelow)) {
    reasons.push({ rule: "conditions", article: "Art. 8.4.b", from: band, failed: ["completed_at_least_70"] });
    if (c.forceMajeure) flags.push("force_majeure_claimed");
    return { level: "not_completed", reasons, flags, conditions: checks };
  }

  const conditionsOf: Record<Exclude<ClassifiedLevel, "not_completed">, Check[]> = {
    excellent: [
      { name: "all_tasks_completed", level: "excellent", holds: allCompleted },
      { name: "all_tasks_on_time", level: "excellent", holds: allOnTime },
      { name: "exceeded_at_least_30", level: "excellent", holds: c.tasksExceededRatio.gte(rules.excellentExceededMin) },
      { name: "no_subordinate_not_completed", level: "excellent", holds: !c.subordinateNotCompleted },
      { name: "shortcomings_fixed", level: "excellent", holds: c.shortcomingsFixed },
    ],
    good: [
      { name: "all_tasks_completed", level: "good", holds: allCompleted },
      { name: "all_tasks_on_time", level: "good", holds: allOnTime },
    ],
    completed: [
      { name: "all_tasks_completed", level: "completed", holds: allCompleted },
      {
        name: "late_at_most_20",
        level: "completed",
        holds: Rational.ONE.sub(c.tasksOnTimeRatio).lte(rules.completedLateMax),
      },
    ],
  };
  const articles = { excellent: "Art. 8.1", good: "Art. 8.2", completed: "Art. 8.3" } as const;
  const failedAll: string[] = [];
  for (const candidate of ["excellent", "good", "completed"] as const) {
    if (isAbove(candidate, band)) continue;
    const own = conditionsOf[candidate];
    checks.push(...own);
    const failed = own.filter((x) => !x.holds).map((x) => x.name);
    if (failed.length === 0) return { level: candidate, reasons, flags, conditions: checks };
    failedAll.push(...failed.filter((f) => !failedAll.includes(f)));
    reasons.push({ rule: "conditions", article: articles[candidate], from: candidate, failed });
  }
  reasons.push({ rule: "uncovered", article: "Art. 8", band, failed: failedAll });
  flags.push("uncovered_case");
  return { level: null, reasons, flags, conditions: checks };
}

/**
 * Level under Quảng Nam QĐ 2023/QĐ-UBND Art. 5 (DESIGN §3 rule 14): the score's band; excellent
 * also needs a PAR rank of `tot` or better (Art. 5.1.a), else good; then a serious incident lowers
 * the result one level (Art. 5.2) — applied after the PAR fall-back, so 95 points, PAR `kha` and
 * an incident end at completed. Every case is covered.
 */
export function levelQuangNam2023(ruleSet: RuleSet, score: Rational, c: QuangNam2023Conditions): AgencyLevelDecision {
  const rules = ruleSet.settings.agency.quangnam2023;
  const band = levelForScore(ruleSet.settings.agency.thresholds, score);
  const reasons: LevelReason[] = [threshold(ruleSet, band, score, "QĐ 2023/QĐ-UBND Quảng Nam Art. 5.1")];
  const parOk = parRanks.indexOf(c.parRank) <= parRanks.indexOf(rules.excellentParRankMin);
  const checks: Check[] = [
    { name: "par_rank_at_least_tot", level: "excellent", holds: parOk },
    { name: "no_serious_incident", level: band, holds: !c.seriousIncident },
  ];
  let level = band;
  if (level === "excellent" && !parOk) {
    reasons.push({
      rule: "par_rank",
      article: "QĐ 2023/QĐ-UBND Quảng Nam Art. 5.1.a",
      from: level,
      parRank: c.parRank,
    });
    level = "good";
  }
  if (c.seriousIncident) {
    reasons.push({ rule: "serious_incident", article: "QĐ 2023/QĐ-UBND Quảng Nam Art. 5.2", from: level });
    for (let i = 0; i < rules.seriousIncidentLowersBy; i++) level = levelBelow(level);
  }
  return { level, reasons, flags: [], conditions: checks };
}

function threshold(ruleSet: RuleSet, band: ClassifiedLevel, score: Rational, article: string): LevelReason {
  return {
    rule: "threshold",
    article,
    level: band,
    score,
    threshold: thresholdOf(ruleSet.settings.agency.thresholds, band),
  };
}

const frameworkArticle: Record<AgencyRuleName, string> = {
  nd335: "Art. 5–8",
  quangnam2023: "QĐ 2023/QĐ-UBND Quảng Nam Art. 4–5",
};

/**
 * An agency's year: the framework score (rule 13) and its level under the named rules (rule 14).
 * Decree 335 Art. 5–8, or Quảng Nam QĐ 2023/QĐ-UBND Art. 4–5. The quota over agencies is
 * `applyQuota` (Art. 8.5).
 */
export function computeAgency(ruleSet: RuleSet, input: ValidAgencyInput): Result<AgencyResult> {
  const framework = scoreFramework(ruleSet, input.criteria);
  if (!framework.ok) return framework;
  const f = framework.value;
  const decision =
    input.rules === "nd335"
      ? levelNd335(ruleSet, f.score, input.conditions)
      : levelQuangNam2023(ruleSet, f.score, input.conditions);
  const totalMax = ruleSet.settings.agency.totalMax;
  const mismatches = input.mismatches ?? [];
  return ok({
    ruleSetVersion: ruleSet.id,
    score: f.score,
    scoreRaw: f.scoreRaw,
    maxApplicable: f.maxApplicable,
    level: decision.level,
    flags: mismatches.length > 0 ? [...decision.flags, "children_max_mismatch"] : decision.flags,
    reasons: decision.reasons,
    explanation: {
      article: frameworkArticle[input.rules],
      rules: input.rules,
      criteria: f.criteria,
      achieved: f.achieved,
      bonus: f.bonus,
      penalty: f.penalty,
      totalMax,
      notApplicableMax: f.notApplicableMax,
      converted: f.converted,
      capped: f.converted.gt(totalMax),
      floored: f.converted.lt(Rational.ZERO),
      scoreLevel: levelForScore(ruleSet.settings.agency.thresholds, f.score),
      conditions: decision.conditions,
      mismatches,
      level: decision.level,
    },
  });
}
