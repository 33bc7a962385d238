import { InboxOutlined } from "@ant-design/icons";
import { type Catalog, fileLimits, limits, type StoredFile } from "@thuocdo/contract";
import { Alert, App, DatePicker, Form, Input, Modal, Upload } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { upload } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { useApproveCatalog } from "../../api/queries/catalog.ts";
import { formatBytes, formatDate, t } from "../../i18n/index.ts";
import { requiredSelect, requiredText } from "../../lib/rules.ts";
import { useCatalogErrorHandler } from "./shared.tsx";

interface ApproveForm {
  decisionNumber: string;
  decisionDate: Dayjs;
  decisionSigner: string;
  effectiveFrom: Dayjs;
}

/**
 * Records the approving decision (number, date, signer, scanned copy) and
 * the effective date; from that date the previous version gives way, and
 * periods already scored keep theirs.
 */
export function ApproveCatalogModal({
  catalog,
  previous,
  onClose,
}: {
  catalog: Catalog;
  previous: Catalog[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<ApproveForm>();
  const approve = useApproveCatalog();
  const onError = useCatalogErrorHandler(form);
  const { message } = App.useApp();
  const [scan, setScan] = useState<StoredFile | null>(null);
  const [uploading, setUploading] = useState(false);
  const inForce = previous.find((c) => c.status === "approved");

  const submit = (v: ApproveForm) =>
    approve.mutate(
      {
        id: catalog.id,
        body: {
          version: catalog.version,
          decisionNumber: v.decisionNumber,
          decisionSigner: v.decisionSigner,
          decisionDate: v.decisionDate.format("YYYY-MM-DD"),
          effectiveFrom: v.effectiveFrom.format("YYYY-MM-DD"),
          decisionFileId: scan?.id ?? null,
        },
      },
      {
        onSuccess: () => {
          message.success(t("catalog.approved", { version: catalog.versionNo }));
          onClose();
        },
        onError,
      },
    );

  const sendScan = async (file: File) => {
    if (file.size > fileLimits.maxBytes) {
      message.error(t("catalog.scanTooLarge", { size: formatBytes(fileLimits.maxBytes) }));
      return;
    }
    setUploading(true);
    try {
      setScan(await upload("uploadFile", { query: { unitId: catalog.agencyId }, file }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal
      open
      title={t("catalog.approveTitle", { version: catalog.versionNo })}
      okText={t("catalog.approve")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={approve.isPending}
      okButtonProps={{ disabled: uploading }}
      destroyOnHidden
    >
      {inForce?.effectiveFrom && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("catalog.supersedeHint", { version: inForce.versionNo, from: formatDate(inForce.effectiveFrom) })}
        />
      )}
      <Form<ApproveForm>
        form={form}
        layout="vertical"
        name="catalog-approve"
        onFinish={submit}
        initialValues={{ decisionDate: dayjs(), effectiveFrom: dayjs().add(1, "month").startOf("month") }}
      >
        <Form.Item
          label={t("catalog.decisionNumber")}
          name="decisionNumber"
          rules={requiredText(t("catalog.decisionNumber"), limits.codeMax)}
        >
          <Input placeholder="283/QĐ-UBND" maxLength={limits.codeMax} />
        </Form.Item>
        <Form.Item
          label={t("catalog.decisionDate")}
          name="decisionDate"
          rules={requiredSelect(t("catalog.decisionDate"))}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item
          label={t("catalog.decisionSigner")}
          name="decisionSigner"
          rules={requiredText(t("catalog.decisionSigner"))}
        >
          <Input maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item
          label={t("catalog.effectiveFromLabel")}
          name="effectiveFrom"
          rules={requiredSelect(t("catalog.effectiveFromLabel"))}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item label={t("catalog.decisionFile")} extra={t("catalog.scanHelp")}>
          <Upload.Dragger
            accept={fileLimits.accept}
            maxCount={1}
            fileList={
              scan
                ? [{ uid: scan.id, name: scan.name, status: "done", size: scan.size }]
                : uploading
                  ? [{ uid: "up", name: "…", status: "uploading" }]
                  : []
            }
            beforeUpload={(f) => {
              void sendScan(f);
              return false;
            }}
            onRemove={() => setScan(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("catalog.pickScan")}</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
    </Modal>
  );
}
