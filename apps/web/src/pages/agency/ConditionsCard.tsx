import type { Assessment } from "@thuocdo/contract";
import { classifiedLevels, parRanks } from "@thuocdo/core";
import { App, Button, Card, Form, InputNumber, Select, Typography } from "antd";
import { useUpdateAssessment } from "../../api/queries/agency.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { type ConditionName, conditionInput, isConditionName } from "../../lib/agencyScores.ts";

type ConditionsForm = Partial<Record<ConditionName, number | boolean | string | null>> & {
  proposedLevel: Assessment["proposedLevel"];
};

/** Shares of tasks travel as 0–1; people type percentages. */
const toPercent = (v: number | null | undefined) => (typeof v === "number" ? Math.round(v * 10000) / 100 : null);
const fromPercent = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) / 10000 : null);

/**
 * The facts the framework's level rules read (Decree 335 Art. 8: shares of tasks, subordinate
 * units, shortcomings; Quảng Nam Art. 5: PAR rank, serious incident) and the level the agency
 * proposes for itself (Art. 9.2).
 */
export function ConditionsCard({ assessment: a }: { assessment: Assessment }) {
  const [form] = Form.useForm<ConditionsForm>();
  const update = useUpdateAssessment();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const names = a.requiredConditions.filter(isConditionName);
  const editable = a.can.selfAssess;

  const initial: ConditionsForm = { proposedLevel: a.proposedLevel };
  for (const name of names) {
    const v = a.conditions[name];
    initial[name] = conditionInput[name] === "ratio" ? toPercent(v as number | null | undefined) : (v ?? null);
  }

  const submit = (v: ConditionsForm) => {
    const conditions: Record<string, unknown> = {};
    for (const name of names)
      conditions[name] = conditionInput[name] === "ratio" ? fromPercent(v[name]) : (v[name] ?? null);
    update.mutate(
      { id: a.id, body: { version: a.version, conditions, proposedLevel: v.proposedLevel ?? null } },
      { onSuccess: () => message.success(t("common.saved")), onError },
    );
  };

  const yesNo = [
    { value: true, label: t("agency.yes") },
    { value: false, label: t("agency.no") },
  ];

  return (
    <Card title={t("agencySelf.conditionsTitle")}>
      <Typography.Paragraph type="secondary">{t(`agencyRules.${a.rules}`)}</Typography.Paragraph>
      <Form<ConditionsForm>
        key={a.version}
        form={form}
        layout="vertical"
        name="conditions"
        disabled={!editable}
        initialValues={initial}
        onFinish={submit}
        className="form-grid"
      >
        {names.map((name) => {
          const label = t(`agencyConditions.${name}`);
          const kind = conditionInput[name];
          return (
            <Form.Item key={name} name={name} label={label}>
              {kind === "ratio" ? (
                <InputNumber min={0} max={100} precision={2} decimalSeparator="," suffix="%" style={{ width: 160 }} />
              ) : kind === "parRank" ? (
                <Select
                  allowClear
                  style={{ maxWidth: 240 }}
                  options={parRanks.map((r) => ({ value: r, label: t(`agencyParRanks.${r}`) }))}
                />
              ) : (
                <Select allowClear style={{ maxWidth: 160 }} options={yesNo} />
              )}
            </Form.Item>
          );
        })}
        <Form.Item name="proposedLevel" label={t("agencySelf.proposedLevel")}>
          <Select
            allowClear
            style={{ maxWidth: 320 }}
            options={classifiedLevels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
          />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t("agencySelf.saveConditions")}
          </Button>
        )}
      </Form>
    </Card>
  );
}
