import "./work.css";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { limits } from "@thuocdo/contract";
import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Typography } from "antd";
import { Link, useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import { useMyMonth, useSubmitSelfEvaluation } from "../../api/queries/work.ts";
import { paths, screenRoles } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { GeneralScoresFields, type ScoresDraft, toScoresBody } from "../../components/GeneralScoresFields.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDate, formatDateTime, t } from "../../i18n/index.ts";
import { requiredText } from "../../lib/rules.ts";
import { EvaluationStatusTag } from "./tags.tsx";

interface SelfForm {
  scores: ScoresDraft;
  selfAssessment: string;
}

export function SelfEvaluationPage() {
  return (
    <RequireRole roles={screenRoles.selfEvaluation ?? []}>
      <SelfEvaluation />
    </RequireRole>
  );
}

/**
 * Mẫu 01 — the general criteria self-scored: 3 criteria, 10 sub-criteria with their maxima and the
 * Appendix I descriptors as help, a live exact sum, and a short self-assessment.
 */
function SelfEvaluation() {
  const [params] = useSearchParams();
  const month = useMyMonth(params.get("periodId") ?? undefined);
  const [form] = Form.useForm<SelfForm>();
  const submit = useSubmitSelfEvaluation();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scores = Form.useWatch("scores", form);

  if (month.isPending) return <Skeleton active />;
  if (month.isError) return <Alert type="error" showIcon title={errorMessage(month.error)} />;
  const { period, evaluation } = month.data;
  if (!period) return <Alert type="info" showIcon title={t("thisMonth.noPeriod")} />;
  const editable = evaluation?.can.selfEvaluate ?? period.status === "open";
  const back = `${paths.thisMonth}?periodId=${period.id}`;

  const onFinish = (v: SelfForm) =>
    submit.mutate(
      {
        id: period.id,
        body: { version: evaluation?.version, scores: toScoresBody(v.scores), selfAssessment: v.selfAssessment },
      },
      {
        onSuccess: () => {
          message.success(t("selfEval.submitted"));
          navigate(back);
        },
        onError,
      },
    );

  return (
    <div className="work-page">
      <Space style={{ marginBottom: 8 }}>
        <Link to={back}>
          <ArrowLeftOutlined /> {t("selfEval.back")}
        </Link>
      </Space>
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("selfEval.title", { label: period.label })}
        </Typography.Title>
        {evaluation && <EvaluationStatusTag status={evaluation.status} />}
      </div>
      <Typography.Paragraph type="secondary">
        {t("selfEval.intro", { due: formatDate(period.selfEvaluationDue) })}
      </Typography.Paragraph>
      {evaluation?.submittedAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("selfEval.submittedAt", { at: formatDateTime(evaluation.submittedAt) })}
        />
      )}
      {!editable && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("selfEval.readOnly")} />}
      <Form<SelfForm>
        form={form}
        layout="vertical"
        name="self-evaluation"
        disabled={!editable}
        onFinish={onFinish}
        initialValues={{
          scores: evaluation?.selfScores ?? {},
          selfAssessment: evaluation?.selfAssessment ?? "",
        }}
      >
        <GeneralScoresFields scores={scores} />
        <Card size="small" style={{ marginTop: 12 }}>
          <Form.Item
            label={t("selfEval.selfAssessment")}
            name="selfAssessment"
            rules={requiredText(t("selfEval.selfAssessment"), limits.noteMax)}
            extra={t("selfEval.selfAssessmentHint")}
          >
            <Input.TextArea rows={4} maxLength={limits.noteMax} showCount />
          </Form.Item>
          {editable && (
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {t("selfEval.submit")}
            </Button>
          )}
        </Card>
      </Form>
    </div>
  );
}
