import { holidayKinds } from "@thuocdo/core";
import { z } from "zod";
import { trimmed } from "../common.ts";
import { limits } from "../limits.ts";
import { isoDate } from "../work/dates.ts";
import { yearSchema } from "./fields.ts";

/* ───────────── Working-day calendar ───────────── */

export const holidaySchema = z.object({
  date: isoDate,
  name: z.string(),
  /** holiday | compensatory (nghỉ bù) | tet. */
  kind: z.enum(holidayKinds),
  /** builtin: packages/core's calendar; custom: corrected by hr. */
  source: z.enum(["builtin", "custom"]),
});
export type Holiday = z.infer<typeof holidaySchema>;

export const holidaysQuery = z.object({ year: yearSchema });
export const holidaysParams = z.object({ year: yearSchema });
export const replaceHolidaysBody = z.object({
  days: z.array(z.object({ date: isoDate, name: trimmed(limits.nameMax), kind: z.enum(holidayKinds) })).max(60),
  reason: trimmed(limits.noteMax),
});
export const dueDateQuery = z.object({ from: isoDate, days: z.coerce.number().int().min(1).max(60).default(7) });
export const dueDateSchema = z.object({
  from: isoDate,
  days: z.number().int(),
  dueOn: isoDate,
  skipped: z.array(isoDate),
});
