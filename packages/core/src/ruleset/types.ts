import type { ClassifiedLevel, Thresholds } from "../levels.ts";
import type { Rational } from "../rational.ts";

export const quotaReadings = ["final", "initial_good"] as const;
/**
 * How "20% of those rated good" (Art. 20.5, 8.5) is read:
 * - `final`: the ratio must hold on the counts after the cut: largest x with x ≤ r·(G + E − x);
 * - `initial_good`: r times the people rated good before the cut: x = ⌊r·G⌋.
 */
export type QuotaReading = (typeof quotaReadings)[number];

export const delayCountings = ["per_missed_deadline"] as const;
/**
 * What "one delay" (mỗi lần chậm, Art. 14.2.c) is. `per_missed_deadline`: a delivery after its
 * deadline is one delay, each further missed extended deadline one more.
 */
export type DelayCounting = (typeof delayCountings)[number];

export const agencyRuleNames = ["nd335", "quangnam2023"] as const;
export type AgencyRuleName = (typeof agencyRuleNames)[number];

export const parRanks = ["tot", "kha", "trung_binh", "yeu"] as const;
/** Administrative-reform (PAR) index class, best first. */
export type ParRank = (typeof parRanks)[number];

export const disciplineForms = ["khien_trach", "canh_cao", "giang_chuc", "cach_chuc", "buoc_thoi_viec"] as const;
/** Disciplinary measures, mildest first (Law on Cadres and Civil Servants, Art. 79). */
export type DisciplineForm = (typeof disciplineForms)[number];

/** Decree 335 Art. 8 conditions, as numbers a version may change. */
export interface Nd335AgencyRules {
  readonly kind: "nd335";
  /** Excellent: share of tasks exceeding requirements, at least (Art. 8.1.a: 30%). */
  readonly excellentExceededMin: Rational;
  /** Completed: share of tasks behind schedule, at most (Art. 8.3: 20%). */
  readonly completedLateMax: Rational;
  /** Not completed: share of planned tasks completed, below (Art. 8.4.b: 70%). */
  readonly notCompletedBelow: Rational;
}

/** Quảng Nam QĐ 2023/QĐ-UBND Art. 5 conditions. */
export interface QuangNam2023AgencyRules {
  readonly kind: "quangnam2023";
  /** Excellent needs a PAR rank at least this good (Art. 5.1.a: "hạng tốt trở lên"). */
  readonly excellentParRankMin: ParRank;
  /** Levels a serious incident lowers the result by (Art. 5.2: one). */
  readonly seriousIncidentLowersBy: number;
}

/**
 * The settings of one rule-set version. Every number the rules use that the law leaves open, or
 * that a later decree may change, lives here and nowhere in the code.
 */
export interface RuleSetSettings {
  /** Share of a product's credit each failed review or delay takes (Art. 14.2.b–c: 25%). */
  readonly deductionStep: Rational;
  /** Points the task score is worth (Art. 12.1, 17.1: 70). */
  readonly taskPointsWeight: Rational;
  /** Cap on task points, or null for none; the uncapped value is always kept (DESIGN §3 rule 5). */
  readonly taskPointsCap: Rational | null;
  /** Maximum of the general criteria (Art. 12.1: 30). */
  readonly generalMax: Rational;
  readonly delayCounting: DelayCounting;
  /** First month of the year with a scored evaluation (DESIGN §3 rule 8); earlier months are left out. */
  readonly firstScoredMonth: number;
  /** Fewer worked months than this → unclassified, save the leave exceptions (Art. 11.1: 6). */
  readonly minMonthsWorked: number;
  readonly thresholds: Thresholds;
  /** d = 100% when every evaluated person's period score is at least this (Art. 15.3.a: 50). */
  readonly leaderSubordinateMin: Rational;
  /** The two values d, đ and e may take (Art. 15.3: 100% or 50%). */
  readonly leaderFull: Rational;
  readonly leaderReduced: Rational;
  /** Disciplinary forms from which a public-duty violation forces not completed (Art. 20.4.c). */
  readonly disciplineForcingFrom: DisciplineForm;
  readonly quota: {
    readonly rate: Rational;
    /** Highest rate the competent level may grant (Art. 20.5.b, 8.5: 25%). */
    readonly exceptionRate: Rational;
    readonly reading: QuotaReading;
  };
  readonly agency: {
    /** Points of a full framework (Art. 5–7: 100); N/A criteria leave it (DESIGN §3 rule 13). */
    readonly totalMax: Rational;
    readonly thresholds: Thresholds;
    readonly nd335: Nd335AgencyRules;
    readonly quangnam2023: QuangNam2023AgencyRules;
  };
  /** Level an agency's result caps its head's at (Art. 20.6) — documented here, applied in year.ts. */
  readonly headCappedByAgency: boolean;
}

export interface RuleSet {
  /** Recorded in every result. Derived sets (local overrides) append `+key=value`. */
  readonly id: string;
  readonly title: string;
  /** First period the version applies to. */
  readonly validFrom: { readonly year: number; readonly month: number };
  readonly settings: RuleSetSettings;
}

/** Levels an agency may end at: the same four as civil servants. */
export type AgencyLevel = ClassifiedLevel;
