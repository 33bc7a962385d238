import "./work.css";
import { FormOutlined, QuestionCircleOutlined, UploadOutlined } from "@ant-design/icons";
import type { Assignment, MyMonth } from "@thuocdo/contract";
import { Alert, Button, Card, Col, Row, Select, Skeleton, Space, Statistic, Tag, Typography } from "antd";
import { lazy, Suspense, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import { useMyHistory, useMyMonth } from "../../api/queries/work.ts";
import { paths, screenRoles } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { formatDate, t } from "../../i18n/index.ts";
import { formatScore } from "../../lib/score.ts";
import { AssignmentsTable } from "./AssignmentsTable.tsx";
import { ExplanationDrawer, useLineLabels } from "./ExplanationDrawer.tsx";
import { EvaluationStatusTag, PeriodStatusTag } from "./tags.tsx";

// recharts is heavy: it loads with the history card only, in its own chunk; the delivery form
// (and its date picker) loads when a delivery is first recorded.
const MonthHistoryChart = lazy(() => import("../../components/MonthHistoryChart.tsx"));
const DeliveryDrawer = lazy(async () => ({ default: (await import("./DeliveryDrawer.tsx")).DeliveryDrawer }));

export function ThisMonthPage() {
  return (
    <RequireRole roles={screenRoles.thisMonth ?? []}>
      <ThisMonth />
    </RequireRole>
  );
}

function Deadlines({ month }: { month: MyMonth }) {
  if (month.deadlines.length === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {month.deadlines.map((d) => (
        <Tag key={d.kind} color={d.overdue ? "red" : "default"}>
          {t(`deadlineKinds.${d.kind}`)}: {formatDate(d.due)}
          {d.overdue && ` — ${t("thisMonth.overdue")}`}
        </Tag>
      ))}
    </Space>
  );
}

function ScoreCard({ month, onExplain }: { month: MyMonth; onExplain: () => void }) {
  const score = month.evaluation?.score;
  return (
    <Card title={t("thisMonth.scoreTitle")} style={{ height: "100%" }}>
      {!score || score.state === "no_assignment" ? (
        <Alert type="warning" showIcon title={t("explain.noAssignmentTitle")} description={t("explain.noAssignment")} />
      ) : (
        <>
          <div className="big-score" data-testid="my-total">
            <ScoreValue value={score.total} />
          </div>
          <Space wrap>
            <LevelTag level={score.level} />
            <Tag>{t(`generalSources.${score.generalSource}`)}</Tag>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {month.period?.status === "locked" ? t("thisMonth.scoreFinal") : t("thisMonth.scoreLive")}
          </Typography.Paragraph>
          <Button icon={<QuestionCircleOutlined />} onClick={onExplain}>
            {t("explain.open")}
          </Button>
        </>
      )}
    </Card>
  );
}

function SummaryCard({ month }: { month: MyMonth }) {
  const s = month.summary;
  const cells = [
    { key: "assigned", title: t("thisMonth.assignedConverted"), value: formatScore(s.assignedConverted) },
    { key: "delivered", title: t("thisMonth.deliveredConverted"), value: formatScore(s.deliveredConverted) },
    { key: "done", title: t("thisMonth.done"), value: `${s.done} / ${s.lines}` },
    { key: "waiting", title: t("thisMonth.waitingReview"), value: String(s.waitingReview) },
    { key: "late", title: t("thisMonth.late"), value: String(s.late) },
    { key: "failed", title: t("thisMonth.failed"), value: String(s.failed) },
    { key: "overdue", title: t("thisMonth.overdueLines"), value: String(s.overdue) },
  ];
  return (
    <Card title={t("thisMonth.summaryTitle")} style={{ height: "100%" }}>
      <Row gutter={[12, 12]}>
        {cells.map((c) => (
          <Col key={c.key} xs={12} sm={8} md={6}>
            <Statistic title={c.title} value={c.value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function SelfEvaluationCard({ month }: { month: MyMonth }) {
  const ev = month.evaluation;
  const to = `${paths.selfEvaluation}?periodId=${month.period?.id ?? ""}`;
  return (
    <Card title={t("thisMonth.selfEvalTitle")} style={{ height: "100%" }}>
      <Space orientation="vertical">
        <span>
          {t("common.status")}: <EvaluationStatusTag status={ev?.status ?? "draft"} />
        </span>
        <span>
          {t("thisMonth.selfGeneral")}: <ScoreValue value={ev?.selfGeneral} />
        </span>
        <span>
          {t("thisMonth.confirmedGeneral")}: <ScoreValue value={ev?.confirmedGeneral} />
        </span>
        {ev?.managerComment && (
          <Typography.Text type="secondary">
            {t("thisMonth.managerComment", { text: ev.managerComment })}
          </Typography.Text>
        )}
        <Link to={to}>
          <Button type={ev?.can.selfEvaluate ? "primary" : "default"} icon={<FormOutlined />}>
            {ev?.can.selfEvaluate ? t("thisMonth.selfEvaluate") : t("thisMonth.viewSelfEvaluation")}
          </Button>
        </Link>
      </Space>
    </Card>
  );
}

function HistoryCard() {
  const history = useMyHistory();
  const items = [...(history.data?.items ?? [])].sort((a, b) => a.year - b.year || a.number - b.number);
  return (
    <Card title={t("thisMonth.historyTitle")}>
      {history.isPending ? (
        <Skeleton active />
      ) : history.isError ? (
        <Alert type="error" showIcon title={errorMessage(history.error)} />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t("thisMonth.noHistory")}</Typography.Text>
      ) : (
        <>
          <Suspense fallback={<Skeleton active />}>
            <MonthHistoryChart points={items.map((i) => ({ label: i.label, total: i.total }))} />
          </Suspense>
          <ul className="history-list">
            {items.map((i) => (
              <li key={i.periodId}>
                <Link to={`${paths.thisMonth}?periodId=${i.periodId}`}>{i.label}</Link>: <ScoreValue value={i.total} />{" "}
                <LevelTag level={i.level} /> <EvaluationStatusTag status={i.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function ThisMonth() {
  const [params, setParams] = useSearchParams();
  const periodId = params.get("periodId") ?? undefined;
  const month = useMyMonth(periodId);
  const [delivering, setDelivering] = useState<Assignment | null>(null);
  const [explaining, setExplaining] = useState(false);
  const labels = useLineLabels(month.data?.assignments);

  if (month.isPending) return <Skeleton active />;
  if (month.isError) return <Alert type="error" showIcon title={errorMessage(month.error)} />;
  const m = month.data;
  const period = m.period;
  const open = period?.status === "open";

  return (
    <div className="work-page">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {period ? t("thisMonth.titleWith", { label: period.label }) : t("thisMonth.title")}
        </Typography.Title>
        {period && <PeriodStatusTag status={period.status} />}
        <div style={{ flex: 1 }} />
        {m.periods.length > 0 && (
          <Select
            aria-label={t("work.pickPeriod")}
            style={{ minWidth: 180 }}
            value={period?.id}
            onChange={(id: string) => setParams({ periodId: id }, { replace: true })}
            options={m.periods.map((p) => ({ value: p.id, label: p.label }))}
          />
        )}
      </div>
      {!period ? (
        <Alert type="info" showIcon title={t("thisMonth.noPeriod")} />
      ) : (
        <>
          <Deadlines month={m} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} md={8}>
              <ScoreCard month={m} onExplain={() => setExplaining(true)} />
            </Col>
            <Col xs={24} md={16}>
              <SummaryCard month={m} />
            </Col>
          </Row>
          <Card title={t("thisMonth.assignmentsTitle")} style={{ marginBottom: 16 }}>
            <AssignmentsTable
              assignments={m.assignments}
              loading={month.isFetching}
              actions={(a) =>
                open && a.remainingQuantity > 0 ? (
                  <Button
                    size="small"
                    icon={<UploadOutlined />}
                    onClick={() => setDelivering(a)}
                    aria-label={t("thisMonth.deliverFor", { code: a.itemCode })}
                  >
                    {t("thisMonth.deliver")}
                  </Button>
                ) : null
              }
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <SelfEvaluationCard month={m} />
            </Col>
            <Col xs={24} lg={14}>
              <HistoryCard />
            </Col>
          </Row>
        </>
      )}
      {delivering && period && (
        <Suspense fallback={null}>
          <DeliveryDrawer
            assignment={delivering}
            ruleSetVersion={period.ruleSetVersion}
            onClose={() => setDelivering(null)}
          />
        </Suspense>
      )}
      {explaining && m.evaluation && (
        <ExplanationDrawer
          title={t("explain.titleFor", { name: m.personName, label: period?.label ?? "" })}
          score={m.evaluation.score}
          labels={labels}
          evaluationId={m.evaluation.id}
          onClose={() => setExplaining(false)}
        />
      )}
    </div>
  );
}
