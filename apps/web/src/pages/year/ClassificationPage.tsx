import { PlusOutlined } from "@ant-design/icons";
import type { Classification, ClassificationRow } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { Alert, App, Button, Card, Drawer, Skeleton, Space, Statistic, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import { useSession } from "../../api/queries/auth.ts";
import {
  useClassification,
  useClassificationFor,
  useOpenClassification,
  usePersonYear,
  useQuotaGroups,
} from "../../api/queries/year.ts";
import { hasAnyRole, paths } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { formatNumber, t } from "../../i18n/index.ts";
import { AgencyYearBar } from "./AgencyYearBar.tsx";
import { ClassificationSettings } from "./ClassificationSettings.tsx";
import { ClassificationTable, listQueryFrom } from "./ClassificationTable.tsx";
import { PersonYearView } from "./PersonYearView.tsx";
import { QuotaPanel } from "./QuotaPanel.tsx";
import { useAgencyYear } from "./useAgencyYear.ts";
import { WorkflowPanel } from "./WorkflowPanel.tsx";
import { yearAccess } from "./yearAccess.ts";

export function ClassificationPage() {
  return (
    <RequireRole roles={yearAccess.read}>
      <ClassificationScreen />
    </RequireRole>
  );
}

const shownLevels: (Level | "pending")[] = [
  "excellent",
  "good",
  "completed",
  "not_completed",
  "unclassified",
  "pending",
];

const statusColors: Record<Classification["status"], string> = {
  open: "processing",
  proposed: "gold",
  decided: "green",
  published: "cyan",
};

function Counts({ c }: { c: Classification }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space wrap size={24}>
        <span>
          {t("common.status")}: <Tag color={statusColors[c.status]}>{t(`classificationStatuses.${c.status}`)}</Tag>
        </span>
        {shownLevels.map((l) => (
          <Statistic
            key={l}
            title={l === "pending" ? t("yearList.tiePending") : t(`levelsShort.${l}`)}
            value={c.counts[l] ?? 0}
            formatter={(v) => formatNumber(Number(v))}
          />
        ))}
        <Typography.Text type="secondary">{t("yearList.ruleSet", { version: c.ruleSetVersion })}</Typography.Text>
      </Space>
      {c.pendingTies > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t("yearList.pendingTies", { count: c.pendingTies })}
        />
      )}
    </Card>
  );
}

function PersonDrawer({
  c,
  row,
  canRecordParty,
  onClose,
}: {
  c: Classification;
  row: ClassificationRow;
  canRecordParty: boolean;
  onClose: () => void;
}) {
  const data = usePersonYear(c.id, row.personId);
  const { data: session } = useSession();
  return (
    <Drawer
      open
      size={900}
      title={t("personYear.title", { name: row.fullName, year: String(c.year) })}
      onClose={onClose}
      destroyOnHidden
    >
      {data.isPending ? (
        <Skeleton active />
      ) : data.isError ? (
        <Alert type="error" showIcon title={errorMessage(data.error)} />
      ) : (
        <PersonYearView
          data={data.data}
          agencyId={c.agencyId}
          unitId={row.unitId}
          isSelf={session?.user.personId === row.personId}
          canRecordParty={canRecordParty}
        />
      )}
    </Drawer>
  );
}

function Opened({ id }: { id: string }) {
  const { data: session } = useSession();
  const { params, update } = useAgencyYear(yearAccess.read);
  const classification = useClassification(id);
  const groups = useQuotaGroups(classification.data?.agencyId);
  const [open, setOpen] = useState<ClassificationRow | null>(null);
  const canManage = hasAnyRole(session, yearAccess.manage);
  const canDecide = hasAnyRole(session, yearAccess.decide);
  if (classification.isPending) return <Skeleton active />;
  if (classification.isError) return <Alert type="error" showIcon title={errorMessage(classification.error)} />;
  const c = classification.data;
  const tab = params.get("tab") ?? "list";
  return (
    <>
      <Counts c={c} />
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === "list" ? undefined : k })}
        items={[
          {
            key: "list",
            label: t("yearList.tabList"),
            children: (
              <ClassificationTable
                classificationId={c.id}
                agencyId={c.agencyId}
                groups={groups.data ?? []}
                state={{ query: listQueryFrom(params), update }}
                onOpen={setOpen}
              />
            ),
          },
          {
            key: "quota",
            label: c.pendingTies > 0 ? t("yearList.tabQuotaPending", { count: c.pendingTies }) : t("yearList.tabQuota"),
            children: (
              <>
                <ClassificationSettings c={c} canEdit={canManage} />
                <QuotaPanel classificationId={c.id} canDecide={canDecide && c.status === "open"} />
              </>
            ),
          },
          {
            key: "workflow",
            label: t("yearList.tabWorkflow"),
            children: <WorkflowPanel c={c} canManage={canManage} canDecide={canDecide} />,
          },
        ]}
      />
      {open && <PersonDrawer c={c} row={open} canRecordParty={canManage || canDecide} onClose={() => setOpen(null)} />}
    </>
  );
}

function ClassificationScreen() {
  const { data: session } = useSession();
  const { agencyId, year, setAgency, setYear } = useAgencyYear(yearAccess.read);
  const found = useClassificationFor(agencyId, year);
  const openIt = useOpenClassification();
  const { message } = App.useApp();
  const canManage = hasAnyRole(session, yearAccess.manage);
  return (
    <>
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("yearList.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Link to={`${paths.yearRecords}?coQuan=${agencyId ?? ""}&nam=${year}`}>{t("yearList.recordsLink")}</Link>
      </div>
      <div className="toolbar">
        <AgencyYearBar agencyId={agencyId} year={year} onAgency={setAgency} onYear={setYear} />
      </div>
      {!agencyId ? (
        <Alert type="info" showIcon title={t("yearList.pickAgency")} />
      ) : found.isPending ? (
        <Skeleton active />
      ) : found.isError ? (
        <Alert type="error" showIcon title={errorMessage(found.error)} />
      ) : found.data ? (
        <Opened id={found.data.id} />
      ) : (
        <Card>
          <Space orientation="vertical">
            <Typography.Text>{t("yearList.notOpened", { year: String(year) })}</Typography.Text>
            {canManage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={openIt.isPending}
                onClick={() =>
                  openIt.mutate(
                    { agencyId, year },
                    {
                      onSuccess: () => message.success(t("yearList.opened")),
                      onError: (e) => message.error(errorMessage(e)),
                    },
                  )
                }
              >
                {t("yearList.open")}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t("yearList.hrOpens")}</Typography.Text>
            )}
          </Space>
        </Card>
      )}
    </>
  );
}
