import type { Rational } from "./rational.ts";

/**
 * The classification levels of Decree 335 (Art. 8 for agencies, Art. 20 for civil servants):
 * HTXSNV, HTTNV, HTNV, KHTNV, plus `unclassified` (không xếp loại, Art. 11.1).
 */
export const levels = ["excellent", "good", "completed", "not_completed", "unclassified"] as const;
export type Level = (typeof levels)[number];

/** The four levels a score can reach; `unclassified` is never a score band. */
export const classifiedLevels = ["excellent", "good", "completed", "not_completed"] as const;
export type ClassifiedLevel = (typeof classifiedLevels)[number];

/** Lower bounds, inclusive: score ≥ excellent → excellent, and so on; below `completed` → not completed. */
export interface Thresholds {
  readonly excellent: Rational;
  readonly good: Rational;
  readonly completed: Rational;
}

const rank: Record<ClassifiedLevel, number> = { excellent: 3, good: 2, completed: 1, not_completed: 0 };

/**
 * The band an exact score falls in: ≥ 90 excellent, 70–<90 good, 50–<70 completed, < 50 not
 * completed (Decree 335 Art. 20.1–20.4.a, Art. 8.1–8.4). Compares exact values: 89.995 is good.
 */
export function levelForScore(thresholds: Thresholds, score: Rational): ClassifiedLevel {
  if (score.gte(thresholds.excellent)) return "excellent";
  if (score.gte(thresholds.good)) return "good";
  if (score.gte(thresholds.completed)) return "completed";
  return "not_completed";
}

/** The threshold a level starts at, or null for not completed (it has no lower bound). */
export function thresholdOf(thresholds: Thresholds, level: ClassifiedLevel): Rational | null {
  return level === "not_completed" ? null : thresholds[level];
}

/** True when `a` is strictly above `b`. */
export function isAbove(a: ClassifiedLevel, b: ClassifiedLevel): boolean {
  return rank[a] > rank[b];
}

/** The lower of two levels (used by caps: a head never above the agency, Art. 20.6). */
export function lowerOf(a: ClassifiedLevel, b: ClassifiedLevel): ClassifiedLevel {
  return rank[a] <= rank[b] ? a : b;
}

/** One level down; not completed stays (a serious incident lowers one level, Quảng Nam 2023 Art. 5.2). */
export function levelBelow(level: ClassifiedLevel): ClassifiedLevel {
  const below: Record<ClassifiedLevel, ClassifiedLevel> = {
    excellent: "good",
    good: "completed",
    completed: "not_completed",
    not_completed: "not_completed",
  };
  return below[level];
}
