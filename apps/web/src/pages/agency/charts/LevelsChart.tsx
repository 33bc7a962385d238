import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { t } from "../../../i18n/index.ts";

const colors = { excellent: "#389e0d", good: "#1677ff", completed: "#d48806", not_completed: "#cf1322" } as const;
type Key = keyof typeof colors;

/** How many agencies reached each level. */
export default function LevelsChart({ counts }: { counts: Record<Key, number> }) {
  const data = (Object.keys(colors) as Key[])
    .map((k) => ({ key: k, name: t(`levels.${k}`), value: counts[k] }))
    .filter((d) => d.value > 0);
  return (
    <div role="img" aria-label={t("agencyReports.levelsChart")} style={{ width: "100%", height: 260 }}>
      <ResponsiveContainer>
        <PieChart>
          <Pie data={data} dataKey="value" nameKey="name" outerRadius={90} isAnimationActive={false} label>
            {data.map((d) => (
              <Cell key={d.key} fill={colors[d.key]} />
            ))}
          </Pie>
          <Tooltip />
          <Legend />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
