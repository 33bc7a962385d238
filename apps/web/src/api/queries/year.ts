import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type BodyOf, call, download, type QueryOf, upload } from "../client.ts";

/**
 * The year (issue #5): records, leave, transfers, quota groups, the classification with its
 * workflow, petitions, reports and dashboards. Every query sits under the `year` key: a record, a
 * tie-break or a decision moves levels on several screens, so any mutation refreshes them all.
 */
export const yearKey = ["year"] as const;

export type RecordsQuery = NonNullable<QueryOf<"listRecords">>;
export type LeaveQuery = NonNullable<QueryOf<"listLeave">>;
export type TransfersQuery = NonNullable<QueryOf<"listTransfers">>;
export type ClassificationPeopleQuery = NonNullable<QueryOf<"classificationPeople">>;
export type PetitionsQuery = NonNullable<QueryOf<"listPetitions">>;
export type ProvinceDashboardQuery = NonNullable<QueryOf<"provinceYearDashboard">>;
export type ExportLogQuery = NonNullable<QueryOf<"nationalExportLog">>;

function useYearMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: yearKey }) });
}

type WithId<B> = { id: string; body: B };
type WithPerson<B> = { id: string; personId: string; body: B };

/* ───────────── Classification ───────────── */

/** The agency's classification of a year, if opened (at most one per agency and year). */
export function useClassificationFor(agencyId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...yearKey, "classifications", agencyId, year],
    queryFn: ({ signal }) => call("listClassifications", { query: { agencyId, year, page: 1, pageSize: 1 }, signal }),
    enabled: !!agencyId,
    select: (p) => p.items[0] ?? null,
  });
}

export function useClassification(id: string | undefined) {
  return useQuery({
    queryKey: [...yearKey, "classification", id],
    queryFn: ({ signal }) => call("getClassification", { params: { id: id ?? "" }, signal }),
    enabled: !!id,
  });
}

export function useClassificationPeople(id: string | undefined, query: ClassificationPeopleQuery) {
  return useQuery({
    queryKey: [...yearKey, "people", id, query],
    queryFn: ({ signal }) => call("classificationPeople", { params: { id: id ?? "" }, query, signal }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useQuotaView(id: string | undefined) {
  return useQuery({
    queryKey: [...yearKey, "quota", id],
    queryFn: ({ signal }) => call("classificationQuota", { params: { id: id ?? "" }, signal }),
    enabled: !!id,
  });
}

export function usePersonYear(id: string | undefined, personId: string | undefined) {
  return useQuery({
    queryKey: [...yearKey, "person", id, personId],
    queryFn: ({ signal }) => call("getPersonYear", { params: { id: id ?? "", personId: personId ?? "" }, signal }),
    enabled: !!id && !!personId,
  });
}

export function useMyYear(year: number) {
  return useQuery({
    queryKey: [...yearKey, "me", year],
    queryFn: ({ signal }) => call("myYear", { query: { year }, signal }),
  });
}

export const useOpenClassification = () =>
  useYearMutation((body: BodyOf<"openClassification">) => call("openClassification", { body }));
export const useUpdateClassification = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"updateClassification">>) =>
    call("updateClassification", { params: { id }, body }),
  );
export const useTieBreak = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"recordTieBreak">>) => call("recordTieBreak", { params: { id }, body }));
export const useSelfProposal = () =>
  useYearMutation(({ id, personId, body }: WithPerson<BodyOf<"setSelfProposal">>) =>
    call("setSelfProposal", { params: { id, personId }, body }),
  );
export const usePartyOpinion = () =>
  useYearMutation(({ id, personId, body }: WithPerson<BodyOf<"setPartyOpinion">>) =>
    call("setPartyOpinion", { params: { id, personId }, body }),
  );
export const useAddMinutes = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"addMinutes">>) => call("addMinutes", { params: { id }, body }));
export const usePropose = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"propose">>) => call("propose", { params: { id }, body }));
export const useDecide = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"decide">>) => call("decide", { params: { id }, body }));
export const usePublish = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"publish">>) => call("publish", { params: { id }, body }));

/* ───────────── Records, leave, transfers, quota groups ───────────── */

export function useRecords(query: RecordsQuery, enabled = true) {
  return useQuery({
    queryKey: [...yearKey, "records", query],
    queryFn: ({ signal }) => call("listRecords", { query, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
export const useCreateRecord = () => useYearMutation((body: BodyOf<"createRecord">) => call("createRecord", { body }));
export const useUpdateRecord = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"updateRecord">>) => call("updateRecord", { params: { id }, body }));
export const useDeleteRecord = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"deleteRecord">>) => call("deleteRecord", { params: { id }, body }));

export function useLeave(query: LeaveQuery, enabled = true) {
  return useQuery({
    queryKey: [...yearKey, "leave", query],
    queryFn: ({ signal }) => call("listLeave", { query, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
export const useSetLeave = () => useYearMutation((body: BodyOf<"setLeave">) => call("setLeave", { body }));

export function useTransfers(query: TransfersQuery, enabled = true) {
  return useQuery({
    queryKey: [...yearKey, "transfers", query],
    queryFn: ({ signal }) => call("listTransfers", { query, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
export const useCreateTransfer = () =>
  useYearMutation((body: BodyOf<"createTransfer">) => call("createTransfer", { body }));

export function useQuotaGroups(agencyId: string | undefined) {
  return useQuery({
    queryKey: [...yearKey, "quota-groups", agencyId],
    queryFn: ({ signal }) => call("listQuotaGroups", { query: { agencyId: agencyId ?? "" }, signal }),
    enabled: !!agencyId,
  });
}
export const useCreateQuotaGroup = () =>
  useYearMutation((body: BodyOf<"createQuotaGroup">) => call("createQuotaGroup", { body }));
export const useUpdateQuotaGroup = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"updateQuotaGroup">>) =>
    call("updateQuotaGroup", { params: { id }, body }),
  );
export const useDeleteQuotaGroup = () => useYearMutation((id: string) => call("deleteQuotaGroup", { params: { id } }));

/* ───────────── Petitions and the working-day calendar ───────────── */

export function usePetitions(query: PetitionsQuery, enabled = true) {
  return useQuery({
    queryKey: [...yearKey, "petitions", query],
    queryFn: ({ signal }) => call("listPetitions", { query, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
export const useFilePetition = () => useYearMutation((body: BodyOf<"filePetition">) => call("filePetition", { body }));
export const useAnswerPetition = () =>
  useYearMutation(({ id, body }: WithId<BodyOf<"answerPetition">>) => call("answerPetition", { params: { id }, body }));

/** The due date of a petition received on `from` (7 working days, holidays skipped), from the server's calendar. */
export function useDueDate(from: string | undefined) {
  return useQuery({
    queryKey: [...yearKey, "due-date", from],
    queryFn: ({ signal }) => call("dueDate", { query: { from: from ?? "", days: 7 }, signal }),
    enabled: !!from,
  });
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: [...yearKey, "holidays", year],
    queryFn: ({ signal }) => call("listHolidays", { query: { year }, signal }),
  });
}
export const useReplaceHolidays = () =>
  useYearMutation(({ year, body }: { year: number; body: BodyOf<"replaceHolidays"> }) =>
    call("replaceHolidays", { params: { year }, body }),
  );

/* ───────────── Reports, national export, dashboards ───────────── */

type YearDownload =
  | "mau02Docx"
  | "mau02Pdf"
  | "decisionDraftDocx"
  | "classificationTableXlsx"
  | "provinceSummaryXlsx"
  | "implementationReportDocx"
  | "nationalExport";

/** A file of the year: which endpoint, its query, and a name to use if the server gives none. */
export type YearFile = {
  [N in YearDownload]: { name: N; query: NonNullable<QueryOf<N>>; fallbackName: string };
}[YearDownload];

/** One mutation for every file of the year (Mẫu 02, tables, decisions, reports, the national export). */
export function useYearDownload() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: YearFile) => download(v.name, { query: v.query as never, fallbackName: v.fallbackName }),
    // The national export writes its send log.
    onSuccess: (_, v) => {
      if (v.name === "nationalExport") void qc.invalidateQueries({ queryKey: [...yearKey, "exports"] });
    },
  });
}

export function useExportLog(query: ExportLogQuery) {
  return useQuery({
    queryKey: [...yearKey, "exports", query],
    queryFn: ({ signal }) => call("nationalExportLog", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReportNarrative(agencyId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...yearKey, "narrative", agencyId, year],
    queryFn: ({ signal }) => call("getReportNarrative", { query: { agencyId: agencyId ?? "", year }, signal }),
    enabled: !!agencyId,
  });
}
export const useUpdateReportNarrative = () =>
  useYearMutation(
    ({ agencyId, year, body }: { agencyId: string; year: number; body: BodyOf<"updateReportNarrative"> }) =>
      call("updateReportNarrative", { query: { agencyId, year }, body }),
  );

export function useAgencyDashboard(agencyId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...yearKey, "dashboard", "agency", agencyId, year],
    queryFn: ({ signal }) => call("agencyYearDashboard", { query: { agencyId: agencyId ?? "", year }, signal }),
    enabled: !!agencyId,
  });
}

export function useProvinceDashboard(query: ProvinceDashboardQuery, enabled = true) {
  return useQuery({
    queryKey: [...yearKey, "dashboard", "province", query],
    queryFn: ({ signal }) => call("provinceYearDashboard", { query, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/* ───────────── Files and the public page ───────────── */

/** A deciding document, minutes or answer goes up first (POST /api/v1/files); forms then name its id. */
export function useUploadDocument() {
  return useMutation({
    mutationFn: ({ unitId, file }: { unitId: string; file: File }) => upload("uploadFile", { query: { unitId }, file }),
  });
}

export function usePublicAgencies(year: number | undefined) {
  return useQuery({
    queryKey: ["public", "agencies", year],
    queryFn: ({ signal }) => call("publicClassifications", { query: { year }, signal }),
  });
}

export function usePublicResults(agencyId: string, year: number) {
  return useQuery({
    queryKey: ["public", "results", agencyId, year],
    queryFn: ({ signal }) => call("publicClassification", { params: { agencyId, year }, signal }),
  });
}
