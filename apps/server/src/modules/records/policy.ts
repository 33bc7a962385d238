import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/**
 * Records that decide a year (discipline, degradation conclusions, corruption cases, leave,
 * transfers) are kept by the personnel officers (Art. 24: the evaluation file); heads read their
 * agency's; a civil servant reads their own.
 */
export const RECORD_EDITORS: readonly Role[] = ["hr"];
export const RECORD_READERS: readonly Role[] = ["hr", "head", "admin"];

export function assertCanEditPerson(actor: Actor, unitPath: string): void {
  if (!covers(actor, RECORD_EDITORS, unitPath)) throw forbidden("out_of_scope");
}

export function assertCanReadPerson(actor: Actor, personId: string, unitPath: string): void {
  if (actor.personId !== personId && !covers(actor, RECORD_READERS, unitPath)) throw forbidden("out_of_scope");
}

/** Subtrees whose records the actor reads; a civil servant without a reader role sees only their own. */
export const readablePaths = (actor: Actor): string[] =>
  actor.grants.filter((g) => RECORD_READERS.includes(g.role)).map((g) => g.path);
