import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { type Catalog, type CatalogImportReport, catalogSections, complexityGroups, limits } from "@thuocdo/contract";
import { Alert, App, Button, Checkbox, Descriptions, Modal, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { errorMessage, importIssues } from "../../api/errors.ts";
import {
  type ImportOptions,
  useCatalogTemplate,
  useCommitCatalogImport,
  usePreviewCatalogImport,
} from "../../api/queries/catalog.ts";
import { formatBytes, formatNumber, t } from "../../i18n/index.ts";

type Issue = CatalogImportReport["issues"][number];

/** Why a chosen file cannot be sent, or null. The server decides CSV or XLSX by content; this only catches the obvious. */
function fileProblem(file: File): string | null {
  if (!/\.(csv|xlsx)$/i.test(file.name)) return t("catalogImport.wrongType");
  if (file.size > limits.importFileBytes)
    return t("catalogImport.tooLarge", { name: file.name, size: formatBytes(limits.importFileBytes) });
  return null;
}

const counts = <K extends string>(keys: readonly K[], of: Partial<Record<K, number>>, label: (k: K) => string) =>
  keys
    .filter((k) => of[k])
    .map((k) => `${label(k)}: ${formatNumber(of[k]!)}`)
    .join(" · ");

/**
 * Upload → preview (counts and every bad line with its reason) → the user
 * chooses: fix the file and load it again, or import only the good rows.
 * The file is sent again on commit; the server keeps nothing between calls.
 */
export function CatalogImportModal({ catalog, onClose }: { catalog: Catalog; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [replace, setReplace] = useState(catalog.itemCount > 0);
  const preview = usePreviewCatalogImport();
  const commit = useCommitCatalogImport();
  const template = useCatalogTemplate();
  const { message } = App.useApp();
  const report = preview.data;
  const options = (mode: ImportOptions["mode"]): ImportOptions => ({ mode, replace });

  const check = (f: File) =>
    preview.mutate({ id: catalog.id, file: f, options: options("all") }, { onError: () => undefined });
  const choose = (f: File) => {
    const p = fileProblem(f);
    setProblem(p);
    setFile(p ? null : f);
    commit.reset();
    if (p) preview.reset();
    else check(f);
    return false;
  };
  const reload = () => {
    setFile(null);
    preview.reset();
    commit.reset();
  };
  const send = (mode: ImportOptions["mode"]) =>
    file &&
    commit.mutate(
      { id: catalog.id, file, options: options(mode) },
      {
        onSuccess: (r) => {
          message.success(t("catalogImport.done", { count: r.imported }));
          onClose();
        },
      },
    );
  const commitIssues = importIssues(commit.error);

  return (
    <Modal
      open
      width={960}
      title={t("catalogImport.title", { version: catalog.versionNo })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t("catalogImport.help")}{" "}
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            loading={template.isPending}
            onClick={() => template.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}
          >
            {t("catalogImport.template")}
          </Button>
        </Typography.Paragraph>
        <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} disabled={!!report}>
          {t("catalogImport.replace", { count: catalog.itemCount })}
        </Checkbox>
        {!report && (
          <Upload.Dragger accept=".csv,.xlsx" maxCount={1} showUploadList={false} beforeUpload={choose}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {preview.isPending ? t("catalogImport.checking") : t("catalogImport.pick")}
            </p>
          </Upload.Dragger>
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
        {preview.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(preview.error)}
            action={<Button onClick={reload}>{t("catalogImport.reload")}</Button>}
          />
        )}
        {report && file && (
          <>
            <Descriptions size="small" bordered column={1} data-testid="import-summary">
              <Descriptions.Item label={t("catalogImport.file")}>{file.name}</Descriptions.Item>
              <Descriptions.Item label={t("catalogImport.rows")}>
                {t("catalogImport.rowsLine", { total: report.totalRows, good: report.goodRows, bad: report.badRows })}
              </Descriptions.Item>
              <Descriptions.Item label={t("catalogImport.bySection")}>
                {counts(catalogSections, report.bySection, (s) => t(`catalogSections.${s}`))}
              </Descriptions.Item>
              <Descriptions.Item label={t("catalogImport.byGroup")}>
                {counts(complexityGroups, report.byGroup, (g) => g)}
              </Descriptions.Item>
            </Descriptions>
            {report.unmatchedDivisions.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t("catalogImport.unmatched", { names: report.unmatchedDivisions.join("; ") })}
              />
            )}
            {report.issues.length > 0 && (
              <>
                <Alert type="warning" showIcon title={t("catalogImport.badRowsTitle", { count: report.badRows })} />
                <Table<Issue>
                  rowKey={(r) => `${r.row}:${r.column ?? ""}:${r.message}`}
                  dataSource={report.issues}
                  size="small"
                  pagination={{ defaultPageSize: 10, showSizeChanger: true }}
                  columns={[
                    { title: t("catalogImport.line"), dataIndex: "row", width: 80, sorter: (a, b) => a.row - b.row },
                    {
                      title: t("catalogImport.column"),
                      dataIndex: "column",
                      width: 150,
                      render: (c: string | null) => c ?? t("common.none"),
                    },
                    { title: t("catalogImport.reason"), dataIndex: "message" },
                  ]}
                />
              </>
            )}
            {commit.isError && (
              <Alert
                type="error"
                showIcon
                title={commitIssues.length > 0 ? t("catalogImport.changed") : errorMessage(commit.error)}
              />
            )}
            <Space wrap style={{ justifyContent: "flex-end", width: "100%" }}>
              {report.issues.length > 0 ? (
                <>
                  <Button onClick={reload}>{t("catalogImport.fixFile")}</Button>
                  <Button
                    type="primary"
                    disabled={report.goodRows === 0}
                    loading={commit.isPending}
                    onClick={() => send("good_rows")}
                  >
                    {t("catalogImport.goodRowsOnly", { count: report.goodRows })}
                  </Button>
                </>
              ) : (
                <>
                  <Button onClick={reload}>{t("catalogImport.otherFile")}</Button>
                  <Button type="primary" loading={commit.isPending} onClick={() => send("all")}>
                    {t("catalogImport.importAll", { count: report.goodRows })}
                  </Button>
                </>
              )}
            </Space>
          </>
        )}
      </Space>
    </Modal>
  );
}
