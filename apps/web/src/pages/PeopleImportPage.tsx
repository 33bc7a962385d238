import { DownloadOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { type ImportRowIssue, limits } from "@thuocdo/contract";
import { Alert, App, Button, Card, Form, Space, Steps, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage, importIssues } from "../api/errors.ts";
import { useDownloadTemplate, useImportPeople } from "../api/queries/people.ts";
import { paths } from "../auth/access.ts";
import { RequireRole } from "../auth/RequireAuth.tsx";
import { AgencySelect } from "../components/UnitPickers.tsx";
import { formatBytes, formatNumber, t } from "../i18n/index.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Why a chosen file cannot be sent, or null. */
export function fileProblem(file: { name: string; size: number; type: string }): string | null {
  if (!file.name.toLowerCase().endsWith(".xlsx") && file.type !== XLSX_TYPE) return t("imports.fileWrongType");
  if (file.size > limits.importFileBytes)
    return t("imports.fileTooLarge", { name: file.name, size: formatBytes(limits.importFileBytes) });
  return null;
}

export function PeopleImportPage() {
  return (
    <RequireRole roles={["hr"]}>
      <PeopleImport />
    </RequireRole>
  );
}

function PeopleImport() {
  const [agencyId, setAgencyId] = useState<string>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const template = useDownloadTemplate();
  const importPeople = useImportPeople();
  const { message } = App.useApp();
  const badRows: ImportRowIssue[] = importIssues(importPeople.error);

  const send = () => {
    if (!agencyId || !file) return;
    importPeople.mutate(
      { agencyId, file },
      { onSuccess: (r) => message.success(t("imports.success", { count: r.imported })) },
    );
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("imports.title")}
      </Typography.Title>
      <Alert type="warning" showIcon title={t("imports.allOrNothing")} style={{ marginBottom: 16 }} />
      <Card>
        <Steps
          orientation="vertical"
          current={file && agencyId ? 2 : 1}
          items={[
            {
              title: t("imports.step1"),
              content: (
                <Space orientation="vertical">
                  <Typography.Text>{t("imports.step1Text")}</Typography.Text>
                  <Button
                    icon={<DownloadOutlined />}
                    loading={template.isPending}
                    onClick={() => template.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}
                  >
                    {t("imports.downloadTemplate")}
                  </Button>
                </Space>
              ),
            },
            {
              title: t("imports.step2"),
              content: (
                <Form layout="vertical" style={{ maxWidth: 560, marginTop: 8 }}>
                  <Typography.Paragraph type="secondary">
                    {t("imports.step2Text", {
                      rows: formatNumber(limits.importRowsMax),
                      size: formatBytes(limits.importFileBytes),
                    })}
                  </Typography.Paragraph>
                  <Form.Item label={t("imports.agency")} required>
                    <AgencySelect value={agencyId} onChange={setAgencyId} />
                  </Form.Item>
                  <Form.Item
                    label={t("imports.pickFile")}
                    required
                    validateStatus={fileError ? "error" : undefined}
                    help={fileError ?? undefined}
                  >
                    <Upload.Dragger
                      accept=".xlsx"
                      maxCount={1}
                      fileList={file ? [{ uid: "file", name: file.name, status: "done", size: file.size }] : []}
                      beforeUpload={(f) => {
                        const problem = fileProblem(f);
                        setFileError(problem);
                        setFile(problem ? null : f);
                        importPeople.reset();
                        return false;
                      }}
                      onRemove={() => {
                        setFile(null);
                        importPeople.reset();
                      }}
                    >
                      <p className="ant-upload-drag-icon">
                        <InboxOutlined />
                      </p>
                      <p className="ant-upload-text">{t("imports.pickFile")}</p>
                    </Upload.Dragger>
                  </Form.Item>
                  <Button
                    type="primary"
                    icon={<UploadOutlined />}
                    disabled={!agencyId || !file}
                    loading={importPeople.isPending}
                    onClick={send}
                  >
                    {importPeople.isPending ? t("imports.uploading") : t("imports.upload")}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      </Card>
      {importPeople.isSuccess && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t("imports.success", { count: importPeople.data.imported })}
          action={
            <Link to={paths.people}>
              <Button>{t("imports.backToList")}</Button>
            </Link>
          }
        />
      )}
      {importPeople.isError && badRows.length === 0 && (
        <Alert type="error" showIcon style={{ marginTop: 16 }} title={errorMessage(importPeople.error)} />
      )}
      {badRows.length > 0 && (
        <Card style={{ marginTop: 16 }} title={t("imports.badRowsTitle", { count: badRows.length })}>
          <Table<ImportRowIssue>
            rowKey={(r) => `${r.row}:${r.column ?? ""}:${r.message}`}
            dataSource={badRows}
            size="small"
            pagination={{ defaultPageSize: 50, showSizeChanger: true }}
            columns={[
              { title: t("imports.row"), dataIndex: "row", width: 90, sorter: (a, b) => a.row - b.row },
              {
                title: t("imports.column"),
                dataIndex: "column",
                width: 160,
                render: (c: string | null) => c ?? t("common.none"),
              },
              { title: t("imports.reason"), dataIndex: "message" },
            ]}
          />
        </Card>
      )}
    </>
  );
}
