import { classifiedLevels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema, trimmed } from "../common.ts";
import { isoDate } from "./fields.ts";
import { criterionKinds } from "./frameworks.ts";
import { agencyLimits } from "./limits.ts";

/* ───────────── Draft results and explanations ───────────── */

export const agencyDraftRowSchema = z.object({
  criterionId: idSchema,
  parentId: idSchema.nullable(),
  code: z.string(),
  name: z.string(),
  max: z.number(),
  kind: z.enum(criterionKinds),
  depth: z.number().int(),
  isLeaf: z.boolean(),
  notApplicable: z.boolean(),
  self: z.number().nullable(),
  appraised: z.number().nullable(),
  comment: z.string().nullable(),
});

/** What an agency receives when appraisal closes: self vs appraised, total, provisional level and rank. */
export const agencyDraftSchema = z.object({
  assessmentId: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  sentAt: z.string(),
  explanationDue: isoDate,
  rows: z.array(agencyDraftRowSchema),
  selfScore: z.number(),
  score: z.number(),
  level: z.enum(classifiedLevels).nullable(),
  flags: z.array(z.string()),
  /** Competition rank by score within the group (1 = best). */
  rank: z.number().int(),
  groupSize: z.number().int(),
});
export type AgencyDraft = z.infer<typeof agencyDraftSchema>;

export const agencyExplanationBody = z.object({
  text: trimmed(agencyLimits.textMax),
  fileIds: z.array(idSchema).max(50).default([]),
});
