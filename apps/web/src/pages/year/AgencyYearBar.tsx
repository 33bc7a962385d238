import { Select } from "antd";
import { AgencySelect } from "../../components/UnitPickers.tsx";
import { t } from "../../i18n/index.ts";
import { yearOptions } from "./useAgencyYear.ts";

/** The agency and year pickers at the top of every year screen. */
export function AgencyYearBar({
  agencyId,
  year,
  onAgency,
  onYear,
  hideAgency = false,
}: {
  agencyId: string | undefined;
  year: number;
  onAgency: (id: string | undefined) => void;
  onYear: (year: number) => void;
  hideAgency?: boolean;
}) {
  return (
    <>
      {!hideAgency && (
        <AgencySelect value={agencyId} onChange={onAgency} style={{ minWidth: 260, flex: "1 1 260px" }} />
      )}
      <Select
        aria-label={t("year.pickYear")}
        value={year}
        onChange={onYear}
        style={{ width: 120 }}
        options={yearOptions().map((y) => ({ value: y, label: t("year.yearLabel", { year: String(y) }) }))}
      />
    </>
  );
}
