import { roles } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/**
 * Files belong to an org unit: anyone holding a role over that unit (or an
 * ancestor) may upload there and read what is there. Finer rules — whose
 * delivery a file may be attached to — belong to the module that attaches it.
 */
export function assertCanUseUnit(actor: Actor, unitPath: string, uploadedBy?: string | null): void {
  if (uploadedBy && uploadedBy === actor.userId) return;
  if (!covers(actor, roles, unitPath)) throw forbidden("out_of_scope");
}
