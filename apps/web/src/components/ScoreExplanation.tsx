import type { PeriodResult, Plain } from "@thuocdo/core";
import { Alert, Descriptions, Table, type TableProps, Tag, Typography } from "antd";
import { t } from "../i18n/index.ts";
import { formatQuantity, formatRatio, formatScore } from "../lib/score.ts";
import { ScoreValue } from "./ScoreValue.tsx";

/** The core's period result as the API sends it (exact values turned into numbers at the edge). */
export type PeriodResultJson = Plain<PeriodResult>;
type Line = PeriodResultJson["explanation"]["lines"][number];
type DeliveryPart = Line["deliveries"][number];
type Leader = NonNullable<PeriodResultJson["explanation"]["leader"]>;

/** How a line is named on screen: the assignment id of the explanation → the product. */
export type LineLabels = ReadonlyMap<string, { code: string; name: string }>;

/** The score's `result` is typed `unknown` on the wire: accept it only when it has the core's shape. */
export function asPeriodResult(value: unknown): PeriodResultJson | null {
  if (!value || typeof value !== "object") return null;
  const r = value as Partial<PeriodResultJson>;
  const ok =
    typeof r.total === "number" &&
    typeof r.taskPoints === "number" &&
    typeof r.general === "number" &&
    !!r.explanation &&
    Array.isArray(r.explanation.lines);
  return ok ? (r as PeriodResultJson) : null;
}

const sourceColors: Record<Line["source"], string> = { planned: "blue", adhoc: "purple", taken_over: "cyan" };

export function SourceTag({ source }: { source: Line["source"] }) {
  return <Tag color={sourceColors[source]}>{t(`sources.${source}`)}</Tag>;
}

function DeductionText({ d }: { d: DeliveryPart["deductions"][number] }) {
  return (
    <li>
      {t(d.kind === "failed_review" ? "explain.deductionFailed" : "explain.deductionDelay", {
        total: d.total,
        excused: d.excused,
        counted: d.counted,
        share: formatRatio(d.share),
        lost: formatScore(d.lost),
      })}
      {d.floored && ` ${t("explain.floored")}`}
    </li>
  );
}

function DeliveriesOfLine({ line }: { line: Line }) {
  if (line.deliveries.length === 0)
    return <Typography.Text type="secondary">{t("explain.noDelivery")}</Typography.Text>;
  return (
    <ol className="explain-deliveries">
      {line.deliveries.map((d, i) => (
        // Deliveries of one line carry no id in the explanation; their order is the recorded order.
        // biome-ignore lint/suspicious/noArrayIndexKey: stable order, never reordered
        <li key={i}>
          {t("explain.deliveryLine", {
            quantity: formatQuantity(d.quantity),
            converted: formatScore(d.converted),
            quality: formatScore(d.qualityCredit),
            progress: formatScore(d.progressCredit),
          })}
          {d.deductions.length > 0 ? (
            <ul>
              {d.deductions.map((x) => (
                <DeductionText key={x.kind} d={x} />
              ))}
            </ul>
          ) : (
            <Typography.Text type="success"> {t("explain.clean")}</Typography.Text>
          )}
        </li>
      ))}
    </ol>
  );
}

function LinesTable({ lines, labels }: { lines: readonly Line[]; labels: LineLabels }) {
  const columns: TableProps<Line>["columns"] = [
    {
      title: t("explain.product"),
      key: "product",
      render: (_, l) => {
        const label = labels.get(l.assignment);
        return (
          <span>
            <strong>{label?.code ?? l.assignment}</strong> {label?.name}
            <br />
            <SourceTag source={l.source} />
          </span>
        );
      },
    },
    {
      title: t("explain.assigned"),
      key: "assigned",
      render: (_, l) => (
        <span>
          {formatQuantity(l.quantityAssigned)} × {formatQuantity(l.coefficient)} ={" "}
          <ScoreValue value={l.convertedAssigned} />
          <br />
          <Typography.Text type="secondary">
            {l.countsInAssignedTotal ? t("explain.inA") : t("explain.outsideA")}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t("explain.delivered"),
      key: "delivered",
      render: (_, l) => (
        <span>
          {formatQuantity(l.quantityDelivered)}
          {l.quantityNotDelivered > 0 && (
            <>
              <br />
              <Typography.Text type="warning">
                {t("explain.notDelivered", { n: formatQuantity(l.quantityNotDelivered) })}
              </Typography.Text>
            </>
          )}
        </span>
      ),
    },
    {
      title: t("explain.quantityCredit"),
      dataIndex: "quantityCredit",
      render: (v: number) => <ScoreValue value={v} />,
    },
    { title: t("explain.qualityCredit"), dataIndex: "qualityCredit", render: (v: number) => <ScoreValue value={v} /> },
    {
      title: t("explain.progressCredit"),
      dataIndex: "progressCredit",
      render: (v: number) => <ScoreValue value={v} />,
    },
  ];
  return (
    <Table<Line>
      size="small"
      rowKey="assignment"
      columns={columns}
      dataSource={[...lines]}
      pagination={false}
      scroll={{ x: 760 }}
      expandable={{
        expandedRowRender: (l) => <DeliveriesOfLine line={l} />,
        rowExpandable: () => true,
        // Lines that lost credit open at once: the deduction and its reason are the point of the screen.
        defaultExpandedRowKeys: lines
          .filter((l) => l.deliveries.some((d) => d.deductions.length > 0))
          .map((l) => l.assignment),
      }}
      locale={{ emptyText: t("explain.noLines") }}
    />
  );
}

function subordinateRule(leader: Leader): string {
  const { d } = leader;
  const text =
    d.rule === "all_at_least_min"
      ? t("explain.dAll", { min: formatScore(d.min), n: d.evaluated })
      : d.rule === "some_below_min"
        ? t("explain.dSome", { min: formatScore(d.min), n: d.below.length, evaluated: d.evaluated })
        : t("explain.dNone");
  return d.scope === "assigned_fields" ? `${text} ${t("explain.dDeputyScope")}` : text;
}

interface RatioRow {
  key: string;
  name: string;
  how: string;
  value: number;
}

function ratioRows(r: PeriodResultJson): RatioRow[] {
  const x = r.explanation;
  const rows: RatioRow[] = [
    {
      key: "a",
      name: t("explain.a"),
      how: t("explain.ratioHow", { credit: formatScore(x.a.credit), total: formatScore(x.assignedTotal) }),
      value: x.a.value,
    },
    {
      key: "b",
      name: t("explain.b"),
      how: t("explain.ratioHow", { credit: formatScore(x.b.credit), total: formatScore(x.assignedTotal) }),
      value: x.b.value,
    },
    {
      key: "c",
      name: t("explain.c"),
      how: t("explain.ratioHow", { credit: formatScore(x.c.credit), total: formatScore(x.assignedTotal) }),
      value: x.c.value,
    },
  ];
  const leader = x.leader;
  if (leader) {
    rows.push(
      { key: "d", name: t("explain.d"), how: subordinateRule(leader), value: leader.d.value },
      {
        key: "dd",
        name: t("explain.dd"),
        how: leader.dd.reason ? t("explain.reason", { reason: leader.dd.reason }) : t("explain.setByEvaluator"),
        value: leader.dd.value,
      },
      {
        key: "e",
        name: t("explain.e"),
        how: leader.e.reason ? t("explain.reason", { reason: leader.e.reason }) : t("explain.setByEvaluator"),
        value: leader.e.value,
      },
    );
  }
  return rows;
}

/**
 * "Why is my score this?": every number of a period score with the inputs and the rule that gave
 * it, read from the core's explanation (never recomputed here): per product line the converted
 * value and credits, each deduction and why, a/b/c (d/đ/e), task points before and after the cap,
 * the general points and the total.
 */
export function ScoreExplanation({
  result,
  labels,
  generalSource,
}: {
  result: PeriodResultJson;
  labels: LineLabels;
  generalSource?: "confirmed" | "self" | "none";
}) {
  const x = result.explanation;
  const tp = x.taskPoints;
  return (
    <div className="score-explanation" data-testid="score-explanation">
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: "general",
            label: t("explain.general"),
            children: (
              <span>
                <ScoreValue value={x.general} /> {generalSource && <Tag>{t(`generalSources.${generalSource}`)}</Tag>}
              </span>
            ),
          },
          {
            key: "taskPoints",
            label: t("explain.taskPoints"),
            children: <ScoreValue value={tp.value} />,
          },
          {
            key: "total",
            label: <strong>{t("explain.total")}</strong>,
            children: (
              <strong data-testid="explain-total">
                <ScoreValue value={x.total} />
              </strong>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("explain.totalFormula", {
          general: formatScore(x.general),
          task: formatScore(tp.value),
          total: formatScore(x.total),
        })}
      </Typography.Paragraph>

      <Typography.Title level={5}>{t("explain.assignedTitle")}</Typography.Title>
      <Typography.Paragraph>
        {t("explain.assignedTotal", { value: formatScore(x.assignedTotal) })}
        {x.extraAssigned > 0 && ` ${t("explain.extraAssigned", { value: formatScore(x.extraAssigned) })}`}
      </Typography.Paragraph>
      <LinesTable lines={x.lines} labels={labels} />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("explain.ratiosTitle")}
      </Typography.Title>
      <Table<RatioRow>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={ratioRows(result)}
        columns={[
          { title: t("explain.criterion"), dataIndex: "name" },
          { title: t("explain.how"), dataIndex: "how" },
          { title: t("explain.value"), dataIndex: "value", render: (v: number) => <ScoreValue value={v} ratio /> },
        ]}
      />

      <Descriptions
        style={{ marginTop: 16 }}
        bordered
        size="small"
        column={1}
        items={[
          {
            key: "taskScore",
            label: t("explain.taskScore"),
            children: (
              <span>
                {t(x.taskScore.formula === "(a+b+c)/3" ? "explain.formulaStaff" : "explain.formulaLeader", {
                  sum: formatRatio(x.taskScore.sum),
                  divisor: x.taskScore.divisor,
                })}{" "}
                = <ScoreValue value={x.taskScore.value} ratio />
              </span>
            ),
          },
          {
            key: "uncapped",
            label: t("explain.uncapped"),
            children: (
              <span>
                {t("explain.weightTimes", { weight: formatQuantity(tp.weight), score: formatRatio(x.taskScore.value) })}{" "}
                = <ScoreValue value={tp.uncapped} />
              </span>
            ),
          },
          {
            key: "cap",
            label: t("explain.cap"),
            children:
              tp.cap === null
                ? t("explain.noCap")
                : tp.capped
                  ? t("explain.capApplied", { cap: formatScore(tp.cap), uncapped: formatScore(tp.uncapped) })
                  : t("explain.capNotReached", { cap: formatScore(tp.cap) }),
          },
        ]}
      />
      {tp.capped && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          title={t("explain.cappedNote", { uncapped: formatScore(tp.uncapped), cap: formatScore(tp.cap ?? 0) })}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t("explain.source", { article: x.article.replace(/^Art\./, "Điều"), version: result.ruleSetVersion })}
      </Typography.Paragraph>
    </div>
  );
}
