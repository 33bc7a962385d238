import { levels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema } from "../common.ts";
import { limits } from "../limits.ts";
import { leaderRoles } from "../org.ts";
import { isoDate } from "./dates.ts";
import { evaluationStatuses } from "./evaluations.ts";
import { periodSchema } from "./periods.ts";

/* ───────────── Read models: the division board ───────────── */

export const boardQuery = z.object({
  /** The division; defaults to the manager's own unit. */
  unitId: idSchema.optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["personName", "assignedConverted", "total", "status"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const boardRowSchema = z.object({
  personId: idSchema,
  personName: z.string(),
  positionName: z.string().nullable(),
  leaderRole: z.enum(leaderRoles),
  evaluationId: idSchema.nullable(),
  /** A (planned, converted) — compare with the unit's median for commensurate load. */
  assignedConverted: z.number(),
  extraConverted: z.number(),
  deliveredConverted: z.number(),
  lines: z.number().int(),
  waitingReview: z.number().int(),
  failed: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  selfEvaluated: z.boolean(),
  status: z.enum(evaluationStatuses),
  total: z.number().nullable(),
  level: z.enum(levels).nullable(),
  scoreState: z.enum(["scored", "no_assignment"]),
});
export type BoardRow = z.infer<typeof boardRowSchema>;

export const overdueItemSchema = z.object({
  kind: z.enum(["delivery", "review", "self_evaluation", "confirmation"]),
  personId: idSchema,
  personName: z.string(),
  assignmentId: idSchema.nullable(),
  deliveryId: idSchema.nullable(),
  itemCode: z.string().nullable(),
  due: isoDate,
});

export const boardSchema = z.object({
  period: periodSchema,
  unitId: idSchema,
  unitName: z.string(),
  /** Median of everyone's A in the unit (all rows, not just this page). */
  medianAssignedConverted: z.number(),
  totals: z.object({
    people: z.number().int(),
    waitingReview: z.number().int(),
    notSelfEvaluated: z.number().int(),
    confirmed: z.number().int(),
  }),
  items: z.array(boardRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  overdue: z.array(overdueItemSchema),
});
export type Board = z.infer<typeof boardSchema>;
