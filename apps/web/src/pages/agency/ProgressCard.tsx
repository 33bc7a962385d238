import { Card, Progress, Table } from "antd";
import type { ResponseOf } from "../../api/client.ts";
import { useAppraisalProgress } from "../../api/queries/agency.ts";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { t } from "../../i18n/index.ts";

type Row = ResponseOf<"appraisalProgress">[number];
const pct = (r: Row) => (r.expected ? Math.round((r.done / r.expected) * 100) : 0);

/** How far each appraiser agency is (Sở Nội vụ consolidates; Quảng Nam Art. 8.1). */
export function ProgressCard({ cycleId }: { cycleId: string }) {
  const progress = useAppraisalProgress(cycleId);
  const rows = progress.data ?? [];
  const nameOf = (r: Row) => r.appraiserUnitName ?? t("agencyAppraisal.noAppraiser");
  return (
    <Card
      title={t("agencyAppraisal.progressTitle")}
      extra={
        <CsvButton
          filename="tien-do-tham-dinh"
          header={[
            t("agency.appraiser"),
            t("agencyAdmin.criteriaCount"),
            t("agencyAdmin.expected"),
            t("agencyAdmin.done"),
          ]}
          rows={() => rows.map((r) => [nameOf(r), r.criteria, r.expected, r.done])}
        />
      }
    >
      <Table<Row>
        size="small"
        rowKey={(r) => r.appraiserUnitId ?? "none"}
        loading={progress.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t("agency.appraiser"),
            key: "name",
            render: (_, r) => nameOf(r),
            sorter: (a, b) => nameOf(a).localeCompare(nameOf(b), "vi"),
          },
          {
            title: t("agencyAdmin.criteriaCount"),
            dataIndex: "criteria",
            width: 110,
            sorter: (a, b) => a.criteria - b.criteria,
          },
          {
            title: t("agencyAdmin.doneOfExpected"),
            key: "done",
            width: 260,
            sorter: (a, b) => pct(a) - pct(b),
            render: (_, r) => <Progress percent={pct(r)} format={() => `${r.done}/${r.expected}`} />,
          },
        ]}
      />
    </Card>
  );
}
