import "./work.css";
import { AuditOutlined, CheckCircleOutlined, FileExcelOutlined, PlusOutlined } from "@ant-design/icons";
import { type Board, type BoardRow, limits, type Period } from "@thuocdo/contract";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  List,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  type TableProps,
  Tag,
  Typography,
} from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { download } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { useAssignments, useBoard, usePeriods, usePersonEvaluation } from "../../api/queries/work.ts";
import { screenRoles } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { UnitTreeSelect } from "../../components/UnitPickers.tsx";
import { formatDate, t } from "../../i18n/index.ts";
import { formatScore } from "../../lib/score.ts";
import { useDebounced } from "../../lib/useDebounced.ts";
import { AssignDrawer, LoadTag } from "./AssignDrawer.tsx";
import { ConfirmDrawer } from "./ConfirmDrawer.tsx";
import { ExplanationDrawer, useLineLabels } from "./ExplanationDrawer.tsx";
import { PersonWorkDrawer } from "./PersonWorkDrawer.tsx";
import { EvaluationStatusTag, PeriodStatusTag } from "./tags.tsx";

export function DivisionBoardPage() {
  return (
    <RequireRole roles={screenRoles.board ?? []}>
      <DivisionBoard />
    </RequireRole>
  );
}

type SortKey = "personName" | "assignedConverted" | "total" | "status";
type Person = { id: string; name: string };
type Open =
  | { kind: "assign"; personIds?: string[] }
  | { kind: "work"; person: Person }
  | { kind: "confirm"; person: Person }
  | { kind: "explain"; person: Person }
  | null;

/** The board's state in the URL (period, division, search, sort, page), so a view can be shared. */
function useBoardParams() {
  const [params, setParams] = useSearchParams();
  const sort = params.get("sapXep") as SortKey | null;
  const state = {
    periodId: params.get("periodId") ?? undefined,
    unitId: params.get("donVi") ?? undefined,
    q: params.get("q") ?? undefined,
    sort: sort ?? undefined,
    order: (params.get("chieu") as "asc" | "desc" | null) ?? undefined,
    page: Math.max(1, Number(params.get("trang")) || 1),
    pageSize: Math.min(limits.pageSizeMax, Math.max(1, Number(params.get("soDong")) || 50)),
  };
  const update = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  return { state, update };
}

function BoardTotals({ board }: { board: Board }) {
  const cells = [
    { key: "people", title: t("board.people"), value: String(board.totals.people) },
    { key: "waiting", title: t("board.waitingReview"), value: String(board.totals.waitingReview) },
    { key: "notSelf", title: t("board.notSelfEvaluated"), value: String(board.totals.notSelfEvaluated) },
    { key: "confirmed", title: t("board.confirmed"), value: `${board.totals.confirmed} / ${board.totals.people}` },
    { key: "median", title: t("board.median"), value: formatScore(board.medianAssignedConverted) },
    { key: "overdue", title: t("board.overdueCount"), value: String(board.overdue.length) },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cells.map((c) => (
        <Col key={c.key} xs={12} sm={8} lg={4}>
          <Card size="small">
            <Statistic title={c.title} value={c.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function OverdueCard({ board, onOpen }: { board: Board; onOpen: (p: Person) => void }) {
  if (board.overdue.length === 0) return null;
  return (
    <Card title={t("board.overdueTitle", { n: board.overdue.length })} size="small" style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={board.overdue}
        pagination={board.overdue.length > 5 ? { pageSize: 5, size: "small" } : false}
        renderItem={(o) => (
          <List.Item>
            <Space wrap>
              <Tag color="red">{t(`overdueKinds.${o.kind}`)}</Tag>
              <Button type="link" size="small" onClick={() => onOpen({ id: o.personId, name: o.personName })}>
                {o.personName}
              </Button>
              {o.itemCode && <strong>{o.itemCode}</strong>}
              <Typography.Text type="secondary">{t("board.dueOn", { date: formatDate(o.due) })}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The division's month as an Excel summary (one row per person), from the stored scores. */
function SummaryDownload({ periodId, unitId }: { periodId: string; unitId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const get = async () => {
    setBusy(true);
    try {
      await download("divisionSummaryXlsx", { query: { periodId, unitId }, fallbackName: "tong-hop-phong.xlsx" });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={get}>
      {t("board.summaryXlsx")}
    </Button>
  );
}

/** Drill-down from a board number to the core's explanation of that person's score. */
function PersonExplanation({ period, person, onClose }: { period: Period; person: Person; onClose: () => void }) {
  const evaluation = usePersonEvaluation(period.id, person.id);
  const lines = useAssignments(period.id, { personId: person.id, page: 1, pageSize: limits.pageSizeMax });
  const labels = useLineLabels(lines.data?.items);
  if (!evaluation.data) return null;
  return (
    <ExplanationDrawer
      title={t("explain.titleFor", { name: person.name, label: period.label })}
      score={evaluation.data.score}
      labels={labels}
      evaluationId={evaluation.data.id}
      onClose={onClose}
    />
  );
}

const sortOrder = (key: SortKey, state: { sort?: SortKey; order?: "asc" | "desc" }): SortOrder =>
  state.sort === key ? (state.order === "desc" ? "descend" : "ascend") : null;

function DivisionBoard() {
  const { state, update } = useBoardParams();
  const periods = usePeriods({ page: 1, pageSize: 36, sort: "startsOn", order: "desc" });
  const [search, setSearch] = useState(state.q ?? "");
  const debounced = useDebounced(search.trim(), 350);
  const [open, setOpen] = useState<Open>(null);

  // No period chosen: the latest open one, else the latest.
  const periodList = periods.data?.items ?? [];
  const periodId = state.periodId ?? (periodList.find((p) => p.status === "open") ?? periodList[0])?.id;
  const board = useBoard(periodId, {
    unitId: state.unitId,
    q: state.q,
    sort: state.sort,
    order: state.order,
    page: state.page,
    pageSize: state.pageSize,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search should rewrite the URL
  useEffect(() => {
    if ((state.q ?? "") !== debounced) update({ q: debounced || undefined, trang: undefined });
  }, [debounced]);

  const b = board.data;
  const period = b?.period;
  const locked = period?.status === "locked";
  const person = (r: BoardRow): Person => ({ id: r.personId, name: r.personName });

  const columns: TableProps<BoardRow>["columns"] = [
    {
      title: t("work.person"),
      key: "personName",
      sorter: true,
      sortOrder: sortOrder("personName", state),
      render: (_, r) => (
        <span>
          <Button type="link" style={{ padding: 0 }} onClick={() => setOpen({ kind: "work", person: person(r) })}>
            {r.personName}
          </Button>
          <br />
          <Typography.Text type="secondary">{r.positionName ?? t("common.none")}</Typography.Text>
          {r.leaderRole !== "none" && (
            <>
              <br />
              <Tag>{t(`leaderRoles.${r.leaderRole}`)}</Tag>
            </>
          )}
        </span>
      ),
    },
    {
      title: t("board.assigned"),
      key: "assignedConverted",
      sorter: true,
      sortOrder: sortOrder("assignedConverted", state),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <ScoreValue value={r.assignedConverted} />
          {b && <LoadTag load={r.assignedConverted} median={b.medianAssignedConverted} />}
          {r.extraConverted > 0 && (
            <Typography.Text type="secondary">
              {t("board.extra", { value: formatScore(r.extraConverted) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("board.delivered"),
      key: "delivered",
      render: (_, r) => (
        <span>
          <ScoreValue value={r.deliveredConverted} />
          <br />
          <Typography.Text type="secondary">{t("board.lines", { n: r.lines })}</Typography.Text>
        </span>
      ),
    },
    {
      title: t("board.issues"),
      key: "issues",
      render: (_, r) => (
        <Space wrap size={4}>
          {r.waitingReview > 0 && <Tag color="processing">{t("board.waitingN", { n: r.waitingReview })}</Tag>}
          {r.late > 0 && <Tag color="orange">{t("board.lateN", { n: r.late })}</Tag>}
          {r.failed > 0 && <Tag color="red">{t("board.failedN", { n: r.failed })}</Tag>}
          {r.overdue > 0 && <Tag color="volcano">{t("board.overdueN", { n: r.overdue })}</Tag>}
        </Space>
      ),
    },
    {
      title: t("board.selfEvaluated"),
      key: "self",
      filters: [
        { text: t("board.selfYes"), value: true },
        { text: t("board.selfNo"), value: false },
      ],
      onFilter: (v, r) => r.selfEvaluated === v,
      render: (_, r) =>
        r.selfEvaluated ? <Tag color="green">{t("board.selfYes")}</Tag> : <Tag>{t("board.selfNo")}</Tag>,
    },
    {
      title: t("common.status"),
      key: "status",
      sorter: true,
      sortOrder: sortOrder("status", state),
      render: (_, r) => <EvaluationStatusTag status={r.status} />,
    },
    {
      title: t("board.score"),
      key: "total",
      width: 190,
      sorter: true,
      sortOrder: sortOrder("total", state),
      render: (_, r) =>
        r.scoreState === "no_assignment" ? (
          <Tag color="warning">{t("board.noAssignment")}</Tag>
        ) : (
          <Space orientation="vertical" size={0}>
            <Button
              type="link"
              style={{ padding: 0 }}
              onClick={() => setOpen({ kind: "explain", person: person(r) })}
              aria-label={t("board.explainFor", { name: r.personName })}
            >
              <ScoreValue value={r.total} />
            </Button>
            <LevelTag level={r.level} />
          </Space>
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      fixed: "right",
      width: 150,
      render: (_, r) => (
        <Space orientation="vertical" size={4}>
          <Button size="small" icon={<AuditOutlined />} onClick={() => setOpen({ kind: "work", person: person(r) })}>
            {t("board.review")}
          </Button>
          <Button
            size="small"
            icon={<CheckCircleOutlined />}
            onClick={() => setOpen({ kind: "confirm", person: person(r) })}
            aria-label={t("board.confirmFor", { name: r.personName })}
          >
            {t("board.confirm")}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="work-page">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("board.title")}
        </Typography.Title>
        {period && <PeriodStatusTag status={period.status} />}
      </div>
      <div className="toolbar">
        <Select
          aria-label={t("work.pickPeriod")}
          style={{ minWidth: 180 }}
          loading={periods.isPending}
          value={periodId}
          onChange={(id: string) => update({ periodId: id, trang: undefined })}
          options={periodList.map((p) => ({ value: p.id, label: `${p.label} — ${p.agencyName}` }))}
          placeholder={t("work.pickPeriod")}
        />
        <UnitTreeSelect
          value={state.unitId ?? b?.unitId}
          onChange={(v) => update({ donVi: v, trang: undefined })}
          style={{ minWidth: 220, flex: "1 1 220px" }}
          aria-label={t("common.unit")}
        />
        <Input.Search
          className="grow"
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("board.searchPlaceholder")}
          aria-label={t("common.search")}
          maxLength={limits.nameMax}
        />
        {b && <SummaryDownload periodId={b.period.id} unitId={b.unitId} />}
        {b && !locked && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: "assign" })}>
            {t("board.assign")}
          </Button>
        )}
      </div>
      {periods.isError && <Alert type="error" showIcon title={errorMessage(periods.error)} />}
      {!periods.isPending && periodList.length === 0 && <Alert type="info" showIcon title={t("board.noPeriod")} />}
      {board.isError && <Alert type="error" showIcon title={errorMessage(board.error)} />}
      {board.isPending && periodId && <Skeleton active />}
      {b && period && (
        <>
          <Typography.Paragraph type="secondary">
            {t("board.intro", { unit: b.unitName, label: period.label, due: formatDate(period.reviewDue) })}
          </Typography.Paragraph>
          <BoardTotals board={b} />
          <Card>
            <Table<BoardRow>
              rowKey="personId"
              columns={columns}
              dataSource={b.items}
              loading={board.isFetching}
              scroll={{ x: 1240 }}
              locale={{ emptyText: t("board.empty") }}
              onChange={(pagination, _filters, sorter) => {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                const key = s?.order ? (s.columnKey as SortKey) : undefined;
                update({
                  sapXep: key,
                  chieu: key ? (s?.order === "descend" ? "desc" : "asc") : undefined,
                  trang: pagination.current && pagination.current > 1 ? String(pagination.current) : undefined,
                  soDong: pagination.pageSize ? String(pagination.pageSize) : undefined,
                });
              }}
              pagination={{
                current: b.page,
                pageSize: b.pageSize,
                total: b.total,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100, limits.pageSizeMax],
                showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
              }}
            />
          </Card>
          <OverdueCard board={b} onOpen={(p) => setOpen({ kind: "work", person: p })} />
        </>
      )}
      {open?.kind === "assign" && b && period && (
        <AssignDrawer
          period={period}
          rows={b.items}
          unitId={b.unitId}
          unitName={b.unitName}
          median={b.medianAssignedConverted}
          presetPersonIds={open.personIds}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === "work" && period && (
        <PersonWorkDrawer
          period={period}
          person={open.person}
          onAssign={() => setOpen({ kind: "assign", personIds: [open.person.id] })}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === "confirm" && period && (
        <ConfirmDrawer periodId={period.id} person={open.person} onClose={() => setOpen(null)} />
      )}
      {open?.kind === "explain" && period && (
        <PersonExplanation period={period} person={open.person} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
