import type { AgencySettings } from "@thuocdo/contract";
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Radio, Skeleton, Space, Switch } from "antd";
import { errorMessage } from "../../api/errors.ts";
import { useAgencySettings, useUpdateAgencySettings } from "../../api/queries/work.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";

type SettingsForm = Omit<AgencySettings, "agencyId" | "version" | "firstScoredMonth"> & { firstScoredMonth?: string };

const dayRule = [{ required: true, type: "number" as const, min: 1, max: 28, message: t("cycleSettings.dayRange") }];

function SettingsBody({ settings, onClose }: { settings: AgencySettings; onClose: () => void }) {
  const [form] = Form.useForm<SettingsForm>();
  const update = useUpdateAgencySettings();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Form<SettingsForm>
      form={form}
      layout="vertical"
      name="agency-settings"
      initialValues={{ ...settings, firstScoredMonth: settings.firstScoredMonth ?? "" }}
      // mutateAsync: the saved version re-keys this form, which would drop mutate's callbacks.
      onFinish={(v) =>
        update
          .mutateAsync({
            id: settings.agencyId,
            body: { ...v, version: settings.version, firstScoredMonth: v.firstScoredMonth || null },
          })
          .then(() => {
            message.success(t("common.saved"));
            onClose();
          }, onError)
      }
    >
      <Form.Item label={t("cycleSettings.periodKind")} name="periodKind">
        <Radio.Group
          options={[
            { value: "month", label: t("cycleSettings.month") },
            { value: "quarter", label: t("cycleSettings.quarter") },
          ]}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t("cycleSettings.selfEvaluationDay")} name="selfEvaluationDay" rules={dayRule}>
          <InputNumber min={1} max={28} />
        </Form.Item>
        <Form.Item label={t("cycleSettings.reviewDay")} name="reviewDay" rules={dayRule}>
          <InputNumber min={1} max={28} />
        </Form.Item>
        <Form.Item label={t("cycleSettings.lockDay")} name="lockDay" rules={dayRule}>
          <InputNumber min={1} max={28} />
        </Form.Item>
      </Space>
      <Form.Item label={t("cycleSettings.headConfirmRequired")} name="headConfirmRequired" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        label={t("cycleSettings.firstScoredMonth")}
        name="firstScoredMonth"
        rules={[{ pattern: /^(\d{4}-(0[1-9]|1[0-2]))?$/, message: t("cycleSettings.firstScoredMonthPattern") }]}
      >
        <Input placeholder="2026-06" maxLength={7} style={{ width: 140 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t("common.save")}
      </Button>
    </Form>
  );
}

/** The agency's cycle settings (DESIGN §5): month or quarter, the deadline days, the head's step. */
export function AgencySettingsDrawer({ agencyId, onClose }: { agencyId: string; onClose: () => void }) {
  const settings = useAgencySettings(agencyId);
  return (
    <Drawer open title={t("cycleSettings.title")} onClose={onClose} size={480} destroyOnHidden>
      {settings.isPending ? (
        <Skeleton active />
      ) : settings.isError ? (
        <Alert type="error" showIcon title={errorMessage(settings.error)} />
      ) : (
        <SettingsBody key={settings.data.version} settings={settings.data} onClose={onClose} />
      )}
    </Drawer>
  );
}
