import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  type Catalog,
  type CatalogItem,
  type CatalogSection,
  type ComplexityGroup,
  catalogSections,
  complexityGroups,
} from "@thuocdo/contract";
import { Alert, App, Button, Input, Select, Space, Table, type TableProps, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import {
  type CatalogItemsQuery,
  useCatalogItems,
  useDeleteCatalogItem,
  useExportCatalogItems,
} from "../../api/queries/catalog.ts";
import { useUnits } from "../../api/queries/org.ts";
import { formatNumber, t } from "../../i18n/index.ts";
import { useDebounced } from "../../lib/useDebounced.ts";
import { CatalogItemModal } from "./CatalogItemModal.tsx";
import { formatCoefficient, useCatalogErrorHandler } from "./shared.tsx";

type SortKey = NonNullable<CatalogItemsQuery["sort"]>;
const sortable: Record<string, SortKey> = {
  code: "code",
  task: "task",
  complexityGroup: "complexityGroup",
  points: "points",
};

/** The items of one version: searched, filtered, sorted and paginated on the server; editable in a draft. */
export function CatalogItemsTable({ catalog, editable }: { catalog: Catalog; editable: boolean }) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  const [section, setSection] = useState<CatalogSection>();
  const [group, setGroup] = useState<ComplexityGroup>();
  const [divisionUnitId, setDivision] = useState<string>();
  const [sort, setSort] = useState<{ sort?: SortKey; order?: "asc" | "desc" }>({});
  const [pageOpts, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<CatalogItem | "new" | null>(null);
  const filter = { q: q || undefined, section, group, divisionUnitId, ...sort };
  const items = useCatalogItems(catalog.id, { ...filter, ...pageOpts });
  const exportItems = useExportCatalogItems();
  const del = useDeleteCatalogItem();
  const onError = useCatalogErrorHandler();
  const { message, modal } = App.useApp();
  const { units } = useUnits();
  const divisions = units.filter(
    (u) => u.parentId === catalog.agencyId && (u.kind === "division" || u.kind === "center"),
  );
  const resetPage = () => setPage((p) => ({ ...p, page: 1 }));

  const confirmDelete = (item: CatalogItem) =>
    modal.confirm({
      title: t("common.delete"),
      content: t("common.confirmDelete", { name: `${item.code} — ${item.task}` }),
      okText: t("common.delete"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () =>
        del.mutateAsync({ id: catalog.id, itemId: item.id }).then(() => message.success(t("common.deleted")), onError),
    });

  const columns: TableProps<CatalogItem>["columns"] = [
    { title: t("catalog.code"), dataIndex: "code", width: 110, sorter: true, fixed: "left" },
    {
      title: t("catalog.task"),
      dataIndex: "task",
      sorter: true,
      render: (_, i) => (
        <>
          <div>{i.task}</div>
          {i.detail && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.detail}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t("catalog.output"), dataIndex: "output", width: 200 },
    {
      title: t("catalog.section"),
      dataIndex: "section",
      width: 170,
      render: (s: CatalogSection, i) =>
        s === "division" && i.divisionName ? i.divisionName : t(`catalogSections.${s}`),
    },
    { title: t("catalog.group"), dataIndex: "complexityGroup", width: 80, sorter: true },
    { title: t("catalog.points"), dataIndex: "points", width: 80, align: "right", sorter: true, render: formatNumber },
    {
      title: t("catalog.coefficient"),
      dataIndex: "coefficient",
      width: 90,
      align: "right",
      render: (c: number) => <strong>{formatCoefficient(c)}</strong>,
    },
    { title: t("catalog.unitQuantity"), dataIndex: "unitQuantity", width: 90, align: "right", render: formatNumber },
    ...(editable
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            width: 110,
            render: (_: unknown, i: CatalogItem) => (
              <Space>
                <Button
                  icon={<EditOutlined />}
                  aria-label={`${t("common.edit")} ${i.code}`}
                  onClick={() => setEditing(i)}
                />
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t("common.delete")} ${i.code}`}
                  onClick={() => confirmDelete(i)}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="toolbar">
        <Input.Search
          className="grow"
          allowClear
          placeholder={t("catalog.searchPlaceholder")}
          aria-label={t("catalog.searchPlaceholder")}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            resetPage();
          }}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t("catalog.allSections")}
          aria-label={t("catalog.section")}
          value={section}
          onChange={(v) => {
            setSection(v);
            resetPage();
          }}
          options={catalogSections.map((s) => ({ value: s, label: t(`catalogSections.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t("catalog.allGroups")}
          aria-label={t("catalog.group")}
          value={group}
          onChange={(v) => {
            setGroup(v);
            resetPage();
          }}
          options={complexityGroups.map((g) => ({ value: g, label: g }))}
        />
        <Select
          allowClear
          style={{ width: 240 }}
          placeholder={t("catalog.allDivisions")}
          aria-label={t("catalog.division")}
          value={divisionUnitId}
          onChange={(v) => {
            setDivision(v);
            resetPage();
          }}
          options={divisions.map((u) => ({ value: u.id, label: u.name }))}
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exportItems.isPending}
          onClick={() =>
            exportItems.mutate({ id: catalog.id, query: filter }, { onError: (e) => message.error(errorMessage(e)) })
          }
        >
          {t("catalog.exportExcel")}
        </Button>
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("catalog.addItem")}
          </Button>
        )}
      </div>
      {items.isError ? (
        <Alert type="error" showIcon title={errorMessage(items.error)} />
      ) : (
        <Table<CatalogItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items.data?.items ?? []}
          loading={items.isFetching}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t("catalog.noItems") }}
          onChange={(pagination, _filters, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = s?.order ? sortable[String(s.field)] : undefined;
            setSort(key ? { sort: key, order: s?.order === "descend" ? "desc" : "asc" } : {});
            setPage({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
          }}
          pagination={{
            current: pageOpts.page,
            pageSize: pageOpts.pageSize,
            total: items.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
          }}
        />
      )}
      {editing && (
        <CatalogItemModal
          catalog={catalog}
          item={editing === "new" ? null : editing}
          divisions={divisions}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
