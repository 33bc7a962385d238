import type { LevelReasonJson, PersonRecord } from "@thuocdo/contract";
import { describe, expect, it } from "vitest";
import { moveItem } from "./moveItem.ts";
import { articleVi, reasonText } from "./reasons.ts";

const record = {
  id: "r1",
  documentNumber: "12/QĐ-UBND",
  documentDate: "2026-03-04",
} as PersonRecord;

describe("reasonText: why a level is what it is, in Vietnamese", () => {
  it("states the threshold reached, cut to 2 decimals so 89,995 never reads 90", () => {
    const r = { rule: "threshold", article: "Art. 20.1–20.4.a", level: "good", score: 89.995, threshold: 70 };
    expect(reasonText(r as LevelReasonJson)).toBe("Điểm bình quân 89,99 ≥ 70,00: Hoàn thành tốt nhiệm vụ");
    const exact = { rule: "threshold", article: "Art. 20.1–20.4.a", level: "good", score: 84.12, threshold: 70 };
    expect(reasonText(exact as LevelReasonJson)).toContain("84,12");
  });

  it("says why a person is unclassified", () => {
    const few = {
      rule: "unclassified",
      article: "Art. 11.1",
      cause: "months_worked_below_min",
      monthsWorked: 4,
      min: 6,
    };
    expect(reasonText(few as LevelReasonJson)).toBe("Không xếp loại: làm việc 4 tháng, dưới 6 tháng trong năm");
  });

  it("names the deciding document of a forcing record", () => {
    const r = { rule: "discipline", article: "Art. 11.3, 20.4.c", form: "khien_trach", recordId: "r1" };
    expect(reasonText(r as LevelReasonJson, [record])).toBe(
      "Không hoàn thành nhiệm vụ do bị kỷ luật Khiển trách theo văn bản số 12/QĐ-UBND ngày 04/03/2026",
    );
  });

  it("explains a quota cut with the rank and the seats", () => {
    const r = { rule: "quota_cut", article: "Art. 20.5, 8.5", rank: 3, allowed: 1 };
    expect(reasonText(r as LevelReasonJson)).toContain("xếp thứ 3, chỉ 1 người được giữ");
  });

  it("cites articles in Vietnamese", () => {
    expect(articleVi("Art. 20.5, 8.5")).toBe("Điều 20.5, 8.5");
    expect(articleVi("Art. 11.3, 20.4.c")).toBe("Điều 11.3, 20.4.c");
  });
});

describe("moveItem: the head's order of tied candidates", () => {
  it("moves up, down and by drag, keeping everyone once", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 9)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
});
