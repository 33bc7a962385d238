import { FileExcelOutlined } from "@ant-design/icons";
import type { ClassificationStatus, ProvinceYearDashboard as Data } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { Alert, App, Button, Space, Table, Tag } from "antd";
import { lazy, useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import { type ProvinceDashboardQuery, useProvinceDashboard, useYearDownload } from "../../api/queries/year.ts";
import { paths } from "../../auth/access.ts";
import { ScoreValue } from "../../components/ScoreValue.tsx";
import { formatNumber, t } from "../../i18n/index.ts";
import { formatRatio } from "../../lib/score.ts";
import { ChartCard } from "./ChartCard.tsx";

const LevelsByGroupChart = lazy(() => import("./charts/LevelsByGroupChart.tsx"));

type Row = Data["rows"][number];
type SortKey = NonNullable<ProvinceDashboardQuery["sort"]>;
const levelOrder: Level[] = ["excellent", "good", "completed", "not_completed", "unclassified"];

/** hr at province level: every agency of the scope on one page, sortable, with a chart and the XLSX summary. */
export function ProvinceDashboard({ year, unitId }: { year: number; unitId?: string }) {
  const [sort, setSort] = useState<{ sort?: SortKey; order?: "asc" | "desc" }>({ sort: "agencyName", order: "asc" });
  const dash = useProvinceDashboard({ year, unitId, ...sort });
  const files = useYearDownload();
  const { message } = App.useApp();
  if (dash.isError) return <Alert type="error" showIcon title={errorMessage(dash.error)} />;
  const rows = dash.data?.rows ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <div className="toolbar" style={{ marginBottom: 0 }}>
        <Button
          icon={<FileExcelOutlined />}
          loading={files.isPending}
          onClick={() =>
            files.mutate(
              { name: "provinceSummaryXlsx", query: { year, unitId }, fallbackName: `tong-hop-xep-loai-${year}.xlsx` },
              { onError: (e) => message.error(errorMessage(e)) },
            )
          }
        >
          {t("dashboard.provinceXlsx")}
        </Button>
        {dash.data && (
          <span>{t("dashboard.provinceTotals", { people: dash.data.totals.people, agencies: rows.length })}</span>
        )}
      </div>
      <Table<Row>
        rowKey="agencyId"
        size="middle"
        loading={dash.isFetching}
        dataSource={rows}
        scroll={{ x: 1000 }}
        pagination={{
          defaultPageSize: 50,
          showSizeChanger: true,
          showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
        }}
        onChange={(_, __, sorter, extra) => {
          if (extra.action !== "sort") return;
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(s?.order ? { sort: s.columnKey as SortKey, order: s.order === "descend" ? "desc" : "asc" } : {});
        }}
        columns={[
          {
            title: t("common.agency"),
            key: "agencyName",
            sorter: true,
            render: (_, r) => (
              <Link to={`${paths.yearClassification}?coQuan=${r.agencyId}&nam=${year}`}>{r.agencyName}</Link>
            ),
          },
          {
            title: t("dashboard.people"),
            key: "people",
            dataIndex: "people",
            sorter: true,
            render: (v: number) => formatNumber(v),
          },
          {
            title: t("charts.average"),
            key: "average",
            dataIndex: "average",
            sorter: true,
            align: "right",
            render: (v: number | null) => <ScoreValue value={v} />,
          },
          ...levelOrder.map((l) => ({
            title: t(`levelsShort.${l}`),
            key: l,
            align: "right" as const,
            render: (_: unknown, r: Row) => formatNumber(r.distribution[l] ?? 0),
          })),
          {
            title: t("dashboard.excellentShare"),
            key: "excellentShare",
            dataIndex: "excellentShare",
            sorter: true,
            render: (v: number | null) => (v === null ? t("common.none") : formatRatio(v)),
          },
          {
            title: t("common.status"),
            key: "status",
            sorter: true,
            render: (_, r) => (
              <Space size={4}>
                <Tag>
                  {r.status === "not_opened"
                    ? t("dashboard.notOpened")
                    : t(`classificationStatuses.${r.status as ClassificationStatus}`)}
                </Tag>
                {r.source === "live" && <Tag color="default">{t("dashboard.live")}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <ChartCard title={t("dashboard.agenciesChart")} filename={`xep-loai-cac-co-quan-${year}`}>
        <LevelsByGroupChart
          label={t("dashboard.agenciesChart")}
          groups={rows.map((r) => ({ name: r.agencyName, counts: r.distribution }))}
        />
      </ChartCard>
    </Space>
  );
}
