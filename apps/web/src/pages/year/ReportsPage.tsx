import { DownloadOutlined, FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import { nationalExportFormats, nationalExportKinds } from "@thuocdo/contract";
import { Alert, App, Button, Card, Col, Row, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useSession } from "../../api/queries/auth.ts";
import { useClassificationFor, useExportLog, useYearDownload } from "../../api/queries/year.ts";
import { hasAnyRole } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { formatDateTime, formatNumber, t } from "../../i18n/index.ts";
import { AgencyYearBar } from "./AgencyYearBar.tsx";
import { NarrativeEditor } from "./NarrativeEditor.tsx";
import { useAgencyYear } from "./useAgencyYear.ts";
import { yearAccess } from "./yearAccess.ts";

type Kind = (typeof nationalExportKinds)[number];
type Format = (typeof nationalExportFormats)[number];

function NationalExport({ agencyId, year }: { agencyId: string; year: number }) {
  const [kind, setKind] = useState<Kind>("annual");
  const [format, setFormat] = useState<Format>("csv");
  const [month, setMonth] = useState<number | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const files = useYearDownload();
  const log = useExportLog({ agencyId, year, ...page });
  const { message } = App.useApp();
  return (
    <Card size="small" title={t("yearReports.nationalTitle")}>
      <Typography.Paragraph type="secondary">{t("yearReports.nationalHelp")}</Typography.Paragraph>
      <div className="toolbar">
        <Select
          aria-label={t("yearReports.kind")}
          value={kind}
          onChange={setKind}
          style={{ width: 220 }}
          options={nationalExportKinds.map((k) => ({ value: k, label: t(`nationalKinds.${k}`) }))}
        />
        {kind === "monthly" && (
          <Select
            allowClear
            aria-label={t("personYear.month")}
            placeholder={t("yearReports.allMonths")}
            value={month}
            onChange={setMonth}
            style={{ width: 160 }}
            options={Array.from({ length: 12 }, (_, i) => ({
              value: i + 1,
              label: t("leave.month", { month: i + 1 }),
            }))}
          />
        )}
        <Select
          aria-label={t("yearReports.format")}
          value={format}
          onChange={setFormat}
          style={{ width: 120 }}
          options={nationalExportFormats.map((f) => ({ value: f, label: f.toUpperCase() }))}
        />
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          loading={files.isPending}
          onClick={() =>
            files.mutate(
              {
                name: "nationalExport",
                query: { agencyId, year, kind, format, month: kind === "monthly" ? month : undefined },
                fallbackName: `csdl-quoc-gia-${kind}-${year}.${format}`,
              },
              {
                onSuccess: () => message.success(t("yearReports.exported")),
                onError: (e) => message.error(errorMessage(e)),
              },
            )
          }
        >
          {t("yearReports.export")}
        </Button>
      </div>
      <Table
        size="small"
        rowKey="id"
        loading={log.isFetching}
        dataSource={log.data?.items ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: t("yearReports.noExports") }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: log.data?.total ?? 0,
          showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t("yearReports.exportedAt"), dataIndex: "exportedAt", render: (v: string) => formatDateTime(v) },
          { title: t("yearReports.kind"), dataIndex: "kind", render: (k: Kind) => t(`nationalKinds.${k}`) },
          { title: t("personYear.month"), dataIndex: "month", render: (m: number | null) => m ?? t("common.none") },
          { title: t("yearReports.format"), dataIndex: "format", render: (f: string) => f.toUpperCase() },
          { title: t("yearReports.rows"), dataIndex: "rows", render: (n: number) => formatNumber(n) },
          { title: t("yearReports.schema"), dataIndex: "schemaVersion", responsive: ["lg"] },
          { title: "SHA-256", dataIndex: "sha256", ellipsis: true, responsive: ["xl"] },
          { title: t("yearReports.by"), dataIndex: "exportedByName", responsive: ["md"] },
        ]}
      />
    </Card>
  );
}

export function YearReportsPage() {
  return (
    <RequireRole roles={yearAccess.answer}>
      <YearReports />
    </RequireRole>
  );
}

/** The year's official outputs: tables, the decision draft, the report to Sở Nội vụ, the national export. */
function YearReports() {
  const { data: session } = useSession();
  const { agencyId, year, setAgency, setYear } = useAgencyYear(yearAccess.answer);
  const found = useClassificationFor(agencyId, year);
  const files = useYearDownload();
  const { message } = App.useApp();
  const classificationId = found.data?.id;
  const get = (v: Parameters<typeof files.mutate>[0]) =>
    files.mutate(v, { onError: (e) => message.error(errorMessage(e)) });
  const busy = (name: string) => files.isPending && files.variables?.name === name;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("yearReports.title")}
      </Typography.Title>
      <div className="toolbar">
        <AgencyYearBar agencyId={agencyId} year={year} onAgency={setAgency} onYear={setYear} />
      </div>
      {!agencyId ? (
        <Alert type="info" showIcon title={t("yearList.pickAgency")} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t("yearReports.files")}>
              {!classificationId && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t("yearList.notOpened", { year: String(year) })}
                />
              )}
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Button
                  block
                  icon={<FileExcelOutlined />}
                  disabled={!classificationId}
                  loading={busy("classificationTableXlsx")}
                  onClick={() =>
                    classificationId &&
                    get({
                      name: "classificationTableXlsx",
                      query: { classificationId },
                      fallbackName: `bang-xep-loai-${year}.xlsx`,
                    })
                  }
                >
                  {t("yearReports.tableXlsx")}
                </Button>
                <Button
                  block
                  icon={<FileWordOutlined />}
                  disabled={!classificationId}
                  loading={busy("decisionDraftDocx")}
                  onClick={() =>
                    classificationId &&
                    get({
                      name: "decisionDraftDocx",
                      query: { classificationId },
                      fallbackName: `du-thao-quyet-dinh-${year}.docx`,
                    })
                  }
                >
                  {t("yearReports.decisionDocx")}
                </Button>
                <Button
                  block
                  icon={<FileWordOutlined />}
                  loading={busy("implementationReportDocx")}
                  onClick={() =>
                    get({
                      name: "implementationReportDocx",
                      query: { agencyId, year },
                      fallbackName: `bao-cao-ket-qua-${year}.docx`,
                    })
                  }
                >
                  {t("yearReports.reportDocx")}
                </Button>
                {hasAnyRole(session, ["hr"]) && (
                  <Button
                    block
                    icon={<FileExcelOutlined />}
                    loading={busy("provinceSummaryXlsx")}
                    onClick={() =>
                      get({
                        name: "provinceSummaryXlsx",
                        query: { year },
                        fallbackName: `tong-hop-xep-loai-${year}.xlsx`,
                      })
                    }
                  >
                    {t("dashboard.provinceXlsx")}
                  </Button>
                )}
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t("yearReports.narrativeTitle")}>
              <NarrativeEditor agencyId={agencyId} year={year} />
            </Card>
          </Col>
          <Col xs={24}>
            <NationalExport agencyId={agencyId} year={year} />
          </Col>
        </Row>
      )}
    </>
  );
}
