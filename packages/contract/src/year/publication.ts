import { z } from "zod";
import { idSchema } from "../common.ts";
import { isoDate } from "../work/dates.ts";
import { yearSchema } from "./fields.ts";
import { levelSchema } from "./levels.ts";

/* ───────────── Publication (public, no login) ───────────── */

export const publicClassificationSchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: isoDate,
  publishedAt: z.string(),
  counts: z.partialRecord(levelSchema, z.number().int()),
  rows: z.array(
    z.object({
      fullName: z.string(),
      unitName: z.string(),
      title: z.string().nullable(),
      level: levelSchema,
    }),
  ),
});
export type PublicClassification = z.infer<typeof publicClassificationSchema>;

export const publicClassificationsQuery = z.object({ year: yearSchema.optional() });
export const publicClassificationListItemSchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  publishedAt: z.string(),
});
export const publicClassificationParams = z.object({ agencyId: idSchema, year: yearSchema });
