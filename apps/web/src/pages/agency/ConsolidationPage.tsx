import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Space, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useCycle } from "../../api/queries/agency.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { CyclePicker } from "../../components/agency/CyclePicker.tsx";
import { useCycleParam } from "../../components/agency/useCycleParam.ts";
import { PageLoading } from "../../components/PageLoading.tsx";
import { t } from "../../i18n/index.ts";
import { AssessmentsCard } from "./AssessmentsCard.tsx";
import { CouncilSetupCard } from "./CouncilSetupCard.tsx";
import { CreateCycleModal } from "./CreateCycleModal.tsx";
import { CycleStepsCard } from "./CycleStepsCard.tsx";
import { ProgressCard } from "./ProgressCard.tsx";

export function ConsolidationPage() {
  return (
    <RequireRole roles={["hr"]}>
      <Consolidation />
    </RequireRole>
  );
}

/**
 * The Sở Nội vụ secretariat (Tổ giúp việc): opens cycles, sets and moves deadlines, watches the
 * appraisers' progress, consolidates, sends the drafts (by closing the appraisal step), proposes
 * final scores and sets up the council.
 */
function Consolidation() {
  const { cycleId, setCycleId, cycles, query } = useCycleParam();
  const cycle = useCycle(cycleId);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("agencyAdmin.title")}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <CyclePicker cycles={cycles} value={cycleId} onChange={setCycleId} loading={query.isPending} />
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t("agencyAdmin.createCycle")}
        </Button>
      </Space>
      {query.isSuccess && cycles.length === 0 ? (
        <Empty description={t("agency.noCycles")} />
      ) : cycle.isError ? (
        <Alert type="error" showIcon title={errorMessage(cycle.error)} />
      ) : !cycle.data ? (
        cycleId && <PageLoading />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <CycleStepsCard cycle={cycle.data} />
          <ProgressCard cycleId={cycle.data.id} />
          <AssessmentsCard cycleId={cycle.data.id} />
          {cycle.data.can.manage && <CouncilSetupCard key={cycle.data.version} cycle={cycle.data} />}
        </Space>
      )}
      {creating && (
        <CreateCycleModal
          onClose={(id) => {
            setCreating(false);
            if (id) setCycleId(id);
          }}
        />
      )}
    </>
  );
}
