import ExcelJS from "exceljs";

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One-sheet workbook with a bold, frozen header row — the shape every list export takes. */
export async function writeSheet<T>(
  sheetName: string,
  columns: SheetColumn<T>[],
  rows: T[],
  notes: string[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Thước Đo";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  if (notes.length > 0) {
    const help = workbook.addWorksheet("Hướng dẫn");
    help.getColumn(1).width = 110;
    for (const note of notes) help.addRow([note]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Plain text of a cell, whatever Excel stored (rich text, hyperlink, formula result, number, date). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("text" in value) return String(value.text).trim();
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return "";
}

/**
 * Reads the first sheet as rows of text keyed by header. Row numbers are
 * Excel's, so an error can say "dòng 7" and the user finds it.
 */
export async function readSheet(
  buffer: Buffer,
): Promise<{ headers: string[]; rows: { row: number; cells: Record<string, string> }[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value);
  });
  const rows: { row: number; cells: Record<string, string> }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) cells[h] = cellText(row.getCell(i + 1).value);
    });
    if (Object.values(cells).some((v) => v !== "")) rows.push({ row: number, cells });
  });
  return { headers, rows };
}
