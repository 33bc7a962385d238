import { QuestionCircleOutlined } from "@ant-design/icons";
import type { ClassificationRow } from "@thuocdo/contract";
import { Button, Skeleton, Table, type TableProps, Tag, Tooltip } from "antd";
import { lazy, Suspense, useMemo, useState } from "react";
import { usePeriods } from "../../api/queries/work.ts";
import { ScoreValue } from "../../components/ScoreValue.tsx";
import { t } from "../../i18n/index.ts";
import { MonthExplainDrawer } from "./MonthExplainDrawer.tsx";

const MonthHistoryChart = lazy(() => import("../../components/MonthHistoryChart.tsx"));

type Cell = ClassificationRow["months"][number];

/**
 * The 12 months of a person's year: each confirmed score, whether it counts (and why not), leave,
 * the agency it came from after a transfer, and "why?" opening the month's own explanation.
 */
export function MonthsTable({ row, agencyId, year }: { row: ClassificationRow; agencyId: string; year: number }) {
  const agencyName = (id: string) => row.transferredFrom.find((f) => f.agencyId === id)?.agencyName;
  // The agency's periods of the year map a month to its period; months from an old agency
  // (after a transfer) are looked up among that agency's periods when the user may see them.
  const periods = usePeriods({ agencyId, year, page: 1, pageSize: 50 });
  const periodOf = useMemo(() => {
    const map = new Map<number, string>();
    for (const p of periods.data?.items ?? []) if (p.kind === "month") map.set(p.number, p.id);
    return map;
  }, [periods.data]);
  const [open, setOpen] = useState<Cell | null>(null);

  const columns: TableProps<Cell>["columns"] = [
    {
      title: t("personYear.month"),
      dataIndex: "month",
      width: 80,
      render: (m: number) => t("charts.monthShort", { month: m }),
    },
    { title: t("personYear.score"), key: "score", align: "right", render: (_, c) => <ScoreValue value={c.score} /> },
    {
      title: t("personYear.counted"),
      key: "counted",
      render: (_, c) =>
        c.counted ? (
          <Tag color="green">{t("personYear.countedYes")}</Tag>
        ) : (
          <Tag>{c.score === null ? t("personYear.noScore") : t("personYear.notCounted")}</Tag>
        ),
    },
    {
      title: t("personYear.leave"),
      dataIndex: "leave",
      render: (l: Cell["leave"]) => (l ? <Tag color="cyan">{t(`leaveKinds.${l}`)}</Tag> : null),
    },
    {
      title: t("personYear.source"),
      dataIndex: "agencyId",
      responsive: ["md"],
      render: (id: string | null) =>
        id && id !== agencyId ? <Tag color="geekblue">{agencyName(id) ?? t("personYear.otherAgency")}</Tag> : null,
    },
    {
      title: "",
      key: "why",
      width: 60,
      render: (_, c) => {
        const periodId = c.agencyId === agencyId || c.agencyId === null ? periodOf.get(c.month) : undefined;
        if (c.score === null) return null;
        return (
          <Tooltip title={periodId ? t("personYear.why") : t("personYear.noPeriod")}>
            <Button
              size="small"
              type="text"
              icon={<QuestionCircleOutlined />}
              disabled={!periodId}
              aria-label={t("personYear.whyMonth", { month: c.month })}
              onClick={() => setOpen(c)}
            />
          </Tooltip>
        );
      },
    },
  ];

  const openPeriod = open ? periodOf.get(open.month) : undefined;
  return (
    <>
      <Suspense fallback={<Skeleton active />}>
        <MonthHistoryChart
          points={row.months.map((m) => ({ label: t("charts.monthShort", { month: m.month }), total: m.score }))}
        />
      </Suspense>
      <Table<Cell>
        rowKey="month"
        size="small"
        columns={columns}
        dataSource={row.months}
        pagination={false}
        data-testid="months-table"
      />
      {open && openPeriod && (
        <MonthExplainDrawer
          periodId={openPeriod}
          personId={row.personId}
          title={t("personYear.monthTitle", { name: row.fullName, month: open.month, year: String(year) })}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
