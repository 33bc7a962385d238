import { classifiedLevels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema } from "../common.ts";
import { limits } from "../limits.ts";
import { cycleSteps } from "./cycles.ts";
import { isoDate } from "./fields.ts";

/* ───────────── Results ───────────── */

export const agencyQuotaOutcomes = ["kept", "kept_by_decision", "cut", "cut_by_decision", "tie_pending"] as const;

export const agencyResultSchema = z.object({
  assessmentId: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  agencyCode: z.string().nullable(),
  score: z.number(),
  computedLevel: z.enum(classifiedLevels).nullable(),
  votedLevel: z.enum(classifiedLevels).nullable(),
  quotaOutcome: z.enum(agencyQuotaOutcomes).nullable(),
  /** After the vote and the quota; null while a tie at the cut awaits the decision. */
  level: z.enum(classifiedLevels).nullable(),
  rank: z.number().int(),
  flags: z.array(z.string()),
  /** Art. 9.2 of the regulation: the head's responsibility is to be considered. */
  headFlagged: z.boolean(),
  headName: z.string().nullable(),
});
export type AgencyResultRow = z.infer<typeof agencyResultSchema>;

export const cycleResultsSchema = z.object({
  cycleId: idSchema,
  groupName: z.string(),
  step: z.enum(cycleSteps),
  /** Core `applyQuota` explanation (plain JSON). */
  quota: z.unknown(),
  results: z.array(agencyResultSchema),
});

export const publicResultsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const publicAgencyResultSchema = z.object({
  cycleId: idSchema,
  year: z.number().int(),
  cycleName: z.string(),
  groupName: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: isoDate.nullable(),
  publishedAt: z.string(),
  agencyName: z.string(),
  score: z.number(),
  level: z.enum(classifiedLevels).nullable(),
  rank: z.number().int(),
});

export const agencyReportFormatQuery = z.object({ format: z.enum(["xlsx", "docx", "pdf"]).default("docx") });
