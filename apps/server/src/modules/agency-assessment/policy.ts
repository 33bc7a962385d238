import { type Actor, hasRole } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";
import { AGENCY_ROLES, canAppraiseCriterion, canManage, isAgencySide } from "../agency/policy.ts";
import type { CycleContext } from "../agency/service.ts";

export { AGENCY_ROLES };

/** How the caller stands towards one assessment. */
export interface Standing {
  /** hr over the owner unit: Sở Nội vụ, the secretariat. */
  manager: boolean;
  /** hr or head of the agency itself. */
  agency: boolean;
  /** A member of this cycle's council. */
  member: boolean;
  /** Criteria the caller may appraise (all of them for the manager). */
  appraisable: Set<string>;
}

export function standingOf(actor: Actor, ctx: CycleContext, agencyPath: string, memberOf: readonly string[]): Standing {
  const manager = canManage(actor, ctx.cycle.ownerPath);
  const appraisable = new Set(
    hasRole(actor, ["appraiser", "hr"])
      ? ctx.nodes
          .filter((n) => canAppraiseCriterion(actor, n.row.appraiserUnitPath, ctx.cycle.ownerPath))
          .map((n) => n.row.id)
      : [],
  );
  return {
    manager,
    agency: isAgencySide(actor, agencyPath),
    member: memberOf.includes(ctx.cycle.id),
    appraisable,
  };
}

/** Sees every criterion and the totals: the agency itself, the manager, the council. */
export const seesAll = (s: Standing): boolean => s.manager || s.agency || s.member;

/** An appraiser who is nothing else sees only its criteria; anyone else with no standing is refused. */
export function assertCanRead(s: Standing): void {
  if (!seesAll(s) && s.appraisable.size === 0) throw forbidden("out_of_scope");
}

export function assertAgencySide(s: Standing): void {
  if (!s.agency) throw forbidden("not_agency");
}

export function assertManager(s: Standing): void {
  if (!s.manager) throw forbidden("not_framework_manager");
}
