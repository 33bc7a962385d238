import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { storedFileSchema } from "../files.ts";
import { limits } from "../limits.ts";
import { documentFields, documentSchemaFields, orderField, pageFields, versioned, yearSchema } from "./fields.ts";
import { classifiedLevelSchema } from "./levels.ts";
import { classificationDecisionSchema, minutesSchema, workflowStepSchema } from "./workflow.ts";

/* ───────────── Classification (Art. 19–21) ───────────── */

export const classificationStatuses = ["open", "proposed", "decided", "published"] as const;
export type ClassificationStatus = (typeof classificationStatuses)[number];

export const classificationSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  status: z.enum(classificationStatuses),
  ruleSetVersion: z.string(),
  /** 0.2 by default; up to 0.25 when granted (Art. 20.5.b). */
  quotaRate: z.number(),
  quotaReading: z.enum(["final", "initial_good"]),
  rateGrant: z.object({ grantedBy: z.string(), ...documentSchemaFields }).nullable(),
  /** The agency's own level for the year, which caps its head's (Art. 20.6). */
  agencyLevel: classifiedLevelSchema.nullable(),
  agencyLevelSource: z.enum(["agency_evaluation", "manual", "none"]),
  agencyLevelNote: z.string().nullable(),
  proposal: z
    .object({
      note: z.string().nullable(),
      file: storedFileSchema.nullable(),
      proposedByName: z.string().nullable(),
      proposedAt: z.string(),
    })
    .nullable(),
  minutes: z.array(minutesSchema),
  decisions: z.array(classificationDecisionSchema),
  steps: z.array(workflowStepSchema),
  /** Levels counted on the live list (after quota; `pending` = ties waiting). */
  counts: z.record(z.string(), z.number().int()),
  pendingTies: z.number().int(),
  openedByName: z.string().nullable(),
  openedAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Classification = z.infer<typeof classificationSchema>;

export const classificationListItemSchema = classificationSchema.pick({
  id: true,
  agencyId: true,
  agencyName: true,
  year: true,
  status: true,
  publishedAt: true,
  version: true,
});

export const classificationsQuery = z.object({
  agencyId: idSchema.optional(),
  year: yearSchema.optional(),
  status: z.enum(classificationStatuses).optional(),
  sort: z.enum(["agencyName", "year", "status"]).optional(),
  order: orderField,
  ...pageFields,
});

export const openClassificationBody = z.object({ agencyId: idSchema, year: z.number().int().min(2000).max(2100) });

export const updateClassificationBody = z.object({
  ...versioned,
  /** 0.2 or up to the rule set's exception rate; above the base rate needs `rateGrant`. */
  quotaRate: z.number().min(0).max(1).optional(),
  rateGrant: z.object({ grantedBy: trimmed(limits.nameMax), ...documentFields }).nullish(),
  /** Manual agency level, used only when the agency evaluation has none. */
  agencyLevel: classifiedLevelSchema.nullish(),
  agencyLevelNote: optionalText(limits.noteMax).optional(),
});
