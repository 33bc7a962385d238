import { z } from "zod";
import { idSchema } from "../common.ts";
import { storedFileSchema } from "../files.ts";
import { isoDate } from "../work/dates.ts";
import { classificationStatuses } from "./classification.ts";
import { classificationRowSchema } from "./classification-rows.ts";
import { yearSchema } from "./fields.ts";
import { levelSchema } from "./levels.ts";
import { petitionSchema } from "./petitions.ts";
import { personRecordSchema } from "./records.ts";

/** Everything known about one person's year, for their Mẫu 02 page and the staff dashboard. */
export const personYearSchema = z.object({
  classificationId: idSchema.nullable(),
  classificationStatus: z.enum(classificationStatuses).nullable(),
  year: z.number().int(),
  row: classificationRowSchema,
  selfReport: z.string().nullable(),
  partyOpinion: z
    .object({
      opinion: z.string(),
      date: isoDate,
      file: storedFileSchema.nullable(),
      recordedByName: z.string().nullable(),
    })
    .nullable(),
  records: z.array(personRecordSchema),
  /** The level published for the person, with its decision. */
  published: z.object({ level: levelSchema, decisionNumber: z.string(), decisionDate: isoDate }).nullable(),
  petitions: z.array(petitionSchema),
});
export type PersonYear = z.infer<typeof personYearSchema>;

export const myYearQuery = z.object({ year: yearSchema });
