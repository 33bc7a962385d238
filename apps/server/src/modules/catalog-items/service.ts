import {
  type CatalogItem,
  type CatalogSection,
  type ComplexityGroup,
  foldVietnamese,
  isAgencyKind,
  type OrgUnitKind,
} from "@thuocdo/contract";
import type { Rational } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { assertCanReadCatalog } from "../catalog/policy.ts";
import { decimal } from "../catalog/schema.ts";
import { catalogDto, coefficientOf, editableDraft, invalid, requireCatalog, searchTextOf } from "../catalog/service.ts";
import type { UnitRow } from "../org/repo.ts";
import { requireUnit } from "../org/service.ts";
import * as repo from "./repo.ts";

/* ───────── DTOs ───────── */

/** The numeric shown on the wire: exact to 4 decimals, which is all a displayed coefficient needs. */
const shown = (value: Rational) => Number(value.toFixed(4));

export function toItemDto(item: repo.ItemRow, catalog: { standardPoints: string }): CatalogItem {
  return {
    id: item.id,
    catalogId: item.catalogId,
    section: item.section as CatalogSection,
    divisionUnitId: item.divisionUnitId,
    divisionName: item.divisionName,
    code: item.code,
    task: item.task,
    detail: item.detail,
    output: item.output,
    complexityGroup: item.complexityGroup as ComplexityGroup,
    pointBand: item.pointBand,
    points: decimal(item.points).toNumber(),
    unitQuantity: decimal(item.unitQuantity).toNumber(),
    coefficient: shown(coefficientOf(item, catalog)),
    note: item.note,
  };
}

const snapshotItem = (i: Partial<repo.ItemRow>) => ({
  code: i.code,
  section: i.section,
  divisionName: i.divisionName,
  task: i.task,
  output: i.output,
  complexityGroup: i.complexityGroup,
  points: i.points,
  unitQuantity: i.unitQuantity,
});

/* ───────── Items ───────── */

export interface ItemQuery {
  q?: string;
  section?: CatalogSection;
  group?: ComplexityGroup;
  divisionUnitId?: string;
  sort?: repo.ItemFilter["sort"];
  order?: "asc" | "desc";
}

const itemFilter = (query: ItemQuery): repo.ItemFilter => ({
  search: query.q ? foldVietnamese(query.q) : undefined,
  section: query.section,
  group: query.group,
  divisionUnitId: query.divisionUnitId,
  sort: query.sort,
  order: query.order,
});

export async function listItems(
  deps: Deps,
  actor: Actor,
  id: string,
  query: ItemQuery & { page: number; pageSize: number },
) {
  const { catalog, agency } = await requireCatalog(deps.db, id);
  assertCanReadCatalog(actor, agency.path, catalog.status);
  const { rows, total } = await repo.listItems(deps.db, id, itemFilter(query), query);
  return { items: rows.map((r) => toItemDto(r, catalog)), total, page: query.page, pageSize: query.pageSize };
}

/** Everything matching the filter, for the Excel export. */
export async function allItems(deps: Deps, actor: Actor, id: string, query: ItemQuery) {
  const { catalog, agency } = await requireCatalog(deps.db, id);
  assertCanReadCatalog(actor, agency.path, catalog.status);
  const { rows } = await repo.listItems(deps.db, id, itemFilter(query), null);
  return { catalog: await catalogDto(deps.db, catalog, agency), items: rows.map((r) => toItemDto(r, catalog)) };
}

export interface ItemInput {
  section: CatalogSection;
  divisionUnitId: string | null;
  code: string;
  task: string;
  detail: string | null;
  output: string;
  complexityGroup: ComplexityGroup;
  pointBand: string | null;
  points: number;
  unitQuantity: number;
  note: string | null;
}

/** A division of the item must be a division or centre of the catalog's agency. */
async function divisionOf(tx: Db, agency: UnitRow, unitId: string | null): Promise<UnitRow | null> {
  if (!unitId) return null;
  const unit = await requireUnit(tx, unitId);
  if (!unit.path.startsWith(agency.path) || isAgencyKind(unit.kind as OrgUnitKind))
    throw invalid("divisionUnitId", "Phòng, đơn vị phải thuộc cơ quan của danh mục.");
  return unit;
}

function itemRow(input: ItemInput, division: UnitRow | null) {
  return {
    section: input.section,
    divisionUnitId: division?.id ?? null,
    divisionName: division?.name ?? null,
    code: input.code,
    task: input.task,
    detail: input.detail,
    output: input.output,
    complexityGroup: input.complexityGroup,
    pointBand: input.pointBand,
    points: String(input.points),
    unitQuantity: String(input.unitQuantity),
    note: input.note,
    searchText: searchTextOf(input),
  };
}

export async function createItem(deps: Deps, actor: Actor, id: string, input: ItemInput): Promise<CatalogItem> {
  return deps.db.transaction(async (tx) => {
    const { catalog, agency } = await editableDraft(tx, actor, id);
    if (await repo.findItemByCode(tx, id, input.code)) throw new AppError("DUPLICATE", { field: "code" });
    const row = {
      id: newId(),
      catalogId: id,
      ...itemRow(input, await divisionOf(tx, agency, input.divisionUnitId)),
      sortOrder: (await repo.maxSortOrder(tx, id)) + 1,
    };
    await repo.insertItems(tx, [row]);
    await recordChange(tx, actor, {
      entity: "catalog_item",
      entityId: row.id,
      unitPath: agency.path,
      action: "create",
      after: { catalogId: id, ...snapshotItem(row) },
    });
    return toItemDto((await repo.findItem(tx, id, row.id))!, catalog);
  });
}

export async function updateItem(
  deps: Deps,
  actor: Actor,
  id: string,
  itemId: string,
  input: Partial<ItemInput>,
): Promise<CatalogItem> {
  return deps.db.transaction(async (tx) => {
    const { catalog, agency } = await editableDraft(tx, actor, id);
    const current = await repo.findItem(tx, id, itemId);
    if (!current) throw notFound("catalog_item", itemId);
    const merged: ItemInput = {
      section: input.section ?? (current.section as CatalogSection),
      divisionUnitId: input.divisionUnitId !== undefined ? input.divisionUnitId : current.divisionUnitId,
      code: input.code ?? current.code,
      task: input.task ?? current.task,
      detail: input.detail !== undefined ? input.detail : current.detail,
      output: input.output ?? current.output,
      complexityGroup: input.complexityGroup ?? (current.complexityGroup as ComplexityGroup),
      pointBand: input.pointBand !== undefined ? input.pointBand : current.pointBand,
      points: input.points ?? decimal(current.points).toNumber(),
      unitQuantity: input.unitQuantity ?? decimal(current.unitQuantity).toNumber(),
      note: input.note !== undefined ? input.note : current.note,
    };
    const clash = await repo.findItemByCode(tx, id, merged.code);
    if (clash && clash.id !== itemId) throw new AppError("DUPLICATE", { field: "code" });
    const division =
      merged.divisionUnitId === current.divisionUnitId && current.divisionUnitId === null
        ? null
        : await divisionOf(tx, agency, merged.divisionUnitId);
    const patch = itemRow(merged, division);
    // An item matched to no unit keeps the division name the file gave it.
    if (!division && merged.divisionUnitId === current.divisionUnitId) patch.divisionName = current.divisionName;
    const updated = await repo.updateItem(tx, itemId, patch);
    await recordChange(tx, actor, {
      entity: "catalog_item",
      entityId: itemId,
      unitPath: agency.path,
      action: "update",
      before: { catalogId: id, ...snapshotItem(current) },
      after: { catalogId: id, ...snapshotItem(updated!) },
    });
    return toItemDto(updated!, catalog);
  });
}

export async function deleteItem(deps: Deps, actor: Actor, id: string, itemId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { agency } = await editableDraft(tx, actor, id);
    const current = await repo.findItem(tx, id, itemId);
    if (!current) throw notFound("catalog_item", itemId);
    await repo.deleteItem(tx, itemId);
    await recordChange(tx, actor, {
      entity: "catalog_item",
      entityId: itemId,
      unitPath: agency.path,
      action: "delete",
      before: { catalogId: id, ...snapshotItem(current) },
    });
  });
}
