import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { t } from "../../../i18n/index.ts";
import { formatScore } from "../../../lib/score.ts";

export interface CriterionLoss {
  code: string;
  name: string;
  pointsLost: number;
}

/** The criteria where agencies lose the most points, summed across the province (as the server ranks them). */
export default function CriteriaLossChart({ data }: { data: readonly CriterionLoss[] }) {
  const height = Math.max(240, data.length * 32 + 40);
  return (
    <div role="img" aria-label={t("agencyReports.criteriaChart")} style={{ width: "100%", height }}>
      <ResponsiveContainer>
        <BarChart data={[...data]} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="code" width={70} tick={{ fontSize: 12 }} />
          <Tooltip
            formatter={(v) => [typeof v === "number" ? formatScore(v) : String(v), t("agencyReports.pointsLost")]}
            labelFormatter={(code) => {
              const c = data.find((x) => x.code === code);
              return c ? `${c.code}. ${c.name}` : String(code);
            }}
          />
          <Bar dataKey="pointsLost" fill="#cf1322" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
