import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { addDays, addWorkingDays, builtinHolidays, isWorkingDay, vietnamHolidays2026, weekday } from "./calendar.ts";

const holidays2026 = new Set(vietnamHolidays2026.map((h) => h.date));

describe("the 2026 calendar as built in", () => {
  it("falls on the weekdays the Government's schedule says", () => {
    expect(weekday("2026-01-01")).toBe(4); // Thursday
    expect(weekday("2026-02-14")).toBe(6); // Tết starts on a Saturday
    expect(weekday("2026-02-17")).toBe(2); // Mùng 1 Tết, Tuesday
    expect(weekday("2026-02-22")).toBe(0); // and ends on a Sunday
    expect(weekday("2026-04-26")).toBe(0); // Giỗ Tổ on a Sunday…
    expect(weekday("2026-04-27")).toBe(1); // …so Monday is the compensatory day
    expect(weekday("2026-09-01")).toBe(2);
  });

  it("lists nine days of Tết (14/02–22/02 inclusive) and the compensatory Monday", () => {
    expect(vietnamHolidays2026.filter((h) => h.kind === "tet").map((h) => h.date)).toEqual([
      "2026-02-14",
      "2026-02-15",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-21",
      "2026-02-22",
    ]);
    expect(isWorkingDay("2026-04-27", holidays2026)).toBe(false);
    expect(isWorkingDay("2026-02-23", holidays2026)).toBe(true);
    expect(builtinHolidays(2031)).toEqual([]);
  });
});

/**
 * Golden due dates of a petition (Decree 335 Art. 22: 7 working days from receipt; the receipt
 * day does not count). Each row was counted by hand on the 2026 calendar.
 */
const golden: [received: string, due: string, skipped: string[], why: string][] = [
  [
    "2026-02-09",
    "2026-02-25",
    ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
    "Mon before Tết: 10–13/02, then 23–25/02",
  ],
  [
    "2026-02-12",
    "2026-03-02",
    ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
    "Thu before Tết: 13/02, 23–27/02, 02/03",
  ],
  [
    "2026-02-13",
    "2026-03-03",
    ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
    "the last working day before Tết",
  ],
  [
    "2026-02-17",
    "2026-03-03",
    ["2026-02-18", "2026-02-19", "2026-02-20"],
    "received during Tết (a paper petition): counting starts on 23/02",
  ],
  ["2026-02-23", "2026-03-04", [], "first day after Tết"],
  [
    "2026-04-24",
    "2026-05-08",
    ["2026-04-27", "2026-04-30", "2026-05-01"],
    "Fri before Giỗ Tổ: the compensatory Monday, 30/04 and 01/05 skipped",
  ],
  ["2026-08-28", "2026-09-10", ["2026-09-01", "2026-09-02"], "across Quốc khánh"],
  ["2026-12-31", "2027-01-11", [], "into a year with no built-in calendar: only weekends skipped"],
  ["2026-06-01", "2026-06-10", [], "an ordinary week: Mon + 7 working days = next Wed"],
];

describe("addWorkingDays — petitions due dates (Art. 22)", () => {
  it.each(golden)("received %s → due %s (%s)", (received, due, skipped) => {
    const res = addWorkingDays(received, 7, vietnamHolidays2026);
    expect(res.dueOn).toBe(due);
    expect(res.skipped).toEqual(skipped);
  });

  it("a corrected calendar (hr adds a day) moves the date", () => {
    const corrected = new Set([...holidays2026, "2026-06-03"]);
    expect(addWorkingDays("2026-06-01", 7, corrected).dueOn).toBe("2026-06-11");
  });

  test.prop([fc.integer({ min: 0, max: 730 }), fc.integer({ min: 1, max: 30 })])(
    "the due date is a working day with exactly `days` working days after the start",
    (offset, days) => {
      const from = addDays("2025-12-01", offset);
      const { dueOn } = addWorkingDays(from, days, holidays2026);
      expect(isWorkingDay(dueOn, holidays2026)).toBe(true);
      let count = 0;
      for (let d = addDays(from, 1); d <= dueOn; d = addDays(d, 1)) if (isWorkingDay(d, holidays2026)) count += 1;
      expect(count).toBe(days);
    },
  );
});
