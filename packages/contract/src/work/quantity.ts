import { z } from "zod";

/** A quantity with at most 4 decimals (the database scale), positive. */
export const quantitySchema = z
  .number()
  .positive()
  .max(1_000_000)
  .refine((v) => Math.round(v * 10_000) / 10_000 === v, { message: "Số lượng có tối đa 4 chữ số thập phân." });
