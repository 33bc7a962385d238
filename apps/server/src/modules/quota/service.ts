import type { createQuotaGroupBody, LeaderRole, QuotaGroup, updateQuotaGroupBody } from "@thuocdo/contract";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { requireUnit } from "../org/service.ts";
import { assertCanEdit, assertCanRead } from "./policy.ts";
import * as repo from "./repo.ts";

export type Members = QuotaGroup["members"];

const toDto = (g: repo.QuotaGroupRow): QuotaGroup => ({
  id: g.id,
  agencyId: g.agencyId,
  name: g.name,
  members: g.members as Members,
  sortOrder: g.sortOrder,
  version: g.version,
});

/**
 * The default split (DESIGN §3 rule 10; decree-335.md §4.1 open point 1): leaders (heads and
 * deputies) and the other civil servants, each its own group of similar tasks.
 */
export const defaultGroups: { name: string; members: Members }[] = [
  {
    name: "Lãnh đạo (cấp trưởng, cấp phó)",
    members: { leaderRoles: ["head", "deputy"], positionIds: [], unitIds: [] },
  },
  { name: "Công chức", members: { leaderRoles: ["none"], positionIds: [], unitIds: [] } },
];

export interface GroupablePerson {
  leaderRole: LeaderRole;
  positionId: string | null;
  /** Ids on the path from the root to the person's unit. */
  unitChain: readonly string[];
}

/** The first group (by order) whose every non-empty list holds the person's value; null if none. */
export function groupOf<G extends { members: Members }>(groups: readonly G[], person: GroupablePerson): G | null {
  return (
    groups.find(
      ({ members: m }) =>
        (m.leaderRoles.length === 0 || m.leaderRoles.includes(person.leaderRole)) &&
        (m.positionIds.length === 0 || (person.positionId !== null && m.positionIds.includes(person.positionId))) &&
        (m.unitIds.length === 0 || m.unitIds.some((id) => person.unitChain.includes(id))),
    ) ?? null
  );
}

/** The agency's groups, creating the two defaults the first time (inside the caller's transaction). */
export async function ensureGroups(tx: Db, actor: Actor | null, agencyId: string, agencyPath: string) {
  const existing = await repo.listGroups(tx, agencyId);
  if (existing.length > 0) return existing;
  const rows = defaultGroups.map((g, i) => ({ id: newId(), agencyId, name: g.name, members: g.members, sortOrder: i }));
  await repo.insertGroups(tx, rows);
  await recordChange(tx, actor, {
    entity: "quota_group",
    entityId: agencyId,
    unitPath: agencyPath,
    action: "create",
    after: rows,
    reason: "default_groups",
  });
  return repo.listGroups(tx, agencyId);
}

export async function listGroups(deps: Deps, actor: Actor, agencyId: string): Promise<QuotaGroup[]> {
  const agency = await requireUnit(deps.db, agencyId);
  assertCanRead(actor, agency.path);
  return (await repo.listGroups(deps.db, agencyId)).map(toDto);
}

export async function createGroup(
  deps: Deps,
  actor: Actor,
  body: z.output<typeof createQuotaGroupBody>,
): Promise<QuotaGroup> {
  const agency = await requireUnit(deps.db, body.agencyId);
  assertCanEdit(actor, agency.path);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const count = (await repo.listGroups(tx, agency.id)).length;
    const row = { id, agencyId: agency.id, name: body.name, members: body.members, sortOrder: body.sortOrder ?? count };
    await repo.insertGroups(tx, [row]);
    await recordChange(tx, actor, {
      entity: "quota_group",
      entityId: id,
      unitPath: agency.path,
      action: "create",
      after: row,
    });
  });
  return toDto((await repo.findGroup(deps.db, id))!);
}

async function requireGroup(deps: Deps, id: string) {
  const group = await repo.findGroup(deps.db, id);
  if (!group) throw notFound("quota_group", id);
  return { group, agency: await requireUnit(deps.db, group.agencyId) };
}

export async function updateGroup(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.output<typeof updateQuotaGroupBody>,
): Promise<QuotaGroup> {
  const { group, agency } = await requireGroup(deps, id);
  assertCanEdit(actor, agency.path);
  const patch = {
    name: body.name ?? group.name,
    members: body.members ?? group.members,
    sortOrder: body.sortOrder ?? group.sortOrder,
  };
  await deps.db.transaction(async (tx) => {
    if (!(await repo.updateGroup(tx, id, body.version, patch, deps.now()))) throw conflict(group.version);
    await recordChange(tx, actor, {
      entity: "quota_group",
      entityId: id,
      unitPath: agency.path,
      action: "update",
      before: group,
      after: patch,
    });
  });
  return toDto((await repo.findGroup(deps.db, id))!);
}

export async function deleteGroup(deps: Deps, actor: Actor, id: string): Promise<{ ok: true }> {
  const { group, agency } = await requireGroup(deps, id);
  assertCanEdit(actor, agency.path);
  await deps.db.transaction(async (tx) => {
    if ((await repo.listGroups(tx, agency.id)).length <= 1) {
      throw new AppError("IN_USE", { reason: "last_quota_group" });
    }
    await repo.deleteGroup(tx, id);
    await recordChange(tx, actor, {
      entity: "quota_group",
      entityId: id,
      unitPath: agency.path,
      action: "delete",
      before: group,
    });
  });
  return { ok: true };
}
