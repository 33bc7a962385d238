import type { FieldIssue, ImportRowIssue } from "@thuocdo/contract";
import { t } from "../i18n/index.ts";
import { ApiError } from "./client.ts";

/**
 * The Vietnamese sentence to show for any thrown value. API codes map to the
 * catalogue; a code the catalogue does not know falls back to the server's
 * own (Vietnamese) message, then to a generic line with the status.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "UNKNOWN") return error.message || t("errors.UNKNOWN", { status: error.status });
    return t(`errors.${error.code}`);
  }
  return t("errors.INTERNAL");
}

export function isApiError(error: unknown, code?: ApiError["code"]): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function isFieldIssue(x: unknown): x is FieldIssue {
  if (!x || typeof x !== "object") return false;
  const { path, message } = x as Record<string, unknown>;
  return (
    Array.isArray(path) &&
    path.every((p) => typeof p === "string" || typeof p === "number") &&
    typeof message === "string"
  );
}

/** VALIDATION_FAILED issues as AntD `form.setFields` entries; other errors give none. */
export function fieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!isApiError(error, "VALIDATION_FAILED")) return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues.filter(isFieldIssue)) {
    if (issue.path.length === 0) continue;
    const key = JSON.stringify(issue.path);
    const entry = byField.get(key) ?? { name: issue.path, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/** IMPORT_INVALID rows sorted by row then column, for the bad-rows table. */
export function importIssues(error: unknown): ImportRowIssue[] {
  if (!isApiError(error, "IMPORT_INVALID")) return [];
  const rows = (error.details as { rows?: unknown } | undefined)?.rows;
  if (!Array.isArray(rows)) return [];
  return rows
    .filter(
      (r): r is ImportRowIssue =>
        !!r &&
        typeof r === "object" &&
        typeof (r as ImportRowIssue).row === "number" &&
        typeof (r as ImportRowIssue).message === "string",
    )
    .map((r) => ({ row: r.row, column: typeof r.column === "string" ? r.column : null, message: r.message }))
    .sort((a, b) => a.row - b.row || (a.column ?? "").localeCompare(b.column ?? ""));
}
