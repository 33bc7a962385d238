import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type BodyOf, call, type QueryOf, upload } from "../client.ts";

/**
 * The monthly cycle (issue #4): periods, assignments, deliveries, reviews, evaluations, boards and
 * notifications. Every query of the cycle sits under the `work` key: any change (a delivery, a
 * review, a confirmation) moves scores on several screens, so a mutation refreshes them all.
 */
export const workKey = ["work"] as const;
export const notificationsKey = ["notifications"] as const;

export type PeriodsQuery = NonNullable<QueryOf<"listPeriods">>;
export type AssignmentsQuery = NonNullable<QueryOf<"listAssignments">>;
export type DeliveriesQuery = NonNullable<QueryOf<"listDeliveries">>;
export type BoardQuery = NonNullable<QueryOf<"divisionBoard">>;

/* ───────────── Read models ───────────── */

export function useMyMonth(periodId: string | undefined) {
  return useQuery({
    queryKey: [...workKey, "me", "month", periodId ?? "current"],
    queryFn: ({ signal }) => call("myMonth", { query: { periodId }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyHistory(year?: number) {
  return useQuery({
    queryKey: [...workKey, "me", "history", year ?? "all"],
    queryFn: ({ signal }) => call("myHistory", { query: { year }, signal }),
  });
}

export function useBoard(periodId: string | undefined, query: BoardQuery) {
  return useQuery({
    queryKey: [...workKey, "board", periodId, query],
    queryFn: ({ signal }) => call("divisionBoard", { params: { id: periodId ?? "" }, query, signal }),
    enabled: !!periodId,
    placeholderData: keepPreviousData,
  });
}

export function usePeriods(query: PeriodsQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...workKey, "periods", query],
    queryFn: ({ signal }) => call("listPeriods", { query, signal }),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}

export function useAssignments(periodId: string | undefined, query: AssignmentsQuery) {
  return useQuery({
    queryKey: [...workKey, "assignments", periodId, query],
    queryFn: ({ signal }) => call("listAssignments", { params: { id: periodId ?? "" }, query, signal }),
    enabled: !!periodId,
    placeholderData: keepPreviousData,
  });
}

export function useDeliveries(periodId: string | undefined, query: DeliveriesQuery) {
  return useQuery({
    queryKey: [...workKey, "deliveries", periodId, query],
    queryFn: ({ signal }) => call("listDeliveries", { params: { id: periodId ?? "" }, query, signal }),
    enabled: !!periodId,
    placeholderData: keepPreviousData,
  });
}

/** One person's evaluation of a period (with the score and its explanation). */
export function usePersonEvaluation(periodId: string | undefined, personId: string | undefined) {
  return useQuery({
    queryKey: [...workKey, "evaluation", periodId, personId],
    queryFn: ({ signal }) =>
      call("getPersonEvaluation", { params: { id: periodId ?? "", personId: personId ?? "" }, signal }),
    enabled: !!periodId && !!personId,
  });
}

export function useAgencySettings(agencyId: string | undefined) {
  return useQuery({
    queryKey: [...workKey, "settings", agencyId],
    queryFn: ({ signal }) => call("getAgencySettings", { params: { id: agencyId ?? "" }, signal }),
    enabled: !!agencyId,
  });
}

/* ───────────── Mutations ───────────── */

/** A mutation of the cycle: on success, every screen of the cycle and the bell refresh. */
function useWorkMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: workKey }),
        qc.invalidateQueries({ queryKey: notificationsKey }),
      ]);
    },
  });
}

type WithId<B> = { id: string; body: B };

export const useOpenPeriod = () => useWorkMutation((body: BodyOf<"openPeriod">) => call("openPeriod", { body }));
export const useLockPeriod = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"lockPeriod">>) => call("lockPeriod", { params: { id }, body }));
export const useReopenPeriod = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"reopenPeriod">>) => call("reopenPeriod", { params: { id }, body }));
export const useUpdateAgencySettings = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"updateAgencySettings">>) =>
    call("updateAgencySettings", { params: { id }, body }),
  );

export const useCreateAssignments = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"createAssignments">>) =>
    call("createAssignments", { params: { id }, body }),
  );
export const useCreateTeamAssignment = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"createTeamAssignment">>) =>
    call("createTeamAssignment", { params: { id }, body }),
  );
export const useHandBack = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"handBackAssignment">>) =>
    call("handBackAssignment", { params: { id }, body }),
  );
export const useExtendDeadline = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"extendDeadline">>) => call("extendDeadline", { params: { id }, body }));
export const useDeleteAssignment = () => useWorkMutation((id: string) => call("deleteAssignment", { params: { id } }));

export const useCreateDelivery = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"createDelivery">>) => call("createDelivery", { params: { id }, body }));
export const useDeleteDelivery = () => useWorkMutation((id: string) => call("deleteDelivery", { params: { id } }));
export const useReviewDelivery = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"reviewDelivery">>) => call("reviewDelivery", { params: { id }, body }));
export const useExcuseDelivery = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"excuseDelivery">>) => call("excuseDelivery", { params: { id }, body }));

export const useSubmitSelfEvaluation = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"submitSelfEvaluation">>) =>
    call("submitSelfEvaluation", { params: { id }, body }),
  );
export const useConfirmEvaluation = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"confirmEvaluation">>) =>
    call("confirmEvaluation", { params: { id }, body }),
  );
export const useHeadConfirmEvaluation = () =>
  useWorkMutation(({ id, body }: WithId<BodyOf<"headConfirmEvaluation">>) =>
    call("headConfirmEvaluation", { params: { id }, body }),
  );

/** Evidence files go up one by one before the delivery names them (POST /api/v1/files). */
export function useUploadEvidence() {
  return useMutation({
    mutationFn: ({ unitId, file }: { unitId: string; file: File }) => upload("uploadFile", { query: { unitId }, file }),
  });
}

/* ───────────── Catalog (for assigning) ───────────── */

export function useCatalogItems(catalogId: string | null | undefined, query: NonNullable<QueryOf<"listCatalogItems">>) {
  return useQuery({
    queryKey: ["catalogs", catalogId, "items", query],
    queryFn: ({ signal }) => call("listCatalogItems", { params: { id: catalogId ?? "" }, query, signal }),
    enabled: !!catalogId,
    placeholderData: keepPreviousData,
  });
}

/* ───────────── Notifications ───────────── */

/** The bell: the latest notifications and the unread count, refreshed every minute. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, "latest"],
    queryFn: ({ signal }) => call("listNotifications", { query: { page: 1, pageSize: 10 }, signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call("markNotificationRead", { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call("markAllNotificationsRead"),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
