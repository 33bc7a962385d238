import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { t } from "../i18n/index.ts";
import { formatScore } from "../lib/score.ts";

export interface HistoryPoint {
  label: string;
  total: number | null;
}

/** The level thresholds of Art. 20 (90 / 70 / 50), drawn so a month's bar reads against them. */
const thresholds = [
  { y: 90, color: "#389e0d" },
  { y: 70, color: "#1677ff" },
  { y: 50, color: "#d48806" },
];

/**
 * Scores by month as bars on a 0–100 axis. Its own module so recharts (and its dependencies) load
 * only with the history card, never with the rest of the page.
 */
export default function MonthHistoryChart({ points }: { points: readonly HistoryPoint[] }) {
  const data = points.map((p) => ({ label: p.label, total: p.total }));
  return (
    <div role="img" aria-label={t("thisMonth.chartLabel")} style={{ width: "100%", height: 240 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis domain={[0, 100]} ticks={[0, 50, 70, 90, 100]} tick={{ fontSize: 12 }} />
          <Tooltip
            formatter={(value) => [
              typeof value === "number" ? formatScore(value) : t("common.none"),
              t("thisMonth.total"),
            ]}
          />
          {thresholds.map((th) => (
            <ReferenceLine key={th.y} y={th.y} stroke={th.color} strokeDasharray="4 4" />
          ))}
          <Bar dataKey="total" fill="#1f4e8c" radius={[4, 4, 0, 0]} maxBarSize={40} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
