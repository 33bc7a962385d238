import type { LeaderRole, LeaveKind, LevelReason, MonthExplanation, YearExplanation } from "./explanation.ts";
import { type ClassifiedLevel, isAbove, type Level, levelForScore, thresholdOf } from "./levels.ts";
import { Rational } from "./rational.ts";
import { type DisciplineForm, disciplineForms, type RuleSet } from "./ruleset/types.ts";

export interface ValidDiscipline {
  readonly form: DisciplineForm;
  /** The violation concerned public duty (or degradation), the only kind Art. 20.4.c counts. */
  readonly publicDuty: boolean;
}

/** A year document: months unique, no more months scored than worked (see `parseYearInput`). */
export interface ValidYearInput {
  /** Only months with a confirmed evaluation, from this agency or the previous one (Art. 19.1). */
  readonly months: readonly { readonly month: number; readonly score: Rational }[];
  readonly leave: LeaveKind;
  readonly monthsWorked: number;
  readonly discipline: readonly ValidDiscipline[];
  readonly degradation: boolean;
  readonly corruptionInUnit: boolean;
  readonly leaderRole: LeaderRole;
  /** For heads: the agency's level for the year, which caps theirs. */
  readonly agencyLevel: ClassifiedLevel | null;
}

export interface YearResult {
  readonly ruleSetVersion: string;
  /** Null when no month was counted. Not rounded: compare and store the exact value. */
  readonly average: Rational | null;
  readonly monthsCounted: number;
  readonly level: Level;
  readonly reasons: readonly LevelReason[];
  readonly explanation: YearExplanation;
}

/**
 * The arithmetic mean of period scores, equal weights, no rounding (Decree 335 Art. 17.3): a
 * quarter from its months, a half-year, a year. Null for no scores.
 */
export function averageScores(scores: readonly Rational[]): Rational | null {
  return scores.length === 0 ? null : Rational.sum(scores).div(Rational.of(scores.length));
}

/**
 * Months 1–12 with whether each counts: a month counts when it has a confirmed evaluation and is
 * not before the rule set's first scored month (Decree 335 Art. 17.3, 19.1; DESIGN §3 rule 8).
 */
export function explainMonths(ruleSet: RuleSet, months: ValidYearInput["months"]): MonthExplanation[] {
  const first = ruleSet.settings.firstScoredMonth;
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const score = months.find((m) => m.month === month)?.score ?? null;
    if (score === null) return { month, score, counted: false, omitted: "no_confirmed_evaluation" };
    if (month < first) return { month, score, counted: false, omitted: "before_first_scored_month" };
    return { month, score, counted: true, omitted: null };
  });
}

/**
 * Whether a person can be classified (Decree 335 Art. 11.1–11.2): at least 6 months worked; or
 * sick or maternity leave, classified on the actual time worked whatever its length. Unpaid leave
 * earns no exception: it still needs 6 months worked (then the worked months are averaged).
 */
export function eligibility(ruleSet: RuleSet, monthsWorked: number, leave: LeaveKind): YearExplanation["eligibility"] {
  if (monthsWorked >= ruleSet.settings.minMonthsWorked) return "months_worked";
  if (leave === "sick" || leave === "maternity") return "leave_actual_time";
  return "not_eligible";
}

/**
 * The conditions that force not completed whatever the score, as reasons (Decree 335 Art. 11.3,
 * 20.4.b–d): discipline of reprimand or higher in the year for a public-duty violation; a
 * degradation conclusion; for leaders, corruption or waste handled in a unit under their charge.
 */
export function forcedNotCompleted(
  ruleSet: RuleSet,
  input: Pick<ValidYearInput, "discipline" | "degradation" | "corruptionInUnit" | "leaderRole">,
  from: ClassifiedLevel,
): LevelReason[] {
  const reasons: LevelReason[] = [];
  let level = from;
  const lowest = disciplineForms.indexOf(ruleSet.settings.disciplineForcingFrom);
  for (const record of input.discipline) {
    if (record.publicDuty && disciplineForms.indexOf(record.form) >= lowest) {
      reasons.push({ rule: "discipline", article: "Art. 11.3, 20.4.c", form: record.form, from: level });
      level = "not_completed";
    }
  }
  if (input.degradation) {
    reasons.push({ rule: "degradation", article: "Art. 20.4.b", from: level });
    level = "not_completed";
  }
  if (input.corruptionInUnit && input.leaderRole !== "none") {
    reasons.push({ rule: "corruption_in_unit", article: "Art. 20.4.d", from: level });
  }
  return reasons;
}

/**
 * A civil servant's year (Decree 335 Art. 11, 17.3, 19, 20.1–20.4, 20.6): the mean of the counted
 * months; unclassified under 6 worked months save sick/maternity leave; the score's band; not
 * completed forced by discipline, degradation or corruption in the unit (the score stays
 * visible); a head capped at the agency's level. The quota (Art. 20.5) is a separate step over a
 * group: `applyQuota`. A person Art. 11.1 leaves unclassified gets no level at all, so forcing
 * conditions do not apply to them (their records stay in the input for the file).
 */
export function computeYear(ruleSet: RuleSet, input: ValidYearInput): YearResult {
  const { settings } = ruleSet;
  const months = explainMonths(ruleSet, input.months);
  const counted = months.flatMap((m) => (m.counted && m.score ? [m.score] : []));
  const average = averageScores(counted);
  const allowed = eligibility(ruleSet, input.monthsWorked, input.leave);

  const base = {
    article: "Art. 11, 17.3, 19, 20",
    months,
    firstScoredMonth: settings.firstScoredMonth,
    sum: Rational.sum(counted),
    monthsCounted: counted.length,
    monthsWorked: input.monthsWorked,
    leave: input.leave,
    eligibility: allowed,
    disciplineIgnored: input.discipline.flatMap((d, index) =>
      d.publicDuty ? [] : [{ index, reason: "not_public_duty" as const }],
    ),
  } as const;

  if (allowed === "not_eligible" || average === null) {
    return {
      ruleSetVersion: ruleSet.id,
      average,
      monthsCounted: counted.length,
      level: "unclassified",
      reasons: [
        {
          rule: "unclassified",
          article: "Art. 11.1",
          cause: allowed === "not_eligible" ? "months_worked_below_min" : "no_months_counted",
          monthsWorked: input.monthsWorked,
          min: settings.minMonthsWorked,
          leave: input.leave,
        },
      ],
      explanation: { ...base, scoreLevel: null, headCap: { applied: false, reason: "not_head" } },
    };
  }

  const scoreLevel = levelForScore(settings.thresholds, average);
  const reasons: LevelReason[] = [
    {
      rule: "threshold",
      article: "Art. 20.1–20.4.a",
      level: scoreLevel,
      score: average,
      threshold: thresholdOf(settings.thresholds, scoreLevel),
    },
  ];
  const forced = forcedNotCompleted(ruleSet, input, scoreLevel);
  reasons.push(...forced);
  let level: ClassifiedLevel = forced.length > 0 ? "not_completed" : scoreLevel;

  let headCap: YearExplanation["headCap"];
  if (input.leaderRole !== "head" || !settings.headCappedByAgency) {
    headCap = { applied: false, reason: "not_head" };
  } else if (input.agencyLevel === null) {
    headCap = { applied: false, reason: "agency_level_unknown" };
  } else if (isAbove(level, input.agencyLevel)) {
    reasons.push({ rule: "head_cap", article: "Art. 20.6", from: level, agencyLevel: input.agencyLevel });
    level = input.agencyLevel;
    headCap = { applied: true, agencyLevel: input.agencyLevel };
  } else {
    headCap = { applied: false, reason: "not_above_agency" };
  }

  return {
    ruleSetVersion: ruleSet.id,
    average,
    monthsCounted: counted.length,
    level,
    reasons,
    explanation: { ...base, scoreLevel, headCap },
  };
}
