import { useSearchParams } from "react-router";
import { useAssessments } from "../../api/queries/agency.ts";
import { useCycleParam } from "./useCycleParam.ts";

/**
 * The cycle and the agency's assessment a screen works on. An agency's user sees only its own
 * assessment; a provincial user sees several and picks one (`?cq=` keeps the choice in the URL).
 */
export function useAssessmentPick() {
  const cycle = useCycleParam();
  const [params, setParams] = useSearchParams();
  const list = useAssessments(
    { cycleId: cycle.cycleId, sort: "agencyName", order: "asc", page: 1, pageSize: 200 },
    { enabled: !!cycle.cycleId },
  );
  const items = list.data?.items ?? [];
  const asked = params.get("cq");
  const chosen = items.find((a) => a.agencyId === asked) ?? items[0];
  const setAgencyId = (agencyId: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (agencyId) next.set("cq", agencyId);
        else next.delete("cq");
        return next;
      },
      { replace: true },
    );
  return { ...cycle, assessments: items, assessmentsQuery: list, assessmentId: chosen?.id, chosen, setAgencyId };
}
