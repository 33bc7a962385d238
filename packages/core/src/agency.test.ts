import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Rational, r } from "./rational.ts";
import { agency, codes, tryAgency } from "./testing.ts";

/** A 100-point framework: general 30 (two sub-criteria) + results 70, scoring `points` in total. */
function framework(points: number) {
  const general = Math.min(30, points);
  const results = points - general;
  return [
    {
      id: "1",
      max: 30,
      children: [
        { id: "1.1", max: 15, score: general / 2 },
        { id: "1.2", max: 15, score: general / 2 },
      ],
    },
    { id: "2", max: 70, score: results },
  ];
}

const allGood = {
  tasksCompletedRatio: 1,
  tasksOnTimeRatio: 1,
  tasksExceededRatio: 0.3,
  subordinateNotCompleted: false,
  shortcomingsFixed: true,
  violations: false,
};

describe("golden: decree-335.md §10 T6 (Art. 8)", () => {
  it("O1 — 93 points, 25% exceeded: fails excellent's ≥ 30%, falls to good (Art. 8.1.a → 8.2)", () => {
    const res = agency({
      rules: "nd335",
      criteria: framework(93),
      conditions: { ...allGood, tasksExceededRatio: 0.25 },
    });
    expect(res.score.toString()).toBe("93");
    expect(res.level).toBe("good");
    expect(res.flags).toEqual([]);
    expect(res.reasons).toMatchObject([
      { rule: "threshold", level: "excellent" },
      { rule: "conditions", article: "Art. 8.1", from: "excellent", failed: ["exceeded_at_least_30"] },
    ]);
  });

  it("O2 — 75 points, 68% of planned tasks completed: not completed (Art. 8.4.b)", () => {
    const res = agency({
      rules: "nd335",
      criteria: framework(75),
      conditions: { ...allGood, tasksCompletedRatio: 0.68, tasksOnTimeRatio: 0.68 },
    });
    expect(res.level).toBe("not_completed");
    expect(res.reasons.at(-1)).toMatchObject({
      rule: "conditions",
      article: "Art. 8.4.b",
      failed: ["completed_at_least_70"],
    });
  });

  it("O2 with force majeure claimed: still not completed, flagged for the council to weigh (Art. 8.4.b)", () => {
    const res = agency({
      rules: "nd335",
      criteria: framework(75),
      conditions: { ...allGood, tasksCompletedRatio: 0.68, forceMajeure: true },
    });
    expect(res.level).toBe("not_completed");
    expect(res.flags).toEqual(["force_majeure_claimed"]);
  });

  it("O3 — 62 points, all completed, 3 of 12 late (25%): no level's conditions hold → flagged, not decided", () => {
    const res = agency({ rules: "nd335", criteria: framework(62), conditions: { ...allGood, tasksOnTimeRatio: 0.75 } });
    expect(res.level).toBeNull();
    expect(res.flags).toEqual(["uncovered_case"]);
    expect(res.reasons.at(-1)).toMatchObject({ rule: "uncovered", band: "completed", failed: ["late_at_most_20"] });
  });

  it("the gap case: 85% of tasks completed with 80 points → flagged for the council", () => {
    const res = agency({
      rules: "nd335",
      criteria: framework(80),
      conditions: { ...allGood, tasksCompletedRatio: 0.85 },
    });
    expect(res.level).toBeNull();
    expect(res.flags).toEqual(["uncovered_case"]);
  });

  it.each([
    [95, allGood, "excellent"],
    [95, { ...allGood, subordinateNotCompleted: true }, "good"],
    [95, { ...allGood, shortcomingsFixed: false }, "good"],
    [95, { ...allGood, tasksOnTimeRatio: 0.9 }, "completed"],
    [75, { ...allGood, tasksExceededRatio: 0 }, "good"],
    [75, { ...allGood, tasksOnTimeRatio: 0.8 }, "completed"],
    [55, allGood, "completed"],
    [49.5, allGood, "not_completed"],
    [95, { ...allGood, violations: true }, "not_completed"],
  ] as const)("%s points with %j → %s (Art. 8.1–8.4)", (points, conditions, level) => {
    expect(agency({ rules: "nd335", criteria: framework(points), conditions }).level).toBe(level);
  });
});

describe("Quảng Nam QĐ 2023/QĐ-UBND Art. 5", () => {
  it.each([
    [95, "tot", false, "excellent", []],
    [95, "kha", false, "good", ["par_rank"]],
    [95, "tot", true, "good", ["serious_incident"]],
    [95, "kha", true, "completed", ["par_rank", "serious_incident"]],
    [75, "yeu", false, "good", []],
    [75, "tot", true, "completed", ["serious_incident"]],
    [55, "tot", true, "not_completed", ["serious_incident"]],
    [40, "tot", true, "not_completed", ["serious_incident"]],
  ] as const)("%s points, PAR %s, incident %s → %s", (points, parRank, seriousIncident, level, rules) => {
    const res = agency({
      rules: "quangnam2023",
      criteria: framework(points),
      conditions: { parRank, seriousIncident },
    });
    expect(res.level).toBe(level);
    expect(res.reasons.slice(1).map((x) => x.rule)).toEqual(rules);
    expect(res.flags).toEqual([]);
  });
});

describe("framework scoring (DESIGN §3 rule 13; Quảng Nam 2023 Art. 4.3)", () => {
  const qn = { parRank: "tot", seriousIncident: false };

  it("parents sum their children; bonus adds, penalty subtracts", () => {
    const res = agency({
      rules: "quangnam2023",
      conditions: qn,
      criteria: [...framework(80), { id: "B", max: 5, bonus: true, score: 3 }, { id: "P", penalty: true, score: 2 }],
    });
    expect(res.scoreRaw.toString()).toBe("81");
    expect(res.score.toString()).toBe("81");
    expect(res.explanation.criteria[0]).toMatchObject({ id: "1" });
    expect(res.explanation.criteria[0]!.score?.toString()).toBe("30");
  });

  it("bonus beyond 100 is capped at 100, the raw points kept", () => {
    const res = agency({
      rules: "quangnam2023",
      conditions: qn,
      criteria: [...framework(98), { id: "B", max: 5, bonus: true, score: 5 }],
    });
    expect(res.scoreRaw.toString()).toBe("103");
    expect(res.score.toString()).toBe("100");
    expect(res.explanation.capped).toBe(true);
  });

  it("a penalty larger than the score floors at 0", () => {
    const res = agency({
      rules: "quangnam2023",
      conditions: qn,
      criteria: [...framework(10), { id: "P", penalty: true, score: 25 }],
    });
    expect(res.scoreRaw.toString()).toBe("-15");
    expect(res.score.toString()).toBe("0");
    expect(res.explanation.floored).toBe(true);
    expect(res.level).toBe("not_completed");
  });

  it("N/A criteria leave the denominator: 63 achieved of 70 applicable → 90 (not 63)", () => {
    const res = agency({
      rules: "quangnam2023",
      conditions: qn,
      criteria: [
        { id: "1", max: 30, notApplicable: true },
        { id: "2", max: 70, score: 63 },
      ],
    });
    expect(res.maxApplicable.toString()).toBe("70");
    expect(res.score.toString()).toBe("90");
    expect(res.level).toBe("excellent");
  });

  it("an N/A sub-criterion leaves its parent's and the framework's denominator; exact conversion", () => {
    const res = agency({
      rules: "quangnam2023",
      conditions: qn,
      criteria: [
        {
          id: "1",
          max: 30,
          children: [
            { id: "1.1", max: 10, score: 9 },
            { id: "1.2", max: 20, notApplicable: true },
          ],
        },
        { id: "2", max: 70, score: 60 },
      ],
    });
    expect(res.maxApplicable.toString()).toBe("80");
    expect(res.score.toString()).toBe(Rational.of(6900, 80).toString()); // 69/80 × 100 = 86.25
    expect(res.explanation.criteria[0]!.children[1]).toMatchObject({ notApplicable: true, score: null });
  });

  it.each([
    [[{ id: "1", max: 10, score: 11 }], "ERR_CRITERION_SCORE_RANGE"],
    [[{ id: "1", max: 10, score: -1 }], "ERR_CRITERION_SCORE_RANGE"],
    [[{ id: "1", max: 10 }], "ERR_CRITERION_SCORE_MISSING"],
    [[{ id: "1", score: 3 }], "ERR_CRITERION_MAX_MISSING"],
    [
      [
        { id: "1", max: 10, score: 3 },
        { id: "1", max: 10, score: 3 },
      ],
      "ERR_DUPLICATE_ID",
    ],
    [[{ id: "B", bonus: true, penalty: true, score: 1 }], "ERR_BONUS_AND_PENALTY"],
    [[{ id: "B", max: 2, bonus: true, score: 3 }], "ERR_CRITERION_SCORE_RANGE"],
    [[{ id: "1", max: 10, children: [{ id: "B", max: 10, bonus: true, score: 1 }] }], "ERR_BONUS_PENALTY_NESTED"],
    [
      [
        { id: "1", max: 60, score: 1 },
        { id: "2", max: 50, score: 1 },
      ],
      "ERR_FRAMEWORK_OVER_MAX",
    ],
    [[{ id: "1", max: 100, notApplicable: true }], "ERR_NOTHING_APPLICABLE"],
    [[{ id: "1", max: 10, score: 5, children: [{ id: "1.1", max: 10, score: 4 }] }], "ERR_PARENT_SCORE_MISMATCH"],
  ])("invalid criteria %j → %s", (criteria, code) => {
    expect(codes(tryAgency({ rules: "quangnam2023", conditions: qn, criteria }))).toContain(code);
  });

  it("every condition the rules read must be given: none is assumed", () => {
    const res = tryAgency({ rules: "nd335", criteria: framework(90), conditions: { tasksCompletedRatio: 1 } });
    expect(codes(res)).toEqual(Array(5).fill("ERR_CONDITION_MISSING"));
    expect(codes(tryAgency({ rules: "quangnam2023", criteria: framework(90), conditions: {} }))).toEqual([
      "ERR_CONDITION_MISSING",
      "ERR_CONDITION_MISSING",
    ]);
  });
});

describe("properties (DESIGN §3 rules 13–14)", () => {
  const leaf = fc.record({
    max: fc.integer({ min: 1, max: 20 }),
    part: fc.double({ min: 0, max: 1, noNaN: true }),
    na: fc.boolean(),
  });
  const criteria = fc.array(leaf, { minLength: 1, maxLength: 5 }).map((ls) =>
    ls.map((l, i) => ({
      id: `c${i}`,
      max: l.max,
      score: Math.round(l.max * l.part * 4) / 4,
      notApplicable: l.na && i > 0,
    })),
  );
  const extras = fc.record({ bonus: fc.integer({ min: 0, max: 10 }), penalty: fc.integer({ min: 0, max: 30 }) });

  test.prop([criteria, extras])("the score stays within 0..100 and the level is decided or flagged", (cs, x) => {
    const res = agency({
      rules: "quangnam2023",
      conditions: { parRank: "kha", seriousIncident: false },
      criteria: [...cs, { id: "B", bonus: true, score: x.bonus }, { id: "P", penalty: true, score: x.penalty }],
    });
    expect(res.score.gte(Rational.ZERO) && res.score.lte(r(100))).toBe(true);
    expect(res.level).not.toBeNull();
  });

  test.prop([criteria, fc.integer()])("the order of criteria never matters", (cs, seed) => {
    const shuffled = [...cs].sort((a, b) => (Math.imul(a.max, seed | 1) & 15) - (Math.imul(b.max, seed | 1) & 15));
    const run = (list: typeof cs) =>
      agency({
        rules: "quangnam2023",
        conditions: { parRank: "tot", seriousIncident: false },
        criteria: list,
      }).score.toString();
    expect(run(shuffled)).toBe(run(cs));
  });
});
