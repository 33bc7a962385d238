import { classifiedLevels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema, optionalText } from "../common.ts";
import { storedFileSchema } from "../files.ts";
import { criterionKinds } from "./frameworks.ts";
import { agencyLimits, criterionPointsSchema } from "./limits.ts";

/* ───────────── Criterion scores and totals ───────────── */

const scoreStamp = { byName: z.string().nullable(), at: z.string().nullable() };

export const criterionScoreSchema = z.object({
  criterionId: idSchema,
  parentId: idSchema.nullable(),
  code: z.string(),
  name: z.string(),
  guidance: z.string().nullable(),
  max: z.number(),
  kind: z.enum(criterionKinds),
  requiredEvidence: z.string().nullable(),
  appraiserUnitId: idSchema.nullable(),
  appraiserUnitName: z.string().nullable(),
  depth: z.number().int(),
  isLeaf: z.boolean(),
  self: z
    .object({
      score: z.number().nullable(),
      notApplicable: z.boolean(),
      naExplanation: z.string().nullable(),
      note: z.string().nullable(),
      files: z.array(storedFileSchema),
      ...scoreStamp,
    })
    .nullable(),
  appraised: z.object({ score: z.number().nullable(), comment: z.string().nullable(), ...scoreStamp }).nullable(),
  final: z.object({ score: z.number().nullable(), note: z.string().nullable(), ...scoreStamp }).nullable(),
  explanation: z.object({ text: z.string(), files: z.array(storedFileSchema), ...scoreStamp }).nullable(),
});
export type CriterionScore = z.infer<typeof criterionScoreSchema>;

/** Which score column a total reads. appraised = appraised ?? self; final = final ?? appraised ?? self. */
export const scoreColumns = ["self", "appraised", "final"] as const;
export type ScoreColumn = (typeof scoreColumns)[number];

/** A total computed by packages/core `computeAgency` over one score column. */
export const agencyTotalSchema = z.object({
  column: z.enum(scoreColumns),
  score: z.number(),
  achieved: z.number(),
  bonus: z.number(),
  penalty: z.number(),
  notApplicableMax: z.number(),
  maxApplicable: z.number(),
  /** Null when the rules do not cover the case or conditions are missing: the council decides. */
  level: z.enum(classifiedLevels).nullable(),
  /** Core flags plus `conditions_missing`. */
  flags: z.array(z.string()),
  /** Leaves still without a score in this column (counted as 0). */
  missingScores: z.number().int(),
  missingConditions: z.array(z.string()),
  ruleSetVersion: z.string(),
  /** The core's explanation ("why is this the score?"), plain JSON. */
  explanation: z.unknown(),
});
export type AgencyTotal = z.infer<typeof agencyTotalSchema>;

export const selfScoreInput = z.object({
  criterionId: idSchema,
  score: criterionPointsSchema.nullable(),
  notApplicable: z.boolean().default(false),
  /** Required (with an evidence file) when not applicable. */
  naExplanation: optionalText(agencyLimits.textMax),
  note: optionalText(agencyLimits.textMax),
  fileIds: z.array(idSchema).max(50).default([]),
});

export const saveSelfScoresBody = z.object({ scores: z.array(selfScoreInput).min(1).max(agencyLimits.criteriaMax) });

export const appraisalInput = z.object({
  criterionId: idSchema,
  score: criterionPointsSchema.nullable(),
  comment: optionalText(agencyLimits.textMax),
});

export const saveAppraisalBody = z.object({ scores: z.array(appraisalInput).min(1).max(agencyLimits.criteriaMax) });

export const finalInput = z.object({
  criterionId: idSchema,
  score: criterionPointsSchema.nullable(),
  note: optionalText(agencyLimits.textMax),
});

export const saveFinalScoresBody = z.object({ scores: z.array(finalInput).min(1).max(agencyLimits.criteriaMax) });
