import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { countDelays, leaderCriteria, movesLeaderCriteria } from "./period.ts";
import { Rational, r } from "./rational.ts";
import { nd335_2026_1 } from "./ruleset/index.ts";
import { codes, period, tryPeriod } from "./testing.ts";

const exact = (x: Rational | null) => x?.toString();
const q = (n: number, d = 1) => Rational.of(n, d).toString();

/** decree-335.md §10 T1: DC.01 ×10 (one failed review), DC.05 late once, DC.09 1 of 2, KTDC.03 one letter late twice. */
const t1 = {
  general: 27.5,
  assignments: [
    { id: "DC.01", coefficient: 1, quantity: 10, source: "planned" },
    { id: "DC.05", coefficient: 12, quantity: 1, source: "planned" },
    { id: "DC.09", coefficient: 9, quantity: 2, source: "planned" },
    { id: "KTDC.03", coefficient: 6, quantity: 3, source: "planned" },
  ],
  deliveries: [
    { assignment: "DC.01", quantity: 9 },
    { assignment: "DC.01", quantity: 1, failedReviews: 1 },
    { assignment: "DC.05", quantity: 1, delays: 1 },
    { assignment: "DC.09", quantity: 1 },
    { assignment: "KTDC.03", quantity: 2 },
    { assignment: "KTDC.03", quantity: 1, delays: 2 },
  ],
};

/** §10 T3: head of a commune division. */
const t3 = (subordinateScores: number[]) => ({
  leaderRole: "head",
  general: 26,
  assignments: [
    { id: "QL.02", coefficient: 9, quantity: 2 },
    { id: "QL.04", coefficient: 9, quantity: 4 },
    { id: "QL.09", coefficient: 13, quantity: 1 },
    { id: "QL.10", coefficient: 12, quantity: 1 },
  ],
  deliveries: [
    { assignment: "QL.02", quantity: 2 },
    { assignment: "QL.04", quantity: 3 },
    { assignment: "QL.04", quantity: 1, failedReviews: 1 },
    { assignment: "QL.09", quantity: 1, delays: 1 },
    { assignment: "QL.10", quantity: 1 },
  ],
  leader: { subordinateScores, organizing: 1, unity: 1 },
});

describe("golden: decree-335.md §10 worked examples (Art. 14–17)", () => {
  it("T1 — non-leader month: A = 58, a 84.4828%, b 84.0517%, c 74.1379%, total 84.1236 (Art. 14.2, 16.1, 17.1)", () => {
    const res = period(t1);
    expect(exact(res.explanation.assignedTotal)).toBe("58");
    expect(exact(res.a)).toBe(q(49, 58));
    expect(exact(res.b)).toBe(q(4875, 5800));
    expect(exact(res.c)).toBe(q(43, 58));
    expect(res.a.toFixed(6)).toBe("0.844828");
    expect(res.b.toFixed(6)).toBe("0.840517");
    expect(res.c.toFixed(6)).toBe("0.741379");
    expect(res.taskScore.toFixed(6)).toBe("0.808908");
    expect(res.taskPoints.toFixed(4)).toBe("56.6236");
    expect(exact(res.total)).toBe(q(29275, 348));
    expect(res.total.toFixed(4)).toBe("84.1236");
    expect(res.d).toBeNull();
    expect(res.explanation.taskScore.formula).toBe("(a+b+c)/3");
  });

  it("T1 — the explanation shows each line's credits and deductions", () => {
    const res = period(t1);
    const dc01 = res.explanation.lines[0]!;
    expect(exact(dc01.qualityCredit)).toBe(q(39, 4)); // 9 + 0.75
    expect(dc01.deliveries[1]!.deductions).toMatchObject([{ kind: "failed_review", total: 1, excused: 0, counted: 1 }]);
    const dc09 = res.explanation.lines[2]!;
    expect(exact(dc09.quantityNotDelivered)).toBe("1");
    expect(exact(dc09.quantityCredit)).toBe("9");
    const ktdc = res.explanation.lines[3]!;
    expect(exact(ktdc.progressCredit)).toBe("15"); // 2·6 + 6 × 0.5
    expect(exact(ktdc.deliveries[1]!.deductions[0]!.share)).toBe(q(1, 2));
  });

  it("T1-obj — the DC.05 delay excused as objective: c 79.3103%, total 85.3305 (Art. 14.2.c)", () => {
    const deliveries = t1.deliveries.map((d) => (d.assignment === "DC.05" ? { ...d, excusedDelays: 1 } : d));
    const res = period({ ...t1, deliveries });
    expect(exact(res.c)).toBe(q(46, 58));
    expect(res.c.toFixed(6)).toBe("0.793103");
    expect(res.taskScore.toFixed(6)).toBe("0.826149");
    expect(res.taskPoints.toFixed(4)).toBe("57.8305");
    expect(res.total.toFixed(4)).toBe("85.3305");
    const excused = res.explanation.lines[1]!.deliveries[0]!.deductions[0]!;
    expect(excused).toMatchObject({ kind: "delay", total: 1, excused: 1, counted: 0 });
  });

  it("T3 — head, one subordinate at 47.9: d = 50%, task 0.905063, total 89.3544 (Art. 15.3, 16.2)", () => {
    const res = period(t3([91.2, 47.9]));
    expect(exact(res.explanation.assignedTotal)).toBe("79");
    expect(exact(res.a)).toBe("1");
    expect(res.b.toFixed(6)).toBe("0.971519");
    expect(res.c.toFixed(6)).toBe("0.958861");
    expect(exact(res.d)).toBe(q(1, 2));
    expect(exact(res.dd)).toBe("1");
    expect(exact(res.e)).toBe("1");
    expect(res.taskScore.toFixed(6)).toBe("0.905063");
    expect(res.taskPoints.toFixed(4)).toBe("63.3544");
    expect(res.total.toFixed(4)).toBe("89.3544");
    expect(res.explanation.taskScore.formula).toBe("(a+b+c+d+dd+e)/6");
    expect(res.explanation.leader?.d).toMatchObject({ rule: "some_below_min", evaluated: 2 });
    expect(res.explanation.leader?.d.below.map((b) => b.index)).toEqual([1]);
  });

  it("T3 variant — d = 100%: task 0.988396, total 95.1878 (Art. 15.3.a)", () => {
    const res = period(t3([91.2, 50]));
    expect(exact(res.d)).toBe("1");
    expect(res.taskScore.toFixed(6)).toBe("0.988397"); // 0.98839662…; decree-335.md truncates to 0.988396
    expect(res.taskPoints.toFixed(4)).toBe("69.1878");
    expect(res.total.toFixed(4)).toBe("95.1878");
  });

  it("T4 — 4 ad-hoc DC.27 on top of 20 DC.01: a = b = c = 132%, task points 92.4 uncapped, 70 capped, total 98 (Art. 18.1.d)", () => {
    const res = period({
      general: 28,
      assignments: [
        { id: "DC.01", coefficient: 1, quantity: 20 },
        { id: "DC.27", coefficient: 1.6, quantity: 4, source: "adhoc" },
      ],
      deliveries: [
        { assignment: "DC.01", quantity: 20 },
        { assignment: "DC.27", quantity: 4 },
      ],
    });
    expect(exact(res.explanation.assignedTotal)).toBe("20");
    expect(exact(res.explanation.extraAssigned)).toBe(q(32, 5));
    for (const x of [res.a, res.b, res.c, res.taskScore]) expect(exact(x)).toBe(q(132, 100));
    expect(exact(res.taskPointsUncapped)).toBe(q(924, 10));
    expect(exact(res.taskPoints)).toBe("70");
    expect(res.explanation.taskPoints.capped).toBe(true);
    expect(exact(res.total)).toBe("98");
  });

  it("T4 — with the cap turned off (setting taskPointsCap null) the total is 120.4 and the version says so", () => {
    const res = period({
      settings: { taskPointsCap: null },
      general: 28,
      assignments: [
        { id: "DC.01", coefficient: 1, quantity: 20 },
        { id: "DC.27", coefficient: 1.6, quantity: 4, source: "adhoc" },
      ],
      deliveries: [
        { assignment: "DC.01", quantity: 20 },
        { assignment: "DC.27", quantity: 4 },
      ],
    });
    expect(exact(res.taskPoints)).toBe(q(924, 10));
    expect(exact(res.total)).toBe(q(1204, 10));
    expect(res.ruleSetVersion).toBe("nd335-2026.1+taskPointsCap=null");
  });

  it("T4 reassignment — 5 of 20 handed back stay in A: a = 75%; the colleague gets 5 outside A (Art. 18.1.d)", () => {
    const res = period({
      general: 28,
      assignments: [{ id: "DC.01", coefficient: 1, quantity: 20 }],
      deliveries: [{ assignment: "DC.01", quantity: 15 }],
    });
    expect(exact(res.a)).toBe(q(3, 4));
    expect(exact(res.explanation.lines[0]!.quantityNotDelivered)).toBe("5");
    const colleague = period({
      general: 28,
      assignments: [
        { id: "DC.01", coefficient: 1, quantity: 10 },
        { id: "DC.01-from-A", coefficient: 1, quantity: 5, source: "taken_over" },
      ],
      deliveries: [
        { assignment: "DC.01", quantity: 10 },
        { assignment: "DC.01-from-A", quantity: 5 },
      ],
    });
    expect(exact(colleague.explanation.assignedTotal)).toBe("10");
    expect(exact(colleague.a)).toBe(q(3, 2));
  });
});

describe("edge cases (Art. 14–18)", () => {
  it("nothing assigned: ERR_NO_ASSIGNMENT, not a division by zero (DESIGN §3 rule 5)", () => {
    expect(codes(tryPeriod({ general: 25, assignments: [] }))).toEqual(["ERR_NO_ASSIGNMENT"]);
  });

  it("only ad-hoc work: A = 0 is still ERR_NO_ASSIGNMENT, with the ad-hoc value in params", () => {
    const res = tryPeriod({
      general: 25,
      assignments: [{ id: "X", coefficient: 2, quantity: 3, source: "adhoc" }],
      deliveries: [{ assignment: "X", quantity: 3 }],
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error[0]).toMatchObject({ code: "ERR_NO_ASSIGNMENT", params: { extraAssigned: 6 } });
  });

  it("everything handed back: a = b = c = 0, total = general points", () => {
    const res = period({ general: 22, assignments: [{ id: "X", coefficient: 3, quantity: 4 }] });
    expect([res.a, res.b, res.c, res.taskPoints].map(exact)).toEqual(["0", "0", "0", "0"]);
    expect(exact(res.total)).toBe("22");
  });

  it("all deductions excused: full credits", () => {
    const res = period({
      general: 30,
      assignments: [{ id: "X", coefficient: 1, quantity: 2 }],
      deliveries: [
        { assignment: "X", quantity: 2, failedReviews: 3, excusedFailedReviews: 3, delays: 2, excusedDelays: 2 },
      ],
    });
    expect(exact(res.taskScore)).toBe("1");
    expect(exact(res.total)).toBe("100");
  });

  it.each([
    [4, "0"],
    [5, "0"],
    [9, "0"],
  ])("%i failed reviews floor the quality credit at 0 (never negative)", (failed, credit) => {
    const res = period({
      general: 30,
      assignments: [{ id: "X", coefficient: 2, quantity: 1 }],
      deliveries: [{ assignment: "X", quantity: 1, failedReviews: failed }],
    });
    expect(exact(res.b)).toBe(credit);
    expect(res.explanation.lines[0]!.deliveries[0]!.deductions[0]).toMatchObject({ floored: true });
  });

  it("3 failed reviews keep 25%", () => {
    const res = period({
      general: 30,
      assignments: [{ id: "X", coefficient: 2, quantity: 1 }],
      deliveries: [{ assignment: "X", quantity: 1, failedReviews: 3 }],
    });
    expect(exact(res.b)).toBe(q(1, 4));
  });

  it("a leader with no subordinates gets d = 100%, and the explanation says why (Art. 15.3.a)", () => {
    const res = period({ ...t3([]) });
    expect(exact(res.d)).toBe("1");
    expect(res.explanation.leader?.d.rule).toBe("no_subordinates");
  });

  it("a deputy's d covers the assigned fields; đ and e at 50% carry the evaluator's reason (Art. 15.4)", () => {
    const res = period({
      ...t3([60]),
      leaderRole: "deputy",
      leader: { subordinateScores: [60], organizing: 0.5, organizingReason: "chậm tiến độ kéo dài", unity: 0.5 },
    });
    expect(res.explanation.leader?.d.scope).toBe("assigned_fields");
    expect(exact(res.dd)).toBe(q(1, 2));
    expect(res.explanation.leader?.dd.reason).toBe("chậm tiến độ kéo dài");
    expect(res.explanation.leader?.e.reason).toBeNull();
  });

  it("10 products of coefficient 0.1 make exactly 1 converted unit (DESIGN §3 rule 6)", () => {
    const res = period({
      general: 0,
      assignments: [{ id: "X", coefficient: 0.1, quantity: 10 }],
      deliveries: Array.from({ length: 10 }, () => ({ assignment: "X", quantity: 1 })),
    });
    expect(exact(res.explanation.assignedTotal)).toBe("1");
    expect(exact(res.a)).toBe("1");
    expect(exact(res.total)).toBe("70");
  });

  it.each([
    [
      "excused > total",
      { deliveries: [{ assignment: "X", quantity: 1, failedReviews: 1, excusedFailedReviews: 2 }] },
      "ERR_EXCUSED_EXCEEDS_TOTAL",
    ],
    [
      "excused delays > delays",
      { deliveries: [{ assignment: "X", quantity: 1, excusedDelays: 1 }] },
      "ERR_EXCUSED_EXCEEDS_TOTAL",
    ],
    ["unknown assignment", { deliveries: [{ assignment: "Y", quantity: 1 }] }, "ERR_UNKNOWN_ASSIGNMENT"],
    ["over-delivery", { deliveries: [{ assignment: "X", quantity: 3 }] }, "ERR_DELIVERED_EXCEEDS_ASSIGNED"],
    ["general above 30", { general: 30.5 }, "ERR_FIELD_RANGE"],
    ["head without leader block", { leaderRole: "head" }, "ERR_LEADER_MISSING"],
    ["staff with leader block", { leader: { organizing: 1, unity: 1 } }, "ERR_LEADER_UNEXPECTED"],
    ["đ not 1 or 0.5", { leaderRole: "head", leader: { organizing: 0.7, unity: 1 } }, "ERR_FIELD_VALUE"],
    [
      "negative failed reviews",
      { deliveries: [{ assignment: "X", quantity: 1, failedReviews: -1 }] },
      "ERR_FIELD_RANGE",
    ],
    ["fractional delays", { deliveries: [{ assignment: "X", quantity: 1, delays: 1.5 }] }, "ERR_FIELD_INTEGER"],
    ["missing general", { general: undefined }, "ERR_FIELD_REQUIRED"],
  ])("invalid: %s → %s", (_, patch, code) => {
    const doc = { general: 20, assignments: [{ id: "X", coefficient: 1, quantity: 2 }], ...patch };
    expect(codes(tryPeriod(doc))).toContain(code);
  });

  it("duplicate assignment ids", () => {
    const doc = {
      general: 20,
      assignments: [
        { id: "X", coefficient: 1, quantity: 2 },
        { id: "X", coefficient: 1, quantity: 2 },
      ],
    };
    expect(codes(tryPeriod(doc))).toEqual(["ERR_DUPLICATE_ID"]);
  });
});

describe("countDelays (Art. 14.2.c; DESIGN §3 rule 2: per missed deadline)", () => {
  it.each([
    [["2026-03-10"], "2026-03-10", 0],
    [["2026-03-10"], "2026-03-11", 1],
    [["2026-03-10", "2026-03-20"], "2026-03-15", 1],
    [["2026-03-10", "2026-03-20"], "2026-03-25", 2],
  ])("deadlines %j, delivered %s → %i", (deadlines, on, expected) => {
    expect(countDelays(nd335_2026_1, deadlines, on)).toBe(expected);
  });
});

describe("movesLeaderCriteria (Art. 15.3.a: which changes below a leader reach their d)", () => {
  const s = (n: number | null) => (n === null ? null : Rational.from(n));
  it.each<[number | null, number | null, boolean, string]>([
    [80, 95, false, "both at or above 50: d stays 100%, nobody listed"],
    [50, 100, false, "exactly 50 counts as reaching the minimum"],
    [62, 62, false, "no change"],
    [80, 49.99, true, "drops below 50: d falls to 50%"],
    [40, 75, true, "climbs to 50 or more: d may return to 100%"],
    [30, 35, true, "below 50 on both sides: the explanation lists the new score"],
    [null, 90, true, "first scored: one more person evaluated"],
    [90, null, true, "no longer scored (nothing assigned): one fewer"],
    [null, null, false, "never scored"],
  ])("%s → %s: %s (%s)", (before, after, expected) => {
    expect(movesLeaderCriteria(nd335_2026_1, s(before), s(after))).toBe(expected);
  });

  const score = fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  );
  test.prop([fc.array(score, { minLength: 1, maxLength: 8 }), fc.nat(), score])(
    "when it says no, the leader's d and its explanation are the same before and after",
    (scores, pick, after) => {
      const i = pick % scores.length;
      const before = scores[i]!;
      if (movesLeaderCriteria(nd335_2026_1, s(before), s(after))) return;
      const d = (list: (number | null)[]) =>
        JSON.stringify(
          leaderCriteria(nd335_2026_1, "head", {
            subordinateScores: list.flatMap((x) => (x === null ? [] : [Rational.from(x)])),
            organizing: Rational.ONE,
            unity: Rational.ONE,
            organizingReason: null,
            unityReason: null,
          }).d,
          // Exact text: the replacer reads the value before `toJSON` turns it into a number.
          function (this: Record<string, unknown>, key: string, value: unknown) {
            const raw = this[key];
            return raw instanceof Rational ? raw.toString() : value;
          },
        );
      expect(d(scores.map((x, j) => (j === i ? after : x)))).toBe(d(scores));
    },
  );
});

describe("properties (Art. 14–17)", () => {
  const delivery = fc.record({
    quantity: fc.integer({ min: 1, max: 5 }),
    failedReviews: fc.integer({ min: 0, max: 6 }),
    delays: fc.integer({ min: 0, max: 6 }),
  });
  const line = fc.record({
    coefficient: fc.integer({ min: 1, max: 300 }).map((n) => n / 10),
    extra: fc.integer({ min: 0, max: 3 }),
    deliveries: fc.array(delivery, { maxLength: 3 }),
  });
  const doc = (
    lines: {
      coefficient: number;
      extra: number;
      deliveries: { quantity: number; failedReviews: number; delays: number }[];
    }[],
    general = 20,
  ) => ({
    general,
    assignments: lines.map((l, i) => ({
      id: `L${i}`,
      coefficient: l.coefficient,
      quantity: l.deliveries.reduce((s, d) => s + d.quantity, 0) + l.extra + (l.deliveries.length === 0 ? 1 : 0),
    })),
    deliveries: lines.flatMap((l, i) => l.deliveries.map((d) => ({ assignment: `L${i}`, ...d }))),
  });
  const lines = fc.array(line, { minLength: 1, maxLength: 5 });

  test.prop([lines, fc.integer({ min: 0, max: 30 })])(
    "planned work only: a, b, c, task score in [0, 1], total in [0, 100]",
    (ls, general) => {
      const res = period(doc(ls, general));
      for (const x of [res.a, res.b, res.c, res.taskScore]) {
        expect(x.gte(Rational.ZERO) && x.lte(Rational.ONE)).toBe(true);
      }
      expect(res.total.gte(Rational.ZERO) && res.total.lte(r(100))).toBe(true);
      expect(res.b.lte(res.a) && res.c.lte(res.a)).toBe(true);
    },
  );

  test.prop([lines, fc.nat({ max: 50 }), fc.integer({ min: 1, max: 3 })])(
    "one more failed review or delay never raises the score",
    (ls, pick, more) => {
      const base = doc(ls);
      if (base.deliveries.length === 0) return;
      const i = pick % base.deliveries.length;
      const worse = {
        ...base,
        deliveries: base.deliveries.map((d, j) =>
          j === i ? { ...d, failedReviews: d.failedReviews + more, delays: d.delays + 1 } : d,
        ),
      };
      expect(period(worse).total.lte(period(base).total)).toBe(true);
    },
  );

  test.prop([lines, fc.integer()])("the order of lines and deliveries never matters", (ls, seed) => {
    const base = doc(ls);
    const shuffle = <T>(xs: T[]) =>
      xs
        .map((x, i) => ({ x, k: Math.imul(i + 1, seed | 1) ^ seed }))
        .sort((p, q2) => p.k - q2.k)
        .map((p) => p.x);
    const shuffled = {
      ...base,
      assignments: shuffle(base.assignments),
      deliveries: shuffle(base.deliveries).reverse(),
    };
    const [x, y] = [period(base), period(shuffled)];
    expect([y.a, y.b, y.c, y.total].map(exact)).toEqual([x.a, x.b, x.c, x.total].map(exact));
  });

  test.prop([lines])("scoring twice gives the same result", (ls) => {
    const d = doc(ls);
    // Exact text, not the numbers `toJSON` would give: the replacer reads the value before it.
    const exactJson = (result: unknown) =>
      JSON.stringify(result, function (this: Record<string, unknown>, key: string, value: unknown) {
        const raw = this[key];
        return raw instanceof Rational ? raw.toString() : value;
      });
    expect(exactJson(period(d))).toBe(exactJson(period(d)));
  });
});
