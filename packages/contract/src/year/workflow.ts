import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { storedFileSchema } from "../files.ts";
import { limits } from "../limits.ts";
import { isoDate } from "../work/dates.ts";
import { versioned } from "./fields.ts";
import { classifiedLevelSchema, levelSchema } from "./levels.ts";

/* ───────────── Art. 21 workflow: Mẫu 02, minutes, Party opinion, proposal, decision, publication ───────────── */

export const minutesSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  unitName: z.string(),
  meetingDate: isoDate,
  file: storedFileSchema,
  note: z.string().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});

export const classificationDecisionSchema = z.object({
  id: idSchema,
  number: z.string(),
  date: isoDate,
  signer: z.string().nullable(),
  file: storedFileSchema.nullable(),
  /** A re-classification (Art. 21.3) replaces the previous decision; its reason is kept. */
  replacesId: idSchema.nullable(),
  reason: z.string().nullable(),
  petitionId: idSchema.nullable(),
  active: z.boolean(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string(),
  publishedAt: z.string().nullable(),
  counts: z.partialRecord(levelSchema, z.number().int()),
});
export type ClassificationDecision = z.infer<typeof classificationDecisionSchema>;

export const workflowStepSchema = z.object({
  step: z.enum(["mau02", "self_proposal", "minutes", "party_opinion", "proposal", "decision", "publication"]),
  done: z.boolean(),
  /** e.g. people still missing a self-proposal. */
  missing: z.number().int(),
});

export const personYearParams = z.object({ id: idSchema, personId: idSchema });

export const selfProposalBody = z.object({
  level: classifiedLevelSchema,
  /** The self-evaluation report presented at the meeting (Art. 21.1.b). */
  selfReport: optionalText(limits.noteMax * 5),
});

export const partyOpinionBody = z.object({
  opinion: trimmed(limits.noteMax * 5),
  date: isoDate,
  fileId: idSchema.nullish().transform((v) => v ?? null),
});

export const addMinutesBody = z.object({
  /** The unit where the meeting was held (the agency or a constituent unit). */
  unitId: idSchema,
  meetingDate: isoDate,
  fileId: idSchema,
  note: optionalText(limits.noteMax),
});

export const proposalBody = z.object({
  ...versioned,
  note: optionalText(limits.noteMax * 5),
  fileId: idSchema.nullish().transform((v) => v ?? null),
});

export const decideBody = z.object({
  ...versioned,
  number: trimmed(limits.codeMax),
  date: isoDate,
  signer: optionalText(limits.nameMax),
  fileId: idSchema.nullish().transform((v) => v ?? null),
  /** Required for a re-classification (Art. 21.3). */
  reason: optionalText(limits.noteMax),
  petitionId: idSchema.nullish().transform((v) => v ?? null),
});

export const publishBody = z.object({ ...versioned });
