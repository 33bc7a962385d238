import type { LevelReasonJson, PersonRecord } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { formatDate, t } from "../../i18n/index.ts";
import { formatScore } from "../../lib/score.ts";

/** The core cites articles in English ("Art. 20.5, 8.5"); screens say "Điều 20.5, 8.5". */
export function articleVi(article: string): string {
  return article.replace(/\bArt\.\s*/g, "Điều ");
}

/**
 * A score against a threshold, cut (never rounded up) to 2 decimals: an average of 89,995 is
 * good and must not read "90,00" beside it. The tiny epsilon keeps 84,12 (8411,9999… in binary) whole.
 */
function truncatedScore(value: number): string {
  return formatScore(Math.floor(value * 100 + 1e-7) / 100);
}

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const level = (v: unknown): string => (typeof v === "string" ? t(`levels.${v as Level}`) : "");

/**
 * One reason of a level as a Vietnamese sentence with its article: the threshold reached, why a
 * person is unclassified, the record that forced not completed, the head's cap, the quota cut or a
 * tie waiting for the head. `records` (when known) name the deciding document.
 */
export function reasonText(reason: LevelReasonJson, records: readonly PersonRecord[] = []): string {
  const r = reason as Record<string, unknown>;
  const record = reason.recordId ? records.find((x) => x.id === reason.recordId) : undefined;
  const doc = record
    ? ` ${t("reasons.byDocument", { number: record.documentNumber, date: formatDate(record.documentDate) })}`
    : "";
  switch (reason.rule) {
    case "threshold": {
      const score = num(r.score);
      const threshold = num(r.threshold);
      const base = { score: score === null ? "" : truncatedScore(score), level: level(r.level) };
      return threshold === null
        ? t("reasons.thresholdBelow", base)
        : t("reasons.threshold", { ...base, threshold: formatScore(threshold) });
    }
    case "unclassified":
      return r.cause === "no_months_counted"
        ? t("reasons.noMonths")
        : t("reasons.fewMonths", { worked: num(r.monthsWorked) ?? 0, min: num(r.min) ?? 6 });
    case "discipline":
      return (
        t("reasons.discipline", {
          form: typeof r.form === "string" ? t(`disciplineForms.${r.form as "khien_trach"}`) : "",
        }) + doc
      );
    case "degradation":
      return t("reasons.degradation") + doc;
    case "corruption_in_unit":
      return t("reasons.corruption") + doc;
    case "head_cap":
      return t("reasons.headCap", { agencyLevel: level(r.agencyLevel) });
    case "quota_cut":
      return t("reasons.quotaCut", { rank: num(r.rank) ?? 0, allowed: num(r.allowed) ?? 0 });
    case "tie_pending":
      return t("reasons.tiePending");
    case "conditions":
      return t("reasons.conditions");
  }
}
