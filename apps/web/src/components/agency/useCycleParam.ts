import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { useCycles } from "../../api/queries/agency.ts";

/**
 * The cycle a screen works on, kept in the URL (`?dot=`) so the page can be bookmarked; without
 * one, the most recent cycle the user can see is chosen.
 */
export function useCycleParam() {
  const [params, setParams] = useSearchParams();
  const cycles = useCycles({ sort: "year", order: "desc", page: 1, pageSize: 100 });
  const items = cycles.data?.items ?? [];
  const asked = params.get("dot") ?? undefined;
  const cycleId = asked ?? items[0]?.id;
  const setCycleId = (id: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set("dot", id);
        else next.delete("dot");
        return next;
      },
      { replace: true },
    );
  // A bookmarked cycle that no longer exists falls back to the latest.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the list re-checks
  useEffect(() => {
    if (asked && cycles.isSuccess && !items.some((c) => c.id === asked)) setCycleId(undefined);
  }, [cycles.isSuccess, items.length]);
  return { cycleId, setCycleId, cycles: items, summary: items.find((c) => c.id === cycleId), query: cycles };
}
