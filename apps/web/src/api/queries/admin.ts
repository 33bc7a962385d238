import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type BodyOf, call, type QueryOf } from "../client.ts";

export const usersKey = ["users"] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: ({ signal }) => call("listUsers", { signal }) });
}

function useUsersMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }) });
}

export const useCreateUser = () => useUsersMutation((body: BodyOf<"createUser">) => call("createUser", { body }));

export const useUpdateUser = () =>
  useUsersMutation(({ id, body }: { id: string; body: BodyOf<"updateUser"> }) =>
    call("updateUser", { params: { id }, body }),
  );

export const useResetPassword = () =>
  useUsersMutation(({ id, password }: { id: string; password: string }) =>
    call("resetPassword", { params: { id }, body: { password } }),
  );

export const useAddGrant = () =>
  useUsersMutation(({ userId, body }: { userId: string; body: BodyOf<"addGrant"> }) =>
    call("addGrant", { params: { id: userId }, body }),
  );

export const useRemoveGrant = () =>
  useUsersMutation((grantId: string) => call("removeGrant", { params: { id: grantId } }));

export type AuditQuery = NonNullable<QueryOf<"listAudit">>;

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ["audit", query],
    queryFn: ({ signal }) => call("listAudit", { query, signal }),
    placeholderData: keepPreviousData,
  });
}
