import type { Role } from "@thuocdo/contract";
import { type Actor, covers, touches } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

export const POSITION_READERS: readonly Role[] = ["hr", "head", "manager", "admin"];
export const POSITION_EDITORS: readonly Role[] = ["hr", "admin"];

export function assertCanRead(actor: Actor, agencyPath: string): void {
  if (!touches(actor, POSITION_READERS, agencyPath)) throw forbidden("out_of_scope");
}

export function assertCanEdit(actor: Actor, agencyPath: string): void {
  if (!covers(actor, POSITION_EDITORS, agencyPath)) throw forbidden("out_of_scope");
}
