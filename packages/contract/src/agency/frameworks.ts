import { agencyRuleNames, parRanks } from "@thuocdo/core";
import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { limits } from "../limits.ts";
import { agencyLimits } from "./limits.ts";

/* ───────────── Frameworks ───────────── */

/** `custom`: one of the two rule families with some of its numbers changed (`customRules`). */
export const frameworkRuleChoices = [...agencyRuleNames, "custom"] as const;
export type FrameworkRuleChoice = (typeof frameworkRuleChoices)[number];

export const frameworkStatuses = ["draft", "in_use"] as const;
export type FrameworkStatus = (typeof frameworkStatuses)[number];

/** scored: part of the 100-point base; bonus/penalty: top-level points added or taken. */
export const criterionKinds = ["scored", "bonus", "penalty"] as const;
export type CriterionKind = (typeof criterionKinds)[number];

export const customRulesSchema = z.object({
  base: z.enum(agencyRuleNames),
  /** nd335: share of tasks exceeded for excellent (Art. 8.1.a: 0.3). */
  excellentExceededMin: z.number().min(0).max(1).optional(),
  /** nd335: share of tasks late allowed for completed (Art. 8.3: 0.2). */
  completedLateMax: z.number().min(0).max(1).optional(),
  /** nd335: share of tasks completed below which not completed (Art. 8.4.b: 0.7). */
  notCompletedBelow: z.number().min(0).max(1).optional(),
  /** quangnam2023: PAR rank excellent needs at least (Art. 5.1.a: tot). */
  excellentParRankMin: z.enum(parRanks).optional(),
  /** quangnam2023: levels a serious incident lowers by (Art. 5.2: 1). */
  seriousIncidentLowersBy: z.number().int().min(0).max(3).optional(),
});
export type CustomRules = z.infer<typeof customRulesSchema>;

export const frameworkCriterionSchema = z.object({
  id: idSchema,
  frameworkId: idSchema,
  parentId: idSchema.nullable(),
  code: z.string(),
  name: z.string(),
  guidance: z.string().nullable(),
  max: z.number(),
  kind: z.enum(criterionKinds),
  requiredEvidence: z.string().nullable(),
  appraiserUnitId: idSchema.nullable(),
  appraiserUnitName: z.string().nullable(),
  appraiserUnitCode: z.string().nullable(),
  /** Position among its siblings, from 0. */
  sortOrder: z.number().int(),
  /** 0 at the top level. */
  depth: z.number().int(),
  isLeaf: z.boolean(),
});
export type FrameworkCriterion = z.infer<typeof frameworkCriterionSchema>;

/**
 * Structural problems of a criteria tree. A framework with any cannot start a cycle; whole-tree
 * saves and imports refuse them.
 */
export const frameworkIssueCodes = [
  "children_max_mismatch",
  "base_total_not_100",
  "bonus_penalty_not_top_level",
  "bonus_penalty_with_children",
  "duplicate_code",
  "no_agencies",
  "no_criteria",
] as const;
export type FrameworkIssueCode = (typeof frameworkIssueCodes)[number];

export const frameworkIssueSchema = z.object({
  code: z.enum(frameworkIssueCodes),
  criterionId: idSchema.nullable(),
  /** Numbers behind the issue: `{ max, childrenSum }`, `{ total, expected }`, `{ code }`. */
  details: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type FrameworkIssue = z.infer<typeof frameworkIssueSchema>;

export const frameworkAgencySchema = z.object({
  id: idSchema,
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
});

export const frameworkSummarySchema = z.object({
  id: idSchema,
  year: z.number().int(),
  name: z.string(),
  /** The group of agencies ranked together (quota applies per group). */
  groupName: z.string(),
  rules: z.enum(frameworkRuleChoices),
  status: z.enum(frameworkStatuses),
  versionNo: z.number().int(),
  previousVersionId: idSchema.nullable(),
  /** Shipped examples to copy and adapt; never used by a cycle directly. */
  isTemplate: z.boolean(),
  ownerUnitId: idSchema,
  ownerUnitName: z.string(),
  agencyCount: z.number().int(),
  criterionCount: z.number().int(),
  cycleCount: z.number().int(),
  issueCount: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

export const frameworkSchema = frameworkSummarySchema.extend({
  description: z.string().nullable(),
  customRules: customRulesSchema.nullable(),
  /** Rate of the excellent quota (Art. 8.5: 0.2). */
  quotaRate: z.number(),
  /** Rate when the competent level grants the exception (0.25). */
  exceptionRate: z.number(),
  exceptionGranted: z.boolean(),
  /** The decision granting the exception. */
  exceptionReference: z.string().nullable(),
  /** The rule-set version results will record (the year's, with custom numbers tagged). */
  ruleSetVersion: z.string(),
  agencies: z.array(frameworkAgencySchema),
  /** Flat, in tree pre-order (parents before children, siblings by sortOrder). */
  criteria: z.array(frameworkCriterionSchema),
  totals: z.object({ base: z.number(), bonusMax: z.number(), penaltyMax: z.number() }),
  issues: z.array(frameworkIssueSchema),
  /** True once a cycle uses it: changes need a new version. */
  locked: z.boolean(),
});
export type Framework = z.infer<typeof frameworkSchema>;

export const frameworksQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(frameworkStatuses).optional(),
  /** "true" | "false". */
  template: z.enum(["true", "false"]).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["year", "name", "groupName", "updatedAt"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

const frameworkSettingsFields = {
  name: trimmed(limits.nameMax),
  groupName: trimmed(limits.nameMax),
  description: optionalText(agencyLimits.textMax),
  rules: z.enum(frameworkRuleChoices),
  customRules: customRulesSchema.nullish(),
  quotaRate: z.number().min(0).max(1),
  exceptionRate: z.number().min(0).max(1),
  exceptionGranted: z.boolean(),
  exceptionReference: optionalText(limits.nameMax),
};

export const createFrameworkBody = z.object({
  year: z.number().int().min(2000).max(2100),
  ...frameworkSettingsFields,
  quotaRate: frameworkSettingsFields.quotaRate.default(0.2),
  exceptionRate: frameworkSettingsFields.exceptionRate.default(0.25),
  exceptionGranted: z.boolean().default(false),
  /** Copy the criteria (and agencies) of this framework, e.g. a template. */
  copyFromId: idSchema.nullish(),
  /** The unit whose hr manages it; default the caller's widest hr unit. */
  ownerUnitId: idSchema.nullish(),
});

export const updateFrameworkBody = z.object({
  version: z.number().int(),
  ...z.object(frameworkSettingsFields).partial().shape,
  year: z.number().int().min(2000).max(2100).optional(),
});

export const setFrameworkAgenciesBody = z.object({
  version: z.number().int(),
  agencyIds: z.array(idSchema).max(2000),
});
