import { SendOutlined } from "@ant-design/icons";
import type { Assessment } from "@thuocdo/contract";
import { Alert, App, Button, Card, Popconfirm, Space, Tooltip, Typography } from "antd";
import { useSubmitAssessment } from "../../api/queries/agency.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDateTime, t } from "../../i18n/index.ts";
import { type DossierGap, isConditionName, sortGaps } from "../../lib/agencyScores.ts";

/** One gap as a sentence: "Tiêu chí 2.1: chưa chấm điểm." */
export function gapText(gap: DossierGap, codeOf: (id: string) => string): string {
  const what = t(`agencyGaps.${gap.code}`);
  if (gap.criterionId) return t("agencyDossier.gapOfCriterion", { code: codeOf(gap.criterionId), what });
  if (gap.code === "condition_missing" && gap.name)
    return t("agencyDossier.gapOfCondition", {
      name: isConditionName(gap.name) ? t(`agencyConditions.${gap.name}`) : gap.name,
    });
  return what;
}

/**
 * Submission: disabled until the completeness check finds nothing missing, and the reason is
 * written next to the button (and read out with it), not hidden in a tooltip only.
 */
export function SubmitCard({ assessment: a }: { assessment: Assessment }) {
  const submit = useSubmitAssessment();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const codeOf = (id: string) => a.criteria.find((c) => c.criterionId === id)?.code ?? id;
  const gaps = sortGaps(a.gaps, codeOf);

  if (a.status === "submitted")
    return (
      <Alert
        type="success"
        showIcon
        title={t("agencySelf.submittedNotice", { at: formatDateTime(a.submittedAt), name: a.submittedByName ?? "" })}
      />
    );

  const blocked = !a.can.selfAssess || gaps.length > 0;
  const reason = !a.can.selfAssess ? t("agencySelf.cannotSubmit") : t("agencySelf.gapsCount", { n: gaps.length });
  return (
    <Card title={t("agencySelf.submitTitle")}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        {gaps.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t("agencySelf.gapsTitle", { n: gaps.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="dossier-gaps">
                {gaps.map((g) => (
                  <li key={`${g.code}:${g.criterionId ?? g.name ?? ""}`}>{gapText(g, codeOf)}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon title={t("agencySelf.ready")} />
        )}
        <Space wrap>
          <Tooltip title={blocked ? reason : undefined}>
            <Popconfirm
              title={t("agencySelf.submitConfirm")}
              disabled={blocked}
              onConfirm={() =>
                submit.mutate(a.id, { onSuccess: () => message.success(t("agencySelf.submitted")), onError })
              }
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={blocked}
                loading={submit.isPending}
                aria-describedby="submit-reason"
              >
                {t("agencySelf.submit")}
              </Button>
            </Popconfirm>
          </Tooltip>
          {blocked && (
            <Typography.Text type="secondary" id="submit-reason">
              {reason}
            </Typography.Text>
          )}
        </Space>
      </Space>
    </Card>
  );
}
