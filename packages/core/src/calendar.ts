/**
 * Working days in Vietnam, for deadlines counted in working days (Decree 335 Art. 22: a petition
 * is resolved within 7 working days of receipt). Pure: dates are ISO `YYYY-MM-DD` strings, the
 * calendar is data passed in, so hr can correct a year (the server stores corrections and falls
 * back to the built-in calendar below).
 *
 * Working days are Monday–Friday (Decree 335 is silent; the civil service works a five-day week
 * under Decision 188/1999/QĐ-TTg) minus public holidays and the days off the Government fixes each
 * year (Labor Code 2019 Art. 112; the Prime Minister's annual notice on Tết and holiday swaps).
 */

export type IsoDate = string;

export const holidayKinds = ["holiday", "compensatory", "tet"] as const;
/** `holiday`: a public holiday (Art. 112); `compensatory`: nghỉ bù; `tet`: the Lunar New Year break. */
export type HolidayKind = (typeof holidayKinds)[number];

export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
  readonly kind: HolidayKind;
}

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (UTC) of an ISO date; throws on a malformed one (a programming error). */
function dayNumber(date: IsoDate): number {
  const m = isoPattern.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The ISO date `days` calendar days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export const isWeekend = (date: IsoDate): boolean => {
  const day = weekday(date);
  return day === 0 || day === 6;
};

/** A working day: Monday–Friday and not in the holiday list. */
export function isWorkingDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

export interface DueDate {
  readonly from: IsoDate;
  readonly days: number;
  readonly dueOn: IsoDate;
  /** Weekdays passed over because they were holidays, for the "why this date?" line. */
  readonly skipped: readonly IsoDate[];
}

/**
 * The day a deadline of `days` working days falls on, counted from the day after `from` (the
 * receipt day does not count, Civil Code 2015 Art. 147.1: a period in days starts the next day),
 * skipping weekends and `holidays` (Decree 335 Art. 22: 7 working days for a petition).
 */
export function addWorkingDays(
  from: IsoDate,
  days: number,
  holidays: readonly Holiday[] | ReadonlySet<IsoDate>,
): DueDate {
  const off: ReadonlySet<IsoDate> =
    holidays instanceof Set ? holidays : new Set((holidays as readonly Holiday[]).map((h) => h.date));
  const skipped: IsoDate[] = [];
  let date = from;
  let counted = 0;
  while (counted < days) {
    date = addDays(date, 1);
    if (isWorkingDay(date, off)) counted += 1;
    else if (!isWeekend(date)) skipped.push(date);
  }
  return { from, days, dueOn: date, skipped };
}

const range = (first: IsoDate, last: IsoDate, name: string, kind: HolidayKind): Holiday[] => {
  const out: Holiday[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push({ date: d, name, kind });
  return out;
};

/**
 * Vietnam 2026, as built in. Sources and assumptions (hr corrects any of it per year):
 * - Tết Dương lịch: Thursday 01/01/2026, one day (Labor Code 2019 Art. 112.1.a); no swap assumed.
 * - Tết Nguyên Đán Bính Ngọ: Saturday 14/02 to Sunday 22/02/2026 inclusive, nine days, per the
 *   Government's 2026 schedule for civil servants (Lunar New Year's day is Tuesday 17/02/2026); the
 *   weekend days inside the range are listed too so the range reads as published.
 * - Giỗ Tổ Hùng Vương (10/3 âm lịch): Sunday 26/04/2026, so the next working day, Monday
 *   27/04/2026, is the compensatory day (Labor Code 2019 Art. 112.3).
 * - Ngày Chiến thắng and Quốc tế Lao động: Thursday 30/04 and Friday 01/05/2026.
 * - Quốc khánh: Tuesday 01/09 and Wednesday 02/09/2026 (Art. 112.1.đ: 02/09 and the day before or
 *   after; the day before is assumed).
 * Not built in: any day added by later law (e.g. a new cultural day) — hr adds it as data.
 */
export const vietnamHolidays2026: readonly Holiday[] = [
  { date: "2026-01-01", name: "Tết Dương lịch", kind: "holiday" },
  ...range("2026-02-14", "2026-02-22", "Tết Nguyên Đán", "tet"),
  { date: "2026-04-26", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", kind: "holiday" },
  { date: "2026-04-27", name: "Nghỉ bù Giỗ Tổ Hùng Vương", kind: "compensatory" },
  { date: "2026-04-30", name: "Ngày Chiến thắng", kind: "holiday" },
  { date: "2026-05-01", name: "Ngày Quốc tế Lao động", kind: "holiday" },
  { date: "2026-09-01", name: "Quốc khánh", kind: "holiday" },
  { date: "2026-09-02", name: "Quốc khánh", kind: "holiday" },
];

/** Built-in calendars by year; a year not listed has none built in (hr enters it). */
export const builtinHolidayCalendars: Readonly<Record<number, readonly Holiday[]>> = {
  2026: vietnamHolidays2026,
};

/** The built-in holidays of a year, or an empty list when none is built in. */
export const builtinHolidays = (year: number): readonly Holiday[] => builtinHolidayCalendars[year] ?? [];
