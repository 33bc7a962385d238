import { FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import type { Assignment, Score } from "@thuocdo/contract";
import { Alert, App, Button, Drawer, Space } from "antd";
import { useMemo, useState } from "react";
import { download } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { asPeriodResult, type LineLabels, ScoreExplanation } from "../../components/ScoreExplanation.tsx";
import { t } from "../../i18n/index.ts";

/** The product names of the explanation's lines, from the period's assignments. */
export function useLineLabels(assignments: readonly Assignment[] | undefined): LineLabels {
  return useMemo(
    () => new Map((assignments ?? []).map((a) => [a.id, { code: a.itemCode, name: a.itemName }])),
    [assignments],
  );
}

/** Mẫu 01 of the evaluation as DOCX or PDF, rendered by the server from the stored result. */
function Mau01Downloads({ evaluationId }: { evaluationId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<"docx" | "pdf" | null>(null);
  const get = async (format: "docx" | "pdf") => {
    setBusy(format);
    try {
      await download(format === "docx" ? "mau01Docx" : "mau01Pdf", {
        query: { evaluationId },
        fallbackName: `mau-01.${format}`,
      });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap>
      <Button icon={<FileWordOutlined />} loading={busy === "docx"} onClick={() => get("docx")}>
        {t("explain.mau01Docx")}
      </Button>
      <Button icon={<FilePdfOutlined />} loading={busy === "pdf"} onClick={() => get("pdf")}>
        {t("explain.mau01Pdf")}
      </Button>
    </Space>
  );
}

/** "Vì sao được điểm này?" for one person's period, in a drawer one click away from the number. */
export function ExplanationDrawer({
  title,
  score,
  labels,
  evaluationId,
  onClose,
}: {
  title: string;
  score: Score;
  labels: LineLabels;
  /** When given, the drawer offers the official Mẫu 01 of this evaluation. */
  evaluationId?: string;
  onClose: () => void;
}) {
  const result = asPeriodResult(score.result);
  return (
    <Drawer
      open
      title={title}
      onClose={onClose}
      size={880}
      destroyOnHidden
      extra={evaluationId ? <Mau01Downloads evaluationId={evaluationId} /> : undefined}
    >
      {score.state === "no_assignment" ? (
        <Alert type="warning" showIcon title={t("explain.noAssignmentTitle")} description={t("explain.noAssignment")} />
      ) : result ? (
        <ScoreExplanation result={result} labels={labels} generalSource={score.generalSource} />
      ) : (
        <Alert type="info" showIcon title={t("explain.unavailable")} />
      )}
    </Drawer>
  );
}
