import { Alert, Tabs, Typography } from "antd";
import { lazy } from "react";
import { Link } from "react-router";
import { useSession } from "../../api/queries/auth.ts";
import { useMyYear } from "../../api/queries/year.ts";
import { hasAnyRole, paths } from "../../auth/access.ts";
import { t } from "../../i18n/index.ts";
import { AgencyDashboard } from "./AgencyDashboard.tsx";
import { AgencyYearBar } from "./AgencyYearBar.tsx";
import { ChartCard } from "./ChartCard.tsx";
import { ProvinceDashboard } from "./ProvinceDashboard.tsx";
import { useAgencyYear } from "./useAgencyYear.ts";

const MonthHistoryChart = lazy(() => import("../../components/MonthHistoryChart.tsx"));

/** Staff: their own year, month by month, with a link to the details. */
function MyYearCard({ year }: { year: number }) {
  const mine = useMyYear(year);
  if (mine.isError || !mine.data) return <Alert type="info" showIcon title={t("myYear.none")} />;
  const row = mine.data.row;
  return (
    <ChartCard
      title={t("dashboard.myYear", { year: String(year) })}
      filename={`nam-cua-toi-${year}`}
      extra={<Link to={paths.myYear}>{t("dashboard.details")} </Link>}
    >
      <MonthHistoryChart
        points={row.months.map((m) => ({ label: t("charts.monthShort", { month: m.month }), total: m.score }))}
      />
    </ChartCard>
  );
}

/**
 * A dashboard per role (DESIGN §7): the head sees their agency; hr also sees every agency of the
 * province on one page; staff see their own year. Charts load lazily and export as PNG.
 */
export function DashboardPage() {
  const { data: session } = useSession();
  const { agencyId, year, params, update, setAgency, setYear } = useAgencyYear(["head", "hr", "manager"]);
  const seesAgency = hasAnyRole(session, ["head", "hr", "manager"]);
  const seesProvince = hasAnyRole(session, ["hr"]);
  const isStaff = !!session?.user.personId;
  const tabs = [
    ...(seesAgency
      ? [
          {
            key: "agency",
            label: t("dashboard.tabAgency"),
            children: agencyId ? (
              <AgencyDashboard agencyId={agencyId} year={year} />
            ) : (
              <Alert type="info" showIcon title={t("yearList.pickAgency")} />
            ),
          },
        ]
      : []),
    ...(seesProvince
      ? [{ key: "province", label: t("dashboard.tabProvince"), children: <ProvinceDashboard year={year} /> }]
      : []),
    ...(isStaff ? [{ key: "me", label: t("dashboard.tabMe"), children: <MyYearCard year={year} /> }] : []),
  ];
  const tab = params.get("tab") ?? tabs[0]?.key;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("dashboard.title")}
      </Typography.Title>
      <div className="toolbar">
        <AgencyYearBar
          agencyId={agencyId}
          year={year}
          onAgency={setAgency}
          onYear={setYear}
          hideAgency={!seesAgency || tab !== "agency"}
        />
      </div>
      <Tabs activeKey={tab} onChange={(k) => update({ tab: k })} items={tabs} destroyOnHidden />
    </>
  );
}
