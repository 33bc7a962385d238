import { levelNames } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import ExcelJS from "exceljs";
import { shortDate } from "./format.ts";

/**
 * The year's spreadsheets: the agency's classification table (one row per civil servant: 12
 * months, average, level before and after the quota, reason) and the province-wide summary (one
 * row per agency: counts per level). Numbers are the core's, rounded to two decimals for display.
 */

const FONT = "Times New Roman";
export const YEAR_HEADER_ROW = 4;

function titled(sheet: ExcelJS.Worksheet, width: number, title: string, subtitle: string) {
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { name: FONT, size: 14, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: "center" };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = subtitle;
  sheet.getCell(2, 1).font = { name: FONT, size: 12, italic: true };
  sheet.getCell(2, 1).alignment = { horizontal: "center" };
}

function header(sheet: ExcelJS.Worksheet, labels: string[]) {
  const row = sheet.getRow(YEAR_HEADER_ROW);
  row.values = labels;
  row.font = { name: FONT, size: 12, bold: true };
  row.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  row.height = 40;
  sheet.autoFilter = { from: { row: YEAR_HEADER_ROW, column: 1 }, to: { row: YEAR_HEADER_ROW, column: labels.length } };
}

const newBook = () => {
  const book = new ExcelJS.Workbook();
  book.creator = "Thước Đo";
  return book;
};

export interface ClassificationTableData {
  agencyName: string;
  year: number;
  generatedOn: string;
  ruleSetVersion: string;
  rows: {
    fullName: string;
    employeeCode: string | null;
    unitName: string;
    quotaGroupName: string | null;
    months: (number | null)[];
    average: number | null;
    yearLevel: Level;
    level: Level | null;
    reason: string;
  }[];
}

export async function renderClassificationXlsx(data: ClassificationTableData): Promise<Buffer> {
  const book = newBook();
  const labels = [
    "STT",
    "Họ và tên",
    "Mã",
    "Đơn vị",
    "Nhóm tính tỷ lệ",
    ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
    "Điểm trung bình",
    "Mức theo điểm và điều kiện",
    "Mức xếp loại (sau tỷ lệ)",
    "Căn cứ",
  ];
  const sheet = book.addWorksheet("Xếp loại", {
    views: [{ state: "frozen", ySplit: YEAR_HEADER_ROW, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = labels.map((_, i) => ({ width: i === 1 || i === 3 ? 28 : i >= 5 && i < 17 ? 7 : i > 17 ? 26 : 12 }));
  titled(
    sheet,
    labels.length,
    `BẢNG XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC NĂM ${data.year}`,
    `${data.agencyName} — lập ngày ${shortDate(data.generatedOn)} — bộ quy tắc ${data.ruleSetVersion}`,
  );
  header(sheet, labels);
  data.rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.fullName,
      r.employeeCode,
      r.unitName,
      r.quotaGroupName,
      ...r.months,
      r.average,
      levelNames[r.yearLevel],
      r.level ? levelNames[r.level] : "Chờ người đứng đầu quyết định",
      r.reason,
    ]);
  });
  for (let c = 6; c <= 18; c++) sheet.getColumn(c).numFmt = "0.00";
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface ProvinceSummaryData {
  year: number;
  scopeName: string;
  generatedOn: string;
  rows: {
    agencyName: string;
    status: string;
    people: number;
    counts: Record<string, number>;
    source: "decision" | "live";
  }[];
}

const levelOrder: Level[] = ["excellent", "good", "completed", "not_completed", "unclassified"];
const statusNames: Record<string, string> = {
  not_opened: "Chưa mở",
  open: "Đang xếp loại",
  proposed: "Đã đề xuất",
  decided: "Đã quyết định",
  published: "Đã công khai",
};

export async function renderProvinceSummaryXlsx(data: ProvinceSummaryData): Promise<Buffer> {
  const book = newBook();
  const labels = [
    "STT",
    "Cơ quan",
    "Trạng thái",
    "Số công chức",
    ...levelOrder.map((l) => levelNames[l]),
    "Nguồn số liệu",
  ];
  const sheet = book.addWorksheet("Tổng hợp", { views: [{ state: "frozen", ySplit: YEAR_HEADER_ROW, xSplit: 2 }] });
  sheet.columns = labels.map((_, i) => ({ width: i === 1 ? 36 : i >= 4 ? 16 : 14 }));
  titled(
    sheet,
    labels.length,
    `TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC NĂM ${data.year}`,
    `${data.scopeName} — lập ngày ${shortDate(data.generatedOn)}`,
  );
  header(sheet, labels);
  data.rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.agencyName,
      statusNames[r.status] ?? r.status,
      r.people,
      ...levelOrder.map((l) => r.counts[l] ?? 0),
      r.source === "decision" ? "Theo quyết định" : "Tạm tính",
    ]);
  });
  const total = sheet.addRow([
    "",
    "Tổng cộng",
    "",
    data.rows.reduce((n, r) => n + r.people, 0),
    ...levelOrder.map((l) => data.rows.reduce((n, r) => n + (r.counts[l] ?? 0), 0)),
    "",
  ]);
  total.font = { name: FONT, bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
