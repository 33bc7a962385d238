import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DIVISION_HEADER_ROW, median, renderDivisionXlsx } from "./division-xlsx.ts";
import { divisionSummary, headMau01, staffMau01 } from "./fixtures.ts";
import { periodLabel, vietnameseDate } from "./format.ts";
import { renderMau01Docx } from "./mau01-docx.ts";
import { renderMau01Pdf } from "./mau01-pdf.ts";

/** word/document.xml of a DOCX, and its visible text (runs joined per paragraph). */
function docxText(file: Buffer): { xml: string; text: string } {
  const xml = strFromU8(unzipSync(new Uint8Array(file))["word/document.xml"]!);
  const text = xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n");
  return { xml, text };
}

const hasPoppler = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function pdfText(file: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "mau01-"));
  writeFileSync(join(dir, "f.pdf"), file);
  return execFileSync("pdftotext", ["-layout", join(dir, "f.pdf"), "-"], { encoding: "utf8" });
}

describe("Vietnamese dates and periods (Decree 30/2020)", () => {
  it("pads days below 10 and months 1–2, leaves blanks without a date", () => {
    expect(vietnameseDate("2026-03-05")).toBe("ngày 05 tháng 3 năm 2026");
    expect(vietnameseDate("2026-02-14")).toBe("ngày 14 tháng 02 năm 2026");
    expect(vietnameseDate("2026-11-30T08:00:00Z")).toBe("ngày 30 tháng 11 năm 2026");
    expect(vietnameseDate(null)).toBe("ngày … tháng … năm …");
    expect(periodLabel({ kind: "quarter", year: 2026, number: 2 })).toBe("Quý II năm 2026");
  });
});

describe("Mẫu 01 as DOCX", () => {
  it("carries the Decree 30 header, the form's sections, the stored numbers and the signatures", async () => {
    const { xml, text } = docxText(await renderMau01Docx(staffMau01));
    expect(xml).toContain('w:ascii="Times New Roman"');
    for (const expected of [
      "UBND TỈNH THANH HÓA",
      "UBND XÃ NGUYỆT AN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "PHIẾU THEO DÕI, ĐÁNH GIÁ CÔNG CHỨC",
      "Tháng 3 năm 2026",
      "Họ và tên: Nguyễn Văn Đức (mã NA-12)",
      "Vị trí việc làm: Tài chính – Kế toán",
      "I. TIÊU CHÍ CHUNG (tối đa 30 điểm)",
      "Ý thức kỷ luật, kỷ cương trong thực thi công vụ",
      "II. TIÊU CHÍ VỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ (tối đa 70 điểm)",
      "Lập dự toán thu, chi ngân sách xã; theo dõi, đôn đốc thu ngân sách",
      "Tham gia đoàn kiểm tra đột xuất của Ủy ban nhân dân xã (phát sinh)",
      "NGƯỜI TỰ ĐÁNH GIÁ",
      "NGƯỜI ĐÁNH GIÁ",
      "Nguyệt An, ngày 25 tháng 3 năm 2026",
      "Nguyệt An, ngày 28 tháng 3 năm 2026",
      "Trần Quốc Hùng",
      "Đồng chí Đức hoàn thành tốt nhiệm vụ",
    ]) {
      expect(text).toContain(expected);
    }
    // The motto is underlined; the sub-criterion I.2 shows self 4,50 and confirmed 4,00.
    expect(xml).toMatch(/<w:u w:val="single"\/>.*?Độc lập - Tự do - Hạnh phúc/s);
    const lines = text.split("\n");
    const i2 = lines.indexOf("Ý thức kỷ luật, kỷ cương trong thực thi công vụ");
    expect(lines.slice(i2 + 1, i2 + 4)).toEqual(["5,00", "4,50", "4,00"]);
    // Totals as the stored result says: general 26, A = 30, a 86,67%, task points 57,17, total 83,17.
    const after = (label: string, n = 1) => lines.slice(lines.indexOf(label) + 1, lines.indexOf(label) + 1 + n);
    expect(after("Cộng tiêu chí chung", 3)).toEqual(["30,00", "27,00", "26,00"]);
    expect(after("Tổng khối lượng sản phẩm quy đổi được giao (A)")).toEqual(["30,00"]);
    expect(after("a) Số lượng = khối lượng quy đổi hoàn thành ÷ A")).toEqual(["86,67%"]);
    expect(after("Điểm kết quả thực hiện nhiệm vụ (tối đa 70 điểm)")).toEqual(["57,17"]);
    expect(after("Tổng điểm (I + II)")).toEqual(["83,17"]);
    expect(after("Cộng", 3)).toEqual(["26,00", "23,50", "24,00"]);
    expect(text).not.toContain("d) Kết quả hoạt động");
    expect(text).not.toContain("tạm tính");
  });

  it("adds d, đ (with its reason) and e for a head, and marks an unconfirmed form provisional", async () => {
    const { text } = docxText(await renderMau01Docx(headMau01));
    const lines = text.split("\n");
    const after = (label: string) => lines[lines.indexOf(label) + 1];
    expect(after("d) Kết quả hoạt động của cơ quan, tổ chức, đơn vị")).toBe("50,00%");
    expect(
      after("đ) Khả năng tổ chức triển khai thực hiện nhiệm vụ — Lý do: Chậm tiến độ kéo dài ở nhiệm vụ quyết toán"),
    ).toBe("50,00%");
    expect(after("e) Năng lực tập hợp, đoàn kết công chức")).toBe("100,00%");
    expect(after("Tỷ lệ thực hiện nhiệm vụ = (a + b + c + d + đ + e) ÷ 6")).toBe("74,17%");
    expect(after("Tổng điểm (I + II)")).toBe("77,92");
    expect(text).toContain("Phiếu chưa được người đánh giá xác nhận: số liệu tạm tính.");
    expect(text).toContain("Nguyệt An, ngày … tháng … năm …");
  });

  it("says why there is no score when nothing was assigned", async () => {
    const { text } = docxText(await renderMau01Docx({ ...staffMau01, lines: [], result: null, confirmedScores: null }));
    expect(text).toContain("Không có sản phẩm, công việc được giao trong kỳ.");
    expect(text).toContain("Chưa tính được điểm: trong kỳ chưa được giao sản phẩm, công việc theo kế hoạch.");
    const lines = text.split("\n");
    expect(lines[lines.indexOf("Tổng điểm (I + II)") + 1]).toBe("–");
  });
});

describe("Mẫu 01 as PDF", () => {
  it("embeds Liberation Serif and renders A4 pages", async () => {
    const file = await renderMau01Pdf(staffMau01);
    expect(file.subarray(0, 5).toString()).toBe("%PDF-");
    const raw = file.toString("latin1");
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/LiberationSerif-Bold/);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it.skipIf(!hasPoppler)("has the same Vietnamese text and numbers as the DOCX", async () => {
    const text = pdfText(await renderMau01Pdf(headMau01)).replace(/[ \t]+/g, " ");
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "PHIẾU THEO DÕI, ĐÁNH GIÁ CÔNG CHỨC",
      "Họ và tên: Trần Quốc Hùng (mã NA-10)",
      "Ý thức kỷ luật, kỷ cương trong thực thi công vụ 5,00 4,50 4,00",
      "Tổng khối lượng sản phẩm quy đổi được giao (A) 30,00",
      "e) Năng lực tập hợp, đoàn kết công chức 100,00%",
      "Tổng điểm (I + II) 77,92",
      "NGƯỜI TỰ ĐÁNH GIÁ",
      "NGƯỜI ĐÁNH GIÁ",
      "Lê Văn Thành",
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe("division summary XLSX", () => {
  it("writes one row per person, totals and medians, a frozen header and vi-VN number formats", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderDivisionXlsx(divisionSummary)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Tổng hợp")!;
    expect(sheet.getCell(1, 1).value).toBe("BẢNG TỔNG HỢP KẾT QUẢ THEO DÕI, ĐÁNH GIÁ CÔNG CHỨC — THÁNG 3 NĂM 2026");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: DIVISION_HEADER_ROW });
    const header = sheet.getRow(DIVISION_HEADER_ROW).values as unknown[];
    expect(header.slice(1)).toEqual([
      "Mã công chức",
      "Họ và tên",
      "Vị trí việc làm",
      "Khối lượng quy đổi được giao (A)",
      "Khối lượng quy đổi hoàn thành",
      "a) Số lượng",
      "b) Chất lượng",
      "c) Tiến độ",
      "Điểm nhiệm vụ",
      "Điểm tiêu chí chung",
      "Tổng điểm",
      "Trạng thái",
    ]);
    const row = (n: number) => (sheet.getRow(DIVISION_HEADER_ROW + n).values as unknown[]).slice(1);
    expect(row(2)).toEqual([
      "NA-12",
      "Nguyễn Văn Đức",
      "Tài chính – Kế toán",
      30,
      26,
      26 / 30,
      23.5 / 30,
      0.8,
      57.166667,
      25,
      82.166667,
      "Đã xác nhận",
    ]);
    expect(row(4).at(-1)).toBe("Chưa có phiếu");
    expect(
      row(4)
        .slice(3, 11)
        .every((v) => v === undefined),
    ).toBe(true);
    expect(row(5).slice(0, 5)).toEqual(["Tổng cộng (4 người)", undefined, undefined, 90.25, 74.5]);
    expect(row(6)[0]).toBe("Trung vị");
    expect(row(6)[10]).toBe(82.166667);
    expect(row(6)[9]).toBe(25);
    expect(sheet.getRow(DIVISION_HEADER_ROW + 1).getCell(6).numFmt).toBe("0.00%");
    expect(sheet.getRow(DIVISION_HEADER_ROW + 1).getCell(11).numFmt).toBe("#,##0.00");
  });

  it("takes the median of the middle pair for an even count and none of nothing", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([70])).toBe(70);
    expect(median([])).toBeNull();
  });
});
