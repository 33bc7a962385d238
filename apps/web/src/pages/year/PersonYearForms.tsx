import type { PersonYear } from "@thuocdo/contract";
import { classifiedLevels } from "@thuocdo/core";
import { App, Button, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { usePartyOpinion, useSelfProposal } from "../../api/queries/year.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { FileField } from "./FileField.tsx";

const isoOf = (d: Dayjs) => d.format("YYYY-MM-DD");

/** The person's own proposed level and self-evaluation report (Mẫu 02, Art. 21.1.a–b). */
export function SelfProposalForm({ data, classificationId }: { data: PersonYear; classificationId: string }) {
  const [form] = Form.useForm<{ level: (typeof classifiedLevels)[number]; selfReport?: string }>();
  const onError = useErrorHandler(form);
  const save = useSelfProposal();
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ level: data.row.selfProposedLevel ?? undefined, selfReport: data.selfReport ?? "" }}
      onFinish={(v) =>
        save.mutate(
          { id: classificationId, personId: data.row.personId, body: { level: v.level, selfReport: v.selfReport } },
          {
            onSuccess: () => message.success(t("personYear.selfProposalSaved")),
            onError,
          },
        )
      }
    >
      <Form.Item
        name="level"
        label={t("personYear.selfLevel")}
        rules={[{ required: true, message: t("personYear.selfLevelRequired") }]}
      >
        <Select options={classifiedLevels.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />
      </Form.Item>
      <Form.Item name="selfReport" label={t("personYear.selfReport")}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t("personYear.saveSelfProposal")}
      </Button>
    </Form>
  );
}

/** The Party committee's opinion on a head or deputy (Art. 21.1.c, 21.2), recorded by hr or the head. */
export function PartyOpinionForm({
  data,
  classificationId,
  unitId,
}: {
  data: PersonYear;
  classificationId: string;
  unitId: string;
}) {
  const [form] = Form.useForm<{ opinion: string; date: Dayjs; fileId?: string | null }>();
  const onError = useErrorHandler(form);
  const save = usePartyOpinion();
  const { message } = App.useApp();
  const current = data.partyOpinion;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ opinion: current?.opinion ?? "", date: current ? dayjs(current.date) : undefined }}
      onFinish={(v) =>
        save.mutate(
          {
            id: classificationId,
            personId: data.row.personId,
            body: { opinion: v.opinion, date: isoOf(v.date), fileId: v.fileId ?? null },
          },
          {
            onSuccess: () => message.success(t("personYear.partySaved")),
            onError,
          },
        )
      }
    >
      <Form.Item
        name="opinion"
        label={t("personYear.partyOpinion")}
        rules={[{ required: true, whitespace: true, message: t("personYear.partyRequired") }]}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item
        name="date"
        label={t("personYear.partyDate")}
        rules={[{ required: true, message: t("yearForms.dateRequired") }]}
      >
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="fileId" label={t("yearForms.file")}>
        <FileField unitId={unitId} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t("personYear.saveParty")}
      </Button>
    </Form>
  );
}
