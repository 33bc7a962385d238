import { classifiedLevels, parRanks } from "@thuocdo/core";
import { z } from "zod";
import { idSchema } from "../common.ts";
import { limits } from "../limits.ts";
import { cycleDeadlinesSchema, cycleSteps } from "./cycles.ts";
import { dossierFileSchema, dossierGapSchema } from "./dossier.ts";
import { frameworkRuleChoices } from "./frameworks.ts";
import { agencyTotalSchema, criterionScoreSchema } from "./scores.ts";

/* ───────────── Assessments ───────────── */

export const assessmentStatuses = ["draft", "submitted"] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/**
 * The facts the level rules read (Decree 335 Art. 8; Quảng Nam Art. 5). Ratios are shares of the
 * planned tasks (1 = 100%). Which are required depends on the framework's rules.
 */
export const agencyConditionsSchema = z.object({
  tasksCompletedRatio: z.number().min(0).max(1).nullish(),
  tasksOnTimeRatio: z.number().min(0).max(1).nullish(),
  tasksExceededRatio: z.number().min(0).max(1).nullish(),
  subordinateNotCompleted: z.boolean().nullish(),
  shortcomingsFixed: z.boolean().nullish(),
  violations: z.boolean().nullish(),
  forceMajeure: z.boolean().nullish(),
  parRank: z.enum(parRanks).nullish(),
  seriousIncident: z.boolean().nullish(),
});
export type AgencyConditions = z.infer<typeof agencyConditionsSchema>;

export const assessmentSummarySchema = z.object({
  id: idSchema,
  cycleId: idSchema,
  cycleName: z.string(),
  year: z.number().int(),
  step: z.enum(cycleSteps),
  agencyId: idSchema,
  agencyName: z.string(),
  agencyCode: z.string().nullable(),
  status: z.enum(assessmentStatuses),
  proposedLevel: z.enum(classifiedLevels).nullable(),
  submittedAt: z.string().nullable(),
  selfScore: z.number().nullable(),
  appraisedScore: z.number().nullable(),
  finalScore: z.number().nullable(),
  /** Provisional level and rank sent with the draft; null before. */
  draftLevel: z.enum(classifiedLevels).nullable(),
  draftRank: z.number().int().nullable(),
  level: z.enum(classifiedLevels).nullable(),
  version: z.number().int(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentsQuery = z.object({
  cycleId: idSchema.optional(),
  agencyId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(assessmentStatuses).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["agencyName", "selfScore", "appraisedScore", "finalScore", "submittedAt"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const assessmentSchema = assessmentSummarySchema.extend({
  frameworkId: idSchema,
  rules: z.enum(frameworkRuleChoices),
  deadlines: cycleDeadlinesSchema,
  conditions: agencyConditionsSchema,
  /** Condition names the framework's rules read. */
  requiredConditions: z.array(z.string()),
  submittedByName: z.string().nullable(),
  dossier: z.array(dossierFileSchema),
  gaps: z.array(dossierGapSchema),
  /** Criteria the caller may see (an appraiser sees only its agency's), tree pre-order. */
  criteria: z.array(criterionScoreSchema),
  /** Null for a caller who sees only part of the criteria (an appraiser). */
  totals: z.object({ self: agencyTotalSchema, appraised: agencyTotalSchema, final: agencyTotalSchema }).nullable(),
  can: z.object({
    selfAssess: z.boolean(),
    /** Criterion ids the caller may appraise now. */
    appraise: z.array(idSchema),
    explain: z.boolean(),
    setFinal: z.boolean(),
    vote: z.boolean(),
  }),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const updateAssessmentBody = z.object({
  version: z.number().int(),
  conditions: agencyConditionsSchema.optional(),
  proposedLevel: z.enum(classifiedLevels).nullable().optional(),
});

export const assessmentFileParams = z.object({ id: idSchema, fileId: idSchema });
export const assessmentCriterionParams = z.object({ id: idSchema, criterionId: idSchema });
