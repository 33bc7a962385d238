import type { QuotaComputation } from "@thuocdo/contract";
import { Alert, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from "antd";
import { errorMessage } from "../../api/errors.ts";
import { useQuotaView } from "../../api/queries/year.ts";
import { ScoreValue } from "../../components/ScoreValue.tsx";
import { formatDateTime, t } from "../../i18n/index.ts";
import { formatRatio, formatScore } from "../../lib/score.ts";
import { TieBreakEditor } from "./TieBreakEditor.tsx";

type Candidate = QuotaComputation["candidates"][number];

const outcomeColors: Record<Candidate["outcome"], string> = {
  kept: "green",
  kept_by_decision: "green",
  cut: "volcano",
  cut_by_decision: "volcano",
  tie_pending: "orange",
};

/** One application of the cap with every number: G, E, rate, reading, formula, allowed, who was cut. */
function Computation({
  c,
  classificationId,
  canDecide,
}: {
  c: QuotaComputation;
  classificationId: string;
  canDecide: boolean;
}) {
  return (
    <Card
      size="small"
      title={c.scope === "agency" ? t("quota.agencyWide") : t("quota.group", { name: c.name })}
      style={{ marginBottom: 16 }}
      data-testid={`quota-${c.scope}`}
    >
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t("quota.good")}>{c.good}</Descriptions.Item>
        <Descriptions.Item label={t("quota.excellent")}>{c.excellent}</Descriptions.Item>
        <Descriptions.Item label={t("quota.rate")}>
          {formatRatio(c.rate)} {c.exception && <Tag color="purple">{t("quota.exception")}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t("quota.reading")}>{t(`quotaReadings.${c.reading}`)}</Descriptions.Item>
        <Descriptions.Item label={t("quota.formula")}>
          <code>{c.formula}</code> = <ScoreValue value={c.bound} />
        </Descriptions.Item>
        <Descriptions.Item label={t("quota.allowed")}>
          <strong data-testid="quota-allowed">{c.allowed}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t("quota.final")}>
          {t("quota.finalCounts", { excellent: c.finalExcellent, good: c.finalGood })}
        </Descriptions.Item>
        <Descriptions.Item label={t("quota.cutCount")}>{c.cut.length}</Descriptions.Item>
      </Descriptions>
      {c.candidates.length > 0 && (
        <Table<Candidate>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="personId"
          pagination={false}
          dataSource={c.candidates}
          columns={[
            { title: t("quota.rank"), dataIndex: "rank", width: 70 },
            { title: t("yearList.fullName"), dataIndex: "fullName" },
            { title: t("yearList.average"), dataIndex: "score", align: "right", render: (v: number) => formatScore(v) },
            {
              title: t("quota.outcome"),
              dataIndex: "outcome",
              render: (o: Candidate["outcome"]) => <Tag color={outcomeColors[o]}>{t(`quotaOutcomes.${o}`)}</Tag>,
            },
          ]}
        />
      )}
      {c.tie && !c.tie.decided && canDecide && (
        <div style={{ marginTop: 12 }}>
          <TieBreakEditor classificationId={classificationId} computation={c} />
        </div>
      )}
      {c.tie && !c.tie.decided && !canDecide && (
        <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t("quota.tieWaiting")} />
      )}
      {c.tie?.decided && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t("quota.tieDecided", {
            name: c.tie.decidedByName ?? "",
            at: formatDateTime(c.tie.decidedAt),
          })}
          description={c.tie.reason}
        />
      )}
    </Card>
  );
}

/**
 * The excellent quota (Art. 20.5): each quota group, then the agency as a whole, each with its
 * computation; ties at the cut wait for the head, who orders them here.
 */
export function QuotaPanel({ classificationId, canDecide }: { classificationId: string; canDecide: boolean }) {
  const view = useQuotaView(classificationId);
  if (view.isPending) return <Skeleton active />;
  if (view.isError) return <Alert type="error" showIcon title={errorMessage(view.error)} />;
  const { groups, agency, ungrouped } = view.data;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">{t("quota.intro")}</Typography.Paragraph>
      {groups.map((g) => (
        <Computation key={g.scope} c={g} classificationId={classificationId} canDecide={canDecide} />
      ))}
      <Computation c={agency} classificationId={classificationId} canDecide={canDecide} />
      {ungrouped.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t("quota.ungrouped", { count: ungrouped.length })}
          description={ungrouped.map((u) => u.fullName).join(", ")}
        />
      )}
    </Space>
  );
}
