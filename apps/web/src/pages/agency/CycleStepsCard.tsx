import { StepForwardOutlined } from "@ant-design/icons";
import type { Cycle } from "@thuocdo/contract";
import { cycleSteps } from "@thuocdo/contract";
import { Alert, App, Button, Card, DatePicker, Form, InputNumber, Popconfirm, Space, Steps, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { isApiError } from "../../api/errors.ts";
import { useAdvanceCycle, useUpdateCycle } from "../../api/queries/agency.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDate, formatDateTime, t } from "../../i18n/index.ts";
import { pickerFormat, toIsoDate } from "../../lib/workDates.ts";
import { advanceLabels, deadlineFields } from "./cycleSteps.ts";

type DeadlineForm = Record<(typeof deadlineFields)[number]["field"], Dayjs> & { quorum?: number | null };

/**
 * The cycle's steps with their deadlines (editable until passed), who closed each and when, and
 * the one button that closes the current step. A passed step is locked on the server.
 */
export function CycleStepsCard({ cycle: c }: { cycle: Cycle }) {
  const [form] = Form.useForm<DeadlineForm>();
  const update = useUpdateCycle();
  const advance = useAdvanceCycle();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const [undecided, setUndecided] = useState<string | null>(null);
  const current = cycleSteps.indexOf(c.step);
  const closedBy = new Map(c.history.map((h) => [h.step, h]));

  const items = cycleSteps.map((step, i) => {
    const dated = deadlineFields.find((d) => d.step === step);
    const closed = closedBy.get(step);
    return {
      title: t(`agencySteps.${step}`),
      description: (
        <Space orientation="vertical" size={0}>
          {dated && <span>{t("agencyAdmin.dueOn", { date: formatDate(c.deadlines[dated.field]) })}</span>}
          {closed && (
            <Typography.Text type="secondary">
              {t("agencyAdmin.closedBy", { at: formatDateTime(closed.closedAt), name: closed.closedByName ?? "" })}
            </Typography.Text>
          )}
          {i === current && step === "decision" && c.decision && (
            <Typography.Text type="secondary">
              {t("agencyAdmin.decisionRecorded", { number: c.decision.number })}
            </Typography.Text>
          )}
        </Space>
      ),
    };
  });

  const saveDeadlines = (v: DeadlineForm) =>
    update.mutate(
      {
        id: c.id,
        body: {
          version: c.version,
          deadlines: Object.fromEntries(deadlineFields.map((d) => [d.field, toIsoDate(v[d.field])])),
          quorum: v.quorum ?? null,
        },
      },
      { onSuccess: () => message.success(t("common.saved")), onError },
    );

  const onAdvance = () =>
    advance.mutate(
      { id: c.id, body: { version: c.version, step: c.step } },
      {
        onSuccess: (next) => {
          setUndecided(null);
          message.success(t("agencyAdmin.advanced", { step: t(`agencySteps.${next.step}`) }));
        },
        onError: (e) => {
          if (isApiError(e, "COUNCIL_UNDECIDED")) {
            const d = e.details as
              | { quorum?: number; present?: number; undecided?: unknown[]; ties?: unknown[] }
              | undefined;
            setUndecided(
              t("agencyAdmin.councilUndecided", {
                present: d?.present ?? 0,
                quorum: d?.quorum ?? 0,
                undecided: d?.undecided?.length ?? 0,
                ties: d?.ties?.length ?? 0,
              }),
            );
          }
          onError(e);
        },
      },
    );

  const label = c.step === "published" ? null : advanceLabels[c.step];
  return (
    <Card title={t("agencyAdmin.stepsTitle", { name: c.name })}>
      <Steps current={current} items={items} size="small" responsive style={{ marginBottom: 16 }} />
      {undecided && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={undecided} />}
      {c.can.manage && label && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Popconfirm
            title={t("agencyAdmin.advanceConfirm", { step: t(`agencySteps.${c.step}`) })}
            onConfirm={onAdvance}
          >
            <Button type="primary" icon={<StepForwardOutlined />} loading={advance.isPending}>
              {t(label)}
            </Button>
          </Popconfirm>
          <Typography.Text type="secondary">
            {t("agencyAdmin.submittedCount", { submitted: c.submittedCount, total: c.agencyCount })}
          </Typography.Text>
        </Space>
      )}
      {c.can.manage && current < cycleSteps.indexOf("decision") && (
        <Form<DeadlineForm>
          key={c.version}
          form={form}
          layout="inline"
          name="deadlines"
          onFinish={saveDeadlines}
          initialValues={{
            ...Object.fromEntries(deadlineFields.map((d) => [d.field, dayjs(c.deadlines[d.field])])),
            quorum: c.quorum,
          }}
        >
          {deadlineFields.map((d) => (
            <Form.Item key={d.field} name={d.field} label={t(d.label)} style={{ marginBottom: 8 }}>
              <DatePicker format={pickerFormat} allowClear={false} disabled={cycleSteps.indexOf(d.step) < current} />
            </Form.Item>
          ))}
          <Form.Item name="quorum" label={t("agencyAdmin.quorum")} style={{ marginBottom: 8 }}>
            <InputNumber min={1} max={200} placeholder={t("agencyAdmin.quorumDefault")} />
          </Form.Item>
          <Button htmlType="submit" loading={update.isPending}>
            {t("agencyAdmin.saveDeadlines")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
