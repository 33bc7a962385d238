import { LinkOutlined, PaperClipOutlined } from "@ant-design/icons";
import { buildUrl, type Delivery, endpoints, type ReviewEvent, type ReviewStatus } from "@thuocdo/contract";
import { Space, Table, type TableProps, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { formatDate, formatDateTime, t } from "../../i18n/index.ts";
import { formatQuantity } from "../../lib/score.ts";

const reviewColors: Record<ReviewStatus, string> = { pending: "processing", passed: "green", failed: "red" };

export function ReviewTag({ status }: { status: ReviewStatus }) {
  return <Tag color={reviewColors[status]}>{t(`reviewStatuses.${status}`)}</Tag>;
}

/** "Chậm 3 ngày · 1 lần chậm (1 được miễn)": the delay of a delivery, as soon as it is recorded. */
export function DelayText({ d }: { d: Pick<Delivery, "daysLate" | "delays" | "excusedDelays" | "deadline"> }) {
  if (d.daysLate <= 0 && d.delays === 0)
    return <Typography.Text type="success">{t("delivery.onTime")}</Typography.Text>;
  return (
    <Typography.Text type={d.delays > d.excusedDelays ? "warning" : "secondary"} data-testid="delivery-delay">
      {t("delivery.lateBy", { days: d.daysLate, deadline: formatDate(d.deadline) })}
      {" · "}
      {t("delivery.delaysCount", { delays: d.delays })}
      {d.excusedDelays > 0 && ` ${t("delivery.excusedCount", { n: d.excusedDelays })}`}
    </Typography.Text>
  );
}

export function EventLine({ e }: { e: ReviewEvent }) {
  return (
    <li>
      <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text> {t(`eventKinds.${e.kind}`)}
      {e.newDeadline && ` → ${formatDate(e.newDeadline)}`}
      {e.confirmedBy && ` · ${t("review.confirmedByShort", { who: e.confirmedBy })}`}
      {e.note && ` · ${e.note}`}
      {e.actorName && <Typography.Text type="secondary"> ({e.actorName})</Typography.Text>}
    </li>
  );
}

function Evidence({ d }: { d: Delivery }) {
  return (
    <Space orientation="vertical" size={0}>
      {d.documentNumber && <span>{t("delivery.documentShort", { number: d.documentNumber })}</span>}
      {d.link && (
        <a href={d.link} target="_blank" rel="noopener noreferrer">
          <LinkOutlined /> {t("delivery.openLink")}
        </a>
      )}
      {d.files.map((f) => (
        <a key={f.id} href={buildUrl(endpoints.downloadFile.path, { id: f.id })}>
          <PaperClipOutlined /> {f.name}
        </a>
      ))}
    </Space>
  );
}

/** The deliveries of one line: evidence, review outcome, delay and the events that changed them. */
export function DeliveriesTable({
  deliveries,
  actions,
}: {
  deliveries: readonly Delivery[];
  actions?: (d: Delivery) => ReactNode;
}) {
  const columns: TableProps<Delivery>["columns"] = [
    { title: t("delivery.deliveredOn"), dataIndex: "deliveredOn", width: 110, render: (v: string) => formatDate(v) },
    { title: t("delivery.quantity"), dataIndex: "quantity", width: 90, render: (v: number) => formatQuantity(v) },
    { title: t("delivery.evidence"), key: "evidence", render: (_, d) => <Evidence d={d} /> },
    {
      title: t("delivery.progress"),
      key: "delay",
      render: (_, d) => <DelayText d={d} />,
    },
    {
      title: t("delivery.review"),
      key: "review",
      render: (_, d) => (
        <span>
          <ReviewTag status={d.reviewStatus} />
          {d.failedReviews > 0 && (
            <Typography.Text type="danger">
              {t("delivery.failedCount", { n: d.failedReviews })}
              {d.excusedFailedReviews > 0 && ` ${t("delivery.excusedCount", { n: d.excusedFailedReviews })}`}
            </Typography.Text>
          )}
          {d.events.length > 0 && (
            <ul className="event-list">
              {d.events.map((e) => (
                <EventLine key={e.id} e={e} />
              ))}
            </ul>
          )}
        </span>
      ),
    },
    ...(actions
      ? [{ title: t("common.actions"), key: "actions", render: (_: unknown, d: Delivery) => actions(d) }]
      : []),
  ];
  return (
    <Table<Delivery>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...deliveries]}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t("delivery.none") }}
    />
  );
}
