import type { Level } from "@thuocdo/core";
import { Tag, Tooltip } from "antd";
import { t } from "../i18n/index.ts";
import { formatExact, formatRatio, formatScore } from "../lib/score.ts";

/**
 * A score as people read it (84,12), with the exact value from the API (84,123457) in a tooltip
 * that a keyboard can reach too. `data-exact` carries the raw number for tests and copy-paste.
 */
export function ScoreValue({ value, ratio = false }: { value: number | null | undefined; ratio?: boolean }) {
  if (value === null || value === undefined) return <span>{t("common.none")}</span>;
  return (
    <Tooltip title={t("work.exactValue", { value: ratio ? `${formatExact(value * 100)} %` : formatExact(value) })}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the tooltip with the exact value must be reachable by keyboard */}
      <span className="score-value" tabIndex={0} data-exact={value}>
        {ratio ? formatRatio(value) : formatScore(value)}
      </span>
    </Tooltip>
  );
}

const levelColors: Record<Level, string> = {
  excellent: "green",
  good: "blue",
  completed: "gold",
  not_completed: "red",
  unclassified: "default",
};

export function LevelTag({ level }: { level: Level | null | undefined }) {
  if (!level) return null;
  return <Tag color={levelColors[level]}>{t(`levels.${level}`)}</Tag>;
}
