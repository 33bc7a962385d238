import type { Grant, Role, User } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, forbidden, notFound } from "../../http/app-error.ts";
import { hashPassword } from "../../lib/password.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { requireUnit } from "../org/service.ts";
import { adminPaths, assertCanGrantAt, assertCanManageUser } from "./policy.ts";
import * as repo from "./repo.ts";

const toGrant = (g: repo.GrantView): Grant => ({
  id: g.id,
  role: g.role as Role,
  orgUnitId: g.orgUnitId,
  orgUnitName: g.orgUnitName,
});

const toDto = (u: repo.UserRow, grants: repo.GrantView[]): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  personId: u.personId,
  active: u.active,
  lockedUntil: u.lockedUntil ? u.lockedUntil.toISOString() : null,
  grants: grants.filter((g) => g.userId === u.id).map(toGrant),
  version: u.version,
});

const snapshot = (u: repo.UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  personId: u.personId,
  active: u.active,
});

/** Where a user's audit rows live: with their person's unit, else at the acting admin's scope. */
async function auditPath(tx: Db, actor: Actor, personId: string | null): Promise<string | null> {
  return (personId ? await repo.personPath(tx, personId) : undefined) ?? adminPaths(actor)[0] ?? null;
}

async function loadManaged(tx: Db, actor: Actor, id: string) {
  const user = await repo.findUser(tx, id);
  if (!user) throw notFound("user", id);
  const grants = await repo.grantsOf(tx, [id]);
  assertCanManageUser(actor, grants);
  return { user, grants };
}

export async function listUsers(deps: Deps, actor: Actor): Promise<User[]> {
  const users = await repo.listUsersIn(deps.db, adminPaths(actor));
  const grants = await repo.grantsOf(
    deps.db,
    users.map((u) => u.id),
  );
  return users.map((u) => toDto(u, grants));
}

async function assertPersonInScope(tx: Db, actor: Actor, personId: string | null): Promise<void> {
  if (!personId) return;
  const path = await repo.personPath(tx, personId);
  if (!path) throw notFound("person", personId);
  assertCanGrantAt(actor, path);
}

export async function createUser(
  deps: Deps,
  actor: Actor,
  input: { username: string; displayName: string; personId: string | null; password: string },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    if (await repo.findUsername(tx, input.username)) throw new AppError("DUPLICATE", { field: "username" });
    await assertPersonInScope(tx, actor, input.personId);
    const id = newId();
    await repo.insertUser(tx, {
      id,
      username: input.username,
      displayName: input.displayName,
      personId: input.personId,
      passwordHash,
      mustChangePassword: true,
    });
    const created = (await repo.findUser(tx, id))!;
    await recordChange(tx, actor, {
      entity: "user",
      entityId: id,
      unitPath: await auditPath(tx, actor, input.personId),
      action: "create",
      after: snapshot(created),
    });
    return toDto(created, []);
  });
}

export async function updateUser(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; displayName?: string; personId?: string | null; active?: boolean; unlock?: boolean },
): Promise<User> {
  return deps.db.transaction(async (tx) => {
    const { user, grants } = await loadManaged(tx, actor, id);
    if (user.version !== input.version) throw conflict(user.version);
    if (input.personId !== undefined) await assertPersonInScope(tx, actor, input.personId);
    if (input.active === false && id === actor.userId) throw forbidden("self_deactivate");
    const updated = await repo.updateUser(tx, id, input.version, {
      displayName: input.displayName ?? user.displayName,
      personId: input.personId !== undefined ? input.personId : user.personId,
      active: input.active ?? user.active,
      ...(input.unlock ? { failedAttempts: 0, lockedUntil: null } : {}),
    });
    if (!updated) throw conflict(user.version);
    if (!updated.active) await repo.endSessions(tx, id);
    await recordChange(tx, actor, {
      entity: "user",
      entityId: id,
      unitPath: await auditPath(tx, actor, updated.personId),
      action: input.unlock ? "unlock" : "update",
      before: snapshot(user),
      after: snapshot(updated),
    });
    return toDto(updated, grants);
  });
}

/** An admin's reset forces the user to choose a new password at next login and ends their sessions. */
export async function resetPassword(deps: Deps, actor: Actor, id: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    const { user } = await loadManaged(tx, actor, id);
    await repo.updateUser(tx, id, user.version, {
      passwordHash,
      mustChangePassword: true,
      failedAttempts: 0,
      lockedUntil: null,
    });
    await repo.endSessions(tx, id);
    await recordChange(tx, actor, {
      entity: "user",
      entityId: id,
      unitPath: await auditPath(tx, actor, user.personId),
      action: "reset_password",
    });
  });
}

export async function addGrant(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: { role: Role; orgUnitId: string },
): Promise<Grant> {
  return deps.db.transaction(async (tx) => {
    await loadManaged(tx, actor, userId);
    const unit = await requireUnit(tx, input.orgUnitId);
    assertCanGrantAt(actor, unit.path);
    if (await repo.grantExists(tx, userId, input.role, unit.id)) throw new AppError("DUPLICATE", { field: "role" });
    const id = newId();
    await repo.insertGrant(tx, { id, userId, role: input.role, orgUnitId: unit.id });
    await recordChange(tx, actor, {
      entity: "grant",
      entityId: id,
      unitPath: unit.path,
      action: "grant",
      after: { userId, role: input.role, orgUnitId: unit.id, orgUnitName: unit.name },
    });
    return { id, role: input.role, orgUnitId: unit.id, orgUnitName: unit.name };
  });
}

/** Admins cannot revoke their own admin grant, so nobody locks the last door from inside. */
export async function removeGrant(deps: Deps, actor: Actor, grantId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const grant = await repo.findGrant(tx, grantId);
    if (!grant) throw notFound("grant", grantId);
    assertCanGrantAt(actor, grant.path);
    if (grant.userId === actor.userId && grant.role === "admin") throw forbidden("self_revoke_admin");
    await repo.deleteGrant(tx, grantId);
    await recordChange(tx, actor, {
      entity: "grant",
      entityId: grantId,
      unitPath: grant.path,
      action: "revoke",
      before: { userId: grant.userId, role: grant.role, orgUnitId: grant.orgUnitId, orgUnitName: grant.orgUnitName },
    });
  });
}
