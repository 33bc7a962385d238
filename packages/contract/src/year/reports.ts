import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { limits } from "../limits.ts";
import { versioned, yearSchema } from "./fields.ts";

/* ───────────── Reports ───────────── */

export const classificationReportQuery = z.object({ classificationId: idSchema });
export const mau02Query = z.object({ classificationId: idSchema, personId: idSchema });
export const provinceSummaryQuery = z.object({
  year: yearSchema,
  /** The province (or any unit): every agency below it. Defaults to the caller's scope. */
  unitId: idSchema.optional(),
});
export const agencyYearQuery = z.object({ agencyId: idSchema, year: yearSchema });

/**
 * Narrative sections of the implementation report, in the shape of the commune's 2026 report
 * (bao-cao-nguyet-an-2026): opening, I. context and legal basis, II. process and results (the
 * figures from data follow this text), III. criteria and method, IV. overall assessment,
 * V. proposals, VI. conclusion.
 */
export const narrativeKeys = [
  "intro",
  "context",
  "implementation",
  "criteria",
  "assessment",
  "proposals",
  "conclusion",
] as const;
export type NarrativeKey = (typeof narrativeKeys)[number];
export const reportNarrativeSchema = z.object({
  agencyId: idSchema,
  year: z.number().int(),
  documentNumber: z.string().nullable(),
  /** "Nơi nhận", one line each. */
  recipients: z.array(z.string()),
  /** e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  signerTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  sections: z.record(z.enum(narrativeKeys), z.string()),
  /** 0 while nothing is stored yet (the defaults are shown). */
  version: z.number().int(),
});
export type ReportNarrative = z.infer<typeof reportNarrativeSchema>;
export const updateReportNarrativeBody = z.object({
  ...versioned,
  documentNumber: optionalText(limits.codeMax).optional(),
  recipients: z.array(trimmed(limits.nameMax)).max(20).optional(),
  signerTitle: optionalText(limits.nameMax).optional(),
  signerName: optionalText(limits.nameMax).optional(),
  sections: z.partialRecord(z.enum(narrativeKeys), z.string().max(limits.noteMax * 10)).optional(),
});
