import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { t } from "../../../i18n/index.ts";
import { formatScore } from "../../../lib/score.ts";

export interface TrendPoint {
  month: number;
  /** Mean of the confirmed scores of the month; null when none. */
  average: number | null;
}

/** The agency's monthly average over the year, against the 50 / 70 / 90 marks. */
export default function TrendChart({ points }: { points: readonly TrendPoint[] }) {
  const data = points.map((p) => ({ label: t("charts.monthShort", { month: p.month }), average: p.average }));
  return (
    <div role="img" aria-label={t("charts.trendLabel")} style={{ width: "100%", height: 260 }}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} ticks={[0, 50, 70, 90, 100]} tick={{ fontSize: 12 }} />
          <Tooltip
            formatter={(v) => [typeof v === "number" ? formatScore(v) : t("common.none"), t("charts.average")]}
          />
          <ReferenceLine y={90} stroke="#389e0d" strokeDasharray="4 4" />
          <ReferenceLine y={70} stroke="#1677ff" strokeDasharray="4 4" />
          <ReferenceLine y={50} stroke="#d48806" strokeDasharray="4 4" />
          <Line
            type="monotone"
            dataKey="average"
            stroke="#1f4e8c"
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
