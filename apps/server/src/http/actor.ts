import type { Role } from "@thuocdo/contract";

/** A role the signed-in user holds over `path` (the org unit's subtree). */
export interface ActorGrant {
  id: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  path: string;
}

/** Who is calling: resolved once per request from the session cookie, by the session hook only. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  personId: string | null;
  mustChangePassword: boolean;
  grants: ActorGrant[];
  sessionId: string;
  csrfToken: string;
}

export const hasRole = (actor: Actor, roles: readonly Role[]): boolean =>
  actor.grants.some((g) => roles.includes(g.role));

/** Paths of the subtrees in which the actor holds any of `roles`. */
export const scopePaths = (actor: Actor, roles: readonly Role[]): string[] =>
  actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.path);

/** True when a unit (by its path) lies inside a subtree where the actor holds one of `roles`. */
export const covers = (actor: Actor, roles: readonly Role[], unitPath: string): boolean =>
  scopePaths(actor, roles).some((p) => unitPath.startsWith(p));

/**
 * True when the actor holds one of `roles` over the unit or anywhere inside
 * it — enough to read an agency's shared reference data (its positions)
 * from a grant on one of its divisions.
 */
export const touches = (actor: Actor, roles: readonly Role[], unitPath: string): boolean =>
  scopePaths(actor, roles).some((p) => unitPath.startsWith(p) || p.startsWith(unitPath));
