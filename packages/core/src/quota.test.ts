import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { allowedExcellent } from "./quota.ts";
import { Rational, r } from "./rational.ts";
import { codes, quota, tryQuota } from "./testing.ts";

/** A group of E candidates for excellent (scores 99, 98, …) and G people rated good. */
function group(excellent: number, good: number) {
  return [
    ...Array.from({ length: excellent }, (_, i) => ({ id: `x${i + 1}`, score: 99 - i * 0.5, level: "excellent" })),
    ...Array.from({ length: good }, (_, i) => ({ id: `g${i + 1}`, score: 80, level: "good" })),
  ];
}

// decree-335.md §10 T5, Art. 20.5: columns naive = initial_good, fixed-point = final; 20% and the 25% exception.
describe("golden: T5 quota inside one group (Art. 20.5)", () => {
  it.each([
    // Q, E, G, final 20%, initial_good 20%, final 25%, initial_good 25%
    ["Q1", 1, 4, 0, 0, 1, 1],
    ["Q2", 10, 20, 5, 4, 6, 5],
    ["Q3", 6, 15, 3, 3, 4, 3],
    ["Q4", 3, 9, 2, 1, 2, 2],
    ["Q5", 2, 0, 0, 0, 0, 0],
  ] as const)(
    "%s: E=%i G=%i → rate 0.2: final %i, initial_good %i; rate 0.25: final %i, initial_good %i",
    (_, e, g, f20, i20, f25, i25) => {
      const people = group(e, g);
      const cases = [
        [0.2, "final", f20],
        [0.2, "initial_good", i20],
        [0.25, "final", f25],
        [0.25, "initial_good", i25],
      ] as const;
      for (const [rate, reading, allowed] of cases) {
        const res = quota({ rate, reading, people });
        expect(res.allowed, `${rate} ${reading}`).toBe(allowed);
        const kept = Object.values(res.levels).filter((l) => l === "excellent").length;
        expect(kept).toBe(Math.min(allowed, e));
        expect(res.cut).toHaveLength(Math.max(0, e - allowed));
        expect(res.explanation).toMatchObject({ good: g, excellent: e, reading });
      }
    },
  );

  it("Q2 check: 5 kept, the 5 cut become good with the reason; 5 ≤ 0.2 × 25 on the final counts", () => {
    const res = quota({ rate: 0.2, reading: "final", people: group(10, 20) });
    expect(res.cut).toEqual(["x6", "x7", "x8", "x9", "x10"]);
    expect(res.levels.x6).toBe("good");
    expect(res.levels.x5).toBe("excellent");
    expect(res.reasons.x6).toMatchObject([{ rule: "quota_cut", article: "Art. 20.5, 8.5", allowed: 5, rank: 6 }]);
    expect(res.explanation).toMatchObject({ finalExcellent: 5, finalGood: 25, formula: "⌊r·(G+E)/(1+r)⌋" });
    expect(res.explanation.bound.toString()).toBe("5");
  });

  it("defaults to the rule set's rate (20%) and reading (final); the 25% exception is marked", () => {
    const res = quota({ people: group(10, 20) });
    expect(res.allowed).toBe(5);
    expect(res.explanation.rate.toString()).toBe("1/5");
    expect(res.explanation.exception).toBe(false);
    expect(quota({ rate: 0.25, people: group(10, 20) }).explanation.exception).toBe(true);
  });

  it("the reading can come from the rule-set settings", () => {
    const res = quota({ settings: { quota: { reading: "initial_good" } }, people: group(10, 20) });
    expect(res.allowed).toBe(4);
    expect(res.ruleSetVersion).toBe("nd335-2026.1+quota.reading=initial_good");
  });
});

describe("golden: T6 O4 — agency quota (Art. 8.5; DESIGN §3 rule 15)", () => {
  it("12 divisions good + 4 candidates: ⌊16/6⌋ = 2 at 20%, ⌊16/5⌋ = 3 with the 25% exception", () => {
    expect(quota({ rate: 0.2, people: group(4, 12) }).allowed).toBe(2);
    expect(quota({ rate: 0.25, people: group(4, 12) }).allowed).toBe(3);
  });
});

describe("ties at the cut go to the head's recorded decision (DESIGN §3 rule 10)", () => {
  const people = [
    { id: "a", score: 96, level: "excellent" },
    { id: "b", score: 93, level: "excellent" },
    { id: "c", score: 93, level: "excellent" },
    { id: "d", score: 91, level: "excellent" },
    ...group(0, 14),
  ]; // G + E = 18 → final 20%: ⌊18/6⌋ = 3

  it("without a decision: tied candidates are reported, their level pending (null)", () => {
    const people2 = people.map((p) => (p.id === "d" ? { ...p, score: 93 } : p)); // b, c, d tie for 2 seats
    const res = quota({ people: people2 });
    expect(res.allowed).toBe(3);
    expect(res.ties).toEqual(["b", "c", "d"]);
    expect(res.levels).toMatchObject({ a: "excellent", b: null, c: null, d: null });
    expect(res.cut).toEqual([]);
    expect(res.explanation.tie).toMatchObject({ ids: ["b", "c", "d"], seats: 2, decided: false });
    expect(res.explanation.candidates.map((c) => c.rank)).toEqual([1, 2, 2, 2]);
  });

  it("with the head's order: the first seats stay, the rest are cut by decision", () => {
    const people2 = people.map((p) => (p.id === "d" ? { ...p, score: 93 } : p));
    const res = quota({ people: people2, tieBreak: ["d", "b", "c"] });
    expect(res.levels).toMatchObject({ a: "excellent", d: "excellent", b: "excellent", c: "good" });
    expect(res.cut).toEqual(["c"]);
    expect(res.ties).toEqual(["b", "c", "d"]);
    expect(res.explanation.tie?.decided).toBe(true);
  });

  it("no tie when the cut falls between different scores", () => {
    const res = quota({ people: people.map((p) => (p.id === "d" ? { ...p, score: 90 } : p)), rate: 0.2 });
    expect(res.allowed).toBe(3);
    expect(res.ties).toEqual([]);
    expect(res.cut).toEqual(["d"]);
  });

  it("a tie entirely inside the quota is no tie at the cut", () => {
    const res = quota({ people: people.map((p) => (p.id === "a" ? { ...p, score: 93 } : p)) });
    expect(res.ties).toEqual([]);
    expect(res.cut).toEqual(["d"]);
  });

  it.each([
    [{ tieBreak: ["zz"] }, "ERR_TIE_BREAK_UNKNOWN_ID"],
    [{ tieBreak: ["b", "b"] }, "ERR_DUPLICATE_ID"],
    [{ rate: 0.3 }, "ERR_QUOTA_RATE_ABOVE_EXCEPTION"],
    [{ people: [...people, { id: "a", score: 50, level: "completed" }] }, "ERR_DUPLICATE_ID"],
  ])("invalid: %j → %s", (patch, code) => {
    expect(codes(tryQuota({ people, ...patch }))).toContain(code);
  });

  it("a decision that leaves out a tied candidate is refused", () => {
    const people2 = people.map((p) => (p.id === "d" ? { ...p, score: 93 } : p));
    expect(codes(tryQuota({ people: people2, tieBreak: ["d", "b"] }))).toEqual(["ERR_TIE_BREAK_INCOMPLETE"]);
  });

  it("other levels pass through unchanged", () => {
    const res = quota({
      people: [
        { id: "n", score: 40, level: "not_completed" },
        { id: "u", score: 95, level: "unclassified" },
        { id: "k", score: 95, level: "not_completed" },
      ],
    });
    expect(res.levels).toEqual({ n: "not_completed", u: "unclassified", k: "not_completed" });
  });
});

describe("properties (Art. 20.5, 8.5)", () => {
  const person = fc.record({
    score: fc.integer({ min: 7000, max: 10000 }).map((n) => n / 100),
    level: fc.constantFrom("excellent", "good"),
  });
  const people = fc.array(person, { maxLength: 40 }).map((ps) => ps.map((p, i) => ({ id: `p${i}`, ...p })));
  const rate = fc.constantFrom(0.2, 0.25, 0.1);
  const reading = fc.constantFrom("final", "initial_good");

  test.prop([people, rate, reading])("excellent never exceeds the rate × the final good count", (ps, rt, rd) => {
    const res = quota({ rate: rt, reading: rd, people: ps });
    const levels = Object.values(res.levels);
    const excellent =
      levels.filter((l) => l === "excellent").length +
      (res.explanation.tie?.decided === false ? res.explanation.tie.seats : 0);
    const good =
      levels.filter((l) => l === "good").length +
      (res.explanation.tie?.decided === false ? res.explanation.tie.ids.length - res.explanation.tie.seats : 0);
    expect(Rational.of(excellent).lte(r(rt).mul(Rational.of(good)))).toBe(true);
    expect(excellent).toBeLessThanOrEqual(res.allowed);
  });

  test.prop([people, rate])("the final reading never keeps fewer excellent than the initial_good one", (ps, rt) => {
    const kept = (rd: "final" | "initial_good") => {
      const res = quota({ rate: rt, reading: rd, people: ps });
      return Math.min(res.allowed, res.explanation.excellent);
    };
    expect(kept("final")).toBeGreaterThanOrEqual(kept("initial_good"));
  });

  test.prop([people, fc.integer()])("the order of people never changes anyone's outcome", (ps, seed) => {
    const shuffled = [...ps].sort(
      (x, y) =>
        (Math.imul(x.id.length + Number(x.id.slice(1)), seed | 1) & 7) -
        (Math.imul(y.id.length + Number(y.id.slice(1)), seed | 1) & 7),
    );
    expect(quota({ people: shuffled }).levels).toEqual(quota({ people: ps }).levels);
  });

  test.prop([fc.nat(200), fc.nat(200), rate])(
    "allowedExcellent (final) is the largest x with x ≤ r(G+E−x)",
    (g, e, rt) => {
      const { allowed } = allowedExcellent(r(rt), "final", g, e);
      const fits = (x: number) => Rational.of(x).lte(r(rt).mul(Rational.of(g + e - x)));
      expect(fits(allowed)).toBe(true);
      expect(fits(allowed + 1)).toBe(false);
    },
  );
});
