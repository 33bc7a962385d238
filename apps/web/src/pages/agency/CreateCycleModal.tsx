import { limits } from "@thuocdo/contract";
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCreateCycle, useFrameworks } from "../../api/queries/agency.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { optionalText, requiredSelect } from "../../lib/rules.ts";
import { pickerFormat, toIsoDate } from "../../lib/workDates.ts";
import { deadlineFields } from "./cycleSteps.ts";

interface CycleForm {
  frameworkId: string;
  name?: string;
  quorum?: number | null;
  deadlines: Record<(typeof deadlineFields)[number]["field"], Dayjs>;
}

/** The regulation's dates in the framework's year (Quảng Nam Art. 6–8): 30/11, 05/12, 10/12, 15/12. */
export function defaultDeadlines(year: number): CycleForm["deadlines"] {
  return {
    selfAssessment: dayjs(`${year}-11-30`),
    appraisal: dayjs(`${year}-12-05`),
    explanation: dayjs(`${year}-12-10`),
    council: dayjs(`${year}-12-15`),
  };
}

/** Opening a cycle locks its framework: only frameworks without issues are offered. */
export function CreateCycleModal({ onClose }: { onClose: (createdId?: string) => void }) {
  const [form] = Form.useForm<CycleForm>();
  const create = useCreateCycle();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const frameworks = useFrameworks({ template: "false", sort: "year", order: "desc", page: 1, pageSize: 200 });
  const usable = (frameworks.data?.items ?? []).filter((f) => !f.isTemplate);

  const submit = (v: CycleForm) =>
    create.mutate(
      {
        frameworkId: v.frameworkId,
        name: v.name ?? null,
        quorum: v.quorum ?? null,
        deadlines: {
          selfAssessment: toIsoDate(v.deadlines.selfAssessment),
          appraisal: toIsoDate(v.deadlines.appraisal),
          explanation: toIsoDate(v.deadlines.explanation),
          council: toIsoDate(v.deadlines.council),
        },
      },
      {
        onSuccess: (c) => {
          message.success(t("agencyAdmin.cycleCreated", { name: c.name }));
          onClose(c.id);
        },
        onError,
      },
    );

  return (
    <Modal
      open
      title={t("agencyAdmin.createCycle")}
      okText={t("agencyAdmin.createCycleOk")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<CycleForm>
        form={form}
        layout="vertical"
        name="create-cycle"
        onFinish={submit}
        initialValues={{ deadlines: defaultDeadlines(new Date().getFullYear()) }}
        onValuesChange={(changed: Partial<CycleForm>) => {
          const f = usable.find((x) => x.id === changed.frameworkId);
          if (f) form.setFieldValue("deadlines", defaultDeadlines(f.year));
        }}
      >
        <Form.Item
          name="frameworkId"
          label={t("agencyAdmin.framework")}
          rules={requiredSelect(t("agencyAdmin.framework"))}
        >
          <Select
            loading={frameworks.isPending}
            options={usable.map((f) => ({
              value: f.id,
              label: `${f.year} · ${f.name} (${f.groupName})`,
              disabled: f.issueCount > 0,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("agencyAdmin.cycleName")}
          extra={t("agencyAdmin.cycleNameHint")}
          rules={optionalText(t("agencyAdmin.cycleName"))}
        >
          <Input maxLength={limits.nameMax} />
        </Form.Item>
        {deadlineFields.map((d) => (
          <Form.Item key={d.field} name={["deadlines", d.field]} label={t(d.label)} rules={requiredSelect(t(d.label))}>
            <DatePicker format={pickerFormat} allowClear={false} />
          </Form.Item>
        ))}
        <Form.Item name="quorum" label={t("agencyAdmin.quorum")} extra={t("agencyAdmin.quorumHint")}>
          <InputNumber min={1} max={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
