import { z } from "zod";
import { idSchema, trimmed } from "../common.ts";
import { limits } from "../limits.ts";
import { leaderRoles } from "../org.ts";
import { classificationQuotaOutcomes } from "./classification-rows.ts";
import { versioned } from "./fields.ts";

/* ───────────── Quota groups (Art. 20.5: nhóm có nhiệm vụ tương đồng) ───────────── */

/**
 * Who belongs: a person matches when every non-empty list contains their value (leader role,
 * position, unit — a unit covers the units below it). A person matching no group is listed as
 * ungrouped and counts agency-wide only; the first matching group by `sortOrder` wins.
 */
export const quotaGroupMembersSchema = z.object({
  leaderRoles: z.array(z.enum(leaderRoles)).default([]),
  positionIds: z.array(idSchema).default([]),
  unitIds: z.array(idSchema).default([]),
});

export const quotaGroupSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  name: z.string(),
  members: quotaGroupMembersSchema,
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type QuotaGroup = z.infer<typeof quotaGroupSchema>;

export const createQuotaGroupBody = z.object({
  agencyId: idSchema,
  name: trimmed(limits.nameMax),
  members: quotaGroupMembersSchema,
  sortOrder: z.number().int().min(0).max(1000).optional(),
});

export const updateQuotaGroupBody = z.object({
  ...versioned,
  name: trimmed(limits.nameMax).optional(),
  members: quotaGroupMembersSchema.optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});

export const quotaCandidateSchema = z.object({
  personId: idSchema,
  fullName: z.string(),
  score: z.number(),
  rank: z.number().int(),
  outcome: z.enum(classificationQuotaOutcomes),
});

/** One application of the cap, with every number (DESIGN §3 rule 10: the computation shown). */
export const quotaComputationSchema = z.object({
  /** "agency" for the agency-wide check, else the quota group's id. */
  scope: z.string(),
  name: z.string(),
  /** G: rated good before the cut. */
  good: z.number().int(),
  /** E: candidates for excellent. */
  excellent: z.number().int(),
  rate: z.number(),
  exception: z.boolean(),
  reading: z.enum(["final", "initial_good"]),
  formula: z.string(),
  bound: z.number(),
  allowed: z.number().int(),
  candidates: z.array(quotaCandidateSchema),
  cut: z.array(idSchema),
  tie: z
    .object({
      score: z.number(),
      personIds: z.array(idSchema),
      seats: z.number().int(),
      decided: z.boolean(),
      decidedByName: z.string().nullable(),
      decidedAt: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  finalExcellent: z.number().int(),
  finalGood: z.number().int(),
});
export type QuotaComputation = z.infer<typeof quotaComputationSchema>;

export const quotaViewSchema = z.object({
  groups: z.array(quotaComputationSchema),
  agency: quotaComputationSchema,
  /** People matching no quota group (they count agency-wide only). */
  ungrouped: z.array(z.object({ personId: idSchema, fullName: z.string() })),
});
export type QuotaView = z.infer<typeof quotaViewSchema>;

/** The head's order for the people tied at a cut, best first (Art. 20.5; DESIGN §3 rule 10). */
export const classificationTieBreakBody = z.object({
  /** "agency" or a quota group id. */
  scope: idSchema,
  order: z.array(idSchema).min(2).max(500),
  reason: trimmed(limits.noteMax),
});
