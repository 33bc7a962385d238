import { z } from "zod";
import { idSchema, optionalText } from "../common.ts";
import { storedFileSchema } from "../files.ts";
import { limits } from "../limits.ts";
import { isoDate } from "../work/dates.ts";
import { pageFields, yearSchema } from "./fields.ts";

/* ───────────── Transfers (Art. 19.1) ───────────── */

export const transferSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  fromAgencyId: idSchema,
  fromAgencyName: z.string(),
  fromUnitId: idSchema,
  fromUnitName: z.string(),
  toAgencyId: idSchema,
  toAgencyName: z.string(),
  toUnitId: idSchema,
  toUnitName: z.string(),
  effectiveOn: isoDate,
  documentNumber: z.string().nullable(),
  documentDate: isoDate.nullable(),
  documentFile: storedFileSchema.nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Transfer = z.infer<typeof transferSchema>;

export const transfersQuery = z.object({
  /** Transfers into or out of this agency. */
  agencyId: idSchema.optional(),
  personId: idSchema.optional(),
  year: yearSchema.optional(),
  ...pageFields,
});

/** Moves the person to `toUnitId` (any agency) from `effectiveOn`; their confirmed months come along. */
export const createTransferBody = z.object({
  personId: idSchema,
  toUnitId: idSchema,
  effectiveOn: isoDate,
  documentNumber: optionalText(limits.codeMax),
  documentDate: isoDate.nullish().transform((v) => v ?? null),
  documentFileId: idSchema.nullish().transform((v) => v ?? null),
  note: optionalText(limits.noteMax),
});
