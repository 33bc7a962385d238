import { FileExcelOutlined, FileWordOutlined, GlobalOutlined, WarningOutlined } from "@ant-design/icons";
import type { AgencyResultRow, Cycle, StoredFile } from "@thuocdo/contract";
import { limits } from "@thuocdo/contract";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Popconfirm,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import {
  useAdvanceCycle,
  useAgencyDownload,
  useCycle,
  useCycleResults,
  useRecordDecision,
} from "../../api/queries/agency.ts";
import { publicPaths } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { CyclePicker } from "../../components/agency/CyclePicker.tsx";
import { FileList } from "../../components/agency/FileList.tsx";
import { FilesUpload } from "../../components/agency/FilesUpload.tsx";
import { useCycleParam } from "../../components/agency/useCycleParam.ts";
import { PageLoading } from "../../components/PageLoading.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDate, formatDateTime, t } from "../../i18n/index.ts";
import { optionalText, requiredSelect, requiredText } from "../../lib/rules.ts";
import { pickerFormat, toIsoDate } from "../../lib/workDates.ts";
import { TieBreakCard } from "./TieBreakCard.tsx";

export function DecisionPage() {
  return (
    <RequireRole roles={["hr"]}>
      <Decision />
    </RequireRole>
  );
}

function Decision() {
  const { cycleId, setCycleId, cycles, query } = useCycleParam();
  const cycle = useCycle(cycleId);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("agencyDecision.title")}
      </Typography.Title>
      <div style={{ marginBottom: 16 }}>
        <CyclePicker cycles={cycles} value={cycleId} onChange={setCycleId} loading={query.isPending} />
      </div>
      {query.isSuccess && cycles.length === 0 ? (
        <Empty description={t("agency.noCycles")} />
      ) : cycle.isError ? (
        <Alert type="error" showIcon title={errorMessage(cycle.error)} />
      ) : !cycle.data ? (
        cycleId && <PageLoading />
      ) : (
        <DecisionView cycle={cycle.data} />
      )}
    </>
  );
}

interface DecisionForm {
  number: string;
  date: Dayjs;
  signer?: string;
  files: StoredFile[];
}

/**
 * After the council: the results with the quota applied (and ties at the cut ordered by the
 * recorded decision), the provincial decision (number, date, signer, file), publication on the
 * public page, and the heads of agencies rated not completed flagged (Quảng Nam Art. 9.2).
 */
function DecisionView({ cycle: c }: { cycle: Cycle }) {
  const reachedResults = c.step === "decision" || c.step === "published";
  const results = useCycleResults(c.id, { enabled: reachedResults });
  const [form] = Form.useForm<DecisionForm>();
  const record = useRecordDecision();
  const advance = useAdvanceCycle();
  const download = useAgencyDownload();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const rows = results.data?.results ?? [];
  const flaggedHeads = rows.filter((r) => r.headFlagged);

  const columns: TableProps<AgencyResultRow>["columns"] = [
    {
      title: t("agencyDecision.rank"),
      dataIndex: "rank",
      width: 70,
      sorter: (a, b) => a.rank - b.rank,
      defaultSortOrder: "ascend",
    },
    {
      title: t("common.agency"),
      dataIndex: "agencyName",
      sorter: (a, b) => a.agencyName.localeCompare(b.agencyName, "vi"),
      render: (name: string, r) => (
        <Space size={4} wrap>
          {name}
          {r.headFlagged && (
            <Tooltip title={t("agencyDecision.headFlagHint", { head: r.headName ?? "" })}>
              <Tag color="red" icon={<WarningOutlined />}>
                {t("agencyDecision.headFlag")}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t("agencyDecision.score"),
      dataIndex: "score",
      width: 90,
      sorter: (a, b) => a.score - b.score,
      render: (v: number) => <ScoreValue value={v} />,
    },
    {
      title: t("agencyDecision.votedLevel"),
      key: "voted",
      width: 190,
      responsive: ["lg"],
      render: (_, r) => <LevelTag level={r.votedLevel} />,
    },
    {
      title: t("agencyDecision.quota"),
      key: "quota",
      width: 170,
      responsive: ["md"],
      render: (_, r) => (r.quotaOutcome ? <Tag>{t(`agencyQuotaOutcomes.${r.quotaOutcome}`)}</Tag> : null),
    },
    {
      title: t("agencyDecision.level"),
      key: "level",
      width: 200,
      filters: (["excellent", "good", "completed", "not_completed"] as const).map((l) => ({
        text: t(`levels.${l}`),
        value: l,
      })),
      onFilter: (v, r) => r.level === v,
      render: (_, r) =>
        r.level ? <LevelTag level={r.level} /> : <Tag color="orange">{t("agencyDecision.pendingTie")}</Tag>,
    },
  ];

  const onRecord = (v: DecisionForm) =>
    record.mutate(
      {
        id: c.id,
        body: {
          version: c.version,
          number: v.number,
          date: toIsoDate(v.date),
          signer: v.signer ?? null,
          fileId: v.files[0]?.id ?? null,
        },
      },
      { onSuccess: () => message.success(t("agencyDecision.recorded")), onError },
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {!reachedResults && (
        <Alert type="info" showIcon title={t("agencyDecision.notYet", { step: t(`agencySteps.${c.step}`) })} />
      )}
      {flaggedHeads.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t("agencyDecision.headsFlagged", { n: flaggedHeads.length })}
          description={flaggedHeads.map((r) => `${r.agencyName}${r.headName ? ` — ${r.headName}` : ""}`).join("; ")}
        />
      )}
      {reachedResults && (
        <Card
          title={t("agencyDecision.resultsTitle", { group: results.data?.groupName ?? "" })}
          extra={
            <Space wrap>
              <Button
                icon={<FileExcelOutlined />}
                onClick={() =>
                  download.mutate(
                    { kind: "ranking", id: c.id, format: "xlsx" },
                    { onError: (e) => message.error(errorMessage(e)) },
                  )
                }
              >
                {t("agencyReports.rankingXlsx")}
              </Button>
              <Button
                icon={<FileWordOutlined />}
                onClick={() =>
                  download.mutate({ kind: "annex", id: c.id }, { onError: (e) => message.error(errorMessage(e)) })
                }
              >
                {t("agencyReports.annex")}
              </Button>
              <CsvButton
                filename={`ket-qua-xep-loai-${c.year}`}
                header={[
                  t("agencyDecision.rank"),
                  t("common.agency"),
                  t("agencyDecision.score"),
                  t("agencyDecision.votedLevel"),
                  t("agencyDecision.level"),
                  t("agencyDecision.headFlag"),
                ]}
                rows={() =>
                  rows.map((r) => [
                    r.rank,
                    r.agencyName,
                    r.score,
                    r.votedLevel ? t(`levels.${r.votedLevel}`) : "",
                    r.level ? t(`levels.${r.level}`) : "",
                    r.headFlagged ? "x" : "",
                  ])
                }
              />
            </Space>
          }
        >
          {results.isError ? (
            <Alert type="error" showIcon title={errorMessage(results.error)} />
          ) : (
            <Table<AgencyResultRow>
              rowKey="assessmentId"
              size="small"
              loading={results.isFetching}
              columns={columns}
              dataSource={rows}
              scroll={{ x: 800 }}
              pagination={{
                defaultPageSize: 50,
                showSizeChanger: true,
                showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
              }}
            />
          )}
        </Card>
      )}
      {c.step === "decision" && c.can.manage && <TieBreakCard cycle={c} results={rows} />}
      {reachedResults && (
        <Card title={t("agencyDecision.decisionTitle")}>
          {c.decision && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              title={t("agencyDecision.decisionIs", { number: c.decision.number, date: formatDate(c.decision.date) })}
              description={c.decision.file && <FileList files={[c.decision.file]} />}
            />
          )}
          {c.step === "decision" && c.can.manage && (
            <Form<DecisionForm>
              key={c.version}
              form={form}
              layout="vertical"
              name="decision"
              onFinish={onRecord}
              initialValues={{
                number: c.decision?.number,
                date: c.decision ? dayjs(c.decision.date) : undefined,
                signer: c.decision?.signer ?? undefined,
                files: c.decision?.file ? [c.decision.file] : [],
              }}
              className="form-grid"
            >
              <Form.Item
                name="number"
                label={t("agencyDecision.number")}
                rules={requiredText(t("agencyDecision.number"), limits.codeMax)}
              >
                <Input maxLength={limits.codeMax} placeholder={t("agencyDecision.numberPlaceholder")} />
              </Form.Item>
              <Form.Item name="date" label={t("agencyDecision.date")} rules={requiredSelect(t("agencyDecision.date"))}>
                <DatePicker format={pickerFormat} />
              </Form.Item>
              <Form.Item
                name="signer"
                label={t("agencyDecision.signer")}
                rules={optionalText(t("agencyDecision.signer"))}
              >
                <Input maxLength={limits.nameMax} />
              </Form.Item>
              <Form.Item name="files" label={t("agencyDecision.file")}>
                <FilesUpload unitId={c.ownerUnitId} max={1} onBusyChange={setBusy} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={record.isPending} disabled={busy}>
                {t("agencyDecision.record")}
              </Button>
            </Form>
          )}
          {c.step === "decision" && c.can.manage && (
            <Space wrap style={{ marginTop: 16 }}>
              <Popconfirm
                title={t("agencyDecision.publishConfirm")}
                disabled={!c.decision}
                onConfirm={() =>
                  advance.mutate(
                    { id: c.id, body: { version: c.version, step: "decision" } },
                    { onSuccess: () => message.success(t("agencyDecision.published")), onError },
                  )
                }
              >
                <Button type="primary" icon={<GlobalOutlined />} disabled={!c.decision} loading={advance.isPending}>
                  {t("agencyDecision.publish")}
                </Button>
              </Popconfirm>
              {!c.decision && (
                <Typography.Text type="secondary">{t("agencyDecision.publishNeedsDecision")}</Typography.Text>
              )}
            </Space>
          )}
          {c.step === "published" && (
            <Typography.Paragraph>
              {t("agencyDecision.publishedAt", { at: formatDateTime(c.publishedAt) })}{" "}
              <Link to={publicPaths.agencyEvaluation}>{t("agencyDecision.openPublic")}</Link>
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </Space>
  );
}
