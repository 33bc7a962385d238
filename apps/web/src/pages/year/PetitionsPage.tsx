import { type Petition, petitionStatuses } from "@thuocdo/contract";
import { Alert, Button, Checkbox, Select, Table, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useSession } from "../../api/queries/auth.ts";
import { type PetitionsQuery, useClassificationFor, usePetitions } from "../../api/queries/year.ts";
import { hasAnyRole } from "../../auth/access.ts";
import { formatDate, t } from "../../i18n/index.ts";
import { AgencyYearBar } from "./AgencyYearBar.tsx";
import { CsvButton } from "./CsvButton.tsx";
import { PetitionDrawer } from "./PetitionForms.tsx";
import { PetitionStatusTag } from "./PetitionTags.tsx";
import { useAgencyYear } from "./useAgencyYear.ts";
import { yearAccess } from "./yearAccess.ts";

type SortKey = NonNullable<PetitionsQuery["sort"]>;

/**
 * Petitions (Art. 22): each with its received date, the due date 7 working days later (weekends
 * and holidays skipped) and an overdue flag; hr and the head answer, staff see their own.
 */
export function PetitionsPage() {
  const { data: session } = useSession();
  const canAnswer = hasAnyRole(session, yearAccess.answer);
  const { agencyId, year, params, update, setAgency, setYear } = useAgencyYear(yearAccess.answer);
  const [sort, setSort] = useState<{ sort?: SortKey; order?: "asc" | "desc" }>({ sort: "dueOn", order: "asc" });
  const status = (params.get("trangThai") as Petition["status"] | null) ?? undefined;
  const overdue = params.get("quaHan") === "1";
  const page = Math.max(1, Number(params.get("trang")) || 1);
  const pageSize = Number(params.get("soDong")) || 20;
  // hr and the head see the petitions of the agency's classification of the year; staff their own.
  const found = useClassificationFor(canAnswer ? agencyId : undefined, year);
  const petitions = usePetitions(
    {
      classificationId: canAnswer ? (found.data?.id ?? "-") : undefined,
      status,
      overdue: overdue || undefined,
      ...sort,
      page,
      pageSize,
    },
    !canAnswer || !!found.data,
  );
  const [open, setOpen] = useState<Petition | null>(null);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("petitions.title")}
      </Typography.Title>
      <div className="toolbar">
        {canAnswer && <AgencyYearBar agencyId={agencyId} year={year} onAgency={setAgency} onYear={setYear} />}
        <Select
          allowClear
          placeholder={t("petitions.allStatuses")}
          aria-label={t("common.status")}
          style={{ minWidth: 180 }}
          value={status}
          onChange={(v: string | undefined) => update({ trangThai: v, trang: undefined })}
          options={petitionStatuses.map((s) => ({ value: s, label: t(`petitionStatuses.${s}`) }))}
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => update({ quaHan: e.target.checked ? "1" : undefined, trang: undefined })}
        >
          {t("petitions.onlyOverdue")}
        </Checkbox>
        <CsvButton
          filename={`kien-nghi-${year}.csv`}
          header={[
            t("records.person"),
            t("petitions.receivedOn"),
            t("petitions.dueOn"),
            t("common.status"),
            t("petitions.overdue"),
            t("petitions.content"),
            t("petitions.answer"),
          ]}
          rows={(petitions.data?.items ?? []).map((p) => [
            p.personName,
            formatDate(p.receivedOn),
            formatDate(p.dueOn),
            t(`petitionStatuses.${p.status}`),
            p.overdue ? t("petitions.overdue") : "",
            p.content,
            p.answer,
          ])}
        />
      </div>
      {canAnswer && found.isSuccess && !found.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("yearList.notOpened", { year: String(year) })}
        />
      )}
      {petitions.isError && <Alert type="error" showIcon title={errorMessage(petitions.error)} />}
      <Table<Petition>
        rowKey="id"
        loading={petitions.isFetching}
        dataSource={petitions.data?.items ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: t("petitions.empty") }}
        rowClassName={(p) => (p.overdue ? "row-overdue" : "")}
        onChange={(_, __, sorter, extra) => {
          if (extra.action !== "sort") return;
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(s?.order ? { sort: s.columnKey as SortKey, order: s.order === "descend" ? "desc" : "asc" } : {});
        }}
        pagination={{
          current: page,
          pageSize,
          total: petitions.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
          onChange: (p, s) => update({ trang: p > 1 ? String(p) : undefined, soDong: String(s) }),
        }}
        columns={[
          { title: t("records.person"), key: "personName", dataIndex: "personName", sorter: true },
          {
            title: t("petitions.receivedOn"),
            key: "receivedOn",
            dataIndex: "receivedOn",
            sorter: true,
            render: (d: string) => formatDate(d),
          },
          {
            title: t("petitions.dueOn"),
            key: "dueOn",
            dataIndex: "dueOn",
            sorter: true,
            defaultSortOrder: "ascend",
            render: (d: string) => formatDate(d),
          },
          { title: t("common.status"), key: "status", render: (_, p) => <PetitionStatusTag petition={p} /> },
          {
            title: t("petitions.content"),
            dataIndex: "content",
            ellipsis: true,
            responsive: ["md"],
          },
          {
            title: t("common.actions"),
            key: "actions",
            width: 120,
            render: (_, p) => (
              <Button size="small" onClick={() => setOpen(p)}>
                {canAnswer && p.status === "pending" ? t("petitions.answerAction") : t("petitions.view")}
              </Button>
            ),
          },
        ]}
      />
      {open && <PetitionDrawer petition={open} canAnswer={canAnswer} onClose={() => setOpen(null)} />}
    </>
  );
}
