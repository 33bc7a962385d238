import { z } from "zod";
import { idSchema } from "../common.ts";

/* ───────────── Agency settings ───────────── */

export const periodKinds = ["month", "quarter"] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const agencySettingsSchema = z.object({
  agencyId: idSchema,
  periodKind: z.enum(periodKinds),
  /** Day of the period's last month by which staff self-evaluate (default 25). */
  selfEvaluationDay: z.number().int(),
  /** Day of the period's last month by which managers review and confirm (default 28). */
  reviewDay: z.number().int(),
  /** Day of the month after the period by which the period locks (default 5). */
  lockDay: z.number().int(),
  headConfirmRequired: z.boolean(),
  /** "YYYY-MM" or null. */
  firstScoredMonth: z.string().nullable(),
  /** 0 while the agency still runs on the defaults (no row yet). */
  version: z.number().int(),
});
export type AgencySettings = z.infer<typeof agencySettingsSchema>;

export const updateAgencySettingsBody = z.object({
  version: z.number().int(),
  periodKind: z.enum(periodKinds).optional(),
  selfEvaluationDay: z.number().int().min(1).max(28).optional(),
  reviewDay: z.number().int().min(1).max(28).optional(),
  lockDay: z.number().int().min(1).max(28).optional(),
  headConfirmRequired: z.boolean().optional(),
  firstScoredMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .nullable()
    .optional(),
});
