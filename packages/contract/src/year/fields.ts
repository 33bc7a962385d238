import { z } from "zod";
import { idSchema, trimmed } from "../common.ts";
import { storedFileSchema } from "../files.ts";
import { limits } from "../limits.ts";
import { isoDate } from "../work/dates.ts";

// Building blocks the year's schemas share. index.ts leaves this file out: they are not part of
// the contract.

export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
};
export const orderField = z.enum(["asc", "desc"]).optional();
export const versioned = { version: z.number().int() };
/** A deciding document: number, date, signer and the scanned file. */
export const documentFields = {
  documentNumber: trimmed(limits.codeMax),
  documentDate: isoDate,
  documentFileId: idSchema.nullish().transform((v) => v ?? null),
};
export const documentSchemaFields = {
  documentNumber: z.string(),
  documentDate: isoDate,
  documentFile: storedFileSchema.nullable(),
};
