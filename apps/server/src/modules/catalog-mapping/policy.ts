import type { Role } from "@thuocdo/contract";
import { type Actor, touches } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/** Position mappings are read by those who assign work (managers too) and written by hr. */
export const MAPPING_READERS: readonly Role[] = ["hr", "head", "manager", "admin"];

export function assertCanReadMapping(actor: Actor, agencyPath: string): void {
  if (!touches(actor, MAPPING_READERS, agencyPath)) throw forbidden("out_of_scope");
}
