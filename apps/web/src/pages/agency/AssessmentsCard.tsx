import { FileWordOutlined, FormOutlined } from "@ant-design/icons";
import type { AssessmentSummary } from "@thuocdo/contract";
import { limits } from "@thuocdo/contract";
import { Alert, App, Button, Card, Input, Select, Space, Table, type TableProps, Tag, Tooltip } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { type AssessmentsQuery, useAgencyDownload, useAssessments } from "../../api/queries/agency.ts";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { formatDateTime, t } from "../../i18n/index.ts";
import { useDebounced } from "../../lib/useDebounced.ts";
import { FinalScoresDrawer } from "./FinalScoresDrawer.tsx";

const sortable = ["agencyName", "selfScore", "appraisedScore", "finalScore", "submittedAt"] as const;
type SortField = (typeof sortable)[number];
const isSortField = (k: unknown): k is SortField => sortable.includes(k as SortField);

/**
 * Every agency's dossier in the cycle: status, self / appraised / final totals, draft level and
 * rank; the secretariat opens one to propose the final scores, and downloads its score sheet.
 */
export function AssessmentsCard({ cycleId }: { cycleId: string }) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 350);
  const [status, setStatus] = useState<AssessmentsQuery["status"]>();
  const [sort, setSort] = useState<Pick<AssessmentsQuery, "sort" | "order">>({ sort: "agencyName", order: "asc" });
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const list = useAssessments({ cycleId, q: q || undefined, status, ...sort, ...paging });
  const download = useAgencyDownload();
  const { message } = App.useApp();
  const [open, setOpen] = useState<AssessmentSummary | null>(null);
  const items = list.data?.items ?? [];

  const columns: TableProps<AssessmentSummary>["columns"] = [
    { title: t("common.agency"), dataIndex: "agencyName", key: "agencyName", sorter: true, defaultSortOrder: "ascend" },
    {
      title: t("common.status"),
      dataIndex: "status",
      key: "status",
      width: 150,
      render: (s: AssessmentSummary["status"]) => (
        <Tag color={s === "submitted" ? "green" : "default"}>{t(`agencyStatuses.${s}`)}</Tag>
      ),
    },
    {
      title: t("agencySelf.submittedAt"),
      dataIndex: "submittedAt",
      key: "submittedAt",
      width: 150,
      sorter: true,
      responsive: ["lg"],
      render: (v: string | null) => (v ? formatDateTime(v) : t("common.none")),
    },
    {
      title: t("agencyAdmin.self"),
      dataIndex: "selfScore",
      key: "selfScore",
      width: 100,
      sorter: true,
      render: (v: number | null) => <ScoreValue value={v} />,
    },
    {
      title: t("agencyAdmin.appraised"),
      dataIndex: "appraisedScore",
      key: "appraisedScore",
      width: 110,
      sorter: true,
      render: (v: number | null) => <ScoreValue value={v} />,
    },
    {
      title: t("agencyAdmin.final"),
      dataIndex: "finalScore",
      key: "finalScore",
      width: 100,
      sorter: true,
      render: (v: number | null) => <ScoreValue value={v} />,
    },
    {
      title: t("agencyAdmin.draftLevel"),
      key: "draft",
      width: 200,
      responsive: ["md"],
      render: (_, a) =>
        a.draftLevel ? (
          <Space size={4} wrap>
            <LevelTag level={a.draftLevel} />
            {a.draftRank !== null && <Tag>{t("agencyAdmin.rankN", { n: a.draftRank })}</Tag>}
          </Space>
        ) : (
          t("common.none")
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 110,
      fixed: "right",
      render: (_, a) => (
        <Space size={4}>
          <Tooltip title={t("agencyAdmin.openFinal")}>
            <Button
              icon={<FormOutlined />}
              aria-label={t("agencyAdmin.openFinalOf", { agency: a.agencyName })}
              onClick={() => setOpen(a)}
            />
          </Tooltip>
          <Tooltip title={t("agencyAdmin.scoreSheet")}>
            <Button
              icon={<FileWordOutlined />}
              aria-label={t("agencyAdmin.scoreSheetOf", { agency: a.agencyName })}
              onClick={() =>
                download.mutate(
                  { kind: "scoreSheet", id: a.id, format: "docx" },
                  { onError: (e) => message.error(errorMessage(e)) },
                )
              }
            />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t("agencyAdmin.assessmentsTitle")}>
      <div className="toolbar">
        <Input.Search
          className="grow"
          allowClear
          value={search}
          maxLength={limits.nameMax}
          placeholder={t("agencyAdmin.searchAgency")}
          aria-label={t("agencyAdmin.searchAgency")}
          onChange={(e) => {
            setSearch(e.target.value);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <Select
          allowClear
          value={status}
          placeholder={t("agencyAdmin.allStatuses")}
          aria-label={t("common.status")}
          style={{ minWidth: 180 }}
          onChange={(v) => {
            setStatus(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={(["draft", "submitted"] as const).map((s) => ({ value: s, label: t(`agencyStatuses.${s}`) }))}
        />
        <CsvButton
          filename="ho-so-tu-danh-gia"
          header={[
            t("common.agency"),
            t("common.status"),
            t("agencyAdmin.self"),
            t("agencyAdmin.appraised"),
            t("agencyAdmin.final"),
            t("agencyAdmin.draftLevel"),
            t("agencyAdmin.rank"),
          ]}
          rows={() =>
            items.map((a) => [
              a.agencyName,
              t(`agencyStatuses.${a.status}`),
              a.selfScore,
              a.appraisedScore,
              a.finalScore,
              a.draftLevel ? t(`levels.${a.draftLevel}`) : "",
              a.draftRank,
            ])
          }
        />
      </div>
      {list.isError ? (
        <Alert type="error" showIcon title={errorMessage(list.error)} />
      ) : (
        <Table<AssessmentSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: t("agencyAdmin.noAssessments") }}
          onChange={(_, __, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            setSort(
              isSortField(s?.columnKey) && s?.order
                ? { sort: s.columnKey, order: s.order === "ascend" ? "asc" : "desc" }
                : {},
            );
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
      {open && <FinalScoresDrawer assessmentId={open.id} agencyName={open.agencyName} onClose={() => setOpen(null)} />}
    </Card>
  );
}
