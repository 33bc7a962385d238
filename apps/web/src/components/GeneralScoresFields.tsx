import type { GeneralScoresInput } from "@thuocdo/contract";
import { type GeneralSubCriterion, generalCriteria, generalPoints, Rational } from "@thuocdo/core";
import { Card, Form, InputNumber, Tag, Typography } from "antd";
import { t } from "../i18n/index.ts";
import { formatScore } from "../lib/score.ts";
import { ScoreValue } from "./ScoreValue.tsx";

/** Scores as the form holds them: one box per sub-criterion, empty until typed. */
export type ScoresDraft = Partial<Record<string, number | null>>;

/**
 * The exact sum of the general points (core `generalPoints`), or null while a box is empty or out
 * of range: the live total never comes from a second formula.
 */
export function generalSum(scores: ScoresDraft | undefined): number | null {
  const result = generalPoints(scores ?? {});
  return result.ok ? result.value.toNumber() : null;
}

/** Sum of typed boxes, exactly (2.5 is 5/2): a criterion's subtotal while the form is filled. */
function exactSum(values: readonly number[]): number {
  return Rational.sum(values.filter(Number.isFinite).map((v) => Rational.from(v))).toNumber();
}

const generalMax = exactSum(generalCriteria.map((c) => c.max));

/** A complete, valid draft as the API body wants it. */
export function toScoresBody(scores: ScoresDraft): GeneralScoresInput {
  return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v ?? 0])) as GeneralScoresInput;
}

function SubCriterionField({ sub, compare }: { sub: GeneralSubCriterion; compare?: number | null }) {
  return (
    <Form.Item
      className="general-sub"
      label={
        <span>
          <strong>{sub.code}</strong> {sub.name}
        </span>
      }
      required
      name={["scores", sub.code]}
      rules={[
        { required: true, message: t("selfEval.scoreRequired", { code: sub.code }) },
        {
          type: "number",
          min: 0,
          max: sub.max,
          message: t("selfEval.scoreRange", { code: sub.code, max: formatScore(sub.max) }),
        },
      ]}
      extra={
        <>
          {compare !== undefined && (
            <Tag className="general-self" color="default">
              {t("confirm.selfScore", { value: compare === null ? t("common.none") : formatScore(compare) })}
            </Tag>
          )}
          <Typography.Paragraph
            type="secondary"
            className="general-help"
            ellipsis={{
              rows: 1,
              expandable: "collapsible",
              symbol: (open) => t(open ? "selfEval.helpLess" : "selfEval.helpMore"),
            }}
          >
            {t("selfEval.helpPrefix")} {sub.help}
          </Typography.Paragraph>
        </>
      }
    >
      <InputNumber
        min={0}
        max={sub.max}
        step={0.25}
        precision={2}
        decimalSeparator=","
        inputMode="decimal"
        style={{ width: 140 }}
        addonAfter={`/ ${formatScore(sub.max)}`}
        aria-label={t("selfEval.scoreOf", { code: sub.code })}
      />
    </Form.Item>
  );
}

/**
 * The 3 criteria / 10 sub-criteria of Mẫu 01 with their maxima and the Appendix I descriptors as
 * help, inside an AntD form whose values hold `scores.<code>`. `compareWith` shows the self score
 * beside each box (the manager confirming).
 */
export function GeneralScoresFields({
  scores,
  compareWith,
}: {
  scores: ScoresDraft | undefined;
  compareWith?: GeneralScoresInput | null;
}) {
  const sum = generalSum(scores);
  return (
    <div className="general-scores">
      {generalCriteria.map((c) => {
        const subSum = exactSum(c.subCriteria.map((sub) => scores?.[sub.code] ?? 0));
        return (
          <Card
            key={c.code}
            size="small"
            style={{ marginBottom: 12 }}
            title={
              <span className="general-criterion-title">{t("selfEval.criterion", { code: c.code, name: c.name })}</span>
            }
            extra={
              <Typography.Text type="secondary">
                {t("selfEval.criterionSum", { sum: formatScore(subSum), max: formatScore(c.max) })}
              </Typography.Text>
            }
          >
            {c.subCriteria.map((sub) => (
              <SubCriterionField
                key={sub.code}
                sub={sub}
                compare={compareWith === undefined ? undefined : (compareWith?.[sub.code] ?? null)}
              />
            ))}
          </Card>
        );
      })}
      <div className="general-total" aria-live="polite" data-testid="general-total">
        {t("selfEval.total")}: <ScoreValue value={sum} /> / {formatScore(generalMax)}
        {sum === null && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t("selfEval.totalIncomplete")}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
