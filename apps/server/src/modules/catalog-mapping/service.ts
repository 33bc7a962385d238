import { vietnamDate } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { notFound } from "../../http/app-error.ts";
import { recordChange } from "../audit/service.ts";
import { assertCanEdit } from "../catalog/policy.ts";
import * as catalogRepo from "../catalog/repo.ts";
import { catalogInForce, invalid } from "../catalog/service.ts";
import * as itemsRepo from "../catalog-items/repo.ts";
import { toItemDto } from "../catalog-items/service.ts";
import { requireUnit } from "../org/service.ts";
import { findPosition } from "../positions/repo.ts";
import { assertCanReadMapping } from "./policy.ts";
import * as repo from "./repo.ts";

/** The catalog a mapping is read against: the one in force today, else the latest approved. */
async function referenceCatalog(db: Db, agencyId: string, today: string): Promise<catalogRepo.CatalogRow | undefined> {
  return (await catalogInForce(db, agencyId, today)) ?? (await catalogRepo.approvedVersions(db, agencyId))[0];
}

async function requirePosition(db: Db, id: string) {
  const position = await findPosition(db, id);
  if (!position) throw notFound("position", id);
  return { position, agency: await requireUnit(db, position.agencyId) };
}

async function mappingDto(db: Db, positionId: string, agencyId: string, today: string) {
  const codes = await repo.positionCodes(db, positionId);
  const catalog = await referenceCatalog(db, agencyId, today);
  const items = catalog ? await itemsRepo.itemsByCodes(db, catalog.id, codes) : [];
  return {
    positionId,
    codes,
    catalogId: catalog?.id ?? null,
    items: catalog ? items.map((i) => toItemDto(i, catalog)) : [],
  };
}

/** Which products a position normally makes — read by bulk assignment. */
export async function getPositionItems(deps: Deps, actor: Actor, positionId: string) {
  const { position, agency } = await requirePosition(deps.db, positionId);
  assertCanReadMapping(actor, agency.path);
  return mappingDto(deps.db, position.id, agency.id, vietnamDate(deps.now()));
}

/** Replaces a position's item codes; each code must exist in the catalog in force or in the draft. */
export async function putPositionItems(deps: Deps, actor: Actor, positionId: string, codes: string[]) {
  const { position, agency } = await requirePosition(deps.db, positionId);
  assertCanEdit(actor, agency.path);
  const today = vietnamDate(deps.now());
  const wanted = [...new Set(codes.map((c) => c.trim()))].sort();
  await deps.db.transaction(async (tx) => {
    const known = new Set<string>();
    for (const c of [await referenceCatalog(tx, agency.id, today), await catalogRepo.findDraft(tx, agency.id)])
      if (c) for (const i of await itemsRepo.itemsOf(tx, c.id)) known.add(i.code);
    const unknown = wanted.filter((c) => !known.has(c));
    if (unknown.length > 0)
      throw invalid("codes", `Không có trong danh mục: ${unknown.slice(0, 10).join(", ")}.`, "unknown_codes");
    const before = await repo.positionCodes(tx, position.id);
    await repo.replacePositionCodes(tx, position.id, wanted);
    await recordChange(tx, actor, {
      entity: "position_items",
      entityId: position.id,
      unitPath: agency.path,
      action: "update",
      before: { codes: before },
      after: { codes: wanted },
    });
  });
  return mappingDto(deps.db, position.id, agency.id, today);
}
