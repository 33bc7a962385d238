import { classifiedLevels, type Level } from "@thuocdo/core";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, t } from "../../../i18n/index.ts";
import { levelFill } from "./levelColors.ts";

export interface GroupLevels {
  name: string;
  counts: Partial<Record<Level, number>>;
}

const shown: readonly Level[] = [...classifiedLevels, "unclassified"];

/**
 * Levels stacked per group (divisions of an agency, or agencies of a province), one bar each, so
 * groups compare at a glance. Long names are cut on the axis; the tooltip has them whole.
 */
export default function LevelsByGroupChart({ groups, label }: { groups: readonly GroupLevels[]; label: string }) {
  const data = groups.map((g) => ({
    name: g.name,
    short: g.name.length > 18 ? `${g.name.slice(0, 17)}…` : g.name,
    ...Object.fromEntries(shown.map((l) => [l, g.counts[l] ?? 0])),
  }));
  const height = Math.max(240, 40 + data.length * 28);
  return (
    <div role="img" aria-label={label} style={{ width: "100%", height }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="short" width={140} tick={{ fontSize: 12 }} />
          <Tooltip
            labelFormatter={(_, payload) => String(payload?.[0]?.payload?.name ?? "")}
            formatter={(v, name) => [formatNumber(Number(v)), t(`levelsShort.${name as Level}`)]}
          />
          <Legend itemSorter={null} formatter={(name) => t(`levelsShort.${name as Level}`)} />
          {shown.map((l) => (
            <Bar key={l} dataKey={l} stackId="levels" fill={levelFill[l]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
