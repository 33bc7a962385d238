import type { LevelReasonJson, PersonRecord } from "@thuocdo/contract";
import { Typography } from "antd";
import { articleVi, reasonText } from "./reasons.ts";

/** The decisive reason (the last one) in one line, the article after it. */
export function DecisiveReason({
  reasons,
  records,
}: {
  reasons: readonly LevelReasonJson[];
  records?: PersonRecord[];
}) {
  const last = reasons.at(-1);
  if (!last) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="level-reason">
      {reasonText(last, records)} ({articleVi(last.article)})
    </Typography.Text>
  );
}

/** Every rule that acted, in order: the "why is my level this?" list. */
export function ReasonList({ reasons, records }: { reasons: readonly LevelReasonJson[]; records?: PersonRecord[] }) {
  return (
    <ol className="reason-list">
      {reasons.map((r, i) => (
        // Reasons carry no id; their order is the order the rules acted in and never changes.
        // biome-ignore lint/suspicious/noArrayIndexKey: stable order
        <li key={i}>
          {reasonText(r, records)} <Typography.Text type="secondary">({articleVi(r.article)})</Typography.Text>
        </li>
      ))}
    </ol>
  );
}
