import { z } from "zod";
import { idSchema } from "./common.ts";

export const storedFileSchema = z.object({
  id: idSchema,
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

/** Evidence files: up to 20 MB each, PDF, Word, Excel or an image (checked by content on the server). */
export const fileLimits = {
  maxBytes: 20 * 1024 * 1024,
  accept: ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp",
} as const;
