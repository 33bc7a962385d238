import { z } from "zod";
import { idSchema, trimmed } from "../common.ts";
import { storedFileSchema } from "../files.ts";
import { limits } from "../limits.ts";
import { isoDate } from "../work/dates.ts";
import { orderField, pageFields, versioned } from "./fields.ts";

/* ───────────── Petitions (Art. 22) ───────────── */

export const petitionStatuses = ["pending", "answered"] as const;
export const petitionOutcomes = ["accepted", "rejected"] as const;

export const petitionSchema = z.object({
  id: idSchema,
  classificationId: idSchema,
  agencyId: idSchema,
  year: z.number().int(),
  personId: idSchema,
  personName: z.string(),
  content: z.string(),
  file: storedFileSchema.nullable(),
  receivedOn: isoDate,
  /** receivedOn + 7 working days (weekends and public holidays skipped). */
  dueOn: isoDate,
  overdue: z.boolean(),
  status: z.enum(petitionStatuses),
  outcome: z.enum(petitionOutcomes).nullable(),
  answer: z.string().nullable(),
  answerFile: storedFileSchema.nullable(),
  answeredOn: isoDate.nullable(),
  answeredByName: z.string().nullable(),
  /** The re-classification decision it led to, if any. */
  decisionId: idSchema.nullable(),
  filedByName: z.string().nullable(),
  version: z.number().int(),
});
export type Petition = z.infer<typeof petitionSchema>;

export const petitionsQuery = z.object({
  agencyId: idSchema.optional(),
  classificationId: idSchema.optional(),
  personId: idSchema.optional(),
  status: z.enum(petitionStatuses).optional(),
  overdue: z.union([z.boolean(), z.stringbool()]).optional(),
  sort: z.enum(["receivedOn", "dueOn", "personName"]).optional(),
  order: orderField,
  ...pageFields,
});

export const filePetitionBody = z.object({
  classificationId: idSchema,
  /** Omit to file one's own; hr may record a paper petition for someone else. */
  personId: idSchema.optional(),
  content: trimmed(limits.noteMax * 5),
  fileId: idSchema.nullish().transform((v) => v ?? null),
  /** hr recording a paper petition: the day it was received; otherwise today. */
  receivedOn: isoDate.optional(),
});

export const answerPetitionBody = z.object({
  ...versioned,
  outcome: z.enum(petitionOutcomes),
  answer: trimmed(limits.noteMax * 5),
  fileId: idSchema.nullish().transform((v) => v ?? null),
});
