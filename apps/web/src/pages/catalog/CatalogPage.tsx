import { CheckCircleOutlined, CopyOutlined, DeleteOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import type { Catalog } from "@thuocdo/contract";
import { Alert, App, Button, Card, Descriptions, Empty, Space, Table, type TableProps, Typography } from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { download } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { useSession } from "../../api/queries/auth.ts";
import { useCatalogs, useDeleteCatalog, useNextCatalogVersion } from "../../api/queries/catalog.ts";
import { hasAnyRole } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { AgencySelect } from "../../components/UnitPickers.tsx";
import { formatDate, formatNumber, t } from "../../i18n/index.ts";
import { ApproveCatalogModal } from "./ApproveCatalogModal.tsx";
import { CatalogImportModal } from "./CatalogImportModal.tsx";
import { CatalogItemsTable } from "./CatalogItemsTable.tsx";
import { CreateCatalogModal } from "./CreateCatalogModal.tsx";
import { CatalogStatusTag, useCatalogErrorHandler, useHomeAgency } from "./shared.tsx";

export function CatalogPage() {
  return (
    <RequireRole roles={["hr", "head", "manager", "staff"]}>
      <Catalogs />
    </RequireRole>
  );
}

/** The version shown first: the one chosen in the URL, else the draft (for those who see it), else the newest approved. */
function pickVersion(list: Catalog[], chosen: string | null): Catalog | undefined {
  return (
    list.find((c) => c.id === chosen) ??
    list.find((c) => c.status === "draft") ??
    list.find((c) => c.status === "approved") ??
    list[0]
  );
}

function Catalogs() {
  const [params, setParams] = useSearchParams();
  const home = useHomeAgency();
  const agencyId = params.get("coQuan") ?? home;
  const { data: session } = useSession();
  const canEdit = hasAnyRole(session, ["hr"]);
  const canApprove = hasAnyRole(session, ["hr", "head"]);
  const catalogs = useCatalogs(agencyId);
  const list = catalogs.data ?? [];
  const selected = pickVersion(list, params.get("phienBan"));
  const [dialog, setDialog] = useState<"create" | "import" | "approve" | null>(null);
  const next = useNextCatalogVersion();
  const del = useDeleteCatalog();
  const onError = useCatalogErrorHandler();
  const { message, modal } = App.useApp();

  const select = (patch: Record<string, string | undefined>) => {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries({ coQuan: agencyId, phienBan: selected?.id, ...patch })) if (v) merged[k] = v;
    setParams(merged, { replace: true });
  };
  // A stale version id (deleted draft, other agency) falls back to the default pick.
  useEffect(() => {
    const chosen = params.get("phienBan");
    if (chosen && catalogs.data && !catalogs.data.some((c) => c.id === chosen)) select({ phienBan: undefined });
  });

  const hasDraft = list.some((c) => c.status === "draft");
  const hasApproved = list.some((c) => c.status !== "draft");
  const newVersion = () =>
    next.mutate(
      { agencyId: agencyId! },
      {
        onSuccess: (c) => {
          message.success(t("catalog.versionCreated", { version: c.versionNo, count: c.itemCount }));
          select({ phienBan: c.id });
        },
        onError,
      },
    );
  const confirmDelete = (c: Catalog) =>
    modal.confirm({
      title: t("catalog.deleteDraft"),
      content: t("catalog.deleteDraftConfirm", { version: c.versionNo }),
      okText: t("common.delete"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () =>
        del.mutateAsync(c.id).then(() => {
          message.success(t("common.deleted"));
          select({ phienBan: undefined });
        }, onError),
    });

  const columns: TableProps<Catalog>["columns"] = [
    { title: t("catalog.versionNo"), dataIndex: "versionNo", width: 90, render: (v: number) => `v${v}` },
    { title: t("catalog.name"), dataIndex: "name" },
    { title: t("common.status"), dataIndex: "status", width: 130, render: (s) => <CatalogStatusTag status={s} /> },
    {
      title: t("catalog.decision"),
      key: "decision",
      render: (_, c) =>
        c.decisionNumber
          ? t("catalog.decisionLine", {
              number: c.decisionNumber,
              date: formatDate(c.decisionDate),
              signer: c.decisionSigner,
            })
          : t("common.none"),
    },
    {
      title: t("catalog.effective"),
      key: "effective",
      width: 220,
      render: (_, c) =>
        c.effectiveFrom
          ? c.effectiveTo
            ? t("catalog.effectiveRange", { from: formatDate(c.effectiveFrom), to: formatDate(c.effectiveTo) })
            : t("catalog.effectiveFrom", { from: formatDate(c.effectiveFrom) })
          : t("common.none"),
    },
    { title: t("catalog.itemCount"), dataIndex: "itemCount", width: 110, align: "right", render: formatNumber },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("catalog.title")}
      </Typography.Title>
      <Card>
        <div className="toolbar">
          <AgencySelect
            value={agencyId}
            onChange={(v) => setParams(v ? { coQuan: v } : {}, { replace: true })}
            style={{ minWidth: 280, flex: "1 1 280px" }}
          />
          {canEdit && agencyId && !hasDraft && hasApproved && (
            <Button type="primary" icon={<CopyOutlined />} loading={next.isPending} onClick={newVersion}>
              {t("catalog.newVersion")}
            </Button>
          )}
          {canEdit && agencyId && !hasDraft && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog("create")}>
              {t("catalog.createDraft")}
            </Button>
          )}
        </div>
        {!agencyId ? (
          <Empty description={t("catalog.pickAgency")} />
        ) : catalogs.isError ? (
          <Alert type="error" showIcon title={errorMessage(catalogs.error)} />
        ) : (
          <Table<Catalog>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list}
            loading={catalogs.isFetching}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: t("catalog.noVersions") }}
            rowClassName={(c) => (c.id === selected?.id ? "ant-table-row-selected" : "")}
            onRow={(c) => ({ onClick: () => select({ phienBan: c.id }), style: { cursor: "pointer" } })}
          />
        )}
      </Card>
      {selected && (
        <Card
          style={{ marginTop: 16 }}
          title={
            <Space wrap>
              <span>{t("catalog.versionTitle", { version: selected.versionNo, name: selected.name })}</span>
              <CatalogStatusTag status={selected.status} />
            </Space>
          }
          extra={
            selected.status === "draft" && (
              <Space wrap>
                {canEdit && (
                  <Button icon={<UploadOutlined />} onClick={() => setDialog("import")}>
                    {t("catalog.importFile")}
                  </Button>
                )}
                {canApprove && (
                  <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog("approve")}>
                    {t("catalog.approve")}
                  </Button>
                )}
                {canEdit && (
                  <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(selected)}>
                    {t("catalog.deleteDraft")}
                  </Button>
                )}
              </Space>
            )
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("catalog.standardUnit")}>
              {t("catalog.standardUnitLine", {
                name: selected.standardUnitName,
                points: formatNumber(selected.standardPoints),
              })}
            </Descriptions.Item>
            {selected.decisionFileId && (
              <Descriptions.Item label={t("catalog.decisionFile")}>
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  onClick={() =>
                    download("downloadFile", {
                      params: { id: selected.decisionFileId! },
                      fallbackName: selected.decisionFileName ?? "quyet-dinh.pdf",
                    }).catch((e) => message.error(errorMessage(e)))
                  }
                >
                  {selected.decisionFileName}
                </Button>
              </Descriptions.Item>
            )}
          </Descriptions>
          {selected.status !== "draft" && canEdit && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("catalog.lockedHint")} />
          )}
          <CatalogItemsTable catalog={selected} editable={selected.status === "draft" && canEdit} />
        </Card>
      )}
      {dialog === "create" && agencyId && (
        <CreateCatalogModal
          agencyId={agencyId}
          onClose={(created) => {
            setDialog(null);
            if (created) select({ phienBan: created.id });
          }}
        />
      )}
      {dialog === "import" && selected && <CatalogImportModal catalog={selected} onClose={() => setDialog(null)} />}
      {dialog === "approve" && selected && (
        <ApproveCatalogModal catalog={selected} previous={list} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
