import { z } from "zod";
import { classifiedLevels, levels } from "./levels.ts";
import { agencyRuleNames, delayCountings, disciplineForms, parRanks, quotaReadings } from "./ruleset/types.ts";

/**
 * Zod schemas of the calculator documents (CLI stdin and POST /api/v1/calc/{kind}). They check
 * shape and ranges only; consistency across fields (references, excused ≤ total, sums of maxima)
 * is checked by the `toValid…` functions of `parse.ts`, which also turn numbers into exact values.
 * Unknown fields are ignored, so documents may carry more than the calculator reads.
 */

const ratio = z.number().min(0).max(1);
const score100 = z.number().min(0).max(100);
const count = z.number().int().min(0);

export const leaderRoles = ["none", "head", "deputy"] as const;
export const assignmentSources = ["planned", "adhoc", "taken_over"] as const;
export const leaveKinds = ["none", "sick", "maternity", "unpaid"] as const;

/** Local overrides of the rule set a document may carry (recorded in the result's version id). */
export const settingsSchema = z.object({
  taskPointsCap: z.number().min(0).nullable().optional(),
  firstScoredMonth: z.number().int().min(1).max(12).optional(),
  delayCounting: z.enum(delayCountings).optional(),
  quota: z
    .object({
      rate: ratio.optional(),
      exceptionRate: ratio.optional(),
      reading: z.enum(quotaReadings).optional(),
    })
    .optional(),
});

/** Which rule set: a released id, or the one in force for `year`; default the latest. */
const ruleSetFields = {
  ruleSet: z.string().min(1).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  settings: settingsSchema.optional(),
};

export const assignmentSchema = z.object({
  id: z.string().min(1),
  coefficient: z.number().positive(),
  quantity: z.number().positive(),
  source: z.enum(assignmentSources).default("planned"),
});

export const deliverySchema = z.object({
  assignment: z.string().min(1),
  quantity: z.number().positive(),
  failedReviews: count.default(0),
  excusedFailedReviews: count.default(0),
  delays: count.default(0),
  excusedDelays: count.default(0),
});

export const leaderSchema = z.object({
  subordinateScores: z.array(score100).default([]),
  organizing: z.literal([1, 0.5]),
  unity: z.literal([1, 0.5]),
  organizingReason: z.string().nullish(),
  unityReason: z.string().nullish(),
});

export const periodDocument = z.object({
  kind: z.literal("period"),
  ...ruleSetFields,
  leaderRole: z.enum(leaderRoles).default("none"),
  general: z.number().min(0),
  assignments: z.array(assignmentSchema),
  deliveries: z.array(deliverySchema).default([]),
  leader: leaderSchema.nullish(),
});

export const yearDocument = z.object({
  kind: z.literal("year"),
  ...ruleSetFields,
  months: z.array(z.object({ month: z.number().int().min(1).max(12), score: score100 })),
  leave: z.enum(leaveKinds).default("none"),
  /** Defaults to the number of months given. */
  monthsWorked: z.number().int().min(0).max(12).optional(),
  discipline: z.array(z.object({ form: z.enum(disciplineForms), publicDuty: z.boolean() })).default([]),
  degradation: z.boolean().default(false),
  corruptionInUnit: z.boolean().default(false),
  leaderRole: z.enum(leaderRoles).default("none"),
  agencyLevel: z.enum(classifiedLevels).nullish(),
});

export const quotaDocument = z.object({
  kind: z.literal("quota"),
  ...ruleSetFields,
  /** Defaults to the rule set's rate (20%). */
  rate: ratio.optional(),
  /** Defaults to the rule set's reading (`final`). */
  reading: z.enum(quotaReadings).optional(),
  people: z.array(z.object({ id: z.string().min(1), score: score100, level: z.enum(levels) })),
  tieBreak: z.array(z.string().min(1)).optional(),
});

export interface CriterionDocument {
  id: string;
  title?: string | undefined;
  max?: number | undefined;
  score?: number | undefined;
  bonus: boolean;
  penalty: boolean;
  notApplicable: boolean;
  children?: CriterionDocument[] | undefined;
}

export const criterionSchema: z.ZodType<CriterionDocument, unknown> = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  max: z.number().min(0).optional(),
  score: z.number().optional(),
  bonus: z.boolean().default(false),
  penalty: z.boolean().default(false),
  notApplicable: z.boolean().default(false),
  get children() {
    return z.array(criterionSchema).optional();
  },
});

export const agencyDocument = z.object({
  kind: z.literal("agency"),
  ...ruleSetFields,
  rules: z.enum(agencyRuleNames),
  criteria: z.array(criterionSchema),
  conditions: z
    .object({
      tasksCompletedRatio: ratio.optional(),
      tasksOnTimeRatio: ratio.optional(),
      tasksExceededRatio: ratio.optional(),
      subordinateNotCompleted: z.boolean().optional(),
      shortcomingsFixed: z.boolean().optional(),
      parRank: z.enum(parRanks).optional(),
      seriousIncident: z.boolean().optional(),
      violations: z.boolean().optional(),
      forceMajeure: z.boolean().default(false),
    })
    .default({ forceMajeure: false }),
});

export const calcDocument = z.discriminatedUnion("kind", [periodDocument, yearDocument, quotaDocument, agencyDocument]);

export type PeriodDocument = z.output<typeof periodDocument>;
export type YearDocument = z.output<typeof yearDocument>;
export type QuotaDocument = z.output<typeof quotaDocument>;
export type AgencyDocument = z.output<typeof agencyDocument>;
export type CalcDocument = z.output<typeof calcDocument>;
export type CalcKind = CalcDocument["kind"];
