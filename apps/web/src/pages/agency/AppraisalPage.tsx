import { SaveOutlined } from "@ant-design/icons";
import type { AppraisalRow } from "@thuocdo/contract";
import { agencyLimits, limits } from "@thuocdo/contract";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Grid,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import {
  type AppraisalQuery,
  useAppraisalProgress,
  useAppraisalRows,
  useSaveAppraisal,
} from "../../api/queries/agency.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { CyclePicker } from "../../components/agency/CyclePicker.tsx";
import { FileList } from "../../components/agency/FileList.tsx";
import { useCycleParam } from "../../components/agency/useCycleParam.ts";
import { ScoreValue } from "../../components/ScoreValue.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDateTime, t } from "../../i18n/index.ts";
import { useDebounced } from "../../lib/useDebounced.ts";
import { CriterionCell, maxLabel } from "./criteriaColumns.tsx";

export function AppraisalPage() {
  return (
    <RequireRole roles={["appraiser", "hr"]}>
      <Appraisal />
    </RequireRole>
  );
}

type Edit = { score: number | null; comment: string };
const keyOf = (r: AppraisalRow) => `${r.assessmentId}:${r.criterion.criterionId}`;

/**
 * The appraiser's desk: only the criteria the framework assigns to its agency, across every
 * agency of the cycle (the server filters). Each row shows the self score with its evidence and
 * takes the appraised score and a comment.
 */
function Appraisal() {
  const { cycleId, setCycleId, cycles, summary, query: cyclesQuery } = useCycleParam();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 350);
  const [state, setState] = useState<AppraisalQuery["state"]>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const [sort, setSort] = useState<Pick<AppraisalQuery, "sort" | "order">>({});
  const query: AppraisalQuery = { q: q || undefined, state, ...sort, ...paging };
  const rows = useAppraisalRows(cycleId, query);
  const progress = useAppraisalProgress(cycleId);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const save = useSaveAppraisal();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const open = summary?.step === "appraisal";
  // On a phone the agency moves into the criterion cell, so the scores stay on screen.
  const phone = Grid.useBreakpoint().md === false;

  const editOf = (r: AppraisalRow): Edit =>
    edits[keyOf(r)] ?? { score: r.criterion.appraised?.score ?? null, comment: r.criterion.appraised?.comment ?? "" };
  const setEdit = (r: AppraisalRow, patch: Partial<Edit>) =>
    setEdits((e) => ({ ...e, [keyOf(r)]: { ...editOf(r), ...patch } }));

  const saveRows = (list: AppraisalRow[]) => {
    const byAssessment = new Map<string, AppraisalRow[]>();
    for (const r of list) byAssessment.set(r.assessmentId, [...(byAssessment.get(r.assessmentId) ?? []), r]);
    Promise.all(
      [...byAssessment].map(([id, group]) =>
        save.mutateAsync({
          id,
          body: {
            scores: group.map((r) => {
              const e = editOf(r);
              return { criterionId: r.criterion.criterionId, score: e.score, comment: e.comment.trim() || null };
            }),
          },
        }),
      ),
    )
      .then(() => {
        setEdits((e) => {
          const next = { ...e };
          for (const r of list) delete next[keyOf(r)];
          return next;
        });
        message.success(t("agencyAppraisal.saved", { n: list.length }));
      })
      .catch(onError);
  };

  const items = rows.data?.items ?? [];
  const dirtyRows = items.filter((r) => edits[keyOf(r)] !== undefined);

  const columns: TableProps<AppraisalRow>["columns"] = [
    {
      title: t("common.agency"),
      dataIndex: "agencyName",
      key: "agencyName",
      sorter: true,
      width: 200,
      responsive: ["md"],
    },
    {
      title: t("agency.criterion"),
      key: "code",
      sorter: true,
      width: 240,
      render: (_, r) => (
        <>
          {phone && <Typography.Text type="secondary">{r.agencyName}</Typography.Text>}
          <CriterionCell c={{ ...r.criterion, depth: 0 }} />
        </>
      ),
    },
    { title: t("agency.max"), key: "max", width: 80, align: "right", render: (_, r) => maxLabel(r.criterion) },
    {
      title: t("agencySelf.selfScore"),
      key: "self",
      width: 110,
      render: (_, r) =>
        r.criterion.self?.notApplicable ? (
          <Tag>{t("agency.notApplicable")}</Tag>
        ) : (
          <ScoreValue value={r.criterion.self?.score} />
        ),
    },
    {
      title: t("agencyAppraisal.score"),
      key: "appraised",
      width: 140,
      render: (_, r) =>
        open ? (
          <InputNumber
            value={editOf(r).score}
            min={0}
            max={r.criterion.max}
            step={0.25}
            precision={agencyLimits.decimals}
            decimalSeparator=","
            style={{ width: 110 }}
            disabled={r.criterion.self?.notApplicable}
            aria-label={t("agencyAppraisal.scoreOf", { code: r.criterion.code, agency: r.agencyName })}
            onChange={(v) => setEdit(r, { score: typeof v === "number" ? v : null })}
          />
        ) : (
          <ScoreValue value={r.criterion.appraised?.score} />
        ),
    },
    {
      title: t("agencyAppraisal.comment"),
      key: "comment",
      width: 260,
      render: (_, r) =>
        open ? (
          <Input.TextArea
            value={editOf(r).comment}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={agencyLimits.textMax}
            aria-label={t("agencyAppraisal.commentOf", { code: r.criterion.code, agency: r.agencyName })}
            onChange={(e) => setEdit(r, { comment: e.target.value })}
          />
        ) : (
          r.criterion.appraised?.comment
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 90,
      fixed: "right",
      render: (_, r) =>
        open && (
          <Button
            icon={<SaveOutlined />}
            disabled={edits[keyOf(r)] === undefined}
            loading={save.isPending}
            aria-label={t("agencyAppraisal.saveOne", { code: r.criterion.code, agency: r.agencyName })}
            onClick={() => saveRows([r])}
          />
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("agencyAppraisal.title")}
      </Typography.Title>
      <div style={{ marginBottom: 16 }}>
        <CyclePicker cycles={cycles} value={cycleId} onChange={setCycleId} loading={cyclesQuery.isPending} />
      </div>
      {cyclesQuery.isSuccess && cycles.length === 0 ? (
        <Empty description={t("agency.noCycles")} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Card title={t("agencyAppraisal.progressTitle")} size="small">
            {(progress.data ?? []).length === 0 ? (
              <Typography.Text type="secondary">{t("agencyAppraisal.noAssigned")}</Typography.Text>
            ) : (
              (progress.data ?? []).map((p) => (
                <div key={p.appraiserUnitId ?? "none"} data-testid="appraisal-progress">
                  <Typography.Text>
                    {p.appraiserUnitName ?? t("agencyAppraisal.noAppraiser")} —{" "}
                    {t("agencyAppraisal.progressOf", { done: p.done, expected: p.expected, criteria: p.criteria })}
                  </Typography.Text>
                  <Progress percent={p.expected ? Math.round((p.done / p.expected) * 100) : 0} />
                </div>
              ))
            )}
          </Card>
          {!open && summary && (
            <Alert
              type="info"
              showIcon
              title={t("agencyAppraisal.notOpen", { step: t(`agencySteps.${summary.step}`) })}
            />
          )}
          <Card>
            <div className="toolbar">
              <Input.Search
                className="grow"
                allowClear
                value={search}
                placeholder={t("agencyAppraisal.search")}
                aria-label={t("agencyAppraisal.search")}
                maxLength={limits.nameMax}
                onChange={(e) => {
                  setSearch(e.target.value);
                  setPaging((p) => ({ ...p, page: 1 }));
                }}
              />
              <Select
                allowClear
                value={state}
                placeholder={t("agencyAppraisal.allStates")}
                aria-label={t("agencyAppraisal.state")}
                style={{ minWidth: 200 }}
                onChange={(v) => {
                  setState(v);
                  setPaging((p) => ({ ...p, page: 1 }));
                }}
                options={[
                  { value: "pending", label: t("agencyAppraisal.pending") },
                  { value: "done", label: t("agencyAppraisal.done") },
                ]}
              />
              <CsvButton
                filename="tham-dinh-tieu-chi"
                header={[
                  t("common.agency"),
                  t("common.code"),
                  t("agency.criterion"),
                  t("agency.max"),
                  t("agencySelf.selfScore"),
                  t("agencyAppraisal.score"),
                  t("agencyAppraisal.comment"),
                ]}
                rows={() =>
                  items.map((r) => [
                    r.agencyName,
                    r.criterion.code,
                    r.criterion.name,
                    r.criterion.max,
                    r.criterion.self?.notApplicable ? t("agency.notApplicable") : (r.criterion.self?.score ?? null),
                    r.criterion.appraised?.score ?? null,
                    r.criterion.appraised?.comment ?? "",
                  ])
                }
              />
              {open && (
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={dirtyRows.length === 0}
                  loading={save.isPending}
                  onClick={() => saveRows(dirtyRows)}
                >
                  {t("agencyAppraisal.saveAll", { n: dirtyRows.length })}
                </Button>
              )}
            </div>
            {rows.isError ? (
              <Alert type="error" showIcon title={errorMessage(rows.error)} />
            ) : (
              <Table<AppraisalRow>
                rowKey={keyOf}
                size="small"
                columns={columns}
                dataSource={items}
                loading={rows.isFetching}
                scroll={{ x: phone ? 960 : 1100 }}
                locale={{ emptyText: t("agencyAppraisal.empty") }}
                expandable={{
                  expandedRowRender: (r) => <SelfDetails row={r} />,
                  rowExpandable: (r) => !!r.criterion.self,
                }}
                onChange={(_, __, sorter) => {
                  const s = Array.isArray(sorter) ? sorter[0] : sorter;
                  const field = s?.columnKey === "agencyName" || s?.columnKey === "code" ? s.columnKey : undefined;
                  setSort(field && s?.order ? { sort: field, order: s.order === "ascend" ? "asc" : "desc" } : {});
                }}
                pagination={{
                  current: paging.page,
                  pageSize: paging.pageSize,
                  total: rows.data?.total ?? 0,
                  showSizeChanger: true,
                  pageSizeOptions: [20, 50, 100, 200],
                  showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
                  onChange: (page, pageSize) => setPaging({ page, pageSize }),
                }}
              />
            )}
          </Card>
        </Space>
      )}
    </>
  );
}

/** What the agency wrote for the criterion: note, N/A explanation, evidence, and who scored when. */
function SelfDetails({ row }: { row: AppraisalRow }) {
  const self = row.criterion.self;
  if (!self) return null;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        ...(self.notApplicable
          ? [{ key: "na", label: t("agencySelf.naExplanation"), children: self.naExplanation ?? "" }]
          : []),
        ...(self.note ? [{ key: "note", label: t("agency.note"), children: self.note }] : []),
        {
          key: "files",
          label: t("agency.evidence"),
          children: <FileList assessmentId={row.assessmentId} files={self.files} empty={t("agency.noFiles")} />,
        },
        {
          key: "by",
          label: t("agencyAppraisal.selfBy"),
          children: self.byName ? `${self.byName} — ${formatDateTime(self.at)}` : t("common.none"),
        },
        ...(row.criterion.appraised?.byName
          ? [
              {
                key: "appraisedBy",
                label: t("agencyAppraisal.appraisedBy"),
                children: `${row.criterion.appraised.byName} — ${formatDateTime(row.criterion.appraised.at)}`,
              },
            ]
          : []),
      ]}
    />
  );
}
