import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { limits } from "../limits.ts";
import { type CriterionKind, criterionKinds } from "./frameworks.ts";
import { agencyLimits, criterionPointsSchema } from "./limits.ts";

/* ───────────── Criteria of a framework ───────────── */

const criterionFields = {
  code: trimmed(limits.codeMax),
  name: trimmed(agencyLimits.textMax),
  guidance: optionalText(agencyLimits.textMax),
  max: criterionPointsSchema,
  kind: z.enum(criterionKinds).default("scored"),
  requiredEvidence: optionalText(agencyLimits.textMax),
  appraiserUnitId: idSchema.nullish(),
};

export const createCriterionBody = z.object({
  ...criterionFields,
  parentId: idSchema.nullish(),
  /** Position among the siblings; default last. */
  position: z.number().int().min(0).optional(),
});

export const updateCriterionBody = z.object(criterionFields).partial();

export const moveCriterionBody = z.object({
  parentId: idSchema.nullable(),
  position: z.number().int().min(0),
});

/** One node of a whole tree sent at once (editor save, import). */
export interface CriterionTreeNode {
  code: string;
  name: string;
  guidance?: string | null | undefined;
  max: number;
  kind: CriterionKind;
  requiredEvidence?: string | null | undefined;
  appraiserUnitId?: string | null | undefined;
  children: CriterionTreeNode[];
}

export const criterionTreeNodeSchema: z.ZodType<CriterionTreeNode, unknown> = z.object({
  ...criterionFields,
  get children() {
    return z.array(criterionTreeNodeSchema).default([]);
  },
});

/** Replaces the whole tree; refused (VALIDATION_FAILED with `details.issues`) when it has issues. */
export const replaceCriteriaBody = z.object({
  version: z.number().int(),
  criteria: z.array(criterionTreeNodeSchema).max(agencyLimits.criteriaMax),
});
