import { describe, expect, it } from "vitest";
import { exactDecimal } from "./exact.ts";

describe("exactDecimal", () => {
  it("writes a fraction with six decimals, marking a remainder", () => {
    expect(exactDecimal("1009481/12")).toBe("84123,416666…");
    expect(exactDecimal("17999/200")).toBe("89,995000");
  });

  it("truncates rather than rounds, so just under 90 never reads 90", () => {
    expect(exactDecimal("899999999/10000000", 2)).toBe("89,99…");
  });

  it("accepts integers and refuses garbage", () => {
    expect(exactDecimal("85")).toBe("85,000000");
    expect(exactDecimal("1/0")).toBeNull();
    expect(exactDecimal("abc")).toBeNull();
    expect(exactDecimal(null)).toBeNull();
  });
});

describe("exactDecimal for display", () => {
  it("cuts to 2 decimals without the remainder mark", () => {
    expect(exactDecimal("17999/200", 2, false)).toBe("89,99");
    expect(exactDecimal("2103/25", 2, false)).toBe("84,12");
  });
});
