import dayjs, { type Dayjs } from "dayjs";

/** The API's dates are ISO `YYYY-MM-DD`; date pickers hold dayjs values shown as dd/mm/yyyy. */
export const pickerFormat = "DD/MM/YYYY";

export function toIsoDate(d: Dayjs): string {
  return d.format("YYYY-MM-DD");
}

export function fromIsoDate(s: string | null | undefined): Dayjs | undefined {
  return s ? dayjs(s) : undefined;
}

/** Today in Vietnam as `YYYY-MM-DD` (the server counts deadlines in Vietnam time too). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(now);
}

/** Calendar days from `deadline` to `on` (both ISO dates); 0 when on time or early. */
export function daysLate(deadline: string | null | undefined, on: string): number {
  if (!deadline || on <= deadline) return 0;
  const ms = Date.parse(`${on}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** The deadline in force of an assignment: the latest extension, else the original. */
export function deadlineInForce(a: { deadline: string | null; extendedDeadline: string | null }): string | null {
  return a.extendedDeadline ?? a.deadline;
}
