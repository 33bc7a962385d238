import type { Role } from "@thuocdo/contract";
import { type Actor, covers, scopePaths } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";
import type { GrantView } from "./repo.ts";

export const USER_ADMINS: readonly Role[] = ["admin"];

export const adminPaths = (actor: Actor) => scopePaths(actor, USER_ADMINS);

export function assertCanGrantAt(actor: Actor, unitPath: string): void {
  if (!covers(actor, USER_ADMINS, unitPath)) throw forbidden("out_of_scope");
}

/** An admin manages a user whose every grant lies inside the admin's scope (a user with no grant is anyone's). */
export function assertCanManageUser(actor: Actor, userGrants: GrantView[]): void {
  if (!userGrants.every((g) => covers(actor, USER_ADMINS, g.path))) throw forbidden("out_of_scope");
}
