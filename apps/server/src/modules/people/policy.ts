import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/** Leaders read the people they lead; personnel officers and admins read and edit. Staff read only themselves. */
export const PEOPLE_READERS: readonly Role[] = ["hr", "head", "manager", "admin"];
export const PEOPLE_EDITORS: readonly Role[] = ["hr", "admin"];

export function canRead(actor: Actor, personId: string, unitPath: string): boolean {
  return actor.personId === personId || covers(actor, PEOPLE_READERS, unitPath);
}

export function assertCanEdit(actor: Actor, unitPath: string): void {
  if (!covers(actor, PEOPLE_EDITORS, unitPath)) throw forbidden("out_of_scope");
}

export function assertCanReadUnit(actor: Actor, unitPath: string): void {
  if (!covers(actor, PEOPLE_READERS, unitPath)) throw forbidden("out_of_scope");
}
