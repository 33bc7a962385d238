import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { storedFileSchema } from "../files.ts";
import { limits } from "../limits.ts";
import { isoDate } from "./dates.ts";
import { quantitySchema } from "./quantity.ts";

/* ───────────── Deliveries and reviews ───────────── */

export const reviewStatuses = ["pending", "passed", "failed"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const reviewEventKinds = ["review_pass", "review_fail", "excuse_failure", "excuse_delay", "extension"] as const;
export type ReviewEventKind = (typeof reviewEventKinds)[number];

export const reviewEventSchema = z.object({
  id: idSchema,
  kind: z.enum(reviewEventKinds),
  deliveryId: idSchema.nullable(),
  note: z.string().nullable(),
  /** Excuses: who (person or body) confirmed the objective cause. */
  confirmedBy: z.string().nullable(),
  newDeadline: isoDate.nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;

export const deliverySchema = z.object({
  id: idSchema,
  assignmentId: idSchema,
  quantity: z.number(),
  deliveredOn: isoDate,
  documentNumber: z.string().nullable(),
  link: z.string().nullable(),
  note: z.string().nullable(),
  files: z.array(storedFileSchema),
  /** Deadline in force when delivered (original or latest extension). */
  deadline: isoDate.nullable(),
  /** Calendar days after the deadline in force; 0 when on time. */
  daysLate: z.number().int(),
  delays: z.number().int(),
  excusedDelays: z.number().int(),
  failedReviews: z.number().int(),
  excusedFailedReviews: z.number().int(),
  reviewStatus: z.enum(reviewStatuses),
  events: z.array(reviewEventSchema),
  recordedAt: z.string(),
  version: z.number().int(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/**
 * One delivery. Evidence: at least one file (uploaded first through POST /api/v1/files) or a
 * document number or a link.
 */
export const createDeliveryBody = z.object({
  quantity: quantitySchema,
  deliveredOn: isoDate,
  documentNumber: optionalText(limits.codeMax * 2),
  link: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullish()
    .or(z.literal(""))
    .transform((v) => (v ? v : null)),
  note: optionalText(limits.noteMax),
  fileIds: z.array(idSchema).max(20).default([]),
});

export const deliveriesQuery = z.object({
  reviewStatus: z.enum(reviewStatuses).optional(),
  personId: idSchema.optional(),
  unitId: idSchema.optional(),
  sort: z.enum(["deliveredOn", "personName", "itemCode"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

/** A delivery with the line it belongs to, for review queues. */
export const deliveryRowSchema = deliverySchema.extend({
  periodId: idSchema,
  personId: idSchema,
  personName: z.string(),
  unitName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  coefficient: z.number(),
});
export type DeliveryRow = z.infer<typeof deliveryRowSchema>;

export const reviewBody = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("pass"), version: z.number().int(), note: optionalText(limits.noteMax) }),
  /** A major content error (Art. 14.2.b): each failure is one failed review. */
  z.object({ outcome: z.literal("fail"), version: z.number().int(), note: trimmed(limits.noteMax) }),
]);

/** An objective cause cancelling one failed review or one delay (Art. 14.2.b–c). */
export const excuseBody = z.object({
  version: z.number().int(),
  kind: z.enum(["failure", "delay"]),
  /** Who (person, title or body) confirmed the objective cause. */
  confirmedBy: trimmed(limits.nameMax),
  reason: trimmed(limits.noteMax),
});
