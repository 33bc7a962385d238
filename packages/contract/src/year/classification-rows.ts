import { leaveKinds, levels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema } from "../common.ts";
import { limits } from "../limits.ts";
import { leaderRoles } from "../org.ts";
import { isoDate } from "../work/dates.ts";
import { orderField, pageFields } from "./fields.ts";
import { leaveKindSchema } from "./leave.ts";
import { classifiedLevelSchema, levelSchema } from "./levels.ts";

/* ───────────── Classification rows: the live list, one row per person (Art. 19–20) ───────────── */

/** Why a level is what it is, in order; the last decisive (the core's LevelReason, as JSON). */
export const levelReasonSchema = z
  .object({
    rule: z.enum([
      "threshold",
      "unclassified",
      "discipline",
      "degradation",
      "corruption_in_unit",
      "head_cap",
      "quota_cut",
      "conditions",
      "tie_pending",
    ]),
    article: z.string(),
    /** The record that forced the level (discipline, degradation, corruption). */
    recordId: idSchema.nullable().optional(),
  })
  .catchall(z.unknown());
export type LevelReasonJson = z.infer<typeof levelReasonSchema>;

export const monthCellSchema = z.object({
  month: z.number().int(),
  /** Confirmed period score, null when none. */
  score: z.number().nullable(),
  counted: z.boolean(),
  /** Agency whose period produced it (differs from the classifying agency after a transfer). */
  agencyId: idSchema.nullable(),
  /** Leave recorded for the month. */
  leave: leaveKindSchema.nullable(),
});

export const classificationQuotaOutcomes = [
  "kept",
  "cut",
  "kept_by_decision",
  "cut_by_decision",
  "tie_pending",
] as const;

export const classificationRowSchema = z.object({
  personId: idSchema,
  fullName: z.string(),
  employeeCode: z.string().nullable(),
  unitId: idSchema,
  unitName: z.string(),
  positionName: z.string().nullable(),
  title: z.string().nullable(),
  leaderRole: z.enum(leaderRoles),
  quotaGroupId: idSchema.nullable(),
  quotaGroupName: z.string().nullable(),
  months: z.array(monthCellSchema),
  monthsCounted: z.number().int(),
  monthsWorked: z.number().int(),
  leave: z.enum(leaveKinds),
  /** Exact average rounded to 2 decimals for display; null when no month counted. */
  average: z.number().nullable(),
  /** The exact average as "numerator/denominator", for anyone re-checking. */
  averageExact: z.string().nullable(),
  /** computeYear's level (threshold, forced, unclassified, head cap) before the quota. */
  yearLevel: levelSchema,
  /** After the quota; null while a tie at the cut waits for the head. */
  proposedLevel: levelSchema.nullable(),
  quotaOutcome: z.enum(classificationQuotaOutcomes).nullable(),
  reasons: z.array(levelReasonSchema),
  /** Came from another agency this year (Art. 19.1). */
  transferredFrom: z.array(z.object({ agencyId: idSchema, agencyName: z.string(), effectiveOn: isoDate })),
  selfProposedLevel: classifiedLevelSchema.nullable(),
  /** Heads and deputies need the Party committee's opinion (Art. 21.1.c, 21.2). */
  partyOpinionRequired: z.boolean(),
  partyOpinionRecorded: z.boolean(),
  /** Level in the classification's active decision, if any. */
  decidedLevel: levelSchema.nullable(),
  ruleSetVersion: z.string(),
});
export type ClassificationRow = z.infer<typeof classificationRowSchema>;

export const classificationPeopleQuery = z.object({
  q: z.string().trim().max(limits.nameMax).optional(),
  unitId: idSchema.optional(),
  quotaGroupId: idSchema.optional(),
  level: z.enum([...levels, "pending"]).optional(),
  sort: z.enum(["fullName", "unitName", "average", "proposedLevel"]).optional(),
  order: orderField,
  ...pageFields,
});
