import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/** A head (and hr, admin) sees their agency's dashboard; hr above several agencies sees the province page. */
export const AGENCY_DASHBOARD: readonly Role[] = ["head", "hr", "admin"];
export const PROVINCE_DASHBOARD: readonly Role[] = ["hr", "admin"];

export function assertAgencyDashboard(actor: Actor, agencyPath: string): void {
  if (!covers(actor, AGENCY_DASHBOARD, agencyPath)) throw forbidden("out_of_scope");
}
