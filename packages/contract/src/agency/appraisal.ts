import { z } from "zod";
import { idSchema } from "../common.ts";
import { limits } from "../limits.ts";
import { criterionScoreSchema } from "./scores.ts";

/* ───────────── Appraisal ───────────── */

export const appraisalQuery = z.object({
  agencyId: idSchema.optional(),
  appraiserUnitId: idSchema.optional(),
  /** pending: not yet appraised; done: appraised. */
  state: z.enum(["pending", "done"]).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["agencyName", "code"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(100),
});

export const appraisalRowSchema = z.object({
  assessmentId: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  criterion: criterionScoreSchema,
});
export type AppraisalRow = z.infer<typeof appraisalRowSchema>;

export const appraisalProgressSchema = z.object({
  appraiserUnitId: idSchema.nullable(),
  /** Null: criteria without a designated appraiser (Sở Nội vụ consolidates them). */
  appraiserUnitName: z.string().nullable(),
  criteria: z.number().int(),
  expected: z.number().int(),
  done: z.number().int(),
});
