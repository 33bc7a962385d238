import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/**
 * Petitions (Art. 22): a civil servant files their own; the classifying authority answers — the
 * head, with the personnel officers preparing it; hr may record a paper petition received for
 * someone. The working-day calendar is hr's data.
 */
export const PETITION_HANDLERS: readonly Role[] = ["hr", "head"];
export const PETITION_READERS: readonly Role[] = ["hr", "head", "admin"];
export const CALENDAR_EDITORS: readonly Role[] = ["hr", "admin"];

export function assertHandles(actor: Actor, agencyPath: string): void {
  if (!covers(actor, PETITION_HANDLERS, agencyPath)) throw forbidden("out_of_scope");
}

export function assertReads(actor: Actor, agencyPath: string, personId: string): void {
  if (actor.personId !== personId && !covers(actor, PETITION_READERS, agencyPath)) throw forbidden("out_of_scope");
}

export function assertFilesFor(actor: Actor, agencyPath: string, personId: string): void {
  if (actor.personId !== personId && !covers(actor, ["hr"], agencyPath)) throw forbidden("out_of_scope");
}
