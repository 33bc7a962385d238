import type { CatalogStatus } from "@thuocdo/contract";
import { Rational } from "@thuocdo/core";
import { App, Tag } from "antd";
import { useCallback, useMemo } from "react";
import { isApiError } from "../../api/errors.ts";
import { useSession } from "../../api/queries/auth.ts";
import { useUnits } from "../../api/queries/org.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatNumber, t } from "../../i18n/index.ts";
import { agencyOf } from "../../lib/tree.ts";

const statusColors: Record<CatalogStatus, string> = { draft: "gold", approved: "green", superseded: "default" };

export function CatalogStatusTag({ status }: { status: CatalogStatus }) {
  return <Tag color={statusColors[status]}>{t(`catalogStatuses.${status}`)}</Tag>;
}

/** A coefficient as shown everywhere: Vietnamese decimals, up to 4 places ("1,6"). */
export const formatCoefficient = (value: number) => formatNumber(Number(value.toFixed(4)));

/** Points ÷ standard points, exactly, for the live preview in the item form (the server computes the stored one). */
export function previewCoefficient(points: number | null | undefined, standardPoints: number): string {
  if (!points || points <= 0 || !standardPoints) return t("common.none");
  return formatCoefficient(Rational.from(points).div(Rational.from(standardPoints)).toNumber());
}

/**
 * Mutation errors: VALIDATION_FAILED issues that concern no form field (a
 * locked catalog, a draft that already exists) carry the precise Vietnamese
 * reason; show it instead of the generic sentence.
 */
export function useCatalogErrorHandler(form?: Parameters<typeof useErrorHandler>[0]) {
  const base = useErrorHandler(form);
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const issues = isApiError(error, "VALIDATION_FAILED")
        ? ((error.details as { issues?: { path: unknown[]; message: string }[] } | undefined)?.issues ?? [])
        : [];
      const general = issues.filter((i) => i.path.length === 0).map((i) => i.message);
      if (general.length > 0) message.error(general.join(" "));
      else base(error);
    },
    [base, message],
  );
}

/** The agency of the user's first grant: where staff and division managers work. */
export function useHomeAgency(): string | undefined {
  const { data: session } = useSession();
  const { byId } = useUnits();
  return useMemo(() => {
    for (const g of session?.grants ?? []) {
      const agency = agencyOf(g.orgUnitId, byId);
      if (agency && agency.kind !== "province") return agency.id;
    }
    return undefined;
  }, [session, byId]);
}

/** Short fields side by side on wide screens, stacked on phones. */
export const formGrid: React.CSSProperties = {
  display: "grid",
  gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))",
  columnGap: 12,
};
