import { levels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema } from "../common.ts";
import { assignmentSchema } from "./assignments.ts";
import { isoDate } from "./dates.ts";
import { evaluationSchema, evaluationStatuses } from "./evaluations.ts";
import { periodSchema, periodStatuses } from "./periods.ts";
import { periodKinds } from "./settings.ts";

/* ───────────── Read models: my month, my history ───────────── */

export const myMonthQuery = z.object({ periodId: idSchema.optional() });

export const deadlineSchema = z.object({
  kind: z.enum(["self_evaluation", "review", "lock"]),
  due: isoDate,
  /** Past due and not done (for the caller). */
  overdue: z.boolean(),
});

export const myMonthSchema = z.object({
  personId: idSchema,
  personName: z.string(),
  /** null when the agency has no period open yet. */
  period: periodSchema.nullable(),
  /** The agency's periods, newest first, to switch month. */
  periods: z.array(periodSchema.pick({ id: true, label: true, status: true, year: true, number: true, kind: true })),
  assignments: z.array(assignmentSchema),
  summary: z.object({
    assignedConverted: z.number(),
    deliveredConverted: z.number(),
    lines: z.number().int(),
    done: z.number().int(),
    late: z.number().int(),
    failed: z.number().int(),
    waitingReview: z.number().int(),
    overdue: z.number().int(),
  }),
  deadlines: z.array(deadlineSchema),
  evaluation: evaluationSchema.nullable(),
});
export type MyMonth = z.infer<typeof myMonthSchema>;

export const historyQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const historyRowSchema = z.object({
  periodId: idSchema,
  label: z.string(),
  kind: z.enum(periodKinds),
  year: z.number().int(),
  number: z.number().int(),
  status: z.enum(evaluationStatuses),
  periodStatus: z.enum(periodStatuses),
  total: z.number().nullable(),
  level: z.enum(levels).nullable(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;
export const historySchema = z.object({ items: z.array(historyRowSchema) });
