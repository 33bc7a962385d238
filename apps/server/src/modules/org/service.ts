import { childKinds, isAgencyKind, type OrgUnit, type OrgUnitKind } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { pathIds } from "../../lib/org-path.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { assertCanEditUnder } from "./policy.ts";
import * as repo from "./repo.ts";

const toDto = (u: repo.UnitRow): OrgUnit => ({
  id: u.id,
  parentId: u.parentId,
  kind: u.kind as OrgUnitKind,
  code: u.code,
  name: u.name,
  sortOrder: u.sortOrder,
  version: u.version,
});

const snapshot = (u: repo.UnitRow) => ({
  parentId: u.parentId,
  kind: u.kind,
  code: u.code,
  name: u.name,
  sortOrder: u.sortOrder,
});

export async function requireUnit(db: Db, id: string): Promise<repo.UnitRow> {
  const unit = await repo.findUnit(db, id);
  if (!unit) throw notFound("org_unit", id);
  return unit;
}

/** The agency a unit belongs to: itself if it is one, else its nearest agency ancestor. */
export async function agencyOf(db: Db, unit: repo.UnitRow): Promise<repo.UnitRow> {
  if (isAgencyKind(unit.kind as OrgUnitKind)) return unit;
  const ancestors = await repo.findUnits(db, pathIds(unit.path));
  const byId = new Map(ancestors.map((u) => [u.id, u]));
  const agency = pathIds(unit.path)
    .reverse()
    .map((id) => byId.get(id))
    .find((u) => u && isAgencyKind(u.kind as OrgUnitKind));
  if (!agency) throw new AppError("VALIDATION_FAILED", { reason: "unit_without_agency", unitId: unit.id });
  return agency;
}

/**
 * The tree a user sees: every unit inside their grants' subtrees, plus the
 * ancestors of each grant's unit so the tree has its spine — but never a
 * sibling subtree (a manager of one division does not see another's).
 */
export async function listUnits(deps: Deps, actor: Actor): Promise<OrgUnit[]> {
  const paths = actor.grants.map((g) => g.path);
  const ancestors = [...new Set(paths.flatMap(pathIds))];
  const rows = await repo.listUnitsUnder(deps.db, paths, ancestors);
  return rows.map(toDto);
}

export async function createUnit(
  deps: Deps,
  actor: Actor,
  input: { parentId: string; kind: OrgUnitKind; code: string | null; name: string; sortOrder?: number },
): Promise<OrgUnit> {
  const parent = await requireUnit(deps.db, input.parentId);
  assertCanEditUnder(actor, parent.path);
  assertChildKind(parent.kind as OrgUnitKind, input.kind);
  return deps.db.transaction(async (tx) => {
    if (await repo.siblingWithName(tx, parent.id, input.name)) throw new AppError("DUPLICATE", { field: "name" });
    const id = newId();
    const created = await repo.insertUnit(tx, {
      id,
      parentId: parent.id,
      kind: input.kind,
      code: input.code,
      name: input.name,
      path: `${parent.path}${id}/`,
      sortOrder: input.sortOrder ?? 0,
    });
    await recordChange(tx, actor, {
      entity: "org_unit",
      entityId: id,
      unitPath: created.path,
      action: "create",
      after: snapshot(created),
    });
    return toDto(created);
  });
}

export async function updateUnit(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; code?: string | null; name?: string; sortOrder?: number; parentId?: string },
): Promise<OrgUnit> {
  return deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, id);
    assertCanEditUnder(actor, unit.path);
    if (unit.version !== input.version) throw conflict(unit.version);
    let path = unit.path;
    if (input.parentId !== undefined && input.parentId !== unit.parentId) {
      path = await plannedMove(tx, actor, unit, input.parentId);
    }
    const name = input.name ?? unit.name;
    const parentId = input.parentId ?? unit.parentId;
    if (parentId && (await repo.siblingWithName(tx, parentId, name, id))) {
      throw new AppError("DUPLICATE", { field: "name" });
    }
    const updated = await repo.updateUnit(tx, id, input.version, {
      code: input.code === undefined ? unit.code : input.code,
      name,
      sortOrder: input.sortOrder ?? unit.sortOrder,
      parentId,
    });
    if (!updated) throw conflict(unit.version);
    if (path !== unit.path) await repo.movePaths(tx, unit.path, path);
    const after = path === unit.path ? updated : { ...updated, path };
    await recordChange(tx, actor, {
      entity: "org_unit",
      entityId: id,
      unitPath: after.path,
      action: "update",
      before: snapshot(unit),
      after: snapshot(after),
    });
    return toDto(after);
  });
}

/** Checks a move and returns the unit's new path. Moving people between agencies is a transfer, not a tree edit. */
async function plannedMove(tx: Db, actor: Actor, unit: repo.UnitRow, parentId: string): Promise<string> {
  const parent = await requireUnit(tx, parentId);
  assertCanEditUnder(actor, parent.path);
  if (parent.path.startsWith(unit.path)) throw new AppError("VALIDATION_FAILED", { reason: "move_into_own_subtree" });
  assertChildKind(parent.kind as OrgUnitKind, unit.kind as OrgUnitKind);
  if (!isAgencyKind(unit.kind as OrgUnitKind)) {
    const [from, to] = await Promise.all([agencyOf(tx, unit), agencyOf(tx, parent)]);
    const usage = await repo.unitUsage(tx, unit.id, unit.path);
    if (from.id !== to.id && usage.people > 0) throw new AppError("IN_USE", { reason: "people_in_unit", ...usage });
  }
  return `${parent.path}${unit.id}/`;
}

export async function deleteUnit(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, id);
    assertCanEditUnder(actor, unit.path);
    if (!unit.parentId) throw new AppError("IN_USE", { reason: "root" });
    const usage = await repo.unitUsage(tx, id, unit.path);
    if (usage.children + usage.people + usage.positions + usage.grants > 0) throw new AppError("IN_USE", usage);
    await repo.deleteUnit(tx, id);
    await recordChange(tx, actor, {
      entity: "org_unit",
      entityId: id,
      unitPath: unit.path,
      action: "delete",
      before: snapshot(unit),
    });
  });
}

function assertChildKind(parent: OrgUnitKind, child: OrgUnitKind): void {
  if (!childKinds[parent].includes(child)) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "kind"], message: "Loại đơn vị không phù hợp với đơn vị cấp trên." }],
    });
  }
}
