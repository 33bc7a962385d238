import { z } from "zod";

export const agencyLimits = {
  /** Criterion points are stored with 2 decimals. */
  decimals: 2,
  pointsMax: 100,
  textMax: 4000,
  criteriaMax: 500,
} as const;

/** A number of points ≥ 0 with at most 2 decimals. */
export const criterionPointsSchema = z
  .number()
  .min(0)
  .max(agencyLimits.pointsMax)
  .refine((v) => Math.round(v * 100) / 100 === v, { message: "Điểm có tối đa 2 chữ số thập phân." });
