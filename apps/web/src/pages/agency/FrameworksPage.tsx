import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { FrameworkSummary } from "@thuocdo/contract";
import { limits } from "@thuocdo/contract";
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, type TableProps, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import { type FrameworksQuery, useFrameworks } from "../../api/queries/agency.ts";
import { paths } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { formatDateTime, t } from "../../i18n/index.ts";
import { useDebounced } from "../../lib/useDebounced.ts";
import { CreateFrameworkModal } from "./CreateFrameworkModal.tsx";

export function FrameworksPage() {
  return (
    <RequireRole roles={["hr"]}>
      <Frameworks />
    </RequireRole>
  );
}

export const frameworkPath = (id: string) => `${paths.agencyFrameworks}/${id}`;

/** Frameworks per year and group of agencies, the shipped templates among them. */
function Frameworks() {
  const navigate = useNavigate();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 350);
  const [filters, setFilters] = useState<Pick<FrameworksQuery, "year" | "status" | "template">>({});
  const [sort, setSort] = useState<Pick<FrameworksQuery, "sort" | "order">>({ sort: "year", order: "desc" });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query: FrameworksQuery = { q: q || undefined, ...filters, ...sort, ...paging };
  const list = useFrameworks(query);
  const [creating, setCreating] = useState<FrameworkSummary | "new" | null>(null);
  const items = list.data?.items ?? [];
  const setFilter = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const columns: TableProps<FrameworkSummary>["columns"] = [
    {
      title: t("agencyFrameworks.year"),
      dataIndex: "year",
      key: "year",
      width: 80,
      sorter: true,
      defaultSortOrder: "descend",
    },
    {
      title: t("agencyFrameworks.name"),
      dataIndex: "name",
      key: "name",
      sorter: true,
      render: (name: string, f) => (
        <Space wrap size={4}>
          <Link to={frameworkPath(f.id)}>{name}</Link>
          {f.isTemplate && <Tag color="orange">{t("agencyFrameworks.templateTag")}</Tag>}
          {f.versionNo > 1 && <Tag>{t("agencyFrameworks.versionNo", { n: f.versionNo })}</Tag>}
        </Space>
      ),
    },
    { title: t("agencyFrameworks.group"), dataIndex: "groupName", key: "groupName", sorter: true },
    {
      title: t("agencyFrameworks.rules"),
      dataIndex: "rules",
      key: "rules",
      width: 150,
      responsive: ["md"],
      render: (r: FrameworkSummary["rules"]) => t(`agencyRuleNames.${r}`),
    },
    {
      title: t("common.status"),
      key: "status",
      width: 170,
      render: (_, f) => (
        <Space wrap size={4}>
          <Tag color={f.status === "in_use" ? "green" : "default"}>{t(`agencyFrameworkStatuses.${f.status}`)}</Tag>
          {f.issueCount > 0 && <Tag color="red">{t("agencyFrameworks.issueCount", { n: f.issueCount })}</Tag>}
        </Space>
      ),
    },
    {
      title: t("agencyFrameworks.counts"),
      key: "counts",
      width: 170,
      responsive: ["lg"],
      render: (_, f) => t("agencyFrameworks.countsText", { criteria: f.criterionCount, agencies: f.agencyCount }),
    },
    {
      title: t("agencyFrameworks.updatedAt"),
      dataIndex: "updatedAt",
      key: "updatedAt",
      width: 150,
      sorter: true,
      responsive: ["lg"],
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 150,
      fixed: "right",
      render: (_, f) =>
        f.isTemplate ? (
          <Button size="small" onClick={() => setCreating(f)}>
            {t("agencyFrameworks.useTemplate")}
          </Button>
        ) : (
          <Button
            size="small"
            icon={<EditOutlined />}
            aria-label={t("agencyFrameworks.openOf", { name: f.name })}
            onClick={() => navigate(frameworkPath(f.id))}
          >
            {t("agencyFrameworks.open")}
          </Button>
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("agencyFrameworks.title")}
      </Typography.Title>
      <Card>
        <div className="toolbar">
          <Input.Search
            className="grow"
            allowClear
            value={search}
            placeholder={t("agencyFrameworks.search")}
            aria-label={t("agencyFrameworks.search")}
            maxLength={limits.nameMax}
            onChange={(e) => {
              setSearch(e.target.value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
          <InputNumber
            value={typeof filters.year === "number" ? filters.year : null}
            min={2000}
            max={2100}
            placeholder={t("agencyFrameworks.year")}
            aria-label={t("agencyFrameworks.year")}
            onChange={(v) => setFilter({ year: typeof v === "number" ? v : undefined })}
          />
          <Select
            allowClear
            value={filters.status}
            placeholder={t("agencyFrameworks.allStatuses")}
            aria-label={t("common.status")}
            style={{ minWidth: 170 }}
            onChange={(v) => setFilter({ status: v })}
            options={(["draft", "in_use"] as const).map((s) => ({
              value: s,
              label: t(`agencyFrameworkStatuses.${s}`),
            }))}
          />
          <Select
            allowClear
            value={filters.template}
            placeholder={t("agencyFrameworks.allKinds")}
            aria-label={t("agencyFrameworks.kind")}
            style={{ minWidth: 170 }}
            onChange={(v) => setFilter({ template: v })}
            options={[
              { value: "false", label: t("agencyFrameworks.ownOnly") },
              { value: "true", label: t("agencyFrameworks.templatesOnly") },
            ]}
          />
        </div>
        <div className="toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating("new")}>
            {t("agencyFrameworks.create")}
          </Button>
          <CsvButton
            filename="bo-tieu-chi"
            header={[
              t("agencyFrameworks.year"),
              t("agencyFrameworks.name"),
              t("agencyFrameworks.group"),
              t("agencyFrameworks.rules"),
              t("common.status"),
              t("agencyFrameworks.criteria"),
              t("agencyFrameworks.agencies"),
            ]}
            rows={() =>
              items.map((f) => [
                f.year,
                f.name,
                f.groupName,
                t(`agencyRuleNames.${f.rules}`),
                t(`agencyFrameworkStatuses.${f.status}`),
                f.criterionCount,
                f.agencyCount,
              ])
            }
          />
        </div>
        {list.isError ? (
          <Alert type="error" showIcon title={errorMessage(list.error)} />
        ) : (
          <Table<FrameworkSummary>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: t("agencyFrameworks.empty") }}
            onChange={(_, __, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = s?.columnKey;
              const field =
                key === "year" || key === "name" || key === "groupName" || key === "updatedAt" ? key : undefined;
              setSort(field && s?.order ? { sort: field, order: s.order === "ascend" ? "asc" : "desc" } : {});
            }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
          />
        )}
      </Card>
      {creating && (
        <CreateFrameworkModal
          template={creating === "new" ? null : creating}
          onClose={(createdId) => {
            setCreating(null);
            if (createdId) navigate(frameworkPath(createdId));
          }}
        />
      )}
    </>
  );
}
