import { disciplineForms } from "@thuocdo/core";
import { z } from "zod";
import { idSchema, optionalText, trimmed } from "../common.ts";
import { limits } from "../limits.ts";
import { isoDate } from "../work/dates.ts";
import { documentFields, documentSchemaFields, orderField, pageFields, versioned, yearSchema } from "./fields.ts";

/* ───────────── Records that force a level (Art. 11.3, 20.4.b–d) ───────────── */

export const personRecordKinds = ["discipline", "degradation", "corruption_in_unit"] as const;
export type PersonRecordKind = (typeof personRecordKinds)[number];
export const disciplineFormSchema = z.enum(disciplineForms);

export const personRecordSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  kind: z.enum(personRecordKinds),
  /** Discipline only. */
  form: disciplineFormSchema.nullable(),
  /** Discipline only: the violation concerned public duty (Art. 20.4.c counts only those). */
  publicDuty: z.boolean(),
  /** The day the deciding document takes effect. */
  effectiveOn: isoDate,
  /** The year it counts in (Art. 11.3); defaults to the effective year. */
  countsInYear: z.number().int(),
  /** Why the year differs from the effective year (required then). */
  countsInYearReason: z.string().nullable(),
  ...documentSchemaFields,
  issuer: z.string().nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const recordsQuery = z.object({
  agencyId: idSchema.optional(),
  personId: idSchema.optional(),
  /** The year records count in. */
  year: yearSchema.optional(),
  kind: z.enum(personRecordKinds).optional(),
  sort: z.enum(["effectiveOn", "personName", "kind"]).optional(),
  order: orderField,
  ...pageFields,
});

export const createRecordBody = z.object({
  personId: idSchema,
  kind: z.enum(personRecordKinds),
  form: disciplineFormSchema.nullish().transform((v) => v ?? null),
  publicDuty: z.boolean().default(true),
  effectiveOn: isoDate,
  /** Omit for the effective year; a different year needs `countsInYearReason`. */
  countsInYear: z.number().int().min(2000).max(2100).optional(),
  countsInYearReason: optionalText(limits.noteMax),
  ...documentFields,
  issuer: optionalText(limits.nameMax),
  note: optionalText(limits.noteMax),
});

export const updateRecordBody = z.object({
  ...versioned,
  form: disciplineFormSchema.nullish(),
  publicDuty: z.boolean().optional(),
  effectiveOn: isoDate.optional(),
  countsInYear: z.number().int().min(2000).max(2100).optional(),
  countsInYearReason: optionalText(limits.noteMax).optional(),
  documentNumber: trimmed(limits.codeMax).optional(),
  documentDate: isoDate.optional(),
  documentFileId: idSchema.nullish(),
  issuer: optionalText(limits.nameMax).optional(),
  note: optionalText(limits.noteMax).optional(),
  /** Why the record changes (audit). */
  reason: trimmed(limits.noteMax),
});

export const deleteRecordBody = z.object({ ...versioned, reason: trimmed(limits.noteMax) });
