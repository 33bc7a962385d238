import type { CriterionScore } from "@thuocdo/contract";
import { agencyLimits } from "@thuocdo/contract";
import { Alert, App, Button, Descriptions, Drawer, Input, InputNumber, Space, Table, type TableProps, Tag } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useAssessment, useSaveFinalScores } from "../../api/queries/agency.ts";
import { FileList } from "../../components/agency/FileList.tsx";
import { PageLoading } from "../../components/PageLoading.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { CriterionCell, maxLabel } from "./criteriaColumns.tsx";

type Edit = { score: number | null; note: string };

const columnLabels = {
  self: "agencyAdmin.self",
  appraised: "agencyAdmin.appraised",
  final: "agencyAdmin.final",
} as const;

/**
 * The secretariat's view of one agency: self, appraised and (proposed) final score of each
 * criterion with the appraisers' comments and the agency's explanations, and the totals the core
 * computed for each column. Final scores are editable while the cycle allows it.
 */
export function FinalScoresDrawer({
  assessmentId,
  agencyName,
  onClose,
}: {
  assessmentId: string;
  agencyName: string;
  onClose: () => void;
}) {
  const assessment = useAssessment(assessmentId);
  const save = useSaveFinalScores();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const a = assessment.data;
  const editable = !!a?.can.setFinal;

  const editOf = (c: CriterionScore): Edit =>
    edits[c.criterionId] ?? {
      score: c.final?.score ?? c.appraised?.score ?? c.self?.score ?? null,
      note: c.final?.note ?? "",
    };
  const onSave = () =>
    save.mutate(
      {
        id: assessmentId,
        body: {
          scores: Object.entries(edits).map(([criterionId, e]) => ({
            criterionId,
            score: e.score,
            note: e.note.trim() || null,
          })),
        },
      },
      {
        onSuccess: () => {
          setEdits({});
          message.success(t("agencyAdmin.finalSaved"));
        },
        onError,
      },
    );

  const columns: TableProps<CriterionScore>["columns"] = [
    { title: t("agency.criterion"), key: "c", render: (_, c) => <CriterionCell c={c} /> },
    { title: t("agency.max"), key: "max", width: 70, align: "right", render: (_, c) => maxLabel(c) },
    {
      title: t("agencyAdmin.self"),
      key: "self",
      width: 90,
      render: (_, c) =>
        c.self?.notApplicable ? (
          <Tag>{t("agency.notApplicable")}</Tag>
        ) : c.isLeaf ? (
          <ScoreValue value={c.self?.score} />
        ) : null,
    },
    {
      title: t("agencyAdmin.appraised"),
      key: "appraised",
      width: 90,
      render: (_, c) => (c.isLeaf ? <ScoreValue value={c.appraised?.score} /> : null),
    },
    {
      title: t("agencyAdmin.final"),
      key: "final",
      width: 130,
      render: (_, c) =>
        !c.isLeaf || c.self?.notApplicable ? null : editable ? (
          <InputNumber
            value={editOf(c).score}
            min={0}
            max={c.max}
            precision={agencyLimits.decimals}
            decimalSeparator=","
            style={{ width: 100 }}
            aria-label={t("agencyAdmin.finalOf", { code: c.code })}
            onChange={(v) =>
              setEdits((e) => ({ ...e, [c.criterionId]: { ...editOf(c), score: typeof v === "number" ? v : null } }))
            }
          />
        ) : (
          <ScoreValue value={c.final?.score} />
        ),
    },
    {
      title: t("agencyAdmin.commentsAndExplanations"),
      key: "notes",
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          {c.appraised?.comment && <span>{t("agencyAdmin.appraiserSaid", { text: c.appraised.comment })}</span>}
          {c.explanation && (
            <>
              <span>{t("agencyAdmin.agencyExplained", { text: c.explanation.text })}</span>
              <FileList assessmentId={assessmentId} files={c.explanation.files} />
            </>
          )}
          {editable && c.isLeaf && (
            <Input
              value={editOf(c).note}
              maxLength={agencyLimits.textMax}
              placeholder={t("agencyAdmin.finalNote")}
              aria-label={t("agencyAdmin.finalNoteOf", { code: c.code })}
              onChange={(e) => setEdits((x) => ({ ...x, [c.criterionId]: { ...editOf(c), note: e.target.value } }))}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <Drawer
      open
      size={1000}
      title={t("agencyAdmin.finalTitle", { agency: agencyName })}
      onClose={onClose}
      extra={
        editable && (
          <Button type="primary" disabled={Object.keys(edits).length === 0} loading={save.isPending} onClick={onSave}>
            {t("agencyAdmin.saveFinal")}
          </Button>
        )
      }
    >
      {assessment.isError ? (
        <Alert type="error" showIcon title={errorMessage(assessment.error)} />
      ) : !a ? (
        <PageLoading />
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {a.totals && (
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 3 }}
              items={(["self", "appraised", "final"] as const).map((col) => ({
                key: col,
                label: t(columnLabels[col]),
                children: (
                  <Space>
                    <ScoreValue value={a.totals?.[col].score} />
                    <LevelTag level={a.totals?.[col].level} />
                  </Space>
                ),
              }))}
            />
          )}
          <Table<CriterionScore>
            rowKey="criterionId"
            size="small"
            columns={columns}
            dataSource={a.criteria}
            scroll={{ x: 900 }}
            pagination={{ defaultPageSize: 100, showSizeChanger: true, hideOnSinglePage: true }}
          />
        </Space>
      )}
    </Drawer>
  );
}
