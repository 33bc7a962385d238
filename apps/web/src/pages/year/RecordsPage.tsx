import { Alert, Tabs, Typography } from "antd";
import { useSession } from "../../api/queries/auth.ts";
import { hasAnyRole } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { t } from "../../i18n/index.ts";
import { AgencyYearBar } from "./AgencyYearBar.tsx";
import { HolidaysTab } from "./HolidaysTab.tsx";
import { LeaveTab } from "./LeaveTab.tsx";
import { QuotaGroupsTab } from "./QuotaGroupsTab.tsx";
import { RecordsTab } from "./RecordsTab.tsx";
import { TransfersTab } from "./TransfersTab.tsx";
import { useAgencyYear } from "./useAgencyYear.ts";
import { yearAccess } from "./yearAccess.ts";

export function YearRecordsPage() {
  return (
    <RequireRole roles={yearAccess.read}>
      <YearRecords />
    </RequireRole>
  );
}

/** What the year's levels depend on besides the scores: records, leave, transfers, quota groups, holidays. */
function YearRecords() {
  const { data: session } = useSession();
  const canEdit = hasAnyRole(session, yearAccess.manage);
  const { agencyId, year, params, update, setAgency, setYear } = useAgencyYear(yearAccess.read);
  const tab = params.get("tab") ?? "records";
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("records.title")}
      </Typography.Title>
      <div className="toolbar">
        <AgencyYearBar agencyId={agencyId} year={year} onAgency={setAgency} onYear={setYear} />
      </div>
      {!agencyId ? (
        <Alert type="info" showIcon title={t("yearList.pickAgency")} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === "records" ? undefined : k })}
          items={[
            {
              key: "records",
              label: t("records.tabRecords"),
              children: <RecordsTab agencyId={agencyId} year={year} canEdit={canEdit} />,
            },
            {
              key: "leave",
              label: t("records.tabLeave"),
              children: <LeaveTab agencyId={agencyId} year={year} canEdit={canEdit} />,
            },
            {
              key: "transfers",
              label: t("records.tabTransfers"),
              children: <TransfersTab agencyId={agencyId} year={year} canEdit={canEdit} />,
            },
            {
              key: "groups",
              label: t("records.tabGroups"),
              children: <QuotaGroupsTab agencyId={agencyId} canEdit={canEdit} />,
            },
            {
              key: "holidays",
              label: t("records.tabHolidays"),
              children: <HolidaysTab year={year} canEdit={canEdit} />,
            },
          ]}
        />
      )}
    </>
  );
}
