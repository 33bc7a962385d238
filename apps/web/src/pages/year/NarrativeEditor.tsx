import { limits, narrativeKeys } from "@thuocdo/contract";
import { Alert, App, Button, Form, Input, Select, Skeleton } from "antd";
import { errorMessage } from "../../api/errors.ts";
import { useReportNarrative, useUpdateReportNarrative } from "../../api/queries/year.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";

type Key = (typeof narrativeKeys)[number];
interface Values {
  documentNumber?: string;
  recipients?: string[];
  signerTitle?: string;
  signerName?: string;
  sections: Partial<Record<Key, string>>;
}

/**
 * The editable sections of the implementation report to Sở Nội vụ (the bao-cao-nguyet-an-2026
 * shape). The figures (positions, products, evaluations on time, levels) come from the data when
 * the DOCX is made; these are the words around them.
 */
export function NarrativeEditor({ agencyId, year }: { agencyId: string; year: number }) {
  const narrative = useReportNarrative(agencyId, year);
  const save = useUpdateReportNarrative();
  const [form] = Form.useForm<Values>();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  if (narrative.isPending) return <Skeleton active />;
  if (narrative.isError) return <Alert type="error" showIcon title={errorMessage(narrative.error)} />;
  const n = narrative.data;
  return (
    <Form<Values>
      key={`${n.agencyId}-${n.year}-${n.version}`}
      form={form}
      layout="vertical"
      initialValues={{
        documentNumber: n.documentNumber ?? "",
        recipients: n.recipients,
        signerTitle: n.signerTitle ?? "",
        signerName: n.signerName ?? "",
        sections: n.sections,
      }}
      onFinish={(v) =>
        save.mutate(
          {
            agencyId,
            year,
            body: {
              version: n.version,
              documentNumber: v.documentNumber,
              recipients: (v.recipients ?? []).map((r) => r.trim()).filter(Boolean),
              signerTitle: v.signerTitle,
              signerName: v.signerName,
              sections: v.sections,
            },
          },
          {
            onSuccess: () => message.success(t("common.saved")),
            onError,
          },
        )
      }
    >
      <Form.Item name="documentNumber" label={t("yearReports.documentNumber")}>
        <Input maxLength={limits.codeMax} placeholder={t("yearReports.documentNumberPlaceholder")} />
      </Form.Item>
      <Form.Item name="recipients" label={t("yearReports.recipient")} extra={t("yearReports.recipientHelp")}>
        <Select mode="tags" open={false} tokenSeparators={[";"]} maxCount={20} />
      </Form.Item>
      <Form.Item name="signerTitle" label={t("yearReports.signerTitle")}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 3 }}
          maxLength={limits.nameMax}
          placeholder={t("yearReports.signerTitlePlaceholder")}
        />
      </Form.Item>
      <Form.Item name="signerName" label={t("workflow.signer")}>
        <Input maxLength={limits.nameMax} />
      </Form.Item>
      {narrativeKeys.map((k) => (
        <Form.Item key={k} name={["sections", k]} label={t(`narrative.${k}`)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={limits.noteMax * 10} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t("yearReports.saveNarrative")}
      </Button>
    </Form>
  );
}
