import { BranchesOutlined, DeleteOutlined, DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import type { Framework } from "@thuocdo/contract";
import { Alert, App, Button, Empty, Popconfirm, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage, importIssues } from "../../api/errors.ts";
import {
  useAgencyDownload,
  useDeleteFramework,
  useFramework,
  useImportFramework,
  useNewFrameworkVersion,
} from "../../api/queries/agency.ts";
import { paths } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { PageLoading } from "../../components/PageLoading.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { CriteriaEditor } from "./CriteriaEditor.tsx";
import { FrameworkAgenciesCard } from "./FrameworkAgenciesCard.tsx";
import { FrameworkSettingsCard } from "./FrameworkSettingsCard.tsx";
import { frameworkPath } from "./FrameworksPage.tsx";

export function FrameworkEditorPage() {
  return (
    <RequireRole roles={["hr"]}>
      <Editor />
    </RequireRole>
  );
}

function Editor() {
  const { id } = useParams();
  const fw = useFramework(id);
  if (fw.isError) return <Alert type="error" showIcon title={errorMessage(fw.error)} />;
  if (!fw.data) return <PageLoading />;
  return <FrameworkView framework={fw.data} />;
}

/** A framework: its settings, the agencies it ranks, and the criteria tree with import/export. */
function FrameworkView({ framework: f }: { framework: Framework }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const download = useAgencyDownload();
  const importXlsx = useImportFramework();
  const newVersion = useNewFrameworkVersion();
  const remove = useDeleteFramework();
  const [importRows, setImportRows] = useState<ReturnType<typeof importIssues>>([]);
  const editable = !f.locked && !f.isTemplate;

  const onImport = (file: File) => {
    setImportRows([]);
    importXlsx.mutate(
      { id: f.id, file },
      {
        onSuccess: (next) => message.success(t("agencyFrameworks.imported", { n: next.criteria.length })),
        onError: (e) => {
          setImportRows(importIssues(e));
          onError(e);
        },
      },
    );
  };

  return (
    <>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Link to={paths.agencyFrameworks}>{t("agencyFrameworks.backToList")}</Link>
      </Space>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {f.name}{" "}
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {t("agencyFrameworks.yearGroup", { year: String(f.year), group: f.groupName })}
        </Typography.Text>
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={f.status === "in_use" ? "green" : "default"}>{t(`agencyFrameworkStatuses.${f.status}`)}</Tag>
        <Tag>{t("agencyFrameworks.versionNo", { n: f.versionNo })}</Tag>
        <Tag>{t("agencyFrameworks.ruleSet", { version: f.ruleSetVersion })}</Tag>
      </Space>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        {f.isTemplate && (
          <Alert
            type="warning"
            showIcon
            title={t("agencyFrameworks.templateBanner")}
            description={t("agencyFrameworks.templateText")}
          />
        )}
        {f.locked && (
          <Alert
            type="info"
            showIcon
            title={t("agencyFrameworks.lockedTitle")}
            description={t("agencyFrameworks.lockedText", { n: f.cycleCount })}
            action={
              <Button
                type="primary"
                icon={<BranchesOutlined />}
                loading={newVersion.isPending}
                onClick={() =>
                  newVersion.mutate(f.id, {
                    onSuccess: (next) => {
                      message.success(t("agencyFrameworks.versionCreated", { n: next.versionNo }));
                      navigate(frameworkPath(next.id));
                    },
                    onError,
                  })
                }
              >
                {t("agencyFrameworks.newVersion")}
              </Button>
            }
          />
        )}
        <div className="toolbar">
          <Button
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() =>
              download.mutate({ kind: "framework", id: f.id }, { onError: (e) => message.error(errorMessage(e)) })
            }
          >
            {t("agencyFrameworks.exportXlsx")}
          </Button>
          {editable && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                onImport(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importXlsx.isPending}>
                {t("agencyFrameworks.importXlsx")}
              </Button>
            </Upload>
          )}
          {!f.locked && f.cycleCount === 0 && (
            <Popconfirm
              title={t("common.confirmDelete", { name: f.name })}
              onConfirm={() =>
                remove.mutate(f.id, {
                  onSuccess: () => {
                    message.success(t("common.deleted"));
                    navigate(paths.agencyFrameworks);
                  },
                  onError,
                })
              }
            >
              <Button danger icon={<DeleteOutlined />}>
                {t("agencyFrameworks.delete")}
              </Button>
            </Popconfirm>
          )}
        </div>
        {importRows.length > 0 && (
          <Table
            size="small"
            rowKey={(r) => `${r.row}:${r.column ?? ""}:${r.message}`}
            dataSource={importRows}
            pagination={{ pageSize: 10 }}
            title={() => t("agencyFrameworks.importIssues", { n: importRows.length })}
            columns={[
              { title: t("agencyFrameworks.row"), dataIndex: "row", width: 80 },
              { title: t("agencyFrameworks.column"), dataIndex: "column", width: 120 },
              { title: t("agencyFrameworks.problem"), dataIndex: "message" },
            ]}
          />
        )}
        <CriteriaEditor framework={f} editable={editable} />
        <FrameworkSettingsCard framework={f} editable={editable} />
        <FrameworkAgenciesCard framework={f} editable={!f.isTemplate && !f.locked} />
        {f.criteria.length === 0 && !editable && <Empty description={t("agency.noCriteria")} />}
      </Space>
    </>
  );
}
