import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { t } from "../../../i18n/index.ts";
import { formatScore } from "../../../lib/score.ts";

export interface AgencyScores {
  agencyName: string;
  selfScore: number;
  appraisedScore: number;
  finalScore: number;
}

/** Agencies side by side: self, appraised and final score on the 0–100 axis with the 90/70/50 lines. */
export default function AgencyScoresChart({ data }: { data: readonly AgencyScores[] }) {
  const height = Math.max(240, data.length * 36 + 60);
  return (
    <div role="img" aria-label={t("agencyReports.agenciesChart")} style={{ width: "100%", height }}>
      <ResponsiveContainer>
        <BarChart data={[...data]} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 50, 70, 90, 100]} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="agencyName" width={170} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? formatScore(v) : String(v))} />
          <Legend />
          {[90, 70, 50].map((y) => (
            <ReferenceLine key={y} x={y} stroke="#8c8c8c" strokeDasharray="4 4" />
          ))}
          <Bar dataKey="selfScore" name={t("agencyAdmin.self")} fill="#91caff" isAnimationActive={false} />
          <Bar dataKey="appraisedScore" name={t("agencyAdmin.appraised")} fill="#1677ff" isAnimationActive={false} />
          <Bar dataKey="finalScore" name={t("agencyAdmin.final")} fill="#1f4e8c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
