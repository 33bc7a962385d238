import type { AssessmentSummary, CycleSummary } from "@thuocdo/contract";
import { Select } from "antd";
import { fold, t } from "../../i18n/index.ts";
import { CyclePicker } from "./CyclePicker.tsx";

/** Cycle, then (for a user who sees several agencies) the agency. */
export function AssessmentPicker({
  cycles,
  cycleId,
  setCycleId,
  assessments,
  chosen,
  setAgencyId,
  loading,
}: {
  cycles: readonly CycleSummary[];
  cycleId: string | undefined;
  setCycleId: (id: string | undefined) => void;
  assessments: readonly AssessmentSummary[];
  chosen: AssessmentSummary | undefined;
  setAgencyId: (id: string | undefined) => void;
  loading?: boolean;
}) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginBottom: 16, maxWidth: "100%" }}>
      <CyclePicker cycles={cycles} value={cycleId} onChange={setCycleId} loading={loading} />
      {assessments.length > 1 && (
        <Select
          value={chosen?.agencyId}
          onChange={setAgencyId}
          aria-label={t("common.agency")}
          placeholder={t("common.selectAgency")}
          style={{ width: 300, maxWidth: "100%" }}
          options={assessments.map((a) => ({ value: a.agencyId, label: a.agencyName }))}
          showSearch={{ filterOption: (input, o) => fold(String(o?.label ?? "")).includes(fold(input)) }}
        />
      )}
    </div>
  );
}
