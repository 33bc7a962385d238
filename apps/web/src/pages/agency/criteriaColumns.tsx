import { InfoCircleOutlined } from "@ant-design/icons";
import type { CriterionScore } from "@thuocdo/contract";
import { Space, Tag, Tooltip, Typography } from "antd";
import { fold, t } from "../../i18n/index.ts";
import { formatScore } from "../../lib/score.ts";

/** The row of a criterion in a score table: indented by depth, parents in bold, guidance one hover away. */
export function CriterionCell({
  c,
}: {
  c: Pick<CriterionScore, "code" | "name" | "depth" | "isLeaf" | "kind" | "guidance" | "requiredEvidence">;
}) {
  return (
    <div style={{ paddingInlineStart: c.depth * 16 }} data-code={c.code}>
      <Space size={4} align="start">
        <Typography.Text strong={!c.isLeaf}>
          {c.code}. {c.name}
        </Typography.Text>
        {c.kind !== "scored" && <Tag color={c.kind === "bonus" ? "green" : "red"}>{t(`agencyKinds.${c.kind}`)}</Tag>}
        {(c.guidance || c.requiredEvidence) && (
          <Tooltip
            title={
              <>
                {c.guidance && <div>{c.guidance}</div>}
                {c.requiredEvidence && <div>{t("agency.requiredEvidenceIs", { text: c.requiredEvidence })}</div>}
              </>
            }
          >
            <InfoCircleOutlined aria-label={t("agency.guidance")} tabIndex={0} style={{ color: "#1f4e8c" }} />
          </Tooltip>
        )}
      </Space>
    </div>
  );
}

/** "20" or "+5" / "−3" for bonus and penalty maxima. */
export function maxLabel(c: Pick<CriterionScore, "kind" | "max">): string {
  if (c.kind === "bonus") return `+${formatScore(c.max)}`;
  if (c.kind === "penalty") return `−${formatScore(c.max)}`;
  return formatScore(c.max);
}

/** Client filter of criteria rows by code or name, diacritics ignored; parents of a match stay. */
export function matchesCriterion(c: Pick<CriterionScore, "code" | "name">, search: string): boolean {
  if (!search) return true;
  const needle = fold(search);
  return fold(`${c.code} ${c.name}`).includes(needle);
}
