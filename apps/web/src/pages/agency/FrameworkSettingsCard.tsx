import type { Framework } from "@thuocdo/contract";
import { agencyLimits, limits } from "@thuocdo/contract";
import { agencyRuleNames, parRanks } from "@thuocdo/core";
import { App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from "antd";
import { useUpdateFramework } from "../../api/queries/agency.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { optionalText, requiredText } from "../../lib/rules.ts";

type Custom = NonNullable<Framework["customRules"]>;

interface SettingsForm {
  year: number;
  name: string;
  groupName: string;
  description?: string;
  rules: Framework["rules"];
  custom: {
    base: Custom["base"];
    excellentExceededMin?: number | null;
    completedLateMax?: number | null;
    notCompletedBelow?: number | null;
    excellentParRankMin?: Custom["excellentParRankMin"] | null;
    seriousIncidentLowersBy?: number | null;
  };
  quotaPercent: number;
  exceptionPercent: number;
  exceptionGranted: boolean;
  exceptionReference?: string;
}

const pct = (v: number | null | undefined) => (typeof v === "number" ? Math.round(v * 10000) / 100 : null);
const ratio = (v: number | null | undefined) => (typeof v === "number" ? Math.round(v * 100) / 10000 : undefined);

/**
 * Name, year and group, the level rules (Decree 335 Art. 8, Quảng Nam Art. 5, or one of them with
 * changed numbers) and the excellent quota: 20% of the agencies rated good, 25% when the competent
 * level grants the exception (Art. 8.5).
 */
export function FrameworkSettingsCard({ framework: f, editable }: { framework: Framework; editable: boolean }) {
  const [form] = Form.useForm<SettingsForm>();
  const update = useUpdateFramework();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const rules = Form.useWatch("rules", form) ?? f.rules;
  const base = Form.useWatch(["custom", "base"], form) ?? f.customRules?.base ?? "nd335";
  const granted = Form.useWatch("exceptionGranted", form) ?? f.exceptionGranted;

  const submit = (v: SettingsForm) => {
    const c = v.custom;
    update.mutate(
      {
        id: f.id,
        body: {
          version: f.version,
          year: v.year,
          name: v.name,
          groupName: v.groupName,
          description: v.description ?? null,
          rules: v.rules,
          customRules:
            v.rules === "custom"
              ? {
                  base: c.base,
                  excellentExceededMin: ratio(c.excellentExceededMin),
                  completedLateMax: ratio(c.completedLateMax),
                  notCompletedBelow: ratio(c.notCompletedBelow),
                  excellentParRankMin: c.excellentParRankMin ?? undefined,
                  seriousIncidentLowersBy: c.seriousIncidentLowersBy ?? undefined,
                }
              : null,
          quotaRate: v.quotaPercent / 100,
          exceptionRate: v.exceptionPercent / 100,
          exceptionGranted: v.exceptionGranted,
          exceptionReference: v.exceptionReference ?? null,
        },
      },
      { onSuccess: () => message.success(t("common.saved")), onError },
    );
  };

  const percentInput = (
    <InputNumber min={0} max={100} precision={2} decimalSeparator="," suffix="%" style={{ width: 140 }} />
  );

  return (
    <Card title={t("agencyFrameworks.settingsTitle")}>
      <Form<SettingsForm>
        key={f.version}
        form={form}
        layout="vertical"
        name="framework-settings"
        disabled={!editable}
        onFinish={submit}
        initialValues={{
          year: f.year,
          name: f.name,
          groupName: f.groupName,
          description: f.description ?? undefined,
          rules: f.rules,
          custom: {
            base: f.customRules?.base ?? "nd335",
            excellentExceededMin: pct(f.customRules?.excellentExceededMin ?? 0.3),
            completedLateMax: pct(f.customRules?.completedLateMax ?? 0.2),
            notCompletedBelow: pct(f.customRules?.notCompletedBelow ?? 0.7),
            excellentParRankMin: f.customRules?.excellentParRankMin ?? "tot",
            seriousIncidentLowersBy: f.customRules?.seriousIncidentLowersBy ?? 1,
          },
          quotaPercent: (pct(f.quotaRate) ?? 20) as number,
          exceptionPercent: (pct(f.exceptionRate) ?? 25) as number,
          exceptionGranted: f.exceptionGranted,
          exceptionReference: f.exceptionReference ?? undefined,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="year" label={t("agencyFrameworks.year")}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name="name" label={t("agencyFrameworks.name")} rules={requiredText(t("agencyFrameworks.name"))}>
              <Input maxLength={limits.nameMax} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="groupName"
              label={t("agencyFrameworks.group")}
              rules={requiredText(t("agencyFrameworks.group"))}
            >
              <Input maxLength={limits.nameMax} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="description"
          label={t("agencyFrameworks.description")}
          rules={optionalText(t("agencyFrameworks.description"), agencyLimits.textMax)}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={agencyLimits.textMax} />
        </Form.Item>
        <Form.Item name="rules" label={t("agencyFrameworks.rules")}>
          <Radio.Group
            options={(["nd335", "quangnam2023", "custom"] as const).map((r) => ({
              value: r,
              label: t(`agencyRuleNames.${r}`),
            }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t(`agencyRules.${rules}`)}</Typography.Paragraph>
        {rules === "custom" && (
          <Card size="small" style={{ marginBottom: 16 }} title={t("agencyFrameworks.customTitle")}>
            <Form.Item name={["custom", "base"]} label={t("agencyFrameworks.customBase")}>
              <Radio.Group options={agencyRuleNames.map((r) => ({ value: r, label: t(`agencyRuleNames.${r}`) }))} />
            </Form.Item>
            {base === "nd335" ? (
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={["custom", "excellentExceededMin"]}
                    label={t("agencyFrameworks.excellentExceededMin")}
                  >
                    {percentInput}
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={["custom", "completedLateMax"]} label={t("agencyFrameworks.completedLateMax")}>
                    {percentInput}
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={["custom", "notCompletedBelow"]} label={t("agencyFrameworks.notCompletedBelow")}>
                    {percentInput}
                  </Form.Item>
                </Col>
              </Row>
            ) : (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name={["custom", "excellentParRankMin"]} label={t("agencyFrameworks.excellentParRankMin")}>
                    <Select
                      style={{ maxWidth: 200 }}
                      options={parRanks.map((r) => ({ value: r, label: t(`agencyParRanks.${r}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={["custom", "seriousIncidentLowersBy"]}
                    label={t("agencyFrameworks.seriousIncidentLowersBy")}
                  >
                    <InputNumber min={0} max={3} />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Card>
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="quotaPercent"
              label={t("agencyFrameworks.quotaRate")}
              extra={t("agencyFrameworks.quotaHint")}
            >
              {percentInput}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="exceptionGranted" label={t("agencyFrameworks.exceptionGranted")} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="exceptionPercent" label={t("agencyFrameworks.exceptionRate")}>
              {percentInput}
            </Form.Item>
          </Col>
        </Row>
        {granted && (
          <Form.Item
            name="exceptionReference"
            label={t("agencyFrameworks.exceptionReference")}
            rules={requiredText(t("agencyFrameworks.exceptionReference"))}
          >
            <Input maxLength={limits.nameMax} placeholder={t("agencyFrameworks.exceptionReferencePlaceholder")} />
          </Form.Item>
        )}
        {editable && (
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t("agencyFrameworks.saveSettings")}
          </Button>
        )}
      </Form>
    </Card>
  );
}
