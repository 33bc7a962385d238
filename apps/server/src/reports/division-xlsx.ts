import ExcelJS from "exceljs";
import { type PeriodRef, periodLabel, shortDate } from "./format.ts";

/**
 * Bảng tổng hợp kết quả theo dõi, đánh giá of one unit for one period: one row per person with
 * the stored results (the core's output), then a totals row and a median row. Number formats
 * are Excel codes, which Excel shows with the reader's separators (1.234,56 in vi-VN).
 */

export type SummaryStatus = "missing" | "draft" | "submitted" | "confirmed" | "head_confirmed";

export const summaryStatusLabels: Record<SummaryStatus, string> = {
  missing: "Chưa có phiếu",
  draft: "Đang thực hiện",
  submitted: "Đã tự đánh giá",
  confirmed: "Đã xác nhận",
  head_confirmed: "Thủ trưởng đã xác nhận",
};

export interface DivisionSummaryRow {
  employeeCode: string;
  fullName: string;
  positionName: string;
  /** Null where the period has no score yet (no evaluation, or nothing assigned). */
  assignedTotal: number | null;
  convertedCompleted: number | null;
  a: number | null;
  b: number | null;
  c: number | null;
  taskPoints: number | null;
  general: number | null;
  total: number | null;
  status: SummaryStatus;
}

export interface DivisionSummaryData {
  agencyName: string;
  unitName: string;
  period: PeriodRef;
  /** ISO date the file was made, printed under the title. */
  generatedOn: string;
  rows: DivisionSummaryRow[];
}

type NumericKey = "assignedTotal" | "convertedCompleted" | "a" | "b" | "c" | "taskPoints" | "general" | "total";

interface Column {
  header: string;
  width: number;
  key: keyof DivisionSummaryRow;
  format?: string;
  /** How the totals row aggregates this column: sum, or nothing. */
  sum?: boolean;
}

const POINTS = "#,##0.00";
const PERCENT = "0.00%";

const columns: Column[] = [
  { header: "Mã công chức", width: 13, key: "employeeCode" },
  { header: "Họ và tên", width: 26, key: "fullName" },
  { header: "Vị trí việc làm", width: 30, key: "positionName" },
  { header: "Khối lượng quy đổi được giao (A)", width: 14, key: "assignedTotal", format: POINTS, sum: true },
  { header: "Khối lượng quy đổi hoàn thành", width: 14, key: "convertedCompleted", format: POINTS, sum: true },
  { header: "a) Số lượng", width: 11, key: "a", format: PERCENT },
  { header: "b) Chất lượng", width: 11, key: "b", format: PERCENT },
  { header: "c) Tiến độ", width: 11, key: "c", format: PERCENT },
  { header: "Điểm nhiệm vụ", width: 11, key: "taskPoints", format: POINTS },
  { header: "Điểm tiêu chí chung", width: 11, key: "general", format: POINTS },
  { header: "Tổng điểm", width: 11, key: "total", format: POINTS },
  { header: "Trạng thái", width: 20, key: "status" },
];

export const DIVISION_HEADER_ROW = 4;

/** The middle value (mean of the two middle ones for an even count); null for none. A statistic, not a score. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const present = (rows: DivisionSummaryRow[], key: NumericKey) =>
  rows.flatMap((r) => (r[key] === null ? [] : [r[key] as number]));

/** Sums converted quantities at the 4 decimals they are stored with, so float noise never shows. */
const sum = (values: number[]) => Math.round(values.reduce((acc, v) => acc + v * 10_000, 0)) / 10_000;

/** The division summary workbook: title, header (frozen, filterable), one row per person, totals and median. */
export async function renderDivisionXlsx(data: DivisionSummaryData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Thước Đo";
  const sheet = workbook.addWorksheet("Tổng hợp", {
    views: [{ state: "frozen", ySplit: DIVISION_HEADER_ROW, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const last = columns.length;

  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(1, 1).value =
    `BẢNG TỔNG HỢP KẾT QUẢ THEO DÕI, ĐÁNH GIÁ CÔNG CHỨC — ${periodLabel(data.period).toUpperCase()}`;
  sheet.getCell(1, 1).font = { name: "Times New Roman", size: 14, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: "center" };
  sheet.mergeCells(2, 1, 2, last);
  sheet.getCell(2, 1).value = `${data.unitName} — ${data.agencyName} — lập ngày ${shortDate(data.generatedOn)}`;
  sheet.getCell(2, 1).font = { name: "Times New Roman", size: 12, italic: true };
  sheet.getCell(2, 1).alignment = { horizontal: "center" };

  const header = sheet.getRow(DIVISION_HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { name: "Times New Roman", size: 12, bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  header.height = 48;

  for (const row of data.rows) {
    sheet.addRow(columns.map((c) => (c.key === "status" ? summaryStatusLabels[row.status] : row[c.key])));
  }
  const totals = sheet.addRow(
    columns.map((c, i) => {
      if (i === 0) return `Tổng cộng (${data.rows.length} người)`;
      return c.sum ? sum(present(data.rows, c.key as NumericKey)) : null;
    }),
  );
  const medians = sheet.addRow(
    columns.map((c, i) => {
      if (i === 0) return "Trung vị";
      return c.format ? median(present(data.rows, c.key as NumericKey)) : null;
    }),
  );
  for (const row of [totals, medians]) row.font = { name: "Times New Roman", size: 12, bold: true };

  columns.forEach((c, i) => {
    if (c.format) sheet.getColumn(i + 1).numFmt = c.format;
  });
  for (let r = DIVISION_HEADER_ROW; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (r > DIVISION_HEADER_ROW && !row.font?.bold) row.font = { name: "Times New Roman", size: 12 };
    for (let c = 1; c <= last; c++) {
      row.getCell(c).border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    }
  }
  sheet.autoFilter = {
    from: { row: DIVISION_HEADER_ROW, column: 1 },
    to: { row: DIVISION_HEADER_ROW + data.rows.length, column: last },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
