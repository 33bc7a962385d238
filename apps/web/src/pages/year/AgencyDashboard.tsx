import type { AgencyYearDashboard as Data } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Tag } from "antd";
import { lazy } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useAgencyDashboard } from "../../api/queries/year.ts";
import { ScoreValue } from "../../components/ScoreValue.tsx";
import { formatDate, formatNumber, t } from "../../i18n/index.ts";
import { ChartCard } from "./ChartCard.tsx";

const LevelsChart = lazy(() => import("./charts/LevelsChart.tsx"));
const TrendChart = lazy(() => import("./charts/TrendChart.tsx"));
const LevelsByGroupChart = lazy(() => import("./charts/LevelsByGroupChart.tsx"));

const levelOrder: Level[] = ["excellent", "good", "completed", "not_completed", "unclassified"];

/** A level-count record from the API as chart rows (the `pending` ties are counted apart). */
export function levelCounts(distribution: Record<string, number>): { level: Level; count: number }[] {
  return levelOrder.map((level) => ({ level, count: distribution[level] ?? 0 }));
}

type Late = Data["lateReviews"][number];

/**
 * The head's dashboard of one agency and year: the level distribution (live, after the quota),
 * the monthly trend, divisions compared, and the reviews that came late.
 */
export function AgencyDashboard({ agencyId, year }: { agencyId: string; year: number }) {
  const dash = useAgencyDashboard(agencyId, year);
  if (dash.isPending) return <Skeleton active />;
  if (dash.isError) return <Alert type="error" showIcon title={errorMessage(dash.error)} />;
  const d = dash.data;
  const file = (name: string) => `${name}-${d.agencyName}-${year}`;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card size="small">
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={t("dashboard.people")} value={d.people} formatter={(v) => formatNumber(Number(v))} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t("dashboard.status")}
                value={
                  d.classificationStatus
                    ? t(`classificationStatuses.${d.classificationStatus}`)
                    : t("dashboard.notOpened")
                }
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t("dashboard.pending")} value={d.distribution.pending ?? 0} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t("dashboard.lateReviews")} value={d.lateReviews.length} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t("dashboard.distribution")} filename={file("phan-bo-muc")}>
          <LevelsChart counts={levelCounts(d.distribution)} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t("dashboard.trend")} filename={file("xu-huong")}>
          <TrendChart points={d.trend} />
        </ChartCard>
      </Col>
      <Col xs={24}>
        <ChartCard title={t("dashboard.divisions")} filename={file("so-sanh-don-vi")}>
          <LevelsByGroupChart
            label={t("dashboard.divisions")}
            groups={d.divisions.map((x) => ({ name: x.unitName, counts: x.distribution }))}
          />
          <Table
            size="small"
            rowKey="unitId"
            pagination={false}
            dataSource={d.divisions}
            columns={[
              {
                title: t("common.unit"),
                dataIndex: "unitName",
                sorter: (a, b) => a.unitName.localeCompare(b.unitName, "vi"),
              },
              { title: t("dashboard.people"), dataIndex: "people", sorter: (a, b) => a.people - b.people },
              {
                title: t("charts.average"),
                dataIndex: "average",
                align: "right",
                sorter: (a, b) => (a.average ?? -1) - (b.average ?? -1),
                render: (v: number | null) => <ScoreValue value={v} />,
              },
            ]}
          />
        </ChartCard>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t("dashboard.lateTitle")}>
          <Table<Late>
            size="small"
            rowKey={(x) => `${x.periodId}-${x.personId}`}
            dataSource={d.lateReviews}
            locale={{ emptyText: t("dashboard.noLate") }}
            pagination={{
              defaultPageSize: 10,
              showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
            }}
            scroll={{ x: 700 }}
            columns={[
              { title: t("personYear.month"), dataIndex: "month", sorter: (a, b) => a.month - b.month },
              {
                title: t("yearList.fullName"),
                dataIndex: "fullName",
                sorter: (a, b) => a.fullName.localeCompare(b.fullName, "vi"),
              },
              { title: t("common.unit"), dataIndex: "unitName", responsive: ["md"] },
              { title: t("dashboard.reviewDue"), dataIndex: "reviewDue", render: (v: string) => formatDate(v) },
              {
                title: t("dashboard.confirmedAt"),
                dataIndex: "confirmedAt",
                render: (v: string | null) =>
                  v ? formatDate(v) : <Tag color="red">{t("dashboard.notConfirmed")}</Tag>,
              },
              {
                title: t("dashboard.daysLate"),
                dataIndex: "daysLate",
                sorter: (a, b) => a.daysLate - b.daysLate,
                defaultSortOrder: "descend",
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
