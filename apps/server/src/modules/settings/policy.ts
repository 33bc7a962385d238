import { type Role, roles } from "@thuocdo/contract";
import { type Actor, covers, touches } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

export const SETTINGS_EDITORS: readonly Role[] = ["hr", "admin"];

/** Anyone working in the agency reads its cycle settings (deadlines show on every screen). */
export function assertCanRead(actor: Actor, agencyPath: string): void {
  if (!touches(actor, roles, agencyPath)) throw forbidden("out_of_scope");
}

export function assertCanEdit(actor: Actor, agencyPath: string): void {
  if (!covers(actor, SETTINGS_EDITORS, agencyPath)) throw forbidden("out_of_scope");
}
