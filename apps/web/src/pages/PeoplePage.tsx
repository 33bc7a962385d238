import { DownloadOutlined, EditOutlined, EyeOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import type { Person } from "@thuocdo/contract";
import { limits } from "@thuocdo/contract";
import { Alert, App, Button, Card, Checkbox, Input, Table, type TableProps, Tag, Tooltip, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "../api/errors.ts";
import { useSession } from "../api/queries/auth.ts";
import { type PeopleQuery, useExportPeople, usePeople } from "../api/queries/people.ts";
import { hasAnyRole, paths, peopleEditors } from "../auth/access.ts";
import { RequireRole } from "../auth/RequireAuth.tsx";
import { UnitTreeSelect } from "../components/UnitPickers.tsx";
import { t } from "../i18n/index.ts";
import { useDebounced } from "../lib/useDebounced.ts";
import { PersonDrawer } from "./PersonDrawer.tsx";

const collator = new Intl.Collator("vi", { numeric: true });
const byText = (pick: (p: Person) => string | null) => (a: Person, b: Person) =>
  collator.compare(pick(a) ?? "", pick(b) ?? "");

export function PeoplePage() {
  return (
    <RequireRole roles={["hr", "head", "manager"]}>
      <People />
    </RequireRole>
  );
}

/** Reads and writes the list state in the URL, so a filtered page can be bookmarked and Back works. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const query = {
    q: params.get("q") ?? undefined,
    unitId: params.get("donVi") ?? undefined,
    includeInactive: params.get("nghi") === "1" || undefined,
    page: Math.max(1, Number(params.get("trang")) || 1),
    pageSize: Math.min(limits.pageSizeMax, Math.max(1, Number(params.get("soDong")) || 20)),
  } satisfies PeopleQuery;
  const update = (patch: Partial<Record<"q" | "donVi" | "nghi" | "trang" | "soDong", string | undefined>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  return { query, update };
}

function People() {
  const { data: session } = useSession();
  const canEdit = hasAnyRole(session, peopleEditors);
  const { query, update } = useListParams();
  const [search, setSearch] = useState(query.q ?? "");
  const debounced = useDebounced(search.trim(), 350);
  const people = usePeople(query);
  const exportPeople = useExportPeople();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Person | "new" | null>(null);

  // Typing a search goes back to page 1; the URL keeps what was searched.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search should rewrite the URL
  useEffect(() => {
    if ((query.q ?? "") !== debounced) update({ q: debounced || undefined, trang: undefined });
  }, [debounced]);

  const onExport = () => {
    const { page: _page, pageSize: _size, ...filters } = query;
    exportPeople.mutate(filters, { onError: (e) => message.error(errorMessage(e)) });
  };

  const columns: TableProps<Person>["columns"] = [
    {
      title: t("people.fullName"),
      dataIndex: "fullName",
      sorter: byText((p) => p.fullName.split(" ").at(-1) ?? p.fullName),
      render: (name: string, p) => (
        <span>
          {name}
          {!p.active && (
            <Tag style={{ marginInlineStart: 8 }} color="default">
              {t("common.inactive")}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t("people.employeeCode"), dataIndex: "employeeCode", sorter: byText((p) => p.employeeCode), width: 130 },
    { title: t("people.unit"), dataIndex: "unitName", sorter: byText((p) => p.unitName) },
    { title: t("people.position"), dataIndex: "positionName", sorter: byText((p) => p.positionName) },
    {
      title: t("people.leaderRole"),
      dataIndex: "leaderRole",
      width: 150,
      filters: (["head", "deputy", "none"] as const).map((r) => ({ text: t(`leaderRoles.${r}`), value: r })),
      onFilter: (value, p) => p.leaderRole === value,
      render: (r: Person["leaderRole"]) => (r === "none" ? t("common.none") : t(`leaderRoles.${r}`)),
    },
    { title: t("people.jobTitle"), dataIndex: "title", sorter: byText((p) => p.title), responsive: ["md"] },
    { title: t("people.email"), dataIndex: "email", responsive: ["lg"] },
    { title: t("people.phone"), dataIndex: "phone", responsive: ["lg"] },
    {
      title: t("common.actions"),
      key: "actions",
      width: 80,
      fixed: "right",
      render: (_, p) => (
        <Tooltip title={canEdit ? t("common.edit") : t("people.view")}>
          <Button
            icon={canEdit ? <EditOutlined /> : <EyeOutlined />}
            aria-label={`${canEdit ? t("common.edit") : t("people.view")} ${p.fullName}`}
            onClick={() => setOpen(p)}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("people.title")}
      </Typography.Title>
      {!canEdit && <Alert type="info" showIcon title={t("people.readOnly")} style={{ marginBottom: 12 }} />}
      <Card>
        <div className="toolbar">
          <Input.Search
            className="grow"
            placeholder={t("people.searchPlaceholder")}
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined, trang: undefined })}
            aria-label={t("common.search")}
            maxLength={limits.nameMax}
          />
          <UnitTreeSelect
            value={query.unitId}
            onChange={(v) => update({ donVi: v, trang: undefined })}
            allowClear
            placeholder={t("common.allUnits")}
            style={{ minWidth: 240, flex: "1 1 240px" }}
            aria-label={t("common.unit")}
          />
          <Checkbox
            checked={!!query.includeInactive}
            onChange={(e) => update({ nghi: e.target.checked ? "1" : undefined, trang: undefined })}
          >
            {t("people.includeInactive")}
          </Checkbox>
        </div>
        <div className="toolbar">
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen("new")}>
              {t("people.add")}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={onExport} loading={exportPeople.isPending}>
            {exportPeople.isPending ? t("people.exporting") : t("people.exportExcel")}
          </Button>
          {canEdit && (
            <Link to={paths.peopleImport}>
              <Button icon={<UploadOutlined />}>{t("people.importExcel")}</Button>
            </Link>
          )}
        </div>
        {people.isError ? (
          <Alert type="error" showIcon title={errorMessage(people.error)} />
        ) : (
          <Table<Person>
            rowKey="id"
            columns={columns}
            dataSource={people.data?.items ?? []}
            loading={people.isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: t("people.empty") }}
            showSorterTooltip={{ title: t("people.sortNote") }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: people.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100, limits.pageSizeMax],
              showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
              onChange: (page, pageSize) =>
                update({ trang: page > 1 ? String(page) : undefined, soDong: String(pageSize) }),
            }}
          />
        )}
      </Card>
      {open && <PersonDrawer person={open === "new" ? null : open} readOnly={!canEdit} onClose={() => setOpen(null)} />}
    </>
  );
}
