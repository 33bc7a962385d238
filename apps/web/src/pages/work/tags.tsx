import type { EvaluationStatus, PeriodStatus } from "@thuocdo/contract";
import { Tag } from "antd";
import { t } from "../../i18n/index.ts";

const evaluationColors: Record<EvaluationStatus, string> = {
  draft: "default",
  submitted: "processing",
  confirmed: "green",
  head_confirmed: "cyan",
};

export function EvaluationStatusTag({ status }: { status: EvaluationStatus }) {
  return <Tag color={evaluationColors[status]}>{t(`evaluationStatuses.${status}`)}</Tag>;
}

export function PeriodStatusTag({ status }: { status: PeriodStatus }) {
  return <Tag color={status === "locked" ? "red" : "green"}>{t(`periodStatuses.${status}`)}</Tag>;
}
