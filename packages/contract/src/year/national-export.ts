import { z } from "zod";
import { idSchema } from "../common.ts";
import { pageFields, yearSchema } from "./fields.ts";

/* ───────────── National export (Art. 26.1.d) ───────────── */

export const nationalExportKinds = ["monthly", "annual"] as const;
export const nationalExportFormats = ["csv", "json"] as const;
export const nationalExportQuery = z.object({
  agencyId: idSchema,
  year: yearSchema,
  kind: z.enum(nationalExportKinds),
  format: z.enum(nationalExportFormats),
  /** Monthly only: one month; omit for every month of the year. */
  month: z.coerce.number().int().min(1).max(12).optional(),
});
export const nationalExportLogSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  month: z.number().int().nullable(),
  kind: z.enum(nationalExportKinds),
  format: z.enum(nationalExportFormats),
  rows: z.number().int(),
  sha256: z.string(),
  schemaVersion: z.string(),
  exportedByName: z.string().nullable(),
  exportedAt: z.string(),
});
export const nationalExportLogQuery = z.object({
  agencyId: idSchema.optional(),
  year: yearSchema.optional(),
  kind: z.enum(nationalExportKinds).optional(),
  ...pageFields,
});
