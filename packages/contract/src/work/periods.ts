import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { limits } from "../limits.ts";
import { isoDate } from "./dates.ts";
import { type PeriodKind, periodKinds } from "./settings.ts";

/* ───────────── Periods ───────────── */

export const periodStatuses = ["open", "locked"] as const;
export type PeriodStatus = (typeof periodStatuses)[number];

export const periodSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  kind: z.enum(periodKinds),
  year: z.number().int(),
  /** Month 1–12 or quarter 1–4. */
  number: z.number().int(),
  /** "Tháng 6/2026" or "Quý II/2026". */
  label: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  selfEvaluationDue: isoDate,
  reviewDue: isoDate,
  lockDue: isoDate,
  catalogId: idSchema.nullable(),
  ruleSetVersion: z.string(),
  status: z.enum(periodStatuses),
  lockedAt: z.string().nullable(),
  lockedByName: z.string().nullable(),
  version: z.number().int(),
});
export type Period = z.infer<typeof periodSchema>;

export const periodsQuery = z.object({
  agencyId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(periodStatuses).optional(),
  sort: z.enum(["startsOn", "status"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const openPeriodBody = z.object({
  agencyId: idSchema,
  year: z.number().int().min(2000).max(2100),
  /** Month 1–12 (monthly agencies) or quarter 1–4 (quarterly), per the agency's settings. */
  number: z.number().int().min(1).max(12),
});

export const lockPeriodBody = z.object({
  version: z.number().int(),
  /** Lock although some evaluations are not confirmed; needs `reason`. */
  force: z.boolean().default(false),
  reason: optionalText(limits.noteMax),
});

export const reopenPeriodBody = z.object({
  version: z.number().int(),
  reason: trimmed(limits.noteMax),
});

/** "Tháng 6/2026" or "Quý II/2026". */
export function periodLabel(kind: PeriodKind, year: number, number: number): string {
  return kind === "quarter"
    ? `Quý ${["I", "II", "III", "IV"][number - 1] ?? number}/${year}`
    : `Tháng ${number}/${year}`;
}
