/**
 * A table as CSV that Excel opens with Vietnamese letters intact: UTF-8 with a byte-order mark,
 * comma-separated, every field quoted when it must be. Used for the lists that have no server-side
 * XLSX export (a filtered view of data already on screen).
 */
export type CsvCell = string | number | boolean | null | undefined;

const needsQuotes = /[",\r\n]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? formatCsvNumber(value) : String(value);
  // A leading = + - @ would run as a formula in Excel (CSV injection): keep it text.
  const safe = /^[=+\-@]/.test(text) && typeof value !== "number" ? `'${text}` : text;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Numbers keep a dot decimal separator, which every spreadsheet reads as a number. */
function formatCsvNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
