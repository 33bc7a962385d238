import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import type { AgencyResultRow, Cycle } from "@thuocdo/contract";
import { App, Button, Card, List, Space, Typography } from "antd";
import { useState } from "react";
import { useSetTieBreak } from "../../api/queries/agency.ts";
import { ScoreValue } from "../../components/ScoreValue.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";

/**
 * Agencies tied on score at the quota cut (Art. 8.5): the competent level's decision orders them,
 * best first; the order is recorded and the quota re-applied with it.
 */
export function TieBreakCard({ cycle: c, results }: { cycle: Cycle; results: readonly AgencyResultRow[] }) {
  const tied = results.filter((r) => r.quotaOutcome === "tie_pending" || r.quotaOutcome?.endsWith("_by_decision"));
  const start = c.tieBreak
    ? [...tied].sort((a, b) => (c.tieBreak?.indexOf(a.agencyId) ?? 0) - (c.tieBreak?.indexOf(b.agencyId) ?? 0))
    : tied;
  const [order, setOrder] = useState(start.map((r) => r.agencyId));
  const save = useSetTieBreak();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  if (tied.length === 0) return null;
  const byId = new Map(tied.map((r) => [r.agencyId, r]));
  const swap = (i: number, j: number) =>
    setOrder((o) => {
      const next = [...o];
      [next[i], next[j]] = [next[j] as string, next[i] as string];
      return next;
    });
  return (
    <Card title={t("agencyDecision.tieTitle")}>
      <Typography.Paragraph type="secondary">{t("agencyDecision.tieHint")}</Typography.Paragraph>
      <List
        bordered
        dataSource={order}
        renderItem={(id, i) => {
          const r = byId.get(id);
          return (
            <List.Item
              actions={[
                <Button
                  key="up"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  aria-label={t("agencyFrameworks.moveUp")}
                  onClick={() => swap(i, i - 1)}
                />,
                <Button
                  key="down"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === order.length - 1}
                  aria-label={t("agencyFrameworks.moveDown")}
                  onClick={() => swap(i, i + 1)}
                />,
              ]}
            >
              <Space>
                {i + 1}. {r?.agencyName} <ScoreValue value={r?.score} />
              </Space>
            </List.Item>
          );
        }}
      />
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={save.isPending}
        onClick={() =>
          save.mutate(
            { id: c.id, body: { version: c.version, order } },
            { onSuccess: () => message.success(t("agencyDecision.tieSaved")), onError },
          )
        }
      >
        {t("agencyDecision.tieSave")}
      </Button>
    </Card>
  );
}
