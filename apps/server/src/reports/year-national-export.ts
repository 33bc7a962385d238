/**
 * Records for the National Database on Cadres, Civil Servants and Public Employees (Decree 335
 * Art. 26.1.d). No national schema is published (decree-335.md §6.5), so this is ours, versioned
 * and documented in docs/national-export.md; CSV and JSON carry the same fields.
 */
export const NATIONAL_SCHEMA_VERSION = "thuocdo-national-1";

export interface MonthlyRecord {
  agency_code: string;
  agency_name: string;
  employee_code: string;
  full_name: string;
  year: number;
  period_kind: "month" | "quarter";
  period_number: number;
  status: string;
  total_score: string;
  rule_set_version: string;
}

export interface AnnualRecord {
  agency_code: string;
  agency_name: string;
  employee_code: string;
  full_name: string;
  year: number;
  months_counted: number;
  average_score: string;
  level: string;
  decision_number: string;
  decision_date: string;
  rule_set_version: string;
}

export const monthlyFields: (keyof MonthlyRecord)[] = [
  "agency_code",
  "agency_name",
  "employee_code",
  "full_name",
  "year",
  "period_kind",
  "period_number",
  "status",
  "total_score",
  "rule_set_version",
];

export const annualFields: (keyof AnnualRecord)[] = [
  "agency_code",
  "agency_name",
  "employee_code",
  "full_name",
  "year",
  "months_counted",
  "average_score",
  "level",
  "decision_number",
  "decision_date",
  "rule_set_version",
];

/** RFC 4180: quote when needed, double the quotes; CRLF line ends; UTF-8 with BOM for Excel. */
function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<T extends object>(fields: (keyof T)[], rows: T[]): string {
  const lines = [fields.join(","), ...rows.map((r) => fields.map((f) => csvCell(r[f] as string | number)).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function toJson<T>(kind: "monthly" | "annual", generatedAt: string, rows: T[]): string {
  return JSON.stringify({ schema: NATIONAL_SCHEMA_VERSION, kind, generatedAt, records: rows }, null, 2);
}
