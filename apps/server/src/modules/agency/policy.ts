import type { Role } from "@thuocdo/contract";
import { type Actor, covers, scopePaths } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/**
 * Who does what in the yearly agency evaluation (DESIGN §1, §4):
 * - hr over the framework's owner unit (Sở Nội vụ for the province) manages frameworks and cycles,
 *   consolidates appraisals, proposes final scores as the council's secretariat, records the decision;
 * - an agency's own hr or head self-assesses it and answers its draft (and sees only its own);
 * - an appraiser sees and scores only the criteria designated to its agency, across all agencies;
 * - council members assigned to a cycle review and vote;
 * - anyone reads published results.
 */
export const FRAMEWORK_MANAGERS: readonly Role[] = ["hr"];
export const AGENCY_SIDE: readonly Role[] = ["hr", "head"];
export const AGENCY_ROLES: readonly Role[] = ["hr", "head", "appraiser", "council", "admin"];

export const canManage = (actor: Actor, ownerPath: string): boolean => covers(actor, FRAMEWORK_MANAGERS, ownerPath);

export function assertCanManage(actor: Actor, ownerPath: string): void {
  if (!canManage(actor, ownerPath)) throw forbidden("not_framework_manager");
}

export const isAgencySide = (actor: Actor, agencyPath: string): boolean => covers(actor, AGENCY_SIDE, agencyPath);

/** Paths of the appraiser agencies the actor acts for. */
export const appraiserScopes = (actor: Actor): string[] => scopePaths(actor, ["appraiser"]);

/**
 * A criterion is the actor's to appraise when its designated appraiser agency lies inside one of
 * the actor's appraiser grants; the cycle's manager (Sở Nội vụ) consolidates every criterion,
 * including those without a designated appraiser.
 */
export function canAppraiseCriterion(actor: Actor, appraiserUnitPath: string | null, ownerPath: string): boolean {
  if (canManage(actor, ownerPath)) return true;
  if (!appraiserUnitPath) return false;
  return appraiserScopes(actor).some((p) => appraiserUnitPath.startsWith(p));
}
