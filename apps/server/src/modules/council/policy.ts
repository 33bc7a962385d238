import type { Actor } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";
import { canManage } from "../agency/policy.ts";

/**
 * The appraisal council (Quảng Nam Art. 7–8): the secretariat (hr over the owner unit) names the
 * members and records who is present; only members vote, one vote each per agency, changeable
 * until the council step closes; members and the secretariat see the board.
 */
export function assertCanSeeBoard(actor: Actor, ownerPath: string, isMember: boolean): void {
  if (!isMember && !canManage(actor, ownerPath)) throw forbidden("not_council_member");
}

export function assertMember(isMember: boolean): void {
  if (!isMember) throw forbidden("not_council_member");
}

export { assertCanManage } from "../agency/policy.ts";
