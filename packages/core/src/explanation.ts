import type { ClassifiedLevel, Level } from "./levels.ts";
import type { Rational } from "./rational.ts";
import type { AgencyRuleName, DisciplineForm, ParRank, QuotaReading } from "./ruleset/types.ts";

/**
 * The "why is my score this?" structures. Every number a result shows appears here with the
 * inputs and the rule that produced it, as exact values; the edge turns them into JSON numbers.
 * Each variant names the article it applies so a screen can cite it.
 */

// ── Period (Art. 14–17) ──────────────────────────────────────────────────────────────────────

export type AssignmentSource = "planned" | "adhoc" | "taken_over";
export type LeaderRole = "none" | "head" | "deputy";

/** One deduction on one delivery: how many counted, how many were excused, what it cost. */
export interface Deduction {
  readonly kind: "failed_review" | "delay";
  /** Recorded failures or delays. */
  readonly total: number;
  /** Cancelled as objective causes confirmed by the competent level (Art. 14.2.b–c). */
  readonly excused: number;
  /** total − excused: the ones that cost credit. */
  readonly counted: number;
  /** Share of the converted value lost: min(1, step × counted). */
  readonly share: Rational;
  /** True when step × counted reached 100% and the credit floored at 0. */
  readonly floored: boolean;
  /** Converted value × share. */
  readonly lost: Rational;
}

export interface DeliveryExplanation {
  readonly quantity: Rational;
  /** quantity × coefficient. */
  readonly converted: Rational;
  readonly quantityCredit: Rational;
  readonly qualityCredit: Rational;
  readonly progressCredit: Rational;
  /** Only the kinds that were recorded (a clean delivery has none). */
  readonly deductions: readonly Deduction[];
}

export interface LineExplanation {
  readonly assignment: string;
  readonly source: AssignmentSource;
  readonly coefficient: Rational;
  readonly quantityAssigned: Rational;
  /** quantityAssigned × coefficient. */
  readonly convertedAssigned: Rational;
  /** Planned work counts in A; ad-hoc and taken-over work only adds credits (Art. 18.1.d). */
  readonly countsInAssignedTotal: boolean;
  readonly quantityDelivered: Rational;
  /** Not delivered (incl. handed back): stays in A, earns nothing (Art. 18.1.d). */
  readonly quantityNotDelivered: Rational;
  readonly deliveries: readonly DeliveryExplanation[];
  readonly quantityCredit: Rational;
  readonly qualityCredit: Rational;
  readonly progressCredit: Rational;
}

export interface RatioExplanation {
  readonly credit: Rational;
  readonly assignedTotal: Rational;
  readonly value: Rational;
}

export type SubordinateRule = "all_at_least_min" | "some_below_min" | "no_subordinates";

export interface LeaderExplanation {
  readonly role: "head" | "deputy";
  readonly d: {
    readonly value: Rational;
    readonly rule: SubordinateRule;
    readonly min: Rational;
    readonly evaluated: number;
    /** Positions (in input order) and scores of those below the minimum. */
    readonly below: readonly { readonly index: number; readonly score: Rational }[];
    /** Deputies: d covers only the people in their assigned fields (Art. 15.4). */
    readonly scope: "whole_unit" | "assigned_fields";
  };
  readonly dd: { readonly value: Rational; readonly reason: string | null };
  readonly e: { readonly value: Rational; readonly reason: string | null };
}

export interface PeriodExplanation {
  readonly article: "Art. 14–17";
  /** A = Σ planned quantity × coefficient. */
  readonly assignedTotal: Rational;
  /** Converted value of ad-hoc and taken-over work assigned (outside A). */
  readonly extraAssigned: Rational;
  readonly lines: readonly LineExplanation[];
  readonly a: RatioExplanation;
  readonly b: RatioExplanation;
  readonly c: RatioExplanation;
  readonly leader: LeaderExplanation | null;
  readonly taskScore: {
    readonly formula: "(a+b+c)/3" | "(a+b+c+d+dd+e)/6";
    readonly sum: Rational;
    readonly divisor: number;
    readonly value: Rational;
  };
  readonly taskPoints: {
    readonly weight: Rational;
    readonly uncapped: Rational;
    readonly cap: Rational | null;
    readonly capped: boolean;
    readonly value: Rational;
  };
  readonly general: Rational;
  readonly total: Rational;
}

// ── Year (Art. 11, 17.3, 19, 20) ───────────────────────────────────────────────────────────

export type MonthOmission = "no_confirmed_evaluation" | "before_first_scored_month";

export interface MonthExplanation {
  readonly month: number;
  readonly score: Rational | null;
  readonly counted: boolean;
  readonly omitted: MonthOmission | null;
}

export type LeaveKind = "none" | "sick" | "maternity" | "unpaid";

/** Why a level is what it is; a result lists every rule that acted, in order, the last one decisive. */
export type LevelReason =
  | {
      readonly rule: "threshold";
      readonly article: string;
      readonly level: ClassifiedLevel;
      readonly score: Rational;
      /** The band's lower bound, null for not completed. */
      readonly threshold: Rational | null;
    }
  | {
      readonly rule: "unclassified";
      readonly article: "Art. 11.1";
      readonly cause: "months_worked_below_min" | "no_months_counted";
      readonly monthsWorked: number;
      readonly min: number;
      readonly leave: LeaveKind;
    }
  | {
      readonly rule: "discipline";
      readonly article: "Art. 11.3, 20.4.c";
      readonly form: DisciplineForm;
      readonly from: ClassifiedLevel;
    }
  | { readonly rule: "degradation"; readonly article: "Art. 20.4.b"; readonly from: ClassifiedLevel }
  | { readonly rule: "corruption_in_unit"; readonly article: "Art. 20.4.d"; readonly from: ClassifiedLevel }
  | {
      readonly rule: "head_cap";
      readonly article: "Art. 20.6";
      readonly from: ClassifiedLevel;
      readonly agencyLevel: ClassifiedLevel;
    }
  | {
      readonly rule: "quota_cut";
      readonly article: "Art. 20.5, 8.5";
      readonly from: "excellent";
      readonly allowed: number;
      readonly rank: number;
    }
  | {
      readonly rule: "conditions";
      readonly article: string;
      readonly from: ClassifiedLevel;
      readonly failed: readonly string[];
    }
  | {
      readonly rule: "par_rank";
      readonly article: "QĐ 2023/QĐ-UBND Quảng Nam Art. 5.1.a";
      readonly from: ClassifiedLevel;
      readonly parRank: ParRank;
    }
  | {
      readonly rule: "serious_incident";
      readonly article: "QĐ 2023/QĐ-UBND Quảng Nam Art. 5.2";
      readonly from: ClassifiedLevel;
    }
  | {
      readonly rule: "uncovered";
      readonly article: string;
      /** The score band the agency reached, whose conditions it fails. */
      readonly band: ClassifiedLevel;
      readonly failed: readonly string[];
    };

export interface YearExplanation {
  readonly article: "Art. 11, 17.3, 19, 20";
  readonly months: readonly MonthExplanation[];
  readonly firstScoredMonth: number;
  readonly sum: Rational;
  readonly monthsCounted: number;
  readonly monthsWorked: number;
  readonly leave: LeaveKind;
  /** How Art. 11 let the person be classified: enough months, or a leave counted on actual time. */
  readonly eligibility: "months_worked" | "leave_actual_time" | "not_eligible";
  /** Band of the average before any forced level or cap; null when unclassified. */
  readonly scoreLevel: ClassifiedLevel | null;
  /** Discipline records that did not force a level, and why. */
  readonly disciplineIgnored: readonly { readonly index: number; readonly reason: "not_public_duty" }[];
  readonly headCap:
    | { readonly applied: true; readonly agencyLevel: ClassifiedLevel }
    | { readonly applied: false; readonly reason: "not_head" | "agency_level_unknown" | "not_above_agency" };
}

// ── Quota (Art. 20.5, 8.5) ─────────────────────────────────────────────────────────────────

export type QuotaOutcome = "kept" | "cut" | "kept_by_decision" | "cut_by_decision" | "tie_pending";

export interface QuotaExplanation {
  readonly article: "Art. 20.5, 8.5";
  /** People rated good before the quota. */
  readonly good: number;
  /** Candidates rated excellent before the quota. */
  readonly excellent: number;
  readonly rate: Rational;
  /** True when the rate is above the rule set's base rate (the 25% exception, Art. 20.5.b). */
  readonly exception: boolean;
  readonly reading: QuotaReading;
  /** "⌊r·(G+E)/(1+r)⌋" or "⌊r·G⌋", and its exact argument. */
  readonly formula: string;
  readonly bound: Rational;
  readonly allowed: number;
  readonly candidates: readonly {
    readonly id: string;
    readonly score: Rational;
    readonly rank: number;
    readonly outcome: QuotaOutcome;
  }[];
  /** Present when candidates tie at the cut: the seats they share and whether the head decided. */
  readonly tie: {
    readonly score: Rational;
    readonly ids: readonly string[];
    readonly seats: number;
    readonly decided: boolean;
  } | null;
  /** Final counts: excellent ≤ rate × good holds on these (reading `final`). */
  readonly finalExcellent: number;
  readonly finalGood: number;
}

// ── Agency (Art. 5–8; Quảng Nam 2023 Art. 4–5) ─────────────────────────────────────────────

export interface CriterionExplanation {
  readonly id: string;
  readonly kind: "scored" | "bonus" | "penalty";
  readonly max: Rational | null;
  /** Achieved points (a parent: the sum of its applicable children); null when not applicable. */
  readonly score: Rational | null;
  readonly notApplicable: boolean;
  readonly children: readonly CriterionExplanation[];
}

export interface AgencyExplanation {
  readonly article: string;
  readonly rules: AgencyRuleName;
  readonly criteria: readonly CriterionExplanation[];
  /** Σ achieved points of scored criteria. */
  readonly achieved: Rational;
  readonly bonus: Rational;
  readonly penalty: Rational;
  readonly totalMax: Rational;
  /** Σ max of criteria not applicable (top-most ones only). */
  readonly notApplicableMax: Rational;
  /** achieved + bonus − penalty, scaled to 100 over the applicable maximum, before cap and floor. */
  readonly converted: Rational;
  readonly capped: boolean;
  readonly floored: boolean;
  readonly scoreLevel: ClassifiedLevel;
  /** Each condition checked, with its value and whether it held. */
  readonly conditions: readonly {
    readonly name: string;
    readonly level: ClassifiedLevel;
    readonly holds: boolean;
  }[];
  /** Parents whose children's maxima do not add up to theirs: leaves were scored as given (flagged). */
  readonly mismatches: readonly { readonly id: string; readonly max: Rational; readonly childrenSum: Rational }[];
  readonly level: Level | null;
}
