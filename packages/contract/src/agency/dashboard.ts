import { classifiedLevels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema } from "../common.ts";
import { councilTallySchema } from "./council.ts";

/* ───────────── Dashboard ───────────── */

export const agencyEvaluationDashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  cycleId: idSchema.optional(),
});

export const agencyEvaluationDashboardSchema = z.object({
  year: z.number().int(),
  agencies: z.array(
    z.object({
      cycleId: idSchema,
      groupName: z.string(),
      agencyId: idSchema,
      agencyName: z.string(),
      selfScore: z.number(),
      appraisedScore: z.number(),
      finalScore: z.number(),
      level: z.enum(classifiedLevels).nullable(),
    }),
  ),
  /** Criteria by points lost across agencies, most first. */
  criteria: z.array(
    z.object({
      cycleId: idSchema,
      criterionId: idSchema,
      code: z.string(),
      name: z.string(),
      max: z.number(),
      applicable: z.number().int(),
      averageScore: z.number(),
      pointsLost: z.number(),
      /** pointsLost ÷ (max × applicable). */
      lossRate: z.number(),
    }),
  ),
  levels: councilTallySchema,
});
export type AgencyEvaluationDashboard = z.infer<typeof agencyEvaluationDashboardSchema>;
