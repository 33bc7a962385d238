import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/** Who shapes the org tree: personnel officers and administrators, inside their subtree. */
export const ORG_EDITORS: readonly Role[] = ["hr", "admin"];

export function assertCanEditUnder(actor: Actor, path: string): void {
  if (!covers(actor, ORG_EDITORS, path)) throw forbidden("out_of_scope");
}
