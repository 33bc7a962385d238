import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv.ts";

describe("csv", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvField('Sở "Nội vụ", tỉnh')).toBe('"Sở ""Nội vụ"", tỉnh"');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField(null)).toBe("");
  });

  it("keeps numbers numeric and defuses formulas", () => {
    expect(csvField(84.125)).toBe("84.125");
    expect(csvField(1 / 3)).toBe("0.333333");
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(-5)).toBe("-5");
  });

  it("starts with a byte-order mark so Excel reads UTF-8", () => {
    const csv = toCsv(["Cơ quan", "Điểm"], [["UBND xã Nguyệt An", 91.5]]);
    expect(csv).toBe("\uFEFFCơ quan,Điểm\r\nUBND xã Nguyệt An,91.5\r\n");
  });
});
