import type { Assessment } from "@thuocdo/contract";
import { Alert, Card, Descriptions, Empty, Space, Tag, Typography } from "antd";
import { errorMessage } from "../../api/errors.ts";
import { useAssessment } from "../../api/queries/agency.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { AssessmentPicker } from "../../components/agency/AssessmentPicker.tsx";
import { useAssessmentPick } from "../../components/agency/useAssessmentPick.ts";
import { PageLoading } from "../../components/PageLoading.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { formatDate, formatDateTime, t } from "../../i18n/index.ts";
import { ConditionsCard } from "./ConditionsCard.tsx";
import { DossierCard } from "./DossierCard.tsx";
import { SelfScoresCard } from "./SelfScoresCard.tsx";
import { SubmitCard } from "./SubmitCard.tsx";

export function SelfAssessmentPage() {
  return (
    <RequireRole roles={["hr", "head"]}>
      <SelfAssessment />
    </RequireRole>
  );
}

function SelfAssessment() {
  const pick = useAssessmentPick();
  const assessment = useAssessment(pick.assessmentId);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("agencySelf.title")}
      </Typography.Title>
      <AssessmentPicker {...pick} loading={pick.query.isPending} />
      {pick.query.isSuccess && pick.cycles.length === 0 ? (
        <Empty description={t("agency.noCycles")} />
      ) : pick.assessmentsQuery.isSuccess && pick.assessments.length === 0 ? (
        <Empty description={t("agencySelf.noAssessment")} />
      ) : assessment.isError ? (
        <Alert type="error" showIcon title={errorMessage(assessment.error)} />
      ) : !assessment.data ? (
        <PageLoading />
      ) : (
        <AssessmentView assessment={assessment.data} />
      )}
    </>
  );
}

function AssessmentView({ assessment: a }: { assessment: Assessment }) {
  const self = a.totals?.self;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "agency", label: t("common.agency"), children: a.agencyName },
            {
              key: "status",
              label: t("common.status"),
              children: (
                <Tag color={a.status === "submitted" ? "green" : "default"} data-testid="assessment-status">
                  {t(`agencyStatuses.${a.status}`)}
                </Tag>
              ),
            },
            { key: "deadline", label: t("agencySelf.deadline"), children: formatDate(a.deadlines.selfAssessment) },
            {
              key: "score",
              label: t("agencySelf.selfTotal"),
              children: (
                <span data-testid="self-total">
                  <ScoreValue value={self?.score} />
                </span>
              ),
            },
            {
              key: "level",
              label: t("agencySelf.computedLevel"),
              children: self?.level ? <LevelTag level={self.level} /> : t("agency.levelForCouncil"),
            },
            {
              key: "submitted",
              label: t("agencySelf.submittedAt"),
              children: a.submittedAt
                ? t("agencySelf.submittedBy", { at: formatDateTime(a.submittedAt), name: a.submittedByName ?? "" })
                : t("common.none"),
            },
          ]}
        />
        {self && self.missingScores > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t("agencySelf.missingScores", { n: self.missingScores })}
          />
        )}
      </Card>
      <SelfScoresCard assessment={a} />
      <ConditionsCard assessment={a} />
      <DossierCard assessment={a} />
      <SubmitCard assessment={a} />
    </Space>
  );
}
