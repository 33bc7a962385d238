import { PaperClipOutlined } from "@ant-design/icons";
import { buildUrl, endpoints, fileLimits, type StoredFile } from "@thuocdo/contract";
import { App, Button, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useUploadDocument } from "../../api/queries/year.ts";
import { formatBytes, t } from "../../i18n/index.ts";

/** A stored file as a link that downloads it through the authorised route. */
export function FileLink({ file }: { file: StoredFile | null | undefined }) {
  if (!file) return null;
  return (
    <a href={buildUrl(endpoints.downloadFile.path, { id: file.id })} target="_blank" rel="noreferrer">
      <PaperClipOutlined /> {file.name}
    </a>
  );
}

/**
 * A form control for one document (a decision, minutes, an answer): the file goes up at once
 * (POST /api/v1/files, under `unitId`) and the form keeps its id. Type and size are checked
 * here first; the server checks the content again.
 */
export function FileField({
  unitId,
  value,
  onChange,
  id,
}: {
  unitId: string;
  value?: string | null;
  onChange?: (fileId: string | null) => void;
  id?: string;
}) {
  const { message } = App.useApp();
  const upload = useUploadDocument();
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  return (
    <Upload<StoredFile>
      accept={fileLimits.accept}
      maxCount={1}
      fileList={files}
      beforeUpload={(file) => {
        if (file.size > fileLimits.maxBytes) {
          message.error(t("yearForms.fileTooBig", { size: formatBytes(fileLimits.maxBytes) }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        upload
          .mutateAsync({ unitId, file: file as File })
          .then((stored) => {
            onSuccess?.(stored);
            onChange?.(stored.id);
          })
          .catch((e: unknown) => {
            message.error(errorMessage(e));
            onError?.(e instanceof Error ? e : new Error(String(e)));
          });
      }}
      onChange={({ fileList }) => setFiles(fileList.filter((f) => f.status !== "error"))}
      onRemove={() => {
        onChange?.(null);
        return true;
      }}
    >
      <Button id={id} icon={<PaperClipOutlined />} data-has-file={value ? "1" : "0"}>
        {t("yearForms.pickFile")}
      </Button>
    </Upload>
  );
}
