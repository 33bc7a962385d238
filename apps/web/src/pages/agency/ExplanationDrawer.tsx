import type { Assessment, StoredFile } from "@thuocdo/contract";
import { agencyLimits } from "@thuocdo/contract";
import { App, Button, Drawer, Form, Input, Space } from "antd";
import { useState } from "react";
import { useSaveExplanation } from "../../api/queries/agency.ts";
import { FilesUpload } from "../../components/agency/FilesUpload.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { requiredText } from "../../lib/rules.ts";

type Explanation = NonNullable<Assessment["criteria"][number]["explanation"]>;

/** The agency's explanation or supplement on one criterion of its draft, with files. */
export function ExplanationDrawer({
  assessment,
  criterionId,
  code,
  current,
  onClose,
}: {
  assessment: Assessment;
  criterionId: string;
  code: string;
  current: Explanation | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ text: string; files: StoredFile[] }>();
  const save = useSaveExplanation();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Drawer
      open
      size={520}
      title={t("agencyDraft.explanationTitle", { code })}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} disabled={busy}>
            {t("agencyDraft.sendExplanation")}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        name="explanation"
        initialValues={{ text: current?.text ?? "", files: current?.files ?? [] }}
        onFinish={(v) =>
          save.mutate(
            { id: assessment.id, criterionId, body: { text: v.text, fileIds: v.files.map((f) => f.id) } },
            {
              onSuccess: () => {
                message.success(t("agencyDraft.explanationSaved", { code }));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="text"
          label={t("agencyDraft.explanationText")}
          rules={requiredText(t("agencyDraft.explanationText"), agencyLimits.textMax)}
        >
          <Input.TextArea rows={6} maxLength={agencyLimits.textMax} showCount />
        </Form.Item>
        <Form.Item name="files" label={t("agencyDraft.explanationFiles")}>
          <FilesUpload unitId={assessment.agencyId} onBusyChange={setBusy} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
