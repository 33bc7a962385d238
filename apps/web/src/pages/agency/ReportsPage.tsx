import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import type { AssessmentSummary } from "@thuocdo/contract";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  InputNumber,
  Row,
  Space,
  Table,
  type TableProps,
  Typography,
} from "antd";
import { lazy, useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { type ReportFormat, useAgencyDashboard, useAgencyDownload, useAssessments } from "../../api/queries/agency.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { ChartPanel } from "../../components/agency/ChartPanel.tsx";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { CyclePicker } from "../../components/agency/CyclePicker.tsx";
import { useCycleParam } from "../../components/agency/useCycleParam.ts";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { fold, t } from "../../i18n/index.ts";
import { formatRatio } from "../../lib/score.ts";

// Charts are their own chunks: recharts loads with the first chart, never with the tables.
const AgencyScoresChart = lazy(() => import("./charts/AgencyScoresChart.tsx"));
const CriteriaLossChart = lazy(() => import("./charts/CriteriaLossChart.tsx"));
const LevelsChart = lazy(() => import("./charts/LevelsChart.tsx"));

export function ReportsPage() {
  return (
    <RequireRole roles={["hr", "head", "council"]}>
      <Reports />
    </RequireRole>
  );
}

/**
 * Reports of the cycle (ranking table XLSX/DOCX, the decision's annex, the council's minutes,
 * each agency's score sheet DOCX/PDF) and the dashboard comparing agencies and criteria.
 */
function Reports() {
  const { cycleId, setCycleId, cycles, summary, query } = useCycleParam();
  const download = useAgencyDownload();
  const { message } = App.useApp();
  const get = (req: Parameters<typeof download.mutate>[0]) =>
    download.mutate(req, { onError: (e) => message.error(errorMessage(e)) });
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("agencyReports.title")}
      </Typography.Title>
      <div style={{ marginBottom: 16 }}>
        <CyclePicker cycles={cycles} value={cycleId} onChange={setCycleId} loading={query.isPending} />
      </div>
      {query.isSuccess && cycles.length === 0 ? (
        <Empty description={t("agency.noCycles")} />
      ) : (
        cycleId && (
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card title={t("agencyReports.downloads")}>
              <Space wrap>
                <Button
                  icon={<FileExcelOutlined />}
                  onClick={() => get({ kind: "ranking", id: cycleId, format: "xlsx" })}
                >
                  {t("agencyReports.rankingXlsx")}
                </Button>
                <Button
                  icon={<FileWordOutlined />}
                  onClick={() => get({ kind: "ranking", id: cycleId, format: "docx" })}
                >
                  {t("agencyReports.rankingDocx")}
                </Button>
                <Button icon={<FileWordOutlined />} onClick={() => get({ kind: "annex", id: cycleId })}>
                  {t("agencyReports.annex")}
                </Button>
                <Button icon={<FileWordOutlined />} onClick={() => get({ kind: "minutes", id: cycleId })}>
                  {t("agencyCouncil.minutes")}
                </Button>
              </Space>
            </Card>
            <ScoreSheets cycleId={cycleId} onDownload={(id, format) => get({ kind: "scoreSheet", id, format })} />
            <Dashboard year={summary?.year ?? new Date().getFullYear()} cycleId={cycleId} />
          </Space>
        )
      )}
    </>
  );
}

function ScoreSheets({
  cycleId,
  onDownload,
}: {
  cycleId: string;
  onDownload: (id: string, format: ReportFormat) => void;
}) {
  const list = useAssessments({ cycleId, sort: "agencyName", order: "asc", page: 1, pageSize: 200 });
  const [search, setSearch] = useState("");
  const rows = (list.data?.items ?? []).filter((a) => !search || fold(a.agencyName).includes(fold(search)));
  const columns: TableProps<AssessmentSummary>["columns"] = [
    {
      title: t("common.agency"),
      dataIndex: "agencyName",
      sorter: (a, b) => a.agencyName.localeCompare(b.agencyName, "vi"),
    },
    {
      title: t("agencyAdmin.final"),
      dataIndex: "finalScore",
      width: 100,
      sorter: (a, b) => (a.finalScore ?? 0) - (b.finalScore ?? 0),
      render: (v: number | null) => <ScoreValue value={v} />,
    },
    {
      title: t("agencyDecision.level"),
      key: "level",
      width: 200,
      responsive: ["md"],
      render: (_, a) => <LevelTag level={a.level ?? a.draftLevel} />,
    },
    {
      title: t("agencyReports.scoreSheet"),
      key: "dl",
      width: 200,
      render: (_, a) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<FileWordOutlined />}
            aria-label={t("agencyReports.sheetDocxOf", { agency: a.agencyName })}
            onClick={() => onDownload(a.id, "docx")}
          >
            DOCX
          </Button>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            aria-label={t("agencyReports.sheetPdfOf", { agency: a.agencyName })}
            onClick={() => onDownload(a.id, "pdf")}
          >
            PDF
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Card title={t("agencyReports.sheetsTitle")}>
      <div className="toolbar">
        <Input.Search
          className="grow"
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("agencyAdmin.searchAgency")}
          aria-label={t("agencyAdmin.searchAgency")}
        />
      </div>
      {list.isError ? (
        <Alert type="error" showIcon title={errorMessage(list.error)} />
      ) : (
        <Table<AssessmentSummary>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={rows}
          pagination={{
            defaultPageSize: 20,
            showSizeChanger: true,
            showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
          }}
        />
      )}
    </Card>
  );
}

function Dashboard({ year: initialYear, cycleId }: { year: number; cycleId: string }) {
  const [year, setYear] = useState(initialYear);
  const [wholeYear, setWholeYear] = useState(false);
  const dash = useAgencyDashboard(year, wholeYear ? undefined : cycleId);
  const d = dash.data;
  const topLosses = (d?.criteria ?? []).slice(0, 10);
  return (
    <Card
      title={t("agencyReports.dashboardTitle")}
      extra={
        <Space wrap>
          <Button size="small" type={wholeYear ? "primary" : "default"} onClick={() => setWholeYear((v) => !v)}>
            {wholeYear ? t("agencyReports.thisCycle") : t("agencyReports.wholeYear")}
          </Button>
          {wholeYear && (
            <InputNumber
              size="small"
              min={2000}
              max={2100}
              value={year}
              aria-label={t("agencyFrameworks.year")}
              onChange={(v) => typeof v === "number" && setYear(v)}
            />
          )}
        </Space>
      }
    >
      {dash.isError ? (
        <Alert type="error" showIcon title={errorMessage(dash.error)} />
      ) : !d || d.agencies.length === 0 ? (
        <Empty description={t("agencyReports.noData")} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <ChartPanel title={t("agencyReports.agenciesChart")} filename={`so-sanh-co-quan-${year}`}>
              <AgencyScoresChart data={[...d.agencies].sort((a, b) => b.finalScore - a.finalScore)} />
            </ChartPanel>
          </Col>
          <Col xs={24} xl={10}>
            <ChartPanel title={t("agencyReports.levelsChart")} filename={`muc-xep-loai-${year}`}>
              {Object.values(d.levels).some((n) => n > 0) ? (
                <LevelsChart counts={d.levels} />
              ) : (
                <Empty description={t("agencyReports.noLevels")} />
              )}
            </ChartPanel>
          </Col>
          <Col xs={24}>
            <ChartPanel title={t("agencyReports.criteriaChart")} filename={`tieu-chi-bi-tru-diem-${year}`}>
              <CriteriaLossChart data={topLosses} />
            </ChartPanel>
          </Col>
          <Col xs={24}>
            <Card
              size="small"
              title={t("agencyReports.criteriaTable")}
              extra={
                <CsvButton
                  filename={`tieu-chi-bi-tru-diem-${year}`}
                  header={[
                    t("common.code"),
                    t("agency.criterion"),
                    t("agency.max"),
                    t("agencyReports.applicable"),
                    t("agencyReports.average"),
                    t("agencyReports.pointsLost"),
                    t("agencyReports.lossRate"),
                  ]}
                  rows={() =>
                    d.criteria.map((c) => [
                      c.code,
                      c.name,
                      c.max,
                      c.applicable,
                      c.averageScore,
                      c.pointsLost,
                      c.lossRate,
                    ])
                  }
                />
              }
            >
              <Table
                size="small"
                rowKey={(c) => `${c.cycleId}:${c.criterionId}`}
                dataSource={d.criteria}
                scroll={{ x: 700 }}
                pagination={{ defaultPageSize: 10, showSizeChanger: true }}
                columns={[
                  { title: t("common.code"), dataIndex: "code", width: 80 },
                  { title: t("agency.criterion"), dataIndex: "name" },
                  {
                    title: t("agencyReports.applicable"),
                    dataIndex: "applicable",
                    width: 110,
                    sorter: (a, b) => a.applicable - b.applicable,
                  },
                  {
                    title: t("agencyReports.average"),
                    dataIndex: "averageScore",
                    width: 110,
                    render: (v: number) => <ScoreValue value={v} />,
                  },
                  {
                    title: t("agencyReports.pointsLost"),
                    dataIndex: "pointsLost",
                    width: 110,
                    sorter: (a, b) => a.pointsLost - b.pointsLost,
                    defaultSortOrder: "descend",
                    render: (v: number) => <ScoreValue value={v} />,
                  },
                  {
                    title: t("agencyReports.lossRate"),
                    dataIndex: "lossRate",
                    width: 110,
                    sorter: (a, b) => a.lossRate - b.lossRate,
                    render: (v: number) => formatRatio(v),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Card>
  );
}
