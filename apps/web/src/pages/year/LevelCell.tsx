import type { ClassificationRow } from "@thuocdo/contract";
import { Space, Tag, Tooltip } from "antd";
import { LevelTag } from "../../components/ScoreValue.tsx";
import { t } from "../../i18n/index.ts";
import { formatScore } from "../../lib/score.ts";
import { exactDecimal } from "./exact.ts";
import { DecisiveReason } from "./LevelReasons.tsx";

/**
 * The annual average with 2 decimals, cut from the exact fraction (89,995 shows 89,99, never 90,00
 * beside "good"); the tooltip has 6 decimals and the fraction itself.
 */
export function AverageValue({ row }: { row: Pick<ClassificationRow, "average" | "averageExact"> }) {
  if (row.average === null) return <span>{t("common.none")}</span>;
  const exact = exactDecimal(row.averageExact);
  return (
    <Tooltip
      title={t("yearList.exactAverage", { value: exact ?? formatScore(row.average), fraction: row.averageExact ?? "" })}
    >
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the tooltip with the exact value must be reachable by keyboard */}
      <span className="score-value" tabIndex={0} data-exact={row.averageExact ?? row.average} data-testid="average">
        {exactDecimal(row.averageExact, 2, false) ?? formatScore(row.average)}
      </span>
    </Tooltip>
  );
}

/** Proposed level (or the tie waiting for the head), the quota outcome, and the decisive reason. */
export function ProposedLevel({ row }: { row: ClassificationRow }) {
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        {row.proposedLevel ? (
          <LevelTag level={row.proposedLevel} />
        ) : (
          <Tag color="orange">{t("yearList.tiePending")}</Tag>
        )}
        {row.quotaOutcome && row.quotaOutcome !== "kept" && (
          <Tag color={row.quotaOutcome.startsWith("cut") ? "volcano" : "purple"}>
            {t(`quotaOutcomes.${row.quotaOutcome}`)}
          </Tag>
        )}
      </Space>
      <DecisiveReason reasons={row.reasons} />
    </Space>
  );
}
