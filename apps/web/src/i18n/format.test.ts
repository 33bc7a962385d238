import { describe, expect, it } from "vitest";
import { fold, formatBytes, formatDate, formatDateTime, formatMessage, formatNumber, t } from "./index.ts";

describe("formatMessage", () => {
  it("fills named placeholders and formats numbers the Vietnamese way", () => {
    expect(formatMessage("Xin chào, {name}!", { name: "Lan" })).toBe("Xin chào, Lan!");
    expect(formatMessage("Tổng: {n}", { n: 1234567.5 })).toBe("Tổng: 1.234.567,5");
  });

  it("leaves missing parameters empty and unknown braces alone", () => {
    expect(formatMessage("A{x}B")).toBe("AB");
    expect(formatMessage("mở { không đóng")).toBe("mở { không đóng");
  });

  it("supports the ICU plural subset with =N and #", () => {
    const tpl = "{count, plural, =0 {Không có lỗi} other {Có # lỗi trong {file}}}";
    expect(formatMessage(tpl, { count: 0, file: "a.xlsx" })).toBe("Không có lỗi");
    expect(formatMessage(tpl, { count: 1200, file: "a.xlsx" })).toBe("Có 1.200 lỗi trong a.xlsx");
  });
});

describe("t", () => {
  it("returns catalogue text with correct diacritics", () => {
    expect(t("org.addUnit")).toBe("Thêm đơn vị trực thuộc");
    expect(t("roles.hr")).toBe("Tổ chức cán bộ");
    expect(t("home.greeting", { name: "Nguyễn Văn A" })).toBe("Xin chào, Nguyễn Văn A!");
  });

  it("has a message for every API error code", () => {
    expect(t("errors.CONFLICT")).toMatch(/tải lại/);
    expect(t("errors.UNKNOWN", { status: 502 })).toContain("502");
  });
});

describe("dates and numbers", () => {
  it("shows dates as dd/mm/yyyy in Vietnam time", () => {
    // 17:30 UTC on 31/12 is already 01/01 in Hà Nội (UTC+7).
    expect(formatDate("2025-12-31T17:30:00Z")).toBe("01/01/2026");
    expect(formatDateTime("2025-12-31T17:30:00Z")).toBe("01/01/2026 00:30");
    expect(formatDate("2026-05-31")).toBe("31/05/2026");
    expect(formatDate(null)).toBe("");
    expect(formatDate("không phải ngày")).toBe("");
  });

  it("formats numbers and sizes with vi-VN separators", () => {
    expect(formatNumber(10000)).toBe("10.000");
    expect(formatNumber(89.99)).toBe("89,99");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5 MB");
    expect(formatBytes(1536 * 1024)).toBe("1,5 MB");
  });

  it("folds Vietnamese text for diacritic-insensitive search", () => {
    expect(fold("UBND xã Nguyệt An")).toBe("ubnd xa nguyet an");
    expect(fold("Đặng Thị Ánh")).toBe("dang thi anh");
  });
});
