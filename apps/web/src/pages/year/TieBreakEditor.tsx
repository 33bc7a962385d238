import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from "@ant-design/icons";
import type { QuotaComputation } from "@thuocdo/contract";
import { limits } from "@thuocdo/contract";
import { Alert, App, Button, Form, Input, List, Space, Tag } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useTieBreak } from "../../api/queries/year.ts";
import { t } from "../../i18n/index.ts";
import { formatScore } from "../../lib/score.ts";
import { moveItem } from "./moveItem.ts";

/**
 * The head orders the candidates tied at the cut, best first (drag, or the arrows for keyboard
 * users), gives a reason and confirms; the first `seats` stay excellent (Art. 20.5; DESIGN §3 rule 10).
 */
export function TieBreakEditor({
  classificationId,
  computation,
}: {
  classificationId: string;
  computation: QuotaComputation;
}) {
  const tie = computation.tie;
  const names = new Map(computation.candidates.map((c) => [c.personId, c.fullName]));
  const [order, setOrder] = useState<string[]>(tie?.personIds ?? []);
  const [dragging, setDragging] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const save = useTieBreak();
  const { message, modal } = App.useApp();
  if (!tie) return null;

  const confirm = () =>
    modal.confirm({
      title: t("quota.confirmTitle"),
      content: t("quota.confirmText", {
        kept: order
          .slice(0, tie.seats)
          .map((id) => names.get(id))
          .join(", "),
      }),
      okText: t("quota.confirm"),
      cancelText: t("common.cancel"),
      onOk: () =>
        save
          .mutateAsync({ id: classificationId, body: { scope: computation.scope, order, reason: reason.trim() } })
          .then(
            () => message.success(t("quota.tieSaved")),
            (e) => message.error(errorMessage(e)),
          ),
    });

  return (
    <div data-testid={`tie-${computation.scope}`}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t("quota.tieTitle", { score: formatScore(tie.score), seats: tie.seats, count: tie.personIds.length })}
        description={t("quota.tieHelp")}
      />
      <List
        bordered
        size="small"
        dataSource={order}
        renderItem={(id, index) => (
          <List.Item
            draggable
            onDragStart={() => setDragging(index)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => {
              if (dragging !== null) setOrder((o) => moveItem(o, dragging, index));
              setDragging(null);
            }}
            style={{ cursor: "grab", background: index < tie.seats ? "#f6ffed" : undefined }}
            actions={[
              <Button
                key="up"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                aria-label={t("quota.moveUp", { name: names.get(id) ?? "" })}
                onClick={() => setOrder((o) => moveItem(o, index, index - 1))}
              />,
              <Button
                key="down"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={index === order.length - 1}
                aria-label={t("quota.moveDown", { name: names.get(id) ?? "" })}
                onClick={() => setOrder((o) => moveItem(o, index, index + 1))}
              />,
            ]}
          >
            <Space>
              <HolderOutlined />
              <span>{index + 1}.</span>
              <span>{names.get(id)}</span>
              {index < tie.seats ? (
                <Tag color="green">{t("quota.keeps")}</Tag>
              ) : (
                <Tag color="volcano">{t("quota.becomesGood")}</Tag>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label={t("quota.reason")} required>
          <Input.TextArea
            rows={2}
            value={reason}
            maxLength={limits.noteMax}
            onChange={(e) => setReason(e.target.value)}
            aria-label={t("quota.reason")}
          />
        </Form.Item>
        <Button type="primary" disabled={!reason.trim()} loading={save.isPending} onClick={confirm}>
          {t("quota.recordDecision")}
        </Button>
      </Form>
    </div>
  );
}
