import { generalSubCriterionCodes, levels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { limits } from "../limits.ts";
import { leaderRoles } from "../org.ts";
import { periodStatuses } from "./periods.ts";

/* ───────────── Evaluations ───────────── */

export const generalScoresSchema = z.record(z.enum(generalSubCriterionCodes), z.number().min(0).max(5));
export type GeneralScoresInput = z.infer<typeof generalScoresSchema>;

export const generalCriteriaSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    max: z.number(),
    subCriteria: z.array(
      z.object({ code: z.enum(generalSubCriterionCodes), name: z.string(), max: z.number(), help: z.string() }),
    ),
  }),
);

export const evaluationStatuses = ["draft", "submitted", "confirmed", "head_confirmed"] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

/**
 * The computed score, or why there is none: `no_assignment` when nothing planned was assigned
 * (A = 0, a state to show, not an error). `result` is the core's plain PeriodResult with its
 * explanation (the "why is my score this?" drill-down).
 */
export const scoreSchema = z.object({
  state: z.enum(["scored", "no_assignment"]),
  total: z.number().nullable(),
  level: z.enum(levels).nullable(),
  ruleSetVersion: z.string().nullable(),
  /** Which general points the score uses. */
  generalSource: z.enum(["confirmed", "self", "none"]),
  result: z.unknown().nullable(),
});
export type Score = z.infer<typeof scoreSchema>;

export const evaluationSchema = z.object({
  id: idSchema,
  periodId: idSchema,
  personId: idSchema,
  personName: z.string(),
  unitId: idSchema,
  unitName: z.string(),
  leaderRole: z.enum(leaderRoles),
  status: z.enum(evaluationStatuses),
  selfScores: generalScoresSchema.nullable(),
  selfGeneral: z.number().nullable(),
  selfAssessment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  confirmedScores: generalScoresSchema.nullable(),
  confirmedGeneral: z.number().nullable(),
  managerComment: z.string().nullable(),
  /** đ and e (heads and deputies): 1 or 0.5. */
  organizing: z.number().nullable(),
  organizingReason: z.string().nullable(),
  unity: z.number().nullable(),
  unityReason: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  headConfirmedByName: z.string().nullable(),
  headConfirmedAt: z.string().nullable(),
  score: scoreSchema,
  periodStatus: z.enum(periodStatuses),
  /** What the caller may do now (the server checks again). */
  can: z.object({ selfEvaluate: z.boolean(), confirm: z.boolean(), headConfirm: z.boolean() }),
  version: z.number().int(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const selfEvaluationBody = z.object({
  /** Omit (or 0) for the first submission; the evaluation's version afterwards. */
  version: z.number().int().optional(),
  scores: generalScoresSchema,
  selfAssessment: trimmed(limits.noteMax),
});

const leaderPoints = z.union([z.literal(1), z.literal(0.5)]);

export const confirmEvaluationBody = z.object({
  version: z.number().int(),
  scores: generalScoresSchema,
  comment: optionalText(limits.noteMax),
  /** Heads and deputies only: đ and e; 0.5 needs a reason. */
  organizing: leaderPoints.optional(),
  organizingReason: optionalText(limits.noteMax),
  unity: leaderPoints.optional(),
  unityReason: optionalText(limits.noteMax),
});

export const headConfirmBody = z.object({
  version: z.number().int(),
  comment: optionalText(limits.noteMax),
});

export const periodPersonParams = z.object({ id: idSchema, personId: idSchema });
