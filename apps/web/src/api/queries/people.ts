import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type BodyOf, call, download, type QueryOf, upload } from "../client.ts";

export type PeopleQuery = NonNullable<QueryOf<"listPeople">>;

export const peopleKey = (query?: PeopleQuery) => (query ? (["people", query] as const) : (["people"] as const));

export function usePeople(query: PeopleQuery) {
  return useQuery({
    queryKey: peopleKey(query),
    queryFn: ({ signal }) => call("listPeople", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many people the user can see (one-row page: only `total` is read). */
export function usePeopleCount(enabled: boolean) {
  return useQuery({
    queryKey: peopleKey({ page: 1, pageSize: 1 }),
    queryFn: ({ signal }) => call("listPeople", { query: { page: 1, pageSize: 1 }, signal }),
    enabled,
    select: (p) => p.total,
  });
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"createPerson">) => call("createPerson", { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKey() }),
  });
}

export function useUpdatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<"updatePerson"> }) =>
      call("updatePerson", { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKey() }),
  });
}

export function useImportPeople() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ agencyId, file }: { agencyId: string; file: File }) =>
      upload("importPeople", { query: { agencyId }, file }),
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKey() }),
  });
}

export function useExportPeople() {
  return useMutation({
    mutationFn: (query: Omit<PeopleQuery, "page" | "pageSize">) =>
      download("exportPeople", { query, fallbackName: "danh-sach-cong-chuc.xlsx" }),
  });
}

export function useDownloadTemplate() {
  return useMutation({
    mutationFn: () => download("peopleImportTemplate", { fallbackName: "mau-nhap-cong-chuc.xlsx" }),
  });
}
