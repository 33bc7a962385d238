import type { Level } from "@thuocdo/core";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, t } from "../../../i18n/index.ts";
import { levelFill } from "./levelColors.ts";

/** How many people at each level (a bar per level). Default export: loaded lazily with recharts. */
export default function LevelsChart({ counts }: { counts: readonly { level: Level; count: number }[] }) {
  const data = counts.map((c) => ({ level: c.level, name: t(`levelsShort.${c.level}`), count: c.count }));
  return (
    <div role="img" aria-label={t("charts.levelsLabel")} style={{ width: "100%", height: 260 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [formatNumber(Number(v)), t("charts.people")]} />
          <Bar dataKey="count" isAnimationActive={false} maxBarSize={56} radius={[4, 4, 0, 0]}>
            {data.map((d) => (
              <Cell key={d.level} fill={levelFill[d.level]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
