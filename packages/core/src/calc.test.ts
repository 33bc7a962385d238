import { describe, expect, it } from "vitest";
import { calc } from "./calc.ts";
import { calcIssueCodes } from "./result.ts";

// Issue #3: the calculator documents, exactly as the issue writes them, and their results.
describe("calc dispatcher (CLI and POST /api/v1/calc/{kind})", () => {
  it("period: the issue's example document", () => {
    const res = calc({
      kind: "period",
      leaderRole: "none",
      general: 27.5,
      assignments: [{ id: "x", coefficient: 12, quantity: 1, source: "planned" }],
      deliveries: [
        { assignment: "x", quantity: 1, failedReviews: 0, excusedFailedReviews: 0, delays: 1, excusedDelays: 0 },
      ],
    });
    expect(res.ok).toBe(true);
    if (!res.ok || res.value.kind !== "period") return;
    const v = res.value;
    expect(v).toMatchObject({
      a: 1,
      b: 1,
      c: 0.75,
      d: null,
      dd: null,
      e: null,
      general: 27.5,
      ruleSetVersion: "nd335-2026.1",
    });
    expect(v.taskScore).toBeCloseTo(11 / 12, 12);
    expect(v.total).toBeCloseTo(27.5 + (70 * 11) / 12, 12);
    expect(v.taskPointsUncapped).toBe(v.taskPoints);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v); // plain JSON, no exact values left
  });

  it("period for a head: d, dd, e present", () => {
    const res = calc({
      kind: "period",
      leaderRole: "head",
      general: 26,
      assignments: [{ id: "x", coefficient: 1, quantity: 1 }],
      deliveries: [{ assignment: "x", quantity: 1 }],
      leader: { subordinateScores: [91.2, 47.9], organizing: 1, unity: 1 },
    });
    expect(res.ok && res.value).toMatchObject({ kind: "period", d: 0.5, dd: 1, e: 1 });
  });

  it("year", () => {
    const res = calc({
      kind: "year",
      months: [{ month: 1, score: 84.12 }],
      leave: "none",
      monthsWorked: 12,
      discipline: [{ form: "khien_trach", publicDuty: true }],
      degradation: false,
      corruptionInUnit: false,
      leaderRole: "none",
      agencyLevel: null,
    });
    expect(res.ok && res.value).toMatchObject({
      kind: "year",
      average: 84.12,
      monthsCounted: 1,
      level: "not_completed",
    });
    if (res.ok && res.value.kind === "year")
      expect(res.value.reasons.map((r) => r.rule)).toEqual(["threshold", "discipline"]);
  });

  it("quota", () => {
    const res = calc({
      kind: "quota",
      rate: 0.2,
      reading: "final",
      people: [{ id: "p1", score: 93.1, level: "excellent" }],
    });
    expect(res.ok && res.value).toMatchObject({
      kind: "quota",
      allowed: 0,
      levels: { p1: "good" },
      cut: ["p1"],
      ties: [],
    });
  });

  it("agency: the issue's document shape, with a consistent tree", () => {
    const res = calc({
      kind: "agency",
      rules: "nd335",
      criteria: [
        {
          id: "1",
          max: 30,
          children: [
            { id: "1.1", max: 10, score: 9 },
            { id: "1.2", max: 20, score: 18 },
          ],
        },
        { id: "3", max: 60, score: 50 },
        { id: "B", max: 5, bonus: true, score: 3 },
        { id: "P", penalty: true, score: 2 },
        { id: "2", max: 10, notApplicable: true },
      ],
      conditions: {
        tasksCompletedRatio: 1,
        tasksOnTimeRatio: 1,
        tasksExceededRatio: 0.3,
        subordinateNotCompleted: false,
        shortcomingsFixed: true,
        parRank: "tot",
        seriousIncident: false,
        violations: false,
      },
    });
    expect(res.ok && res.value).toMatchObject({
      kind: "agency",
      scoreRaw: 78,
      maxApplicable: 90,
      level: "good",
      flags: [],
    });
    if (res.ok && res.value.kind === "agency") expect(res.value.score).toBeCloseTo(86.666667, 6);
  });

  it("the issue's literal agency example runs as written; its parent whose children do not sum to its max is flagged", () => {
    const res = calc({
      kind: "agency",
      rules: "nd335",
      criteria: [
        { id: "1", max: 30, children: [{ id: "1.1", max: 10, score: 9 }] },
        { id: "B", max: 5, bonus: true, score: 3 },
        { id: "P", penalty: true, score: 2 },
        { id: "2", max: 10, notApplicable: true },
      ],
      conditions: {
        tasksCompletedRatio: 1,
        tasksOnTimeRatio: 1,
        tasksExceededRatio: 0.3,
        subordinateNotCompleted: false,
        shortcomingsFixed: true,
        violations: false,
      },
    });
    // 9 achieved + 3 bonus − 2 penalty = 10 points over 100 − 10 N/A = 90 applicable → 11.111111.
    expect(res.ok && res.value).toMatchObject({
      kind: "agency",
      scoreRaw: 10,
      maxApplicable: 90,
      level: "not_completed",
      flags: ["children_max_mismatch"],
      explanation: { mismatches: [{ id: "1", max: 30, childrenSum: 10 }] },
    });
    if (res.ok && res.value.kind === "agency") expect(res.value.score).toBeCloseTo(11.111111, 6);
  });

  it.each([
    [null, "ERR_FIELD_TYPE"],
    [[], "ERR_FIELD_TYPE"],
    [{}, "ERR_UNKNOWN_KIND"],
    [{ kind: "salary" }, "ERR_UNKNOWN_KIND"],
    [{ kind: "period", general: 20, assignments: [] }, "ERR_NO_ASSIGNMENT"],
    [{ kind: "period", general: "20", assignments: [] }, "ERR_FIELD_TYPE"],
  ])("invalid %j → %s", (input, code) => {
    const res = calc(input);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.map((i) => i.code)).toContain(code);
  });

  it("issue codes are unique", () => {
    expect(new Set(calcIssueCodes).size).toBe(calcIssueCodes.length);
  });
});
