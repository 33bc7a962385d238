import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type BodyOf, call, download, type QueryOf, upload } from "../client.ts";

export type CatalogItemsQuery = NonNullable<QueryOf<"listCatalogItems">>;
export type ProposalsQuery = NonNullable<QueryOf<"listProposals">>;
export type ImportOptions = { mode: "all" | "good_rows"; replace?: boolean };

const catalogsKey = ["catalogs"] as const;
const proposalsKey = ["catalog-proposals"] as const;
const mappingKey = (positionId: string) => ["position-items", positionId] as const;

export function useCatalogs(agencyId: string | undefined) {
  return useQuery({
    queryKey: [...catalogsKey, "list", agencyId],
    queryFn: ({ signal }) => call("listCatalogs", { query: { agencyId: agencyId! }, signal }),
    enabled: !!agencyId,
  });
}

export function useCatalogInForce(agencyId: string | undefined) {
  return useQuery({
    queryKey: [...catalogsKey, "in-force", agencyId],
    queryFn: ({ signal }) => call("catalogInForce", { query: { agencyId: agencyId! }, signal }),
    enabled: !!agencyId,
  });
}

export function useCatalogItems(catalogId: string | undefined, query: CatalogItemsQuery) {
  return useQuery({
    queryKey: [...catalogsKey, "items", catalogId, query],
    queryFn: ({ signal }) => call("listCatalogItems", { params: { id: catalogId! }, query, signal }),
    enabled: !!catalogId,
    placeholderData: keepPreviousData,
  });
}

/** Every item of a version (for the position mapping's transfer list). */
export function useAllCatalogItems(catalogId: string | undefined) {
  return useQuery({
    queryKey: [...catalogsKey, "items", catalogId, "all"],
    queryFn: async ({ signal }) => {
      const pageSize = 200;
      const first = await call("listCatalogItems", {
        params: { id: catalogId! },
        query: { page: 1, pageSize },
        signal,
      });
      const items = [...first.items];
      for (let page = 2; items.length < first.total; page++)
        items.push(
          ...(await call("listCatalogItems", { params: { id: catalogId! }, query: { page, pageSize }, signal })).items,
        );
      return items;
    },
    enabled: !!catalogId,
  });
}

function useCatalogMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: catalogsKey }) });
}

export const useCreateCatalog = () =>
  useCatalogMutation((body: BodyOf<"createCatalog">) => call("createCatalog", { body }));
export const useNextCatalogVersion = () =>
  useCatalogMutation((body: BodyOf<"nextCatalogVersion">) => call("nextCatalogVersion", { body }));
export const useDeleteCatalog = () => useCatalogMutation((id: string) => call("deleteCatalog", { params: { id } }));
export const useApproveCatalog = () =>
  useCatalogMutation(({ id, body }: { id: string; body: BodyOf<"approveCatalog"> }) =>
    call("approveCatalog", { params: { id }, body }),
  );
export const useCreateCatalogItem = () =>
  useCatalogMutation(({ id, body }: { id: string; body: BodyOf<"createCatalogItem"> }) =>
    call("createCatalogItem", { params: { id }, body }),
  );
export const useUpdateCatalogItem = () =>
  useCatalogMutation(({ id, itemId, body }: { id: string; itemId: string; body: BodyOf<"updateCatalogItem"> }) =>
    call("updateCatalogItem", { params: { id, itemId }, body }),
  );
export const useDeleteCatalogItem = () =>
  useCatalogMutation(({ id, itemId }: { id: string; itemId: string }) =>
    call("deleteCatalogItem", { params: { id, itemId } }),
  );

export function usePreviewCatalogImport() {
  return useMutation({
    mutationFn: ({ id, file, options }: { id: string; file: File; options: ImportOptions }) =>
      uploadTo("previewCatalogImport", id, file, options),
  });
}

export const useCommitCatalogImport = () =>
  useCatalogMutation(({ id, file, options }: { id: string; file: File; options: ImportOptions }) =>
    uploadTo("commitCatalogImport", id, file, options),
  );

/** Preview and commit send the same file with the same options: a stateless server re-reads it. */
function uploadTo(
  name: "previewCatalogImport" | "commitCatalogImport",
  id: string,
  file: File,
  options: ImportOptions,
) {
  return upload(name, { params: { id }, query: options, file });
}

export function useExportCatalogItems() {
  return useMutation({
    mutationFn: ({ id, query }: { id: string; query: Omit<CatalogItemsQuery, "page" | "pageSize"> }) =>
      download("exportCatalogItems", { params: { id }, query, fallbackName: "danh-muc-san-pham.xlsx" }),
  });
}

export function useCatalogTemplate() {
  return useMutation({
    mutationFn: () => download("catalogImportTemplate", { fallbackName: "mau-danh-muc-san-pham.xlsx" }),
  });
}

export function usePositionItems(positionId: string | undefined) {
  return useQuery({
    queryKey: mappingKey(positionId ?? ""),
    queryFn: ({ signal }) => call("getPositionItems", { params: { id: positionId! }, signal }),
    enabled: !!positionId,
  });
}

export function useSavePositionItems() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ positionId, codes }: { positionId: string; codes: string[] }) =>
      call("putPositionItems", { params: { id: positionId }, body: { codes } }),
    onSuccess: (data) => qc.setQueryData(mappingKey(data.positionId), data),
  });
}

export function useProposals(query: ProposalsQuery, enabled = true) {
  return useQuery({
    queryKey: [...proposalsKey, query],
    queryFn: ({ signal }) => call("listProposals", { query, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateProposal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"createProposal">) => call("createProposal", { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: proposalsKey }),
  });
}

export function useDecideProposal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<"decideProposal"> }) =>
      call("decideProposal", { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: proposalsKey }),
  });
}
