import { MessageOutlined } from "@ant-design/icons";
import type { AgencyDraft, Assessment } from "@thuocdo/contract";
import { Alert, Button, Card, Descriptions, Empty, Space, Table, type TableProps, Tag, Typography } from "antd";
import { useState } from "react";
import { errorMessage, isApiError } from "../../api/errors.ts";
import { useAssessment, useDraft } from "../../api/queries/agency.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { AssessmentPicker } from "../../components/agency/AssessmentPicker.tsx";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { FileList } from "../../components/agency/FileList.tsx";
import { useAssessmentPick } from "../../components/agency/useAssessmentPick.ts";
import { PageLoading } from "../../components/PageLoading.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { formatDate, formatDateTime, t } from "../../i18n/index.ts";
import { CriterionCell, maxLabel } from "./criteriaColumns.tsx";
import { ExplanationDrawer } from "./ExplanationDrawer.tsx";

export function DraftPage() {
  return (
    <RequireRole roles={["hr", "head"]}>
      <DraftScreen />
    </RequireRole>
  );
}

function DraftScreen() {
  const pick = useAssessmentPick();
  const draft = useDraft(pick.assessmentId);
  const assessment = useAssessment(pick.assessmentId);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("agencyDraft.title")}
      </Typography.Title>
      <AssessmentPicker {...pick} loading={pick.query.isPending} />
      {pick.query.isSuccess && pick.cycles.length === 0 ? (
        <Empty description={t("agency.noCycles")} />
      ) : pick.assessmentsQuery.isSuccess && pick.assessments.length === 0 ? (
        <Empty description={t("agencySelf.noAssessment")} />
      ) : draft.isError ? (
        isApiError(draft.error, "NOT_FOUND") ? (
          <Alert type="info" showIcon title={t("agencyDraft.notYet")} />
        ) : (
          <Alert type="error" showIcon title={errorMessage(draft.error)} />
        )
      ) : !draft.data || !assessment.data ? (
        <PageLoading />
      ) : (
        <DraftView draft={draft.data} assessment={assessment.data} />
      )}
    </>
  );
}

type Row = AgencyDraft["rows"][number];

/**
 * The draft result sent to the agency (Quảng Nam Art. 8.2): per criterion its own score against
 * the appraised one with the appraiser's comment, the total, the provisional level and rank; and
 * per criterion the agency's explanation or supplement with files, until the deadline.
 */
function DraftView({ draft: d, assessment: a }: { draft: AgencyDraft; assessment: Assessment }) {
  const [open, setOpen] = useState<Row | null>(null);
  const explanationOf = (id: string) => a.criteria.find((c) => c.criterionId === id)?.explanation ?? null;
  const diff = (r: Row) => (r.self !== null && r.appraised !== null ? r.appraised - r.self : null);

  const columns: TableProps<Row>["columns"] = [
    {
      title: t("agency.criterion"),
      key: "c",
      render: (_, r) => <CriterionCell c={{ ...r, guidance: null, requiredEvidence: null }} />,
    },
    { title: t("agency.max"), key: "max", width: 80, align: "right", render: (_, r) => maxLabel(r) },
    {
      title: t("agencyAdmin.self"),
      key: "self",
      width: 100,
      render: (_, r) => (r.notApplicable ? <Tag>{t("agency.notApplicable")}</Tag> : <ScoreValue value={r.self} />),
    },
    {
      title: t("agencyAdmin.appraised"),
      key: "appraised",
      width: 110,
      render: (_, r) => <ScoreValue value={r.appraised} />,
    },
    {
      title: t("agencyDraft.difference"),
      key: "diff",
      width: 100,
      filters: [{ text: t("agencyDraft.onlyLowered"), value: "lowered" }],
      onFilter: (_, r) => (diff(r) ?? 0) < 0,
      sorter: (a, b) => (diff(a) ?? 0) - (diff(b) ?? 0),
      render: (_, r) => {
        const v = diff(r);
        return v === null || v === 0 ? null : (
          <Typography.Text type={v < 0 ? "danger" : "success"}>
            <ScoreValue value={v} />
          </Typography.Text>
        );
      },
    },
    { title: t("agencyAppraisal.comment"), dataIndex: "comment", key: "comment", responsive: ["md"] },
    {
      title: t("agencyDraft.explanation"),
      key: "explanation",
      width: 220,
      render: (_, r) => {
        const e = explanationOf(r.criterionId);
        return (
          <Space orientation="vertical" size={2}>
            {e && (
              <>
                <Typography.Text>{e.text}</Typography.Text>
                <FileList assessmentId={a.id} files={e.files} />
              </>
            )}
            {a.can.explain && r.isLeaf && (
              <Button
                size="small"
                icon={<MessageOutlined />}
                aria-label={t("agencyDraft.explainOf", { code: r.code })}
                onClick={() => setOpen(r)}
              >
                {e ? t("agencyDraft.editExplanation") : t("agencyDraft.explain")}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "agency", label: t("common.agency"), children: d.agencyName },
            { key: "sent", label: t("agencyDraft.sentAt"), children: formatDateTime(d.sentAt) },
            { key: "due", label: t("agencyDraft.explanationDue"), children: formatDate(d.explanationDue) },
            { key: "self", label: t("agencyDraft.selfTotal"), children: <ScoreValue value={d.selfScore} /> },
            {
              key: "score",
              label: t("agencyDraft.total"),
              children: (
                <span data-testid="draft-total">
                  <ScoreValue value={d.score} />
                </span>
              ),
            },
            {
              key: "level",
              label: t("agencyDraft.level"),
              children: d.level ? <LevelTag level={d.level} /> : t("agency.levelForCouncil"),
            },
            {
              key: "rank",
              label: t("agencyDraft.rank"),
              children: t("agencyDraft.rankOf", { rank: d.rank, size: d.groupSize }),
            },
          ]}
        />
        {!a.can.explain && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t("agencyDraft.closed")} />}
      </Card>
      <Card
        title={t("agencyDraft.rowsTitle")}
        extra={
          <CsvButton
            filename={`du-thao-ket-qua-${d.agencyName}`}
            header={[
              t("common.code"),
              t("agency.criterion"),
              t("agency.max"),
              t("agencyAdmin.self"),
              t("agencyAdmin.appraised"),
              t("agencyAppraisal.comment"),
            ]}
            rows={() =>
              d.rows.map((r) => [
                r.code,
                r.name,
                r.max,
                r.notApplicable ? t("agency.notApplicable") : r.self,
                r.appraised,
                r.comment ?? "",
              ])
            }
          />
        }
      >
        <Table<Row>
          rowKey="criterionId"
          size="small"
          columns={columns}
          dataSource={d.rows}
          scroll={{ x: 900 }}
          pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
        />
      </Card>
      {open && (
        <ExplanationDrawer
          assessment={a}
          criterionId={open.criterionId}
          code={open.code}
          current={explanationOf(open.criterionId)}
          onClose={() => setOpen(null)}
        />
      )}
    </Space>
  );
}
