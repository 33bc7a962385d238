import { type Classification, limits } from "@thuocdo/contract";
import { App, Button, DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { useAddMinutes } from "../../api/queries/year.ts";
import { UnitTreeSelect } from "../../components/UnitPickers.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { FileField } from "./FileField.tsx";

interface Values {
  unitId: string;
  meetingDate: Dayjs;
  fileId: string;
  note?: string;
}

/** The minutes of a year-end meeting (Art. 21.1.b, 21.2), at the agency or one of its units. */
export function MinutesForm({ c }: { c: Classification }) {
  const [form] = Form.useForm<Values>();
  const onError = useErrorHandler(form);
  const add = useAddMinutes();
  const { message } = App.useApp();
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ unitId: c.agencyId }}
      onFinish={(v) =>
        add.mutate(
          {
            id: c.id,
            body: { unitId: v.unitId, meetingDate: v.meetingDate.format("YYYY-MM-DD"), fileId: v.fileId, note: v.note },
          },
          {
            onSuccess: () => {
              message.success(t("workflow.minutesSaved"));
              form.resetFields();
            },
            onError,
          },
        )
      }
    >
      <Form.Item
        name="unitId"
        label={t("workflow.meetingUnit")}
        rules={[{ required: true, message: t("workflow.unitRequired") }]}
      >
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item
        name="meetingDate"
        label={t("workflow.meetingDate")}
        rules={[{ required: true, message: t("yearForms.dateRequired") }]}
      >
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item
        name="fileId"
        label={t("workflow.minutesFile")}
        rules={[{ required: true, message: t("yearForms.fileRequired") }]}
      >
        <FileField unitId={c.agencyId} />
      </Form.Item>
      <Form.Item name="note" label={t("work.note")}>
        <Input maxLength={limits.noteMax} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t("workflow.addMinutes")}
      </Button>
    </Form>
  );
}
