import { DownloadOutlined, EyeOutlined, FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import { type ClassificationRow, limits, type QuotaGroup } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { Alert, App, Button, Dropdown, Input, Select, Space, Table, type TableProps, Tag, Typography } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { useEffect, useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { type ClassificationPeopleQuery, useClassificationPeople, useYearDownload } from "../../api/queries/year.ts";
import { LevelTag } from "../../components/ScoreValue.tsx";
import { UnitTreeSelect } from "../../components/UnitPickers.tsx";
import { t } from "../../i18n/index.ts";
import type { CsvCell } from "../../lib/csv.ts";
import { useDebounced } from "../../lib/useDebounced.ts";
import { CsvButton } from "./CsvButton.tsx";
import { AverageValue, ProposedLevel } from "./LevelCell.tsx";
import { reasonText } from "./reasons.ts";

type SortKey = NonNullable<ClassificationPeopleQuery["sort"]>;
type LevelFilter = NonNullable<ClassificationPeopleQuery["level"]>;
const levelFilters: LevelFilter[] = ["excellent", "good", "completed", "not_completed", "unclassified", "pending"];

/** The list state in the URL (search, unit, group, level, sort, page): a filtered view can be shared. */
type ListQuery = ClassificationPeopleQuery & { page: number; pageSize: number };

export interface ListState {
  query: ListQuery;
  update: (patch: Record<string, string | undefined>) => void;
}

export function listQueryFrom(params: URLSearchParams): ListQuery {
  return {
    q: params.get("q") ?? undefined,
    unitId: params.get("donVi") ?? undefined,
    quotaGroupId: params.get("nhom") ?? undefined,
    level: (params.get("muc") as LevelFilter | null) ?? undefined,
    sort: (params.get("sapXep") as SortKey | null) ?? undefined,
    order: (params.get("chieu") as "asc" | "desc" | null) ?? undefined,
    page: Math.max(1, Number(params.get("trang")) || 1),
    pageSize: Math.min(limits.pageSizeMax, Math.max(1, Number(params.get("soDong")) || 50)),
  };
}

function sortOrder(query: ClassificationPeopleQuery, key: SortKey): SortOrder | undefined {
  if (query.sort !== key) return undefined;
  return query.order === "desc" ? "descend" : "ascend";
}

const monthLabels = () => Array.from({ length: 12 }, (_, i) => t("charts.monthShort", { month: i + 1 }));

function csvHeader(): string[] {
  return [
    t("yearList.fullName"),
    t("common.unit"),
    t("yearList.quotaGroup"),
    ...monthLabels(),
    t("yearList.monthsCounted"),
    t("yearList.average"),
    t("yearList.averageExact"),
    t("yearList.yearLevel"),
    t("yearList.proposedLevel"),
    t("yearList.reason"),
  ];
}

function csvRow(r: ClassificationRow): CsvCell[] {
  return [
    r.fullName,
    r.unitName,
    r.quotaGroupName,
    ...Array.from({ length: 12 }, (_, i) => r.months.find((m) => m.month === i + 1)?.score ?? null),
    r.monthsCounted,
    r.average,
    r.averageExact,
    t(`levels.${r.yearLevel}`),
    r.proposedLevel ? t(`levels.${r.proposedLevel}`) : t("yearList.tiePending"),
    r.reasons.map((x) => reasonText(x)).join("; "),
  ];
}

/**
 * Everyone the agency classifies, computed live from the confirmed periods: months counted,
 * annual average, the level by the rules and after the quota, with the reason. Filters, sort and
 * paging run on the server; "Excel" downloads the official table, "CSV" the rows on screen.
 */
export function ClassificationTable({
  classificationId,
  agencyId,
  groups,
  state,
  onOpen,
}: {
  classificationId: string;
  agencyId: string;
  groups: readonly QuotaGroup[];
  state: ListState;
  onOpen: (row: ClassificationRow) => void;
}) {
  const { query, update } = state;
  const people = useClassificationPeople(classificationId, query);
  const files = useYearDownload();
  const { message } = App.useApp();
  const [search, setSearch] = useState(query.q ?? "");
  const debounced = useDebounced(search.trim(), 350);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search should rewrite the URL
  useEffect(() => {
    if ((query.q ?? "") !== debounced) update({ q: debounced || undefined, trang: undefined });
  }, [debounced]);

  const mau02 = (row: ClassificationRow, format: "docx" | "pdf") =>
    files.mutate(
      {
        name: format === "docx" ? "mau02Docx" : "mau02Pdf",
        query: { classificationId, personId: row.personId },
        fallbackName: `mau-02-${row.employeeCode ?? row.personId}.${format}`,
      },
      { onError: (e) => message.error(errorMessage(e)) },
    );

  const columns: TableProps<ClassificationRow>["columns"] = [
    {
      title: t("yearList.fullName"),
      key: "fullName",
      sorter: true,
      sortOrder: sortOrder(query, "fullName"),
      fixed: "left",
      width: 200,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Button type="link" style={{ padding: 0, height: "auto" }} onClick={() => onOpen(r)}>
            {r.fullName}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[r.title ?? r.positionName, r.leaderRole !== "none" ? t(`leaderRoles.${r.leaderRole}`) : null]
              .filter(Boolean)
              .join(" · ")}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("common.unit"),
      key: "unitName",
      dataIndex: "unitName",
      sorter: true,
      sortOrder: sortOrder(query, "unitName"),
      responsive: ["md"],
    },
    {
      title: t("yearList.quotaGroup"),
      dataIndex: "quotaGroupName",
      responsive: ["lg"],
      render: (v) => v ?? t("yearList.ungrouped"),
    },
    {
      title: t("yearList.monthsCounted"),
      key: "months",
      width: 110,
      render: (_, r) => (
        <span title={t("yearList.monthsTitle", { counted: r.monthsCounted, worked: r.monthsWorked })}>
          {r.monthsCounted}/{r.monthsWorked}
          {r.leave !== "none" && (
            <Tag style={{ marginInlineStart: 4 }} color="cyan">
              {t(`leaveKinds.${r.leave}`)}
            </Tag>
          )}
          {r.transferredFrom.length > 0 && (
            <Tag style={{ marginInlineStart: 4 }} color="geekblue">
              {t("yearList.transferred")}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t("yearList.average"),
      key: "average",
      align: "right",
      width: 110,
      sorter: true,
      sortOrder: sortOrder(query, "average"),
      render: (_, r) => <AverageValue row={r} />,
    },
    {
      title: t("yearList.proposedLevel"),
      key: "proposedLevel",
      width: 300,
      sorter: true,
      sortOrder: sortOrder(query, "proposedLevel"),
      render: (_, r) => <ProposedLevel row={r} />,
    },
    {
      title: t("yearList.selfProposed"),
      dataIndex: "selfProposedLevel",
      responsive: ["xl"],
      render: (l: Level | null) => (l ? <LevelTag level={l} /> : t("common.none")),
    },
    {
      title: t("yearList.decided"),
      dataIndex: "decidedLevel",
      responsive: ["lg"],
      render: (l: Level | null) => (l ? <LevelTag level={l} /> : t("common.none")),
    },
    {
      title: t("common.actions"),
      key: "actions",
      fixed: "right",
      width: 110,
      render: (_, r) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<EyeOutlined />}
            aria-label={t("yearList.openPerson", { name: r.fullName })}
            onClick={() => onOpen(r)}
          />
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                {
                  key: "docx",
                  icon: <FileWordOutlined />,
                  label: t("yearList.mau02Docx"),
                  onClick: () => mau02(r, "docx"),
                },
                {
                  key: "pdf",
                  icon: <DownloadOutlined />,
                  label: t("yearList.mau02Pdf"),
                  onClick: () => mau02(r, "pdf"),
                },
              ],
            }}
          >
            <Button size="small" aria-label={t("yearList.mau02For", { name: r.fullName })}>
              {t("yearList.mau02")}
            </Button>
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="toolbar">
        <Input.Search
          className="grow"
          allowClear
          placeholder={t("yearList.searchPlaceholder")}
          aria-label={t("common.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined, trang: undefined })}
          maxLength={limits.nameMax}
        />
        <UnitTreeSelect
          value={query.unitId}
          onChange={(v) => update({ donVi: v, trang: undefined })}
          allowClear
          placeholder={t("common.allUnits")}
          style={{ minWidth: 220, flex: "1 1 220px" }}
          aria-label={t("common.unit")}
        />
        <Select
          allowClear
          aria-label={t("yearList.quotaGroup")}
          placeholder={t("yearList.allGroups")}
          style={{ minWidth: 180 }}
          value={query.quotaGroupId}
          onChange={(v: string | undefined) => update({ nhom: v, trang: undefined })}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
        />
        <Select
          allowClear
          aria-label={t("yearList.levelFilter")}
          placeholder={t("yearList.allLevels")}
          style={{ minWidth: 200 }}
          value={query.level}
          onChange={(v: LevelFilter | undefined) => update({ muc: v, trang: undefined })}
          options={levelFilters.map((l) => ({
            value: l,
            label: l === "pending" ? t("yearList.tiePending") : t(`levels.${l}`),
          }))}
        />
      </div>
      <div className="toolbar">
        <Button
          icon={<FileExcelOutlined />}
          loading={files.isPending && files.variables?.name === "classificationTableXlsx"}
          onClick={() =>
            files.mutate(
              {
                name: "classificationTableXlsx",
                query: { classificationId },
                fallbackName: `bang-xep-loai-${agencyId}.xlsx`,
              },
              { onError: (e) => message.error(errorMessage(e)) },
            )
          }
        >
          {t("yearList.exportXlsx")}
        </Button>
        <CsvButton filename="xep-loai.csv" header={csvHeader()} rows={(people.data?.items ?? []).map(csvRow)} />
      </div>
      {people.isError ? (
        <Alert type="error" showIcon title={errorMessage(people.error)} />
      ) : (
        <Table<ClassificationRow>
          rowKey="personId"
          columns={columns}
          dataSource={people.data?.items ?? []}
          loading={people.isFetching}
          scroll={{ x: 1300 }}
          size="middle"
          locale={{ emptyText: t("yearList.empty") }}
          onChange={(_, __, sorter, extra) => {
            if (extra.action !== "sort") return;
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = s?.order ? (s.columnKey as SortKey) : undefined;
            update({
              sapXep: key,
              chieu: key ? (s?.order === "descend" ? "desc" : "asc") : undefined,
              trang: undefined,
            });
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: people.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, limits.pageSizeMax],
            showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
            onChange: (page, pageSize) =>
              update({ trang: page > 1 ? String(page) : undefined, soDong: String(pageSize) }),
          }}
        />
      )}
    </>
  );
}
