import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type BodyOf, call, download, type QueryOf, upload } from "../client.ts";

/**
 * The yearly agency evaluation (issue #6): frameworks, cycles, assessments, appraisal, council,
 * results, reports. Every query sits under the `agency` key: a step closing or a score saved moves
 * totals, drafts and boards on several screens, so a mutation refreshes them all.
 */
export const agencyKey = ["agency"] as const;

export type FrameworksQuery = NonNullable<QueryOf<"listFrameworks">>;
export type CyclesQuery = NonNullable<QueryOf<"listCycles">>;
export type AssessmentsQuery = NonNullable<QueryOf<"listAssessments">>;
export type AppraisalQuery = NonNullable<QueryOf<"appraisalRows">>;
export type PublicResultsQuery = NonNullable<QueryOf<"publicAgencyResults">>;

/* ───────────── Read models ───────────── */

export function useFrameworks(query: FrameworksQuery) {
  return useQuery({
    queryKey: [...agencyKey, "frameworks", query],
    queryFn: ({ signal }) => call("listFrameworks", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFramework(id: string | undefined) {
  return useQuery({
    queryKey: [...agencyKey, "framework", id],
    queryFn: ({ signal }) => call("getFramework", { params: { id: id ?? "" }, signal }),
    enabled: !!id,
  });
}

export function useCycles(query: CyclesQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...agencyKey, "cycles", query],
    queryFn: ({ signal }) => call("listCycles", { query, signal }),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}

export function useCycle(id: string | undefined) {
  return useQuery({
    queryKey: [...agencyKey, "cycle", id],
    queryFn: ({ signal }) => call("getCycle", { params: { id: id ?? "" }, signal }),
    enabled: !!id,
  });
}

export function useAssessments(query: AssessmentsQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...agencyKey, "assessments", query],
    queryFn: ({ signal }) => call("listAssessments", { query, signal }),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: [...agencyKey, "assessment", id],
    queryFn: ({ signal }) => call("getAssessment", { params: { id: id ?? "" }, signal }),
    enabled: !!id,
  });
}

export function useDraft(id: string | undefined) {
  return useQuery({
    queryKey: [...agencyKey, "draft", id],
    queryFn: ({ signal }) => call("getDraft", { params: { id: id ?? "" }, signal }),
    enabled: !!id,
    retry: false,
  });
}

export function useAppraisalRows(cycleId: string | undefined, query: AppraisalQuery) {
  return useQuery({
    queryKey: [...agencyKey, "appraisal", cycleId, query],
    queryFn: ({ signal }) => call("appraisalRows", { params: { id: cycleId ?? "" }, query, signal }),
    enabled: !!cycleId,
    placeholderData: keepPreviousData,
  });
}

export function useAppraisalProgress(cycleId: string | undefined) {
  return useQuery({
    queryKey: [...agencyKey, "progress", cycleId],
    queryFn: ({ signal }) => call("appraisalProgress", { params: { id: cycleId ?? "" }, signal }),
    enabled: !!cycleId,
  });
}

export function useCouncilBoard(cycleId: string | undefined) {
  return useQuery({
    queryKey: [...agencyKey, "council", cycleId],
    queryFn: ({ signal }) => call("councilBoard", { params: { id: cycleId ?? "" }, signal }),
    enabled: !!cycleId,
  });
}

export function useCouncilCandidates(cycleId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...agencyKey, "candidates", cycleId],
    queryFn: ({ signal }) => call("councilCandidates", { params: { id: cycleId ?? "" }, signal }),
    enabled: !!cycleId && enabled,
  });
}

export function useCycleResults(cycleId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...agencyKey, "results", cycleId],
    queryFn: ({ signal }) => call("cycleResults", { params: { id: cycleId ?? "" }, signal }),
    enabled: !!cycleId && (options.enabled ?? true),
  });
}

export function useAgencyDashboard(year: number, cycleId: string | undefined) {
  return useQuery({
    queryKey: [...agencyKey, "dashboard", year, cycleId ?? "all"],
    queryFn: ({ signal }) => call("agencyDashboard", { query: { year, cycleId }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The public page: no session, its own key (nothing signed-in invalidates it). */
export function usePublicResults(query: PublicResultsQuery) {
  return useQuery({
    queryKey: ["public-agency-results", query],
    queryFn: ({ signal }) => call("publicAgencyResults", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/* ───────────── Mutations ───────────── */

/** A mutation of the agency area: on success every agency screen refreshes. */
function useAgencyMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: agencyKey }),
  });
}

type WithId<B> = { id: string; body: B };

export const useCreateFramework = () =>
  useAgencyMutation((body: BodyOf<"createFramework">) => call("createFramework", { body }));
export const useUpdateFramework = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"updateFramework">>) =>
    call("updateFramework", { params: { id }, body }),
  );
export const useDeleteFramework = () => useAgencyMutation((id: string) => call("deleteFramework", { params: { id } }));
export const useNewFrameworkVersion = () =>
  useAgencyMutation((id: string) => call("newFrameworkVersion", { params: { id } }));
export const useSetFrameworkAgencies = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"setFrameworkAgencies">>) =>
    call("setFrameworkAgencies", { params: { id }, body }),
  );
export const useCreateCriterion = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"createCriterion">>) =>
    call("createCriterion", { params: { id }, body }),
  );
export const useUpdateCriterion = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"updateCriterion">>) =>
    call("updateCriterion", { params: { id }, body }),
  );
export const useDeleteCriterion = () => useAgencyMutation((id: string) => call("deleteCriterion", { params: { id } }));
export const useMoveCriterion = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"moveCriterion">>) => call("moveCriterion", { params: { id }, body }));
export const useImportFramework = () =>
  useAgencyMutation(({ id, file }: { id: string; file: File }) =>
    upload("importFramework", { params: { id }, query: undefined, file }),
  );

export const useCreateCycle = () => useAgencyMutation((body: BodyOf<"createCycle">) => call("createCycle", { body }));
export const useUpdateCycle = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"updateCycle">>) => call("updateCycle", { params: { id }, body }));
export const useAdvanceCycle = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"advanceCycle">>) => call("advanceCycle", { params: { id }, body }));
export const useSetCouncil = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"setCouncil">>) => call("setCouncil", { params: { id }, body }));
export const useSetTieBreak = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"setTieBreak">>) => call("setTieBreak", { params: { id }, body }));
export const useRecordDecision = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"recordDecision">>) =>
    call("recordDecision", { params: { id }, body }),
  );

export const useUpdateAssessment = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"updateAssessment">>) =>
    call("updateAssessment", { params: { id }, body }),
  );
export const useSaveSelfScores = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"saveSelfScores">>) =>
    call("saveSelfScores", { params: { id }, body }),
  );
export const useAddDossierFile = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"addDossierFile">>) =>
    call("addDossierFile", { params: { id }, body }),
  );
export const useRemoveDossierFile = () =>
  useAgencyMutation(({ id, fileId }: { id: string; fileId: string }) =>
    call("removeDossierFile", { params: { id, fileId } }),
  );
export const useSubmitAssessment = () =>
  useAgencyMutation((id: string) => call("submitAssessment", { params: { id } }));
export const useSaveAppraisal = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"saveAppraisal">>) => call("saveAppraisal", { params: { id }, body }));
export const useSaveExplanation = () =>
  useAgencyMutation(({ id, criterionId, body }: { id: string; criterionId: string; body: BodyOf<"saveExplanation"> }) =>
    call("saveExplanation", { params: { id, criterionId }, body }),
  );
export const useSaveFinalScores = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"saveFinalScores">>) =>
    call("saveFinalScores", { params: { id }, body }),
  );
export const useCastVote = () =>
  useAgencyMutation(({ id, body }: WithId<BodyOf<"castVote">>) => call("castVote", { params: { id }, body }));

/* ───────────── Files and reports ───────────── */

/** Evidence and dossier files go up one by one (POST /api/v1/files) before a score or dossier names them. */
export function useUploadAgencyFile() {
  return useMutation({
    mutationFn: ({ unitId, file }: { unitId: string; file: File }) => upload("uploadFile", { query: { unitId }, file }),
  });
}

export type ReportFormat = "xlsx" | "docx" | "pdf";

/** Every download of the area, one mutation so each button shows its own progress. */
export function useAgencyDownload() {
  return useMutation({
    mutationFn: (
      req:
        | { kind: "framework"; id: string }
        | { kind: "ranking"; id: string; format: ReportFormat }
        | { kind: "minutes"; id: string }
        | { kind: "annex"; id: string }
        | { kind: "scoreSheet"; id: string; format: ReportFormat },
    ) => {
      const params = { id: req.id };
      switch (req.kind) {
        case "framework":
          return download("exportFramework", { params, fallbackName: "bo-tieu-chi.xlsx" });
        case "ranking":
          return download("rankingReport", {
            params,
            query: { format: req.format },
            fallbackName: `bang-xep-hang.${req.format}`,
          });
        case "minutes":
          return download("minutesReport", { params, fallbackName: "bien-ban-hoi-dong.docx" });
        case "annex":
          return download("annexReport", { params, fallbackName: "phu-luc-quyet-dinh.docx" });
        case "scoreSheet":
          return download("scoreSheetReport", {
            params,
            query: { format: req.format },
            fallbackName: `bang-diem.${req.format}`,
          });
      }
    },
  });
}
