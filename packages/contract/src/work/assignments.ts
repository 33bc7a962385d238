import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { limits } from "../limits.ts";
import { isoDate } from "./dates.ts";
import { deliverySchema, reviewEventSchema } from "./deliveries.ts";
import { quantitySchema } from "./quantity.ts";

/* ───────────── Assignments ───────────── */

export const assignmentSources = ["planned", "adhoc", "taken_over"] as const;
export type AssignmentSourceCode = (typeof assignmentSources)[number];

export const assignmentSchema = z.object({
  id: idSchema,
  periodId: idSchema,
  personId: idSchema,
  personName: z.string(),
  unitId: idSchema,
  unitName: z.string(),
  catalogItemId: idSchema.nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  coefficient: z.number(),
  quantity: z.number(),
  /** quantity × coefficient. */
  converted: z.number(),
  source: z.enum(assignmentSources),
  deadline: isoDate.nullable(),
  /** Latest extension, if any. */
  extendedDeadline: isoDate.nullable(),
  handedBack: z.number(),
  handedBackReason: z.string().nullable(),
  teamGroupId: idSchema.nullable(),
  note: z.string().nullable(),
  deliveredQuantity: z.number(),
  /** quantity − handedBack − delivered. */
  remainingQuantity: z.number(),
  /** Past the deadline in force with units still to deliver (as of today). */
  overdue: z.boolean(),
  deliveries: z.array(deliverySchema),
  /** Extensions (and other events not tied to one delivery). */
  events: z.array(reviewEventSchema),
  version: z.number().int(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentsQuery = z.object({
  personId: idSchema.optional(),
  unitId: idSchema.optional(),
  source: z.enum(assignmentSources).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["personName", "itemCode", "deadline", "converted"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

/** Who gets the line: named people, everyone in a position (optionally within a unit), or a whole unit. */
export const assignTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("people"), personIds: z.array(idSchema).min(1).max(500) }),
  z.object({ kind: z.literal("position"), positionId: idSchema, unitId: idSchema.optional() }),
  z.object({ kind: z.literal("unit"), unitId: idSchema }),
]);

const assignLineFields = {
  catalogItemId: idSchema,
  deadline: isoDate.nullish().transform((v) => v ?? null),
  /** planned (counts in A), adhoc or taken_over (credits only, Art. 18.1.d). */
  source: z.enum(assignmentSources).default("planned"),
  note: optionalText(limits.noteMax),
};

export const createAssignmentsBody = z.object({
  target: assignTargetSchema,
  quantity: quantitySchema,
  ...assignLineFields,
});

/**
 * A team product split into shares (Art. 18.1.b): Σ share quantity × coefficient must equal the
 * product's quantity × coefficient exactly.
 */
export const createTeamAssignmentBody = z.object({
  quantity: quantitySchema,
  ...assignLineFields,
  shares: z
    .array(z.object({ personId: idSchema, quantity: quantitySchema }))
    .min(2)
    .max(100),
});

export const assignmentsResult = z.object({ items: z.array(assignmentSchema) });

export const updateAssignmentBody = z.object({
  version: z.number().int(),
  quantity: quantitySchema.optional(),
  deadline: isoDate.nullable().optional(),
  note: optionalText(limits.noteMax).optional(),
});

export const handBackBody = z.object({
  version: z.number().int(),
  /** Units handed back; they stay in A and count as not done. */
  quantity: quantitySchema,
  reason: trimmed(limits.noteMax),
});

export const extensionBody = z.object({
  version: z.number().int(),
  newDeadline: isoDate,
  reason: trimmed(limits.noteMax),
});
