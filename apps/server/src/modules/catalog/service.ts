import {
  type Catalog,
  type CatalogImportReport,
  type CatalogItem,
  type CatalogSection,
  type CatalogStatus,
  type ComplexityGroup,
  foldVietnamese,
  type ImportRowIssue,
  isAgencyKind,
  limits,
  type OrgUnitKind,
  type Proposal,
  type ProposalStatus,
} from "@thuocdo/contract";
import type { Rational } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, covers } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { decodeUtf8, parseCsv } from "../../lib/csv.ts";
import { sniffFileType } from "../../lib/file-type.ts";
import { newId } from "../../lib/tokens.ts";
import { readSheet } from "../../lib/xlsx.ts";
import { recordChange } from "../audit/service.ts";
import { requireFiles } from "../files/service.ts";
import { listUnitsUnder, type UnitRow } from "../org/repo.ts";
import { requireUnit } from "../org/service.ts";
import { findPerson } from "../people/repo.ts";
import { findPosition } from "../positions/repo.ts";
import {
  assertCanApprove,
  assertCanEdit,
  assertCanReadApproved,
  assertCanReadCatalog,
  assertCanReadMapping,
  canReadAll,
} from "./policy.ts";
import * as repo from "./repo.ts";
import { decimal, divisionKey, mapHeaders, missingColumns, type RawTable, readRows, type ValidRow } from "./schema.ts";

/* ───────── Numbers and dates ───────── */

/**
 * Hệ số quy đổi = điểm của sản phẩm ÷ điểm của đơn vị sản phẩm chuẩn
 * (Art. 13.1.c; Sổ tay §7.1), exact. The monthly cycle copies this value into
 * each assignment, so a later version never moves a past score.
 */
export function coefficientOf(item: { points: string }, catalog: { standardPoints: string }): Rational {
  return decimal(item.points).div(decimal(catalog.standardPoints));
}

/** The numeric shown on the wire: exact to 4 decimals, which is all a displayed coefficient needs. */
const shown = (value: Rational) => Number(value.toFixed(4));

/** Today's date in Vietnam (yyyy-mm-dd): the day a catalog is "in force" is the civil servant's day. */
export const vietnamDate = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(at);

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const ddmmyyyy = (iso: string) => iso.split("-").reverse().join("/");

/**
 * The version of an agency's catalog in force on a date: the approved one
 * whose effective date is the latest on or before it. Used by the monthly
 * cycle to pin a period to its catalog.
 */
export async function catalogInForce(db: Db, agencyId: string, onDate: string): Promise<repo.CatalogRow | undefined> {
  return repo.inForce(db, agencyId, onDate);
}

/* ───────── DTOs ───────── */

function toCatalogDto(view: repo.CatalogView, agencyName: string, effectiveTo: string | null): Catalog {
  return {
    id: view.id,
    agencyId: view.agencyId,
    agencyName,
    versionNo: view.versionNo,
    name: view.name,
    standardUnitName: view.standardUnitName,
    standardPoints: decimal(view.standardPoints).toNumber(),
    status: view.status as CatalogStatus,
    decisionNumber: view.decisionNumber,
    decisionDate: view.decisionDate,
    decisionSigner: view.decisionSigner,
    decisionFileId: view.decisionFileId,
    decisionFileName: view.decisionFileName,
    effectiveFrom: view.effectiveFrom,
    effectiveTo,
    approvedAt: view.approvedAt?.toISOString() ?? null,
    itemCount: view.itemCount,
    version: view.version,
  };
}

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

/** Each approved version ends the day before the next one (by effective date) begins. */
function effectiveEnds(views: repo.CatalogView[]): Map<string, string | null> {
  const approved = views
    .filter((v) => v.status !== "draft" && v.effectiveFrom)
    .sort((a, b) => a.effectiveFrom!.localeCompare(b.effectiveFrom!) || a.versionNo - b.versionNo);
  const ends = new Map<string, string | null>();
  approved.forEach((v, i) => {
    const next = approved[i + 1];
    ends.set(v.id, next?.effectiveFrom ? dayBefore(next.effectiveFrom) : null);
  });
  return ends;
}

const snapshotCatalog = (c: repo.CatalogRow) => ({
  versionNo: c.versionNo,
  name: c.name,
  standardUnitName: c.standardUnitName,
  standardPoints: c.standardPoints,
  status: c.status,
  decisionNumber: c.decisionNumber,
  decisionDate: c.decisionDate,
  decisionSigner: c.decisionSigner,
  decisionFileId: c.decisionFileId,
  effectiveFrom: c.effectiveFrom,
});

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

const invalid = (field: string, message: string, reason?: string) =>
  new AppError("VALIDATION_FAILED", { reason, issues: [{ path: ["body", field], message }] });

/* ───────── Loading with checks ───────── */

async function requireAgency(db: Db, agencyId: string): Promise<UnitRow> {
  const agency = await requireUnit(db, agencyId);
  if (!isAgencyKind(agency.kind as OrgUnitKind))
    throw invalid("agencyId", "Danh mục sản phẩm thuộc một cơ quan (UBND xã, sở, ngành).");
  return agency;
}

async function requireCatalog(db: Db, id: string): Promise<{ catalog: repo.CatalogView; agency: UnitRow }> {
  const catalog = await repo.findCatalog(db, id);
  if (!catalog) throw notFound("catalog", id);
  return { catalog, agency: await requireUnit(db, catalog.agencyId) };
}

/** An approved version is in use: it is read-only, and changes make a new version. */
function assertDraft(catalog: repo.CatalogRow): void {
  if (catalog.status !== "draft")
    throw new AppError("VALIDATION_FAILED", {
      reason: "catalog_locked",
      issues: [
        { path: [], message: "Danh mục đã được phê duyệt nên chỉ xem được; muốn thay đổi hãy tạo phiên bản mới." },
      ],
    });
}

/** Loads a draft for a change inside a transaction: locked row, editor's scope, still a draft. */
async function editableDraft(tx: Db, actor: Actor, id: string, version?: number) {
  const { catalog, agency } = await requireCatalog(tx, id);
  assertCanEdit(actor, agency.path);
  await repo.lockCatalog(tx, id);
  assertDraft(catalog);
  if (version !== undefined && catalog.version !== version) throw conflict(catalog.version);
  return { catalog, agency };
}

async function oneDraftOnly(tx: Db, agencyId: string): Promise<void> {
  const draft = await repo.findDraft(tx, agencyId);
  if (draft)
    throw new AppError("VALIDATION_FAILED", {
      reason: "draft_exists",
      catalogId: draft.id,
      issues: [
        {
          path: [],
          message: `Cơ quan đang có dự thảo danh mục (phiên bản ${draft.versionNo}); hãy phê duyệt hoặc xóa dự thảo đó trước.`,
        },
      ],
    });
}

/* ───────── Versions ───────── */

export async function listCatalogs(deps: Deps, actor: Actor, agencyId: string): Promise<Catalog[]> {
  const agency = await requireAgency(deps.db, agencyId);
  assertCanReadApproved(actor, agency.path);
  const views = await repo.listCatalogs(deps.db, agencyId);
  const ends = effectiveEnds(views);
  const all = canReadAll(actor, agency.path);
  return views
    .filter((v) => all || v.status !== "draft")
    .map((v) => toCatalogDto(v, agency.name, ends.get(v.id) ?? null));
}

async function catalogDto(db: Db, view: repo.CatalogView, agency: UnitRow): Promise<Catalog> {
  const ends = effectiveEnds(await repo.listCatalogs(db, view.agencyId));
  return toCatalogDto(view, agency.name, ends.get(view.id) ?? null);
}

export async function getCatalog(deps: Deps, actor: Actor, id: string): Promise<Catalog> {
  const { catalog, agency } = await requireCatalog(deps.db, id);
  assertCanReadCatalog(actor, agency.path, catalog.status);
  return catalogDto(deps.db, catalog, agency);
}

export async function getCatalogInForce(
  deps: Deps,
  actor: Actor,
  agencyId: string,
  date?: string,
): Promise<Catalog | null> {
  const agency = await requireAgency(deps.db, agencyId);
  assertCanReadApproved(actor, agency.path);
  const row = await catalogInForce(deps.db, agencyId, date ?? vietnamDate(deps.now()));
  if (!row) return null;
  return catalogDto(deps.db, (await repo.findCatalog(deps.db, row.id))!, agency);
}

export interface NewCatalogInput {
  agencyId: string;
  name: string;
  standardUnitName: string;
  standardPoints: number;
  effectiveFrom: string | null;
}

export async function createCatalog(deps: Deps, actor: Actor, input: NewCatalogInput): Promise<Catalog> {
  const agency = await requireAgency(deps.db, input.agencyId);
  assertCanEdit(actor, agency.path);
  const id = await deps.db.transaction(async (tx) => {
    await oneDraftOnly(tx, agency.id);
    const id = newId();
    const row = {
      id,
      agencyId: agency.id,
      versionNo: await repo.nextVersionNo(tx, agency.id),
      name: input.name,
      standardUnitName: input.standardUnitName,
      standardPoints: String(input.standardPoints),
      effectiveFrom: input.effectiveFrom,
    };
    await repo.insertCatalog(tx, row);
    await recordChange(tx, actor, {
      entity: "catalog",
      entityId: id,
      unitPath: agency.path,
      action: "create",
      after: snapshotCatalog({ ...row, status: "draft" } as repo.CatalogRow),
    });
    return id;
  });
  return getCatalog(deps, actor, id);
}

export async function updateCatalog(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string;
    standardUnitName?: string;
    standardPoints?: number;
    effectiveFrom?: string | null;
  },
): Promise<Catalog> {
  await deps.db.transaction(async (tx) => {
    const { catalog, agency } = await editableDraft(tx, actor, id, input.version);
    const updated = await repo.updateCatalog(tx, id, input.version, {
      name: input.name ?? catalog.name,
      standardUnitName: input.standardUnitName ?? catalog.standardUnitName,
      standardPoints: input.standardPoints !== undefined ? String(input.standardPoints) : catalog.standardPoints,
      effectiveFrom: input.effectiveFrom !== undefined ? input.effectiveFrom : catalog.effectiveFrom,
    });
    if (!updated) throw conflict(catalog.version);
    await recordChange(tx, actor, {
      entity: "catalog",
      entityId: id,
      unitPath: agency.path,
      action: "update",
      before: snapshotCatalog(catalog),
      after: snapshotCatalog(updated),
    });
  });
  return getCatalog(deps, actor, id);
}

export async function deleteCatalog(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { catalog, agency } = await editableDraft(tx, actor, id);
    // Proposals taken into this draft go back to waiting for the next version.
    await repo.unmarkIncluded(tx, id);
    await repo.deleteCatalog(tx, id);
    await recordChange(tx, actor, {
      entity: "catalog",
      entityId: id,
      unitPath: agency.path,
      action: "delete",
      before: { ...snapshotCatalog(catalog), items: catalog.itemCount },
    });
  });
}

/**
 * Records the approving decision (Art. 13.2: the head of the managing
 * agency decides). The version before it stays in force until the day
 * before the new effective date, so periods already scored keep theirs.
 */
export async function approveCatalog(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    decisionNumber: string;
    decisionDate: string;
    decisionSigner: string;
    decisionFileId: string | null;
    effectiveFrom: string;
  },
): Promise<Catalog> {
  // Checked before the transaction: PGlite has one connection, and the files service reads outside it.
  if (input.decisionFileId) await requireFiles(deps, actor, [input.decisionFileId]);
  await deps.db.transaction(async (tx) => {
    const { catalog, agency } = await requireCatalog(tx, id);
    assertCanApprove(actor, agency.path);
    await repo.lockCatalog(tx, id);
    assertDraft(catalog);
    if (catalog.version !== input.version) throw conflict(catalog.version);
    if (catalog.itemCount === 0)
      throw new AppError("VALIDATION_FAILED", {
        reason: "empty_catalog",
        issues: [{ path: [], message: "Danh mục chưa có sản phẩm nào nên chưa thể phê duyệt." }],
      });
    if (input.decisionDate > input.effectiveFrom)
      throw invalid("effectiveFrom", "Ngày hiệu lực không được trước ngày ký quyết định.");
    const previous = await repo.approvedVersions(tx, agency.id);
    const latest = previous[0];
    if (latest?.effectiveFrom && input.effectiveFrom <= latest.effectiveFrom)
      throw invalid(
        "effectiveFrom",
        `Ngày hiệu lực phải sau ngày hiệu lực của phiên bản ${latest.versionNo} (${ddmmyyyy(latest.effectiveFrom)}).`,
      );
    const approved = await repo.updateCatalog(tx, id, input.version, {
      status: "approved",
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      decisionSigner: input.decisionSigner,
      decisionFileId: input.decisionFileId,
      effectiveFrom: input.effectiveFrom,
      approvedBy: actor.userId,
      approvedAt: deps.now(),
    });
    if (!approved) throw conflict(catalog.version);
    const superseded = previous.filter((p) => p.status === "approved");
    await repo.setStatus(
      tx,
      superseded.map((p) => p.id),
      "superseded",
    );
    await recordChange(tx, actor, {
      entity: "catalog",
      entityId: id,
      unitPath: agency.path,
      action: "approve",
      before: snapshotCatalog(catalog),
      after: snapshotCatalog(approved),
    });
    for (const p of superseded)
      await recordChange(tx, actor, {
        entity: "catalog",
        entityId: p.id,
        unitPath: agency.path,
        action: "supersede",
        before: { status: "approved" },
        after: { status: "superseded", until: dayBefore(input.effectiveFrom), by: id },
      });
  });
  return getCatalog(deps, actor, id);
}

/**
 * "Tạo phiên bản mới": a draft holding the latest approved version's items
 * plus the products approved from proposals since (Art. 13.3), which are
 * marked as taken in. The approved version itself is never touched.
 */
export async function nextVersion(
  deps: Deps,
  actor: Actor,
  input: { agencyId: string; name?: string },
): Promise<Catalog> {
  const agency = await requireAgency(deps.db, input.agencyId);
  assertCanEdit(actor, agency.path);
  const id = await deps.db.transaction(async (tx) => {
    await oneDraftOnly(tx, agency.id);
    const base = (await repo.approvedVersions(tx, agency.id))[0];
    if (!base)
      throw new AppError("VALIDATION_FAILED", {
        reason: "no_approved_version",
        issues: [{ path: [], message: "Cơ quan chưa có danh mục nào được phê duyệt; hãy tạo dự thảo mới." }],
      });
    const id = newId();
    const versionNo = await repo.nextVersionNo(tx, agency.id);
    await repo.insertCatalog(tx, {
      id,
      agencyId: agency.id,
      versionNo,
      name: input.name ?? base.name,
      standardUnitName: base.standardUnitName,
      standardPoints: base.standardPoints,
    });
    const items = await repo.itemsOf(tx, base.id);
    const copied: repo.NewItem[] = items.map(({ id: _old, ...item }) => ({ ...item, id: newId(), catalogId: id }));
    const proposals = await repo.approvedNotIncluded(tx, agency.id);
    const added = await proposalItems(tx, id, proposals, items);
    await repo.insertItems(tx, [...copied, ...added]);
    await repo.markIncluded(
      tx,
      proposals.map((p) => p.id),
      id,
    );
    await recordChange(tx, actor, {
      entity: "catalog",
      entityId: id,
      unitPath: agency.path,
      action: "create",
      after: {
        versionNo,
        copiedFrom: base.id,
        copiedVersionNo: base.versionNo,
        items: copied.length,
        fromProposals: added.map((i) => i.code),
      },
    });
    return id;
  });
  return getCatalog(deps, actor, id);
}

/** Items for approved proposals: coded DX.01, DX.02… after the codes already used; a division's if the maker works in one. */
async function proposalItems(
  tx: Db,
  catalogId: string,
  proposals: repo.ProposalRow[],
  existing: repo.ItemRow[],
): Promise<repo.NewItem[]> {
  const used = new Set(existing.map((i) => i.code.toUpperCase()));
  let n = 0;
  const nextCode = () => {
    let code: string;
    do code = `DX.${String(++n).padStart(2, "0")}`;
    while (used.has(code));
    used.add(code);
    return code;
  };
  let sortOrder = existing.reduce((max, i) => Math.max(max, i.sortOrder), 0);
  const out: repo.NewItem[] = [];
  for (const p of proposals) {
    const person = p.personId ? await findPerson(tx, p.personId) : undefined;
    const unit = person ? await requireUnit(tx, person.person.unitId) : undefined;
    const inDivision = unit && !isAgencyKind(unit.kind as OrgUnitKind);
    const code = nextCode();
    out.push({
      id: newId(),
      catalogId,
      section: inDivision ? "division" : "shared",
      divisionUnitId: inDivision ? unit.id : null,
      divisionName: inDivision ? unit.name : null,
      code,
      task: p.task,
      detail: null,
      output: p.output,
      complexityGroup: p.complexityGroup,
      pointBand: null,
      points: p.points,
      unitQuantity: "1",
      note: `Bổ sung từ đề xuất${person ? ` của ${person.person.fullName}` : ""} (Điều 13.3).`,
      searchText: searchTextOf({ code, task: p.task, output: p.output }),
      sortOrder: ++sortOrder,
    });
  }
  return out;
}

/* ───────── Items ───────── */

const searchTextOf = (i: { code: string; task: string; output: string }) =>
  foldVietnamese(`${i.code} ${i.task} ${i.output}`);

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

/* ───────── Import ───────── */

const isZip = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;

/** A file as a table of text, whichever of CSV or XLSX its content (not its name) says it is. */
export async function readTable(file: Buffer): Promise<RawTable> {
  if (file.length === 0) throw new AppError("FILE_INVALID", { reason: "empty" });
  if (isZip(file)) {
    if (sniffFileType(file)?.extension !== "xlsx") throw new AppError("FILE_INVALID", { reason: "not_csv_or_xlsx" });
    return readSheet(file).catch(() => {
      throw new AppError("FILE_INVALID", { reason: "unreadable" });
    });
  }
  const text = decodeUtf8(file);
  if (text === null || text.includes("\0")) throw new AppError("FILE_INVALID", { reason: "not_utf8_csv" });
  const [header, ...records] = parseCsv(text);
  if (!header) return { headers: [], rows: [] };
  const headers = header.fields.map((h) => h.trim());
  return {
    headers,
    rows: records
      .filter((r) => r.fields.some((f) => f.trim() !== ""))
      .map((r) => ({
        row: r.line,
        width: r.fields.length,
        cells: Object.fromEntries(headers.map((h, i) => [h, r.fields[i] ?? ""])),
      })),
  };
}

/** The divisions and centres of an agency, by a key that survives "và"/"-" and dash variants. */
async function divisionsByKey(db: Db, agency: UnitRow): Promise<Map<string, UnitRow>> {
  const units = (await listUnitsUnder(db, [agency.path])).filter((u) => !isAgencyKind(u.kind as OrgUnitKind));
  const byKey = new Map<string, UnitRow>();
  for (const u of units) {
    byKey.set(divisionKey(u.name), u);
    if (u.code) byKey.set(divisionKey(u.code), u);
  }
  return byKey;
}

/** Items to insert for the good rows of a file, numbered after `sortFrom`. */
export function itemsFromRows(
  catalogId: string,
  rows: ValidRow[],
  divisions: Map<string, UnitRow>,
  sortFrom: number,
  makeId: (row: ValidRow) => string = () => newId(),
): repo.NewItem[] {
  return rows.map((r, i) => {
    const unit = r.section === "division" && r.divisionName ? divisions.get(divisionKey(r.divisionName)) : undefined;
    return {
      id: makeId(r),
      catalogId,
      section: r.section,
      divisionUnitId: unit?.id ?? null,
      divisionName: r.divisionName,
      code: r.code,
      task: r.task,
      detail: r.detail,
      output: r.output,
      complexityGroup: r.complexityGroup,
      pointBand: r.pointBand,
      points: r.points,
      unitQuantity: r.unitQuantity,
      note: r.note,
      searchText: searchTextOf(r),
      sortOrder: sortFrom + i + 1,
    };
  });
}

/** Reads and checks a whole file against a catalog, without writing. Shared by the preview, the commit and the seed. */
export async function checkFile(
  db: Db,
  agency: UnitRow,
  catalog: repo.CatalogRow,
  file: Buffer,
  replace: boolean,
): Promise<{ report: CatalogImportReport; valid: ValidRow[]; divisions: Map<string, UnitRow> }> {
  const table = await readTable(file);
  const missing = missingColumns(mapHeaders(table.headers));
  if (missing.length > 0) throw new AppError("FILE_INVALID", { reason: "missing_columns", columns: missing });
  if (table.rows.length === 0) throw new AppError("FILE_INVALID", { reason: "empty" });
  if (table.rows.length > limits.importRowsMax)
    throw new AppError("FILE_INVALID", { reason: "too_many_rows", max: limits.importRowsMax });
  const existingCodes = new Set(replace ? [] : (await repo.itemsOf(db, catalog.id)).map((i) => i.code.toUpperCase()));
  const { valid, issues } = readRows(table, { standardPoints: decimal(catalog.standardPoints), existingCodes });
  const divisions = await divisionsByKey(db, agency);
  const unmatched = new Set(
    valid
      .filter((r) => r.section === "division" && r.divisionName && !divisions.has(divisionKey(r.divisionName)))
      .map((r) => r.divisionName!),
  );
  return {
    valid,
    divisions,
    report: {
      totalRows: table.rows.length,
      goodRows: valid.length,
      badRows: new Set(issues.map((i) => i.row)).size,
      issues,
      bySection: countBy(valid, (r) => r.section),
      byGroup: countBy(valid, (r) => r.complexityGroup),
      unmatchedDivisions: [...unmatched],
      imported: 0,
    },
  };
}

function countBy<T, K extends string>(rows: T[], key: (row: T) => K): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}

export interface ImportOptions {
  mode: "all" | "good_rows";
  replace?: boolean;
}

export async function previewImport(
  deps: Deps,
  actor: Actor,
  id: string,
  file: Buffer,
  options: ImportOptions,
): Promise<CatalogImportReport> {
  const { catalog, agency } = await requireCatalog(deps.db, id);
  assertCanEdit(actor, agency.path);
  assertDraft(catalog);
  return (await checkFile(deps.db, agency, catalog, file, options.replace ?? false)).report;
}

/**
 * Writes a file's items into a draft in one transaction. `all` refuses the
 * whole file if any row is bad (nothing written, the bad rows listed);
 * `good_rows` writes the good ones and reports the rest as skipped.
 */
export async function commitImport(
  deps: Deps,
  actor: Actor,
  id: string,
  file: Buffer,
  options: ImportOptions,
): Promise<CatalogImportReport> {
  return deps.db.transaction(async (tx) => {
    const { catalog, agency } = await editableDraft(tx, actor, id);
    const replace = options.replace ?? false;
    const { report, valid, divisions } = await checkFile(tx, agency, catalog, file, replace);
    if (options.mode === "all" && report.issues.length > 0)
      throw new AppError("IMPORT_INVALID", { rows: report.issues, report: { ...report, issues: undefined } });
    if (replace) await repo.deleteItemsOf(tx, id);
    const sortFrom = replace ? 0 : await repo.maxSortOrder(tx, id);
    await repo.insertItems(tx, itemsFromRows(id, valid, divisions, sortFrom));
    await recordChange(tx, actor, {
      entity: "catalog",
      entityId: id,
      unitPath: agency.path,
      action: "import",
      after: {
        mode: options.mode,
        replace,
        imported: valid.length,
        skippedLines: [...new Set(report.issues.map((i: ImportRowIssue) => i.row))],
        bySection: report.bySection,
        byGroup: report.byGroup,
      },
    });
    return { ...report, imported: valid.length };
  });
}

/* ───────── Position mapping ───────── */

/** The catalog a mapping is read against: the one in force today, else the latest approved. */
async function referenceCatalog(db: Db, agencyId: string, today: string): Promise<repo.CatalogRow | undefined> {
  return (await catalogInForce(db, agencyId, today)) ?? (await repo.approvedVersions(db, agencyId))[0];
}

async function requirePosition(db: Db, id: string) {
  const position = await findPosition(db, id);
  if (!position) throw notFound("position", id);
  return { position, agency: await requireUnit(db, position.agencyId) };
}

async function mappingDto(db: Db, positionId: string, agencyId: string, today: string) {
  const codes = await repo.positionCodes(db, positionId);
  const catalog = await referenceCatalog(db, agencyId, today);
  const items = catalog ? await repo.itemsByCodes(db, catalog.id, codes) : [];
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
    for (const c of [await referenceCatalog(tx, agency.id, today), await repo.findDraft(tx, agency.id)])
      if (c) for (const i of await repo.itemsOf(tx, c.id)) known.add(i.code);
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

/* ───────── Proposals (Art. 13.3) ───────── */

const toProposalDto = (p: repo.ProposalView): Proposal => ({
  id: p.id,
  agencyId: p.agencyId,
  personId: p.personId,
  personName: p.personName,
  task: p.task,
  output: p.output,
  complexityGroup: p.complexityGroup as ComplexityGroup,
  points: decimal(p.points).toNumber(),
  reason: p.reason,
  status: p.status as ProposalStatus,
  decidedByName: p.decidedByName,
  decidedAt: p.decidedAt?.toISOString() ?? null,
  decisionNote: p.decisionNote,
  includedInCatalogId: p.includedInCatalogId,
  createdAt: p.createdAt.toISOString(),
  version: p.version,
});

export async function listProposals(
  deps: Deps,
  actor: Actor,
  query: { agencyId?: string; status?: ProposalStatus; mine?: boolean; page: number; pageSize: number },
) {
  let filter: repo.ProposalFilter = { agencyIds: null, proposedBy: actor.userId, status: query.status };
  if (query.agencyId && !query.mine) {
    const agency = await requireAgency(deps.db, query.agencyId);
    assertCanReadApproved(actor, agency.path);
    // Deciders see every proposal of the agency; the others, their own.
    filter = covers(actor, ["hr", "head", "admin"], agency.path)
      ? { agencyIds: [agency.id], status: query.status }
      : { agencyIds: [agency.id], proposedBy: actor.userId, status: query.status };
  }
  const { rows, total } = await repo.listProposals(deps.db, filter, query);
  return { items: rows.map(toProposalDto), total, page: query.page, pageSize: query.pageSize };
}

export async function createProposal(
  deps: Deps,
  actor: Actor,
  input: {
    agencyId?: string;
    task: string;
    output: string;
    complexityGroup: ComplexityGroup;
    points: number;
    reason: string | null;
  },
): Promise<Proposal> {
  const person = actor.personId ? await findPerson(deps.db, actor.personId) : undefined;
  const agencyId = person?.person.agencyId ?? input.agencyId;
  if (!agencyId) throw invalid("agencyId", "Chọn cơ quan nhận đề xuất.");
  const agency = await requireAgency(deps.db, agencyId);
  if (!person) assertCanEdit(actor, agency.path);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const row = {
      id,
      agencyId: agency.id,
      personId: person?.person.id ?? null,
      proposedBy: actor.userId,
      task: input.task,
      output: input.output,
      complexityGroup: input.complexityGroup,
      points: String(input.points),
      reason: input.reason,
    };
    await repo.insertProposal(tx, row);
    await recordChange(tx, actor, {
      entity: "catalog_proposal",
      entityId: id,
      unitPath: person?.unitPath ?? agency.path,
      action: "create",
      after: { task: row.task, output: row.output, complexityGroup: row.complexityGroup, points: row.points },
    });
  });
  return toProposalDto((await repo.findProposal(deps.db, id))!);
}

export async function decideProposal(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; decision: "approved" | "refused"; note: string | null },
): Promise<Proposal> {
  await deps.db.transaction(async (tx) => {
    const current = await repo.findProposal(tx, id);
    if (!current) throw notFound("catalog_proposal", id);
    const agency = await requireUnit(tx, current.agencyId);
    assertCanEdit(actor, agency.path);
    if (current.status !== "pending")
      throw new AppError("VALIDATION_FAILED", {
        reason: "already_decided",
        issues: [{ path: [], message: "Đề xuất này đã được quyết định." }],
      });
    const updated = await repo.updateProposal(tx, id, input.version, {
      status: input.decision,
      decidedBy: actor.userId,
      decidedAt: deps.now(),
      decisionNote: input.note,
    });
    if (!updated) throw conflict(current.version);
    await recordChange(tx, actor, {
      entity: "catalog_proposal",
      entityId: id,
      unitPath: agency.path,
      action: input.decision === "approved" ? "approve" : "refuse",
      before: { status: current.status },
      after: { status: input.decision, note: input.note },
      reason: input.note,
    });
  });
  return toProposalDto((await repo.findProposal(deps.db, id))!);
}
