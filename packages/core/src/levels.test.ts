import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { classifiedLevels, levelBelow, levelForScore, lowerOf } from "./levels.ts";
import { Rational, r } from "./rational.ts";
import { nd335_2026_1 } from "./ruleset/index.ts";

const thresholds = nd335_2026_1.settings.thresholds;

// Decree 335 Art. 20.1–20.4.a: ≥ 90 excellent; 70–<90 good; 50–<70 completed; < 50 not completed.
describe("levelForScore (Art. 20.1–20.4.a; Art. 8.1–8.4 for agencies)", () => {
  it.each([
    [100, "excellent"],
    [90, "excellent"],
    [89.995, "good"], // DESIGN §3 rule 6: exact comparison, no rounding up
    [89.9999999, "good"],
    [70, "good"],
    [69.99, "completed"],
    [50, "completed"],
    [49.999, "not_completed"],
    [0, "not_completed"],
  ] as const)("%s → %s", (score, level) => {
    expect(levelForScore(thresholds, r(score))).toBe(level);
  });
});

describe("level helpers", () => {
  it("lowerOf and levelBelow", () => {
    expect(lowerOf("excellent", "good")).toBe("good");
    expect(lowerOf("completed", "good")).toBe("completed");
    expect(levelBelow("excellent")).toBe("good");
    expect(levelBelow("not_completed")).toBe("not_completed");
  });
});

describe("properties", () => {
  const score = fc.integer({ min: 0, max: 100_000 }).map((n) => Rational.of(n, 1000));

  test.prop([score])("thresholds partition 0..100: exactly one band holds each score", (s) => {
    const bands = {
      excellent: s.gte(r(90)),
      good: s.gte(r(70)) && s.lt(r(90)),
      completed: s.gte(r(50)) && s.lt(r(70)),
      not_completed: s.lt(r(50)),
    };
    expect(Object.values(bands).filter(Boolean)).toHaveLength(1);
    expect(bands[levelForScore(thresholds, s)]).toBe(true);
  });

  test.prop([score, score])("a higher score never gets a lower level", (x, y) => {
    const [lo, hi] = x.lte(y) ? [x, y] : [y, x];
    const rank = (s: Rational) => classifiedLevels.length - classifiedLevels.indexOf(levelForScore(thresholds, s));
    expect(rank(hi)).toBeGreaterThanOrEqual(rank(lo));
  });
});
