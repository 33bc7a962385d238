import { isAgencyKind, type OrgUnitKind, type Position } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { listUnits, requireUnit } from "../org/service.ts";
import { assertCanEdit, assertCanRead, POSITION_READERS } from "./policy.ts";
import * as repo from "./repo.ts";

const toDto = (p: repo.PositionRow): Position => ({
  id: p.id,
  agencyId: p.agencyId,
  code: p.code,
  name: p.name,
  version: p.version,
});

/** Positions of one agency, or of every agency the caller can see. */
export async function listPositions(deps: Deps, actor: Actor, agencyId?: string): Promise<Position[]> {
  if (agencyId) {
    const agency = await requireUnit(deps.db, agencyId);
    assertCanRead(actor, agency.path);
    return (await repo.listPositions(deps.db, [agencyId])).map(toDto);
  }
  const readable = actor.grants.some((g) => POSITION_READERS.includes(g.role));
  if (!readable) return [];
  const agencies = (await listUnits(deps, actor)).filter((u) => isAgencyKind(u.kind));
  return (
    await repo.listPositions(
      deps.db,
      agencies.map((a) => a.id),
    )
  ).map(toDto);
}

export async function createPosition(
  deps: Deps,
  actor: Actor,
  input: { agencyId: string; code: string; name: string },
): Promise<Position> {
  const agency = await requireUnit(deps.db, input.agencyId);
  if (!isAgencyKind(agency.kind as OrgUnitKind)) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "agencyId"], message: "Vị trí việc làm phải thuộc một cơ quan." }],
    });
  }
  assertCanEdit(actor, agency.path);
  return deps.db.transaction(async (tx) => {
    if (await repo.findByCode(tx, agency.id, input.code)) throw new AppError("DUPLICATE", { field: "code" });
    const created = await repo.insertPosition(tx, { id: newId(), ...input });
    await recordChange(tx, actor, {
      entity: "position",
      entityId: created.id,
      unitPath: agency.path,
      action: "create",
      after: { code: created.code, name: created.name },
    });
    return toDto(created);
  });
}

export async function updatePosition(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; code?: string; name?: string },
): Promise<Position> {
  return deps.db.transaction(async (tx) => {
    const current = await repo.findPosition(tx, id);
    if (!current) throw notFound("position", id);
    const agency = await requireUnit(tx, current.agencyId);
    assertCanEdit(actor, agency.path);
    if (current.version !== input.version) throw conflict(current.version);
    const code = input.code ?? current.code;
    const clash = await repo.findByCode(tx, current.agencyId, code);
    if (clash && clash.id !== id) throw new AppError("DUPLICATE", { field: "code" });
    const updated = await repo.updatePosition(tx, id, input.version, { code, name: input.name ?? current.name });
    if (!updated) throw conflict(current.version);
    await recordChange(tx, actor, {
      entity: "position",
      entityId: id,
      unitPath: agency.path,
      action: "update",
      before: { code: current.code, name: current.name },
      after: { code: updated.code, name: updated.name },
    });
    return toDto(updated);
  });
}

export async function deletePosition(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const current = await repo.findPosition(tx, id);
    if (!current) throw notFound("position", id);
    const agency = await requireUnit(tx, current.agencyId);
    assertCanEdit(actor, agency.path);
    const holders = await repo.countHolders(tx, id);
    if (holders > 0) throw new AppError("IN_USE", { people: holders });
    await repo.deletePosition(tx, id);
    await recordChange(tx, actor, {
      entity: "position",
      entityId: id,
      unitPath: agency.path,
      action: "delete",
      before: { code: current.code, name: current.name },
    });
  });
}
