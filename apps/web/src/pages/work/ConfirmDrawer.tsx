import { type Evaluation, limits } from "@thuocdo/contract";
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Radio, Skeleton, Space, Typography } from "antd";
import { errorMessage } from "../../api/errors.ts";
import { useConfirmEvaluation, useHeadConfirmEvaluation, usePersonEvaluation } from "../../api/queries/work.ts";
import { GeneralScoresFields, type ScoresDraft, toScoresBody } from "../../components/GeneralScoresFields.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDateTime, t } from "../../i18n/index.ts";
import { optionalText } from "../../lib/rules.ts";
import { EvaluationStatusTag } from "./tags.tsx";

interface ConfirmForm {
  scores: ScoresDraft;
  comment?: string;
  organizing?: 1 | 0.5;
  organizingReason?: string;
  unity?: 1 | 0.5;
  unityReason?: string;
}

/** đ or e (Art. 15.3): 100% or 50%, and 50% must say why. */
function LeaderPointField({
  name,
  reasonName,
  label,
}: {
  name: "organizing" | "unity";
  reasonName: "organizingReason" | "unityReason";
  label: string;
}) {
  const value = Form.useWatch(name);
  return (
    <>
      <Form.Item label={label} name={name} rules={[{ required: true, message: t("confirm.leaderRequired") }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 1, label: t("confirm.full") },
            { value: 0.5, label: t("confirm.half") },
          ]}
        />
      </Form.Item>
      {value === 0.5 && (
        <Form.Item
          label={t("confirm.halfReason")}
          name={reasonName}
          rules={[
            { required: true, whitespace: true, message: t("confirm.halfReasonRequired") },
            ...optionalText(t("confirm.halfReason"), limits.noteMax),
          ]}
        >
          <Input.TextArea rows={2} maxLength={limits.noteMax} />
        </Form.Item>
      )}
    </>
  );
}

function ConfirmFormBody({ evaluation, onDone }: { evaluation: Evaluation; onDone: () => void }) {
  const [form] = Form.useForm<ConfirmForm>();
  const confirm = useConfirmEvaluation();
  const headConfirm = useHeadConfirmEvaluation();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const scores = Form.useWatch("scores", form);
  const leader = evaluation.leaderRole !== "none";
  const canConfirm = evaluation.can.confirm;

  // mutateAsync, not mutate: the saved version re-keys this form, and a remounted component
  // would never hear mutate's per-call callbacks (no toast, the drawer left open).
  const submit = (v: ConfirmForm) =>
    confirm
      .mutateAsync({
        id: evaluation.id,
        body: {
          version: evaluation.version,
          scores: toScoresBody(v.scores),
          comment: v.comment || null,
          ...(leader
            ? {
                organizing: v.organizing,
                organizingReason: v.organizing === 0.5 ? (v.organizingReason ?? null) : null,
                unity: v.unity,
                unityReason: v.unity === 0.5 ? (v.unityReason ?? null) : null,
              }
            : {}),
        },
      })
      .then(() => {
        message.success(t("confirm.done", { name: evaluation.personName }));
        onDone();
      }, onError);

  const confirmAsHead = () =>
    headConfirm
      .mutateAsync({
        id: evaluation.id,
        body: { version: evaluation.version, comment: form.getFieldValue("comment") || null },
      })
      .then(() => {
        message.success(t("confirm.headDone", { name: evaluation.personName }));
        onDone();
      }, onError);

  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 12 }}
        items={[
          { key: "status", label: t("common.status"), children: <EvaluationStatusTag status={evaluation.status} /> },
          {
            key: "score",
            label: t("confirm.currentScore"),
            children: (
              <Space>
                <ScoreValue value={evaluation.score.total} />
                <LevelTag level={evaluation.score.level} />
              </Space>
            ),
          },
          {
            key: "self",
            label: t("confirm.selfAssessment"),
            children: evaluation.selfAssessment ?? t("confirm.notSelfEvaluated"),
          },
          ...(evaluation.confirmedAt
            ? [
                {
                  key: "confirmed",
                  label: t("confirm.confirmedBy"),
                  children: `${evaluation.confirmedByName ?? ""} — ${formatDateTime(evaluation.confirmedAt)}`,
                },
              ]
            : []),
        ]}
      />
      {!evaluation.selfScores && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("confirm.noSelfScores")} />
      )}
      <Form<ConfirmForm>
        form={form}
        layout="vertical"
        name="confirm-evaluation"
        disabled={!canConfirm}
        onFinish={submit}
        initialValues={{
          scores: evaluation.confirmedScores ?? evaluation.selfScores ?? {},
          comment: evaluation.managerComment ?? "",
          organizing: (evaluation.organizing as 1 | 0.5 | null) ?? 1,
          organizingReason: evaluation.organizingReason ?? "",
          unity: (evaluation.unity as 1 | 0.5 | null) ?? 1,
          unityReason: evaluation.unityReason ?? "",
        }}
      >
        <GeneralScoresFields scores={scores} compareWith={evaluation.selfScores} />
        {leader && (
          <Card size="small" title={t("confirm.leaderTitle")} style={{ marginBottom: 12 }}>
            <Typography.Paragraph type="secondary">{t("confirm.leaderIntro")}</Typography.Paragraph>
            <LeaderPointField name="organizing" reasonName="organizingReason" label={t("confirm.organizing")} />
            <LeaderPointField name="unity" reasonName="unityReason" label={t("confirm.unity")} />
          </Card>
        )}
        <Form.Item
          label={t("confirm.comment")}
          name="comment"
          rules={optionalText(t("confirm.comment"), limits.noteMax)}
        >
          <Input.TextArea rows={3} maxLength={limits.noteMax} />
        </Form.Item>
        <Space wrap>
          {canConfirm && (
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              {t("confirm.submit")}
            </Button>
          )}
          {evaluation.can.headConfirm && (
            // The form is read-only for a head who cannot confirm as manager; their own step stays enabled.
            <Button type="primary" ghost disabled={false} loading={headConfirm.isPending} onClick={confirmAsHead}>
              {t("confirm.headSubmit")}
            </Button>
          )}
        </Space>
      </Form>
    </>
  );
}

/**
 * Confirm one person's period (Art. 17.2): the general points beside the self scores, đ and e for
 * heads and deputies, a comment; then the head's confirmation where the agency requires it. A
 * concurrent confirmation by someone else answers CONFLICT: the reload dialog says so.
 */
export function ConfirmDrawer({
  periodId,
  person,
  onClose,
}: {
  periodId: string;
  person: { id: string; name: string };
  onClose: () => void;
}) {
  const evaluation = usePersonEvaluation(periodId, person.id);
  return (
    <Drawer open title={t("confirm.title", { name: person.name })} onClose={onClose} size={760} destroyOnHidden>
      {evaluation.isPending ? (
        <Skeleton active />
      ) : evaluation.isError ? (
        <Alert type="error" showIcon title={errorMessage(evaluation.error)} />
      ) : (
        // A new version (after a reload) starts the form again from what the server holds.
        <ConfirmFormBody key={evaluation.data.version} evaluation={evaluation.data} onDone={onClose} />
      )}
    </Drawer>
  );
}
