import { describe, expect, it } from "vitest";
import { generalCriteria, generalPoints, generalSubCriteria, generalSubCriterionCodes } from "./general-criteria.ts";
import { Rational } from "./rational.ts";

// Decree 335 Art. 12.1–12.2, Appendix I (descriptors) and Appendix II Mẫu số 01 (the point split):
// three criteria of 10 points, ten sub-criteria 5, 5 / 2.5 × 4 / 2.5 × 4, 30 in all.
describe("general criteria (tiêu chí chung, 30 points)", () => {
  it("golden: codes, maxima and totals of Mẫu 01", () => {
    expect(generalCriteria.map((c) => [c.code, c.max])).toEqual([
      ["I", 10],
      ["II", 10],
      ["III", 10],
    ]);
    expect(generalSubCriteria.map((s) => [s.code, s.max])).toEqual([
      ["I.1", 5],
      ["I.2", 5],
      ["II.1", 2.5],
      ["II.2", 2.5],
      ["II.3", 2.5],
      ["II.4", 2.5],
      ["III.1", 2.5],
      ["III.2", 2.5],
      ["III.3", 2.5],
      ["III.4", 2.5],
    ]);
    expect(generalSubCriteria.map((s) => s.code)).toEqual([...generalSubCriterionCodes]);
    for (const c of generalCriteria) {
      expect(c.subCriteria.reduce((sum, s) => sum + s.max, 0)).toBe(c.max);
      for (const s of c.subCriteria) expect(s.help.length).toBeGreaterThan(20);
    }
    expect(generalCriteria[0]!.name).toContain("Phẩm chất chính trị");
  });

  it("sums exactly: T1's confirmed 27.5 (decree-335.md §10)", () => {
    const scores = {
      "I.1": 5,
      "I.2": 5,
      "II.1": 2.5,
      "II.2": 2.5,
      "II.3": 2,
      "II.4": 2.5,
      "III.1": 2,
      "III.2": 2,
      "III.3": 2,
      "III.4": 2,
    };
    const res = generalPoints(scores);
    expect(res.ok && res.value.eq(Rational.of(55, 2))).toBe(true);
    const tenths = generalPoints({ ...scores, "III.4": 0.1, "III.3": 0.2 });
    expect(tenths.ok && tenths.value.eq(Rational.from(23.8))).toBe(true);
  });

  it("reports a missing score and a score above its maximum or below 0", () => {
    const res = generalPoints({ "I.1": 5.5, "I.2": -1, "II.1": 2.5, "II.2": 2.5, "II.3": 2.5, "II.4": 2.5 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.map((i) => [i.code, i.path.join("."), i.params])).toEqual([
      ["ERR_FIELD_RANGE", "general.I.1", { max: 5 }],
      ["ERR_FIELD_RANGE", "general.I.2", { min: 0 }],
      ["ERR_FIELD_REQUIRED", "general.III.1", {}],
      ["ERR_FIELD_REQUIRED", "general.III.2", {}],
      ["ERR_FIELD_REQUIRED", "general.III.3", {}],
      ["ERR_FIELD_REQUIRED", "general.III.4", {}],
    ]);
  });
});
