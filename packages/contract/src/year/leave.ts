import { leaveKinds } from "@thuocdo/core";
import { z } from "zod";
import { idSchema, optionalText } from "../common.ts";
import { limits } from "../limits.ts";
import { pageFields, yearSchema } from "./fields.ts";

/* ───────────── Leave (Art. 11.2) ───────────── */

export const leaveKindsRecorded = leaveKinds.filter((k) => k !== "none") as ["sick", "maternity", "unpaid"];
export const leaveKindSchema = z.enum(leaveKindsRecorded);

export const leaveMonthSchema = z.object({
  month: z.number().int().min(1).max(12),
  kind: leaveKindSchema,
  note: z.string().nullable(),
});

export const personLeaveSchema = z.object({
  personId: idSchema,
  personName: z.string(),
  year: z.number().int(),
  months: z.array(leaveMonthSchema),
});
export type PersonLeave = z.infer<typeof personLeaveSchema>;

export const leaveQuery = z.object({
  agencyId: idSchema.optional(),
  personId: idSchema.optional(),
  year: yearSchema,
  ...pageFields,
});

/** Replaces the person's leave months of the year (an empty list clears them). */
export const setLeaveBody = z.object({
  personId: idSchema,
  year: z.number().int().min(2000).max(2100),
  months: z
    .array(
      z.object({
        month: z.number().int().min(1).max(12),
        kind: leaveKindSchema,
        note: optionalText(limits.noteMax),
      }),
    )
    .max(12),
  reason: optionalText(limits.noteMax),
});
