import { PaperClipOutlined } from "@ant-design/icons";
import { fileLimits, type StoredFile } from "@thuocdo/contract";
import { App, Button, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useUploadAgencyFile } from "../../api/queries/agency.ts";
import { formatBytes, t } from "../../i18n/index.ts";
import { evidenceIssue } from "../../pages/work/DeliveryDrawer.tsx";

interface FilesUploadProps {
  /** The unit the files belong to (access to them follows it). */
  unitId: string;
  value?: StoredFile[];
  onChange?: (files: StoredFile[]) => void;
  /** Busy while a file is on its way up: the form should not save before it lands. */
  onBusyChange?: (busy: boolean) => void;
  label?: string;
  max?: number;
  id?: string;
}

const toUploadFile = (f: StoredFile): UploadFile<StoredFile> => ({
  uid: f.id,
  name: f.name,
  status: "done",
  response: f,
  size: f.size,
});

/**
 * A form control holding stored files: each picked file goes up at once (POST /api/v1/files) and
 * the value lists what landed. Type and size are checked in the browser first; the server sniffs
 * the content again.
 */
export function FilesUpload({ unitId, value, onChange, onBusyChange, label, max = 20, id }: FilesUploadProps) {
  const { message } = App.useApp();
  const uploadFile = useUploadAgencyFile();
  const [list, setList] = useState<UploadFile<StoredFile>[]>(() => (value ?? []).map(toUploadFile));
  const publish = (next: UploadFile<StoredFile>[]) => {
    setList(next);
    onBusyChange?.(next.some((f) => f.status === "uploading"));
    onChange?.(next.flatMap((f) => (f.status === "done" && f.response ? [f.response] : [])));
  };
  return (
    <Upload<StoredFile>
      multiple
      accept={fileLimits.accept}
      fileList={list}
      maxCount={max}
      beforeUpload={(file) => {
        const issue = evidenceIssue(file);
        if (issue) {
          message.error(issue);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        uploadFile
          .mutateAsync({ unitId, file: file as File })
          .then((stored) => onSuccess?.(stored))
          .catch((e: unknown) => {
            message.error(errorMessage(e));
            onError?.(e instanceof Error ? e : new Error(String(e)));
          });
      }}
      onChange={({ fileList }) => publish(fileList.filter((f) => f.status !== "error"))}
    >
      <Button id={id} icon={<PaperClipOutlined />}>
        {label ?? t("agency.pickFiles")}
      </Button>
      <span style={{ marginInlineStart: 8, color: "rgba(0,0,0,0.45)" }}>
        {t("agency.filesHint", { size: formatBytes(fileLimits.maxBytes) })}
      </span>
    </Upload>
  );
}
