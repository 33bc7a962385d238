import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/** Quota groups are hr's configuration (DESIGN §1); the head reads them beside the classification. */
export const QUOTA_EDITORS: readonly Role[] = ["hr"];
export const QUOTA_READERS: readonly Role[] = ["hr", "head", "admin"];

export function assertCanEdit(actor: Actor, agencyPath: string): void {
  if (!covers(actor, QUOTA_EDITORS, agencyPath)) throw forbidden("out_of_scope");
}

export function assertCanRead(actor: Actor, agencyPath: string): void {
  if (!covers(actor, QUOTA_READERS, agencyPath)) throw forbidden("out_of_scope");
}
