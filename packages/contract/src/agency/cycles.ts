import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { storedFileSchema } from "../files.ts";
import { limits } from "../limits.ts";
import { isoDate } from "./fields.ts";

/* ───────────── Cycles ───────────── */

/**
 * The steps of DESIGN §4, in order. Drafts go to the agencies when `appraisal` closes; the
 * council's results are computed when `council` closes; publication follows the decision.
 */
export const cycleSteps = ["self_assessment", "appraisal", "explanation", "council", "decision", "published"] as const;
export type CycleStep = (typeof cycleSteps)[number];

export const cycleDeadlinesSchema = z.object({
  /** Default 30/11. */
  selfAssessment: isoDate,
  /** Default 05/12. */
  appraisal: isoDate,
  /** Default 10/12. */
  explanation: isoDate,
  /** Default 15/12. */
  council: isoDate,
});
export type CycleDeadlines = z.infer<typeof cycleDeadlinesSchema>;

export const councilMemberSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  present: z.boolean(),
});

export const cycleDecisionSchema = z.object({
  number: z.string(),
  date: isoDate,
  signer: z.string().nullable(),
  file: storedFileSchema.nullable(),
});

export const cycleStepEventSchema = z.object({
  step: z.enum(cycleSteps),
  closedAt: z.string(),
  closedByName: z.string().nullable(),
});

export const cycleSummarySchema = z.object({
  id: idSchema,
  frameworkId: idSchema,
  frameworkName: z.string(),
  groupName: z.string(),
  year: z.number().int(),
  name: z.string(),
  step: z.enum(cycleSteps),
  deadlines: cycleDeadlinesSchema,
  /** Deadline of the current step; null once past the council. */
  currentDeadline: isoDate.nullable(),
  agencyCount: z.number().int(),
  submittedCount: z.number().int(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type CycleSummary = z.infer<typeof cycleSummarySchema>;

export const cycleSchema = cycleSummarySchema.extend({
  ownerUnitId: idSchema,
  ruleSetVersion: z.string(),
  /** Minimum members present for the vote; null = more than half of the members. */
  quorum: z.number().int().nullable(),
  members: z.array(councilMemberSchema),
  decision: cycleDecisionSchema.nullable(),
  draftsSentAt: z.string().nullable(),
  councilClosedAt: z.string().nullable(),
  /** Agencies tied at the quota cut, best first, as decided (Art. 8.5). */
  tieBreak: z.array(idSchema).nullable(),
  history: z.array(cycleStepEventSchema),
  /** What the caller may do here. */
  can: z.object({
    manage: z.boolean(),
    appraise: z.boolean(),
    vote: z.boolean(),
  }),
});
export type Cycle = z.infer<typeof cycleSchema>;

export const cyclesQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  frameworkId: idSchema.optional(),
  step: z.enum(cycleSteps).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["year", "name", "step"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const createCycleBody = z.object({
  frameworkId: idSchema,
  name: optionalText(limits.nameMax),
  /** Missing dates take the regulation's defaults in the framework's year. */
  deadlines: cycleDeadlinesSchema.partial().optional(),
  quorum: z.number().int().min(1).nullish(),
});

export const updateCycleBody = z.object({
  version: z.number().int(),
  name: trimmed(limits.nameMax).optional(),
  deadlines: cycleDeadlinesSchema.partial().optional(),
  quorum: z.number().int().min(1).nullable().optional(),
});

/** Closes the current step and opens the next; `step` must name the current one (guards double clicks). */
export const advanceCycleBody = z.object({
  version: z.number().int(),
  step: z.enum(cycleSteps),
});

export const setCouncilBody = z.object({
  version: z.number().int(),
  members: z.array(z.object({ userId: idSchema, present: z.boolean().default(true) })).max(200),
});

export const councilCandidateSchema = z.object({ userId: idSchema, displayName: z.string(), unitName: z.string() });

export const cycleTieBreakBody = z.object({ version: z.number().int(), order: z.array(idSchema).max(2000) });

export const decisionBody = z.object({
  version: z.number().int(),
  number: trimmed(limits.codeMax),
  date: isoDate,
  signer: optionalText(limits.nameMax),
  fileId: idSchema.nullish(),
});
