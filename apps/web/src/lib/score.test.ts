import { describe, expect, it } from "vitest";
import { formatExact, formatQuantity, formatRatio, formatScore, median } from "./score.ts";

describe("score formats (vi-VN)", () => {
  it("shows 2 decimals with a decimal comma", () => {
    expect(formatScore(84.1234)).toBe("84,12");
    expect(formatScore(100)).toBe("100,00");
    expect(formatScore(0)).toBe("0,00");
  });

  it("keeps up to 6 decimals for the exact value", () => {
    expect(formatExact(84.123456789)).toBe("84,123457");
    expect(formatExact(90)).toBe("90,0000");
    expect(formatExact(89.995)).toBe("89,9950");
  });

  it("shows quantities, coefficients and ratios", () => {
    expect(formatQuantity(12)).toBe("12");
    expect(formatQuantity(1.5)).toBe("1,5");
    expect(formatQuantity(1 / 3)).toBe("0,3333");
    expect(formatRatio(0.9375)).toMatch(/^93,75\s?%$/);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([12, 4, 6, 10])).toBe(8);
  });
});
