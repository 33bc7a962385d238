import type { FrameworkIssue } from "@thuocdo/contract";
import { t } from "../../i18n/index.ts";
import { formatScore } from "../../lib/score.ts";

const num = (v: number | string | undefined) => (typeof v === "number" ? formatScore(v) : String(v ?? ""));

/** One structural problem of a criteria tree as a Vietnamese sentence. */
export function issueText(issue: FrameworkIssue, codeOf: (id: string) => string | undefined): string {
  const code = issue.criterionId ? (codeOf(issue.criterionId) ?? String(issue.details.code ?? "")) : "";
  const d = issue.details;
  switch (issue.code) {
    case "children_max_mismatch":
      return t("agencyIssues.children_max_mismatch", { code, max: num(d.max), sum: num(d.childrenSum) });
    case "base_total_not_100":
      return t("agencyIssues.base_total_not_100", { total: num(d.total), expected: num(d.expected ?? 100) });
    default:
      return t(`agencyIssues.${issue.code}`, { code });
  }
}
