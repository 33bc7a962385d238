import { describe, expect, it } from "vitest";
import { defaultRuleSet, nd335_2026_1, ruleSetById, ruleSetFor, ruleSets, withOverrides } from "./index.ts";

// DESIGN §3: every setting is data of a versioned rule set, and every result names the version.
describe("rule-set registry", () => {
  it("Decree 335 2026 defaults (Art. 12, 14.2, 15.3, 20, 8; DESIGN §3)", () => {
    const s = nd335_2026_1.settings;
    expect(nd335_2026_1.id).toBe("nd335-2026.1");
    expect(s.deductionStep.toString()).toBe("1/4");
    expect(s.taskPointsCap?.toString()).toBe("70");
    expect([s.thresholds.excellent, s.thresholds.good, s.thresholds.completed].map(String)).toEqual(["90", "70", "50"]);
    expect(s.leaderSubordinateMin.toString()).toBe("50");
    expect(s.quota).toMatchObject({ reading: "final" });
    expect([s.quota.rate, s.quota.exceptionRate].map(String)).toEqual(["1/5", "1/4"]);
    expect(s.firstScoredMonth).toBe(1);
    expect(s.delayCounting).toBe("per_missed_deadline");
  });

  it("ids are unique and the default is the latest", () => {
    expect(new Set(ruleSets.map((s) => s.id)).size).toBe(ruleSets.length);
    expect(defaultRuleSet).toBe(ruleSets.at(-1));
  });

  it("ruleSetFor picks the version in force for the period", () => {
    const found = ruleSetFor({ year: 2026, month: 7 });
    expect(found.ok && found.value.id).toBe("nd335-2026.1");
    const before = ruleSetFor({ year: 2025, month: 12 });
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.error[0]?.code).toBe("ERR_NO_RULE_SET_FOR_PERIOD");
  });

  it("ruleSetById refuses an unknown id", () => {
    const found = ruleSetById("nd335-2030.9");
    expect(found.ok).toBe(false);
  });

  it("overrides make a derived set whose id records them, leaving the released one untouched", () => {
    const derived = withOverrides(nd335_2026_1, {
      taskPointsCap: null,
      quota: { reading: "initial_good", rate: 0.25 },
    });
    expect(derived.id).toBe("nd335-2026.1+taskPointsCap=null+quota.rate=0.25+quota.reading=initial_good");
    expect(derived.settings.taskPointsCap).toBeNull();
    expect(nd335_2026_1.settings.taskPointsCap?.toString()).toBe("70");
    expect(nd335_2026_1.settings.quota.reading).toBe("final");
    expect(withOverrides(nd335_2026_1, {})).toBe(nd335_2026_1);
  });
});
