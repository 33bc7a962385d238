import { type Classification, limits } from "@thuocdo/contract";
import { App, Button, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useDecide, usePetitions } from "../../api/queries/year.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { FileField } from "./FileField.tsx";

interface Values {
  number: string;
  date: Dayjs;
  signer?: string;
  fileId?: string | null;
  reason?: string;
  petitionId?: string | null;
}

/**
 * The competent head's decision (number, date, signer, scanned file). When a decision is already in
 * force this is a re-classification (Art. 21.3): it replaces the old one and needs the reason, and
 * may name the petition that led to it.
 */
export function DecisionForm({ c, onDone }: { c: Classification; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const onError = useErrorHandler(form);
  const decide = useDecide();
  const { message, modal } = App.useApp();
  const replacing = c.decisions.some((d) => d.active);
  const petitions = usePetitions({ classificationId: c.id, page: 1, pageSize: 200 }, replacing);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) =>
        // A decision binds every person's level: confirm it, even when Enter submitted the form.
        modal.confirm({
          title: replacing ? t("workflow.replaceConfirm") : t("workflow.decideConfirm"),
          content: t("workflow.decideConfirmText", { number: v.number, date: v.date.format("DD/MM/YYYY") }),
          okText: replacing ? t("workflow.replaceDecision") : t("workflow.decide"),
          cancelText: t("common.cancel"),
          // Settled on the promise: the decision re-renders the page without this form, and
          // mutate's own callbacks do not run once their component has gone.
          onOk: () =>
            decide
              .mutateAsync({
                id: c.id,
                body: {
                  version: c.version,
                  number: v.number,
                  date: v.date.format("YYYY-MM-DD"),
                  signer: v.signer,
                  fileId: v.fileId ?? null,
                  reason: v.reason,
                  petitionId: v.petitionId ?? null,
                },
              })
              .then(() => {
                message.success(replacing ? t("workflow.replaced") : t("workflow.decided"));
                onDone();
              }, onError),
        })
      }
    >
      <Form.Item
        name="number"
        label={t("workflow.decisionNumber")}
        rules={[{ required: true, whitespace: true, message: t("yearForms.documentNumberRequired") }]}
      >
        <Input maxLength={limits.codeMax} placeholder={t("workflow.decisionNumberPlaceholder")} />
      </Form.Item>
      <Form.Item
        name="date"
        label={t("workflow.decisionDate")}
        rules={[{ required: true, message: t("yearForms.dateRequired") }]}
      >
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="signer" label={t("workflow.signer")}>
        <Input maxLength={limits.nameMax} />
      </Form.Item>
      <Form.Item name="fileId" label={t("workflow.decisionFile")}>
        <FileField unitId={c.agencyId} />
      </Form.Item>
      {replacing && (
        <>
          <Form.Item
            name="reason"
            label={t("workflow.replaceReason")}
            rules={[{ required: true, whitespace: true, message: t("workflow.replaceReasonRequired") }]}
          >
            <Input.TextArea rows={2} maxLength={limits.noteMax} />
          </Form.Item>
          <Form.Item name="petitionId" label={t("workflow.fromPetition")}>
            <Select
              allowClear
              options={(petitions.data?.items ?? []).map((p) => ({ value: p.id, label: p.personName }))}
            />
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={decide.isPending}>
        {replacing ? t("workflow.replaceDecision") : t("workflow.decide")}
      </Button>
    </Form>
  );
}
