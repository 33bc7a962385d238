import { z } from "zod";
import { idSchema } from "../common.ts";
import { isoDate } from "../work/dates.ts";
import { classificationStatuses } from "./classification.ts";
import { orderField, yearSchema } from "./fields.ts";

/* ───────────── Dashboards ───────────── */

export const levelCountsSchema = z.record(z.string(), z.number().int());

export const agencyYearDashboardSchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  classificationId: idSchema.nullable(),
  classificationStatus: z.enum(classificationStatuses).nullable(),
  /** Live proposed levels (after quota); key `pending` for ties waiting. */
  distribution: levelCountsSchema,
  people: z.number().int(),
  /** Per month: confirmed evaluations, their mean score, evaluations expected. */
  trend: z.array(
    z.object({
      month: z.number().int(),
      confirmed: z.number().int(),
      expected: z.number().int(),
      average: z.number().nullable(),
    }),
  ),
  divisions: z.array(
    z.object({
      unitId: idSchema,
      unitName: z.string(),
      people: z.number().int(),
      average: z.number().nullable(),
      distribution: levelCountsSchema,
    }),
  ),
  /** Evaluations not confirmed by their period's review due date (or confirmed after it). */
  lateReviews: z.array(
    z.object({
      periodId: idSchema,
      month: z.number().int(),
      personId: idSchema,
      fullName: z.string(),
      unitName: z.string(),
      status: z.string(),
      reviewDue: isoDate,
      confirmedAt: z.string().nullable(),
      daysLate: z.number().int(),
    }),
  ),
});
export type AgencyYearDashboard = z.infer<typeof agencyYearDashboardSchema>;

export const provinceYearDashboardQuery = z.object({
  year: yearSchema,
  unitId: idSchema.optional(),
  sort: z.enum(["agencyName", "people", "average", "excellentShare", "status"]).optional(),
  order: orderField,
});
export const provinceYearDashboardSchema = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      agencyId: idSchema,
      agencyName: z.string(),
      agencyKind: z.string(),
      people: z.number().int(),
      classified: z.number().int(),
      average: z.number().nullable(),
      distribution: levelCountsSchema,
      /** Excellent ÷ good among the decided (or live) levels. */
      excellentShare: z.number().nullable(),
      status: z.enum([...classificationStatuses, "not_opened"]),
      /** Levels come from the active decision when there is one, else live. */
      source: z.enum(["decision", "live"]),
    }),
  ),
  totals: z.object({ people: z.number().int(), distribution: levelCountsSchema }),
});
export type ProvinceYearDashboard = z.infer<typeof provinceYearDashboardSchema>;
