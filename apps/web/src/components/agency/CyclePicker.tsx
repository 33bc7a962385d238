import type { CycleSummary } from "@thuocdo/contract";
import { Select, Tag, Typography } from "antd";
import { fold, formatDate, t } from "../../i18n/index.ts";

/** Pick one of the cycles (year · group · name), with its current step and deadline beside it. */
export function CyclePicker({
  cycles,
  value,
  onChange,
  loading,
}: {
  cycles: readonly CycleSummary[];
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  loading?: boolean;
}) {
  const current = cycles.find((c) => c.id === value);
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center", minWidth: 0, maxWidth: "100%" }}>
      <Select
        value={value}
        onChange={onChange}
        loading={loading}
        placeholder={t("agency.pickCycle")}
        aria-label={t("agency.cycle")}
        style={{ width: 440, maxWidth: "100%" }}
        options={cycles.map((c) => ({
          value: c.id,
          label: `${c.year} · ${c.name}`,
          search: `${c.name} ${c.groupName}`,
        }))}
        showSearch={{ filterOption: (input, o) => fold(o?.search ?? "").includes(fold(input)) }}
        notFoundContent={t("agency.noCycles")}
      />
      {current && <StepTag step={current.step} />}
      {current?.currentDeadline && (
        <Typography.Text type="secondary">
          {t("agency.deadlineOn", { date: formatDate(current.currentDeadline) })}
        </Typography.Text>
      )}
    </div>
  );
}

const stepColors: Record<CycleSummary["step"], string> = {
  self_assessment: "blue",
  appraisal: "purple",
  explanation: "orange",
  council: "magenta",
  decision: "gold",
  published: "green",
};

export function StepTag({ step }: { step: CycleSummary["step"] }) {
  return <Tag color={stepColors[step]}>{t(`agencySteps.${step}`)}</Tag>;
}
