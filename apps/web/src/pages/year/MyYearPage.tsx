import { FlagOutlined } from "@ant-design/icons";
import { Alert, Button, Select, Skeleton, Typography } from "antd";
import { useState } from "react";
import { errorMessage, isApiError } from "../../api/errors.ts";
import { useUnits } from "../../api/queries/org.ts";
import { useMyYear } from "../../api/queries/year.ts";
import { t } from "../../i18n/index.ts";
import { agencyOf } from "../../lib/tree.ts";
import { PersonYearView } from "./PersonYearView.tsx";
import { FilePetitionModal } from "./PetitionForms.tsx";
import { currentYear, yearOptions } from "./useAgencyYear.ts";

/**
 * "Năm của tôi": a civil servant's own year — months, average, level and why, Mẫu 02, the self-
 * proposed level while the classification is open, and a petition once the level is decided.
 */
export function MyYearPage() {
  const [year, setYear] = useState(currentYear());
  const mine = useMyYear(year);
  const [petitioning, setPetitioning] = useState(false);
  const { byId } = useUnits();
  const data = mine.data;
  const canPetition =
    !!data?.classificationId && (data.classificationStatus === "decided" || data.classificationStatus === "published");
  return (
    <>
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("myYear.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Select
          aria-label={t("year.pickYear")}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={yearOptions().map((y) => ({ value: y, label: t("year.yearLabel", { year: String(y) }) }))}
        />
        {canPetition && (
          <Button icon={<FlagOutlined />} onClick={() => setPetitioning(true)}>
            {t("petitions.file")}
          </Button>
        )}
      </div>
      {mine.isPending ? (
        <Skeleton active />
      ) : mine.isError ? (
        <Alert
          type={isApiError(mine.error, "NOT_FOUND") ? "info" : "error"}
          showIcon
          title={isApiError(mine.error, "NOT_FOUND") ? t("myYear.none") : errorMessage(mine.error)}
        />
      ) : data ? (
        <>
          {!data.classificationId && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("myYear.live")} />
          )}
          <PersonYearView
            data={data}
            agencyId={agencyOf(data.row.unitId, byId)?.id ?? data.row.unitId}
            unitId={data.row.unitId}
            isSelf
            canRecordParty={false}
          />
          {petitioning && data.classificationId && (
            <FilePetitionModal
              classificationId={data.classificationId}
              unitId={data.row.unitId}
              onClose={() => setPetitioning(false)}
            />
          )}
        </>
      ) : null}
    </>
  );
}
