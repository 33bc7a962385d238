import type { Role } from "@thuocdo/contract";
import { useSearchParams } from "react-router";
import { useSession } from "../../api/queries/auth.ts";
import { useUnits } from "../../api/queries/org.ts";
import { agencyOf } from "../../lib/tree.ts";

/** This year in Vietnam time: the year screens open on. */
export function currentYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(now));
}

/** The years a picker offers: from the decree's first year (2026) to next year. */
export function yearOptions(now: Date = new Date()): number[] {
  const last = Math.max(currentYear(now) + 1, 2026);
  return Array.from({ length: last - 2026 + 1 }, (_, i) => last - i);
}

/**
 * The agency and year a year screen shows, kept in the URL (`coQuan`, `nam`) so a view can be
 * shared. Without `coQuan`, the agency of the user's first grant among `roles` (hr, head…) is used.
 */
export function useAgencyYear(roles: readonly Role[]) {
  const [params, setParams] = useSearchParams();
  const { data: session } = useSession();
  const { byId } = useUnits();
  const grant = session?.grants.find((g) => roles.includes(g.role));
  const fallback = grant ? (agencyOf(grant.orgUnitId, byId)?.id ?? undefined) : undefined;
  const agencyId = params.get("coQuan") ?? fallback;
  const year = Number(params.get("nam")) || currentYear();
  const update = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  return {
    agencyId,
    year,
    params,
    update,
    setAgency: (id: string | undefined) => update({ coQuan: id, trang: undefined }),
    setYear: (y: number) => update({ nam: String(y), trang: undefined }),
  };
}
