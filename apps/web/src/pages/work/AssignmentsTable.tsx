import type { Assignment, Delivery } from "@thuocdo/contract";
import { Grid, Table, type TableProps, Tag, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { SourceTag } from "../../components/ScoreExplanation.tsx";
import { ScoreValue } from "../../components/ScoreValue.tsx";
import { formatDate, t } from "../../i18n/index.ts";
import { formatQuantity, formatScore } from "../../lib/score.ts";
import { deadlineInForce } from "../../lib/workDates.ts";
import { flagColors, flagsOf, lineFlags } from "../../lib/workStatus.ts";
import { DeliveriesTable } from "./DeliveriesTable.tsx";

const collator = new Intl.Collator("vi", { numeric: true });

function ProductCell({ a }: { a: Assignment }) {
  return (
    <span>
      <strong>{a.itemCode}</strong> {a.itemName}
      <br />
      <SourceTag source={a.source} />
      {a.teamGroupId && <Tag>{t("work.teamShare")}</Tag>}
      <Typography.Text type="secondary" className="line-meta">
        {t("work.lineMeta", {
          converted: formatScore(a.converted),
          deadline: formatDate(deadlineInForce(a)) || t("common.none"),
          delivered: formatQuantity(a.deliveredQuantity),
          quantity: formatQuantity(a.quantity),
        })}
      </Typography.Text>
    </span>
  );
}

function FlagTags({ a }: { a: Assignment }) {
  const flags = flagsOf(a);
  if (flags.length === 0) return <Tag>{t("lineFlags.todo")}</Tag>;
  return flags.map((f) => (
    <Tag key={f} color={flagColors[f]}>
      {t(`lineFlags.${f}`)}
    </Tag>
  ));
}

/**
 * The product lines of a person's period: product, source, quantity × coefficient = converted,
 * deadline (with extension), delivered and left, flags; each row opens onto its deliveries.
 * Sorting and the flag filter work on the page in view.
 */
export function AssignmentsTable({
  assignments,
  loading,
  actions,
  deliveryActions,
  expandAll = false,
}: {
  assignments: readonly Assignment[];
  loading?: boolean;
  actions?: (a: Assignment) => ReactNode;
  deliveryActions?: (d: Delivery, a: Assignment) => ReactNode;
  /** Open every line onto its deliveries (the reviewer's view); applies to the rows present at mount. */
  expandAll?: boolean;
}) {
  // On a phone the numbers fold into the product cell, so the row fits without side-scrolling.
  const phone = Grid.useBreakpoint().sm === false;
  const columns: TableProps<Assignment>["columns"] = [
    {
      title: t("work.product"),
      key: "product",
      sorter: (a, b) => collator.compare(a.itemCode, b.itemCode),
      render: (_, a) => <ProductCell a={a} />,
    },
    {
      title: t("work.converted"),
      key: "converted",
      responsive: ["sm"],
      sorter: (a, b) => a.converted - b.converted,
      render: (_, a) => (
        <span>
          {formatQuantity(a.quantity)} × {formatQuantity(a.coefficient)} = <ScoreValue value={a.converted} />
        </span>
      ),
    },
    {
      title: t("work.deadline"),
      key: "deadline",
      width: 120,
      responsive: ["sm"],
      sorter: (a, b) => (deadlineInForce(a) ?? "9999").localeCompare(deadlineInForce(b) ?? "9999"),
      render: (_, a) =>
        a.extendedDeadline ? (
          <Tooltip title={t("work.extendedFrom", { date: formatDate(a.deadline) })}>
            <span>
              {formatDate(a.extendedDeadline)} <Tag color="gold">{t("work.extended")}</Tag>
            </span>
          </Tooltip>
        ) : (
          formatDate(a.deadline) || t("common.none")
        ),
    },
    {
      title: t("work.deliveredLeft"),
      key: "delivered",
      width: 130,
      responsive: ["sm"],
      render: (_, a) => (
        <span>
          {formatQuantity(a.deliveredQuantity)} / {formatQuantity(a.quantity)}
          {a.handedBack > 0 && (
            <Tooltip title={a.handedBackReason}>
              <br />
              <Typography.Text type="secondary">
                {t("work.handedBackQty", { n: formatQuantity(a.handedBack) })}
              </Typography.Text>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: t("common.status"),
      key: "flags",
      filters: lineFlags.map((f) => ({ text: t(`lineFlags.${f}`), value: f })),
      onFilter: (value, a) => flagsOf(a).includes(value as (typeof lineFlags)[number]),
      render: (_, a) => <FlagTags a={a} />,
    },
    ...(actions
      ? [{ title: t("common.actions"), key: "actions", width: 150, render: (_: unknown, a: Assignment) => actions(a) }]
      : []),
  ];
  // A phone keeps one column: the product with its numbers, flags and action stacked in the cell.
  const phoneColumns: TableProps<Assignment>["columns"] = [
    {
      title: t("work.product"),
      key: "product",
      render: (_, a) => (
        <div className="line-phone">
          <ProductCell a={a} />
          <div>
            <FlagTags a={a} />
          </div>
          {actions?.(a)}
        </div>
      ),
    },
  ];
  return (
    <Table<Assignment>
      rowKey="id"
      size="middle"
      columns={phone ? phoneColumns : columns}
      dataSource={[...assignments]}
      loading={loading}
      scroll={phone ? undefined : { x: 860 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t("work.linesTotal", { total }) }}
      locale={{ emptyText: t("work.noAssignments") }}
      expandable={{
        expandedRowRender: (a) => (
          <DeliveriesTable
            deliveries={a.deliveries}
            actions={deliveryActions ? (d) => deliveryActions(d, a) : undefined}
          />
        ),
        rowExpandable: (a) => a.deliveries.length > 0,
        defaultExpandAllRows: expandAll,
      }}
    />
  );
}
