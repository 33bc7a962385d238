import { BellOutlined } from "@ant-design/icons";
import type { Notification } from "@thuocdo/contract";
import { Badge, Button, List, Popover, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { errorMessage } from "../api/errors.ts";
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from "../api/queries/work.ts";
import { formatDateTime, t } from "../i18n/index.ts";

function Item({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  return (
    <List.Item className={n.readAt ? "notification" : "notification unread"}>
      <button type="button" className="notification-button" onClick={() => onOpen(n)}>
        <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
        {n.body && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {n.body}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(n.createdAt)}
        </Typography.Text>
      </button>
    </List.Item>
  );
}

/**
 * The header bell: unread count, the latest hand-offs and reminders; opening one marks it read
 * and follows its link (the month, the board, the periods).
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const notifications = useNotifications(true);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const unread = notifications.data?.unread ?? 0;

  const onOpen = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link?.startsWith("/")) navigate(n.link);
  };

  const content = (
    <div className="notification-panel">
      {notifications.isError ? (
        <Typography.Text type="danger">{errorMessage(notifications.error)}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={notifications.isPending}
          dataSource={notifications.data?.items ?? []}
          locale={{ emptyText: t("notifications.empty") }}
          renderItem={(n) => <Item n={n} onOpen={onOpen} />}
        />
      )}
      {unread > 0 && (
        <Button type="link" size="small" onClick={() => markAll.mutate()} loading={markAll.isPending}>
          {t("notifications.markAll")}
        </Button>
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t("notifications.title")}
      content={content}
    >
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={t("notifications.bellLabel", { n: unread })}
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
