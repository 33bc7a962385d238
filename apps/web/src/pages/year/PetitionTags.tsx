import type { Petition } from "@thuocdo/contract";
import { Space, Tag } from "antd";
import { t } from "../../i18n/index.ts";

/** Pending / answered (accepted or not), and "overdue" in red when the 7 working days ran out. */
export function PetitionStatusTag({ petition }: { petition: Pick<Petition, "status" | "outcome" | "overdue"> }) {
  return (
    <Space size={4}>
      {petition.status === "pending" ? (
        <Tag color="processing">{t("petitions.pending")}</Tag>
      ) : (
        <Tag color={petition.outcome === "accepted" ? "green" : "default"}>
          {t(`petitionOutcomes.${petition.outcome ?? "rejected"}`)}
        </Tag>
      )}
      {petition.overdue && <Tag color="red">{t("petitions.overdue")}</Tag>}
    </Space>
  );
}
