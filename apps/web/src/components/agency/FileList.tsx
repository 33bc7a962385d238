import { PaperClipOutlined } from "@ant-design/icons";
import { buildUrl, endpoints, type StoredFile } from "@thuocdo/contract";
import { Space, Typography } from "antd";
import { formatBytes } from "../../i18n/index.ts";

/**
 * Stored files as download links. Files of an agency's dossier are read through the assessment
 * (`assessmentId`), which lets its appraisers and the council open them; the generic files route
 * serves only the owning unit's users.
 */
export function FileList({
  files,
  empty,
  assessmentId,
}: {
  files: readonly StoredFile[];
  empty?: string;
  assessmentId?: string;
}) {
  if (files.length === 0) return empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : null;
  const hrefOf = (f: StoredFile) =>
    assessmentId
      ? buildUrl(endpoints.downloadAssessmentFile.path, { id: assessmentId, fileId: f.id })
      : buildUrl(endpoints.downloadFile.path, { id: f.id });
  return (
    <Space orientation="vertical" size={2}>
      {files.map((f) => (
        <a key={f.id} href={hrefOf(f)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {f.name} <Typography.Text type="secondary">({formatBytes(f.size)})</Typography.Text>
        </a>
      ))}
    </Space>
  );
}
