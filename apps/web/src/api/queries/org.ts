import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OrgUnit } from "@thuocdo/contract";
import { useMemo } from "react";
import { buildUnitTree } from "../../lib/tree.ts";
import { type BodyOf, call } from "../client.ts";

export const unitsKey = ["units"] as const;
export const positionsKey = (agencyId?: string) => ["positions", agencyId ?? "all"] as const;

/** The flat unit list of the user's scope, with a by-id map and the built tree. */
export function useUnits() {
  const query = useQuery({ queryKey: unitsKey, queryFn: ({ signal }) => call("listUnits", { signal }) });
  const derived = useMemo(() => {
    const units = query.data ?? [];
    return { units, byId: new Map<string, OrgUnit>(units.map((u) => [u.id, u])), tree: buildUnitTree(units) };
  }, [query.data]);
  return { ...query, ...derived };
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"createUnit">) => call("createUnit", { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<"updateUnit"> }) =>
      call("updateUnit", { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useDeleteUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call("deleteUnit", { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function usePositions(agencyId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: positionsKey(agencyId),
    queryFn: ({ signal }) => call("listPositions", { query: { agencyId }, signal }),
    enabled: options.enabled ?? true,
  });
}

export function useCreatePosition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"createPosition">) => call("createPosition", { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["positions"] }),
  });
}

export function useUpdatePosition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<"updatePosition"> }) =>
      call("updatePosition", { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["positions"] }),
  });
}

export function useDeletePosition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call("deletePosition", { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["positions"] }),
  });
}
