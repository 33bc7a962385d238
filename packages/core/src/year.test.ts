import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Rational, r } from "./rational.ts";
import { codes, tryYear, year } from "./testing.ts";

/** decree-335.md §10 T2: Jan–Dec monthly scores. */
const t2Scores = [84.12, 86.4, 88.75, 90.1, 91.3, 89.6, 92.0, 90.5, 88.2, 91.8, 93.1, 90.4];
const monthsOf = (scores: number[], from = 1) => scores.map((score, i) => ({ month: from + i, score }));

describe("golden: decree-335.md §10 T2 and T3 (Art. 11, 17.3, 20)", () => {
  it("T2 — mean 1076.27/12 = 89.68917 is good, not rounded up to excellent (Art. 17.3, 20.2)", () => {
    const res = year({ months: monthsOf(t2Scores), monthsWorked: 12 });
    expect(res.average?.toString()).toBe(Rational.of(107627, 1200).toString());
    expect(res.average?.toFixed(5)).toBe("89.68917");
    expect(res.monthsCounted).toBe(12);
    expect(res.level).toBe("good");
    expect(res.reasons).toMatchObject([{ rule: "threshold", level: "good" }]);
  });

  it("T2-maternity — Jan–May only: 88.134 over 5 months, classified good (Art. 11.2)", () => {
    const res = year({ months: monthsOf(t2Scores.slice(0, 5)), monthsWorked: 5, leave: "maternity" });
    expect(res.average?.toString()).toBe(r(88.134).toString());
    expect(res.level).toBe("good");
    expect(res.explanation.eligibility).toBe("leave_actual_time");
    expect(res.explanation.months[5]).toMatchObject({ month: 6, counted: false, omitted: "no_confirmed_evaluation" });
  });

  it("T2-new-hire — joined 1 August (5 months): unclassified (Art. 11.1)", () => {
    const res = year({ months: monthsOf(t2Scores.slice(7), 8), monthsWorked: 5 });
    expect(res.level).toBe("unclassified");
    expect(res.reasons).toMatchObject([
      { rule: "unclassified", cause: "months_worked_below_min", monthsWorked: 5, min: 6 },
    ]);
    expect(res.average).not.toBeNull(); // the average is still shown
  });

  it("T2-discipline — reprimanded in October for a public-duty violation: not completed, score stays 89.69 (Art. 11.3, 20.4.c)", () => {
    const res = year({ months: monthsOf(t2Scores), discipline: [{ form: "khien_trach", publicDuty: true }] });
    expect(res.level).toBe("not_completed");
    expect(res.average?.toFixed(2)).toBe("89.69");
    expect(res.reasons).toMatchObject([
      { rule: "threshold", level: "good" },
      { rule: "discipline", form: "khien_trach", from: "good" },
    ]);
  });

  it("T3 annual cap — head averaging 92.0 in an agency rated good is capped at good (Art. 20.6)", () => {
    const res = year({ months: monthsOf(Array(12).fill(92)), leaderRole: "head", agencyLevel: "good" });
    expect(res.level).toBe("good");
    expect(res.reasons).toMatchObject([
      { rule: "threshold", level: "excellent" },
      { rule: "head_cap", from: "excellent", agencyLevel: "good" },
    ]);
    expect(res.explanation.headCap).toEqual({ applied: true, agencyLevel: "good" });
  });
});

describe("the 6-month edge with each kind of leave (Art. 11.1–11.2)", () => {
  it.each([
    ["none", 5, "unclassified", "not_eligible"],
    ["none", 6, "good", "months_worked"],
    ["unpaid", 5, "unclassified", "not_eligible"],
    ["unpaid", 6, "good", "months_worked"],
    ["sick", 5, "good", "leave_actual_time"],
    ["sick", 2, "good", "leave_actual_time"],
    ["maternity", 3, "good", "leave_actual_time"],
    ["maternity", 6, "good", "months_worked"],
  ] as const)("leave %s, %i months worked → %s", (leave, worked, level, eligibility) => {
    const res = year({ months: monthsOf(Array(worked).fill(80)), monthsWorked: worked, leave });
    expect(res.level).toBe(level);
    expect(res.explanation.eligibility).toBe(eligibility);
    if (level !== "unclassified") expect(res.average?.toString()).toBe("80");
  });

  it("maternity with no month evaluated: unclassified, nothing to average", () => {
    const res = year({ months: [], monthsWorked: 0, leave: "maternity" });
    expect(res.level).toBe("unclassified");
    expect(res.average).toBeNull();
    expect(res.reasons).toMatchObject([{ rule: "unclassified", cause: "no_months_counted" }]);
  });
});

describe("forced not completed and caps (Art. 20.4, 20.6)", () => {
  const months = monthsOf(Array(12).fill(95));

  it.each(["canh_cao", "giang_chuc", "cach_chuc", "buoc_thoi_viec"] as const)(
    "discipline %s forces not completed",
    (form) => {
      expect(year({ months, discipline: [{ form, publicDuty: true }] }).level).toBe("not_completed");
    },
  );

  it("discipline not related to public duty does not count, and the explanation says so", () => {
    const res = year({ months, discipline: [{ form: "canh_cao", publicDuty: false }] });
    expect(res.level).toBe("excellent");
    expect(res.explanation.disciplineIgnored).toEqual([{ index: 0, reason: "not_public_duty" }]);
  });

  it("a degradation conclusion forces not completed (Art. 20.4.b)", () => {
    expect(year({ months, degradation: true }).reasons.at(-1)).toMatchObject({ rule: "degradation" });
  });

  it("corruption in a unit under their charge forces leaders only (Art. 20.4.d)", () => {
    expect(year({ months, corruptionInUnit: true, leaderRole: "deputy" }).level).toBe("not_completed");
    expect(year({ months, corruptionInUnit: true, leaderRole: "none" }).level).toBe("excellent");
  });

  it("the head cap never raises a level, and deputies are not capped", () => {
    const low = monthsOf(Array(12).fill(60));
    expect(year({ months: low, leaderRole: "head", agencyLevel: "good" }).level).toBe("completed");
    expect(year({ months, leaderRole: "deputy", agencyLevel: "good" }).level).toBe("excellent");
    expect(year({ months, leaderRole: "head", agencyLevel: null }).explanation.headCap).toEqual({
      applied: false,
      reason: "agency_level_unknown",
    });
  });

  it("average 89.995 is good, not excellent (DESIGN §3 rule 6)", () => {
    // Two months averaging exactly 89.995.
    const res = year({
      months: [
        { month: 1, score: 89.99 },
        { month: 2, score: 90 },
      ],
      monthsWorked: 2,
      leave: "sick",
    });
    expect(res.average?.toString()).toBe(r(89.995).toString());
    expect(res.level).toBe("good");
  });
});

describe("first scored month (DESIGN §3 rule 8, setting)", () => {
  it("months before the agency's first scored month are left out with the reason", () => {
    const res = year({
      settings: { firstScoredMonth: 3 },
      months: monthsOf([10, 10, 80, 80, 80, 80, 80, 80]),
      monthsWorked: 12,
    });
    expect(res.monthsCounted).toBe(6);
    expect(res.average?.toString()).toBe("80");
    expect(res.explanation.months[0]).toMatchObject({ counted: false, omitted: "before_first_scored_month" });
    expect(res.ruleSetVersion).toBe("nd335-2026.1+firstScoredMonth=3");
  });
});

describe("invalid year documents", () => {
  it.each([
    [
      {
        months: [
          { month: 1, score: 80 },
          { month: 1, score: 81 },
        ],
      },
      "ERR_DUPLICATE_MONTH",
    ],
    [{ months: monthsOf([80, 80, 80]), monthsWorked: 2 }, "ERR_MONTHS_EXCEED_WORKED"],
    [{ months: [{ month: 13, score: 80 }] }, "ERR_FIELD_RANGE"],
    [{ months: [{ month: 1, score: 101 }] }, "ERR_FIELD_RANGE"],
    [{ months: [], leave: "vacation" }, "ERR_FIELD_VALUE"],
    [{ months: [], discipline: [{ form: "khien_trach" }] }, "ERR_FIELD_REQUIRED"],
    [{ months: [], ruleSet: "nd335-1999" }, "ERR_UNKNOWN_RULE_SET"],
    [{ months: [], year: 2025 }, "ERR_NO_RULE_SET_FOR_PERIOD"],
  ])("%j → %s", (doc, code) => {
    expect(codes(tryYear(doc))).toContain(code);
  });
});

describe("properties (Art. 17.3, 20)", () => {
  const scores = fc.array(
    fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    { minLength: 6, maxLength: 12 },
  );

  test.prop([scores])("the average stays between the lowest and the highest month", (xs) => {
    const res = year({ months: monthsOf(xs) });
    expect(res.average!.gte(r(Math.min(...xs))) && res.average!.lte(r(Math.max(...xs)))).toBe(true);
  });

  test.prop([scores, fc.boolean(), fc.boolean()])(
    "forcing conditions only ever lower the level",
    (xs, degradation, disciplined) => {
      const free = year({ months: monthsOf(xs) });
      const forced = year({
        months: monthsOf(xs),
        degradation,
        discipline: disciplined ? [{ form: "khien_trach", publicDuty: true }] : [],
      });
      expect(forced.average?.toString()).toBe(free.average?.toString());
      if (degradation || disciplined) expect(forced.level).toBe("not_completed");
      else expect(forced.level).toBe(free.level);
    },
  );
});
