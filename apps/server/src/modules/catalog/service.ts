import {
  type Catalog,
  type CatalogStatus,
  foldVietnamese,
  isAgencyKind,
  type OrgUnitKind,
  vietnamDate,
} from "@thuocdo/contract";
import type { Rational } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import * as itemsRepo from "../catalog-items/repo.ts";
import * as proposalsRepo from "../catalog-proposals/repo.ts";
import { requireFiles } from "../files/service.ts";
import type { UnitRow } from "../org/repo.ts";
import { requireUnit } from "../org/service.ts";
import { findPerson } from "../people/repo.ts";
import { assertCanApprove, assertCanEdit, assertCanReadApproved, assertCanReadCatalog, canReadAll } from "./policy.ts";
import * as repo from "./repo.ts";
import { decimal } from "./schema.ts";

/**
 * Catalog versions (Art. 13): drafts, approval and new versions. The item,
 * import, mapping and proposal areas load and check catalogs through the
 * exports here, so "only a draft changes" and the like are written once.
 */

/* ───────── Numbers and dates ───────── */

/**
 * Hệ số quy đổi = điểm của sản phẩm ÷ điểm của đơn vị sản phẩm chuẩn
 * (Art. 13.1.c; Sổ tay §7.1), exact. The monthly cycle copies this value into
 * each assignment, so a later version never moves a past score.
 */
export function coefficientOf(item: { points: string }, catalog: { standardPoints: string }): Rational {
  return decimal(item.points).div(decimal(catalog.standardPoints));
}

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

/** What an item is found by: its code, task and output, folded so a search ignores case and accents. */
export const searchTextOf = (i: { code: string; task: string; output: string }) =>
  foldVietnamese(`${i.code} ${i.task} ${i.output}`);

export const invalid = (field: string, message: string, reason?: string) =>
  new AppError("VALIDATION_FAILED", { reason, issues: [{ path: ["body", field], message }] });

/* ───────── Loading with checks ───────── */

export async function requireAgency(db: Db, agencyId: string): Promise<UnitRow> {
  const agency = await requireUnit(db, agencyId);
  if (!isAgencyKind(agency.kind as OrgUnitKind))
    throw invalid("agencyId", "Danh mục sản phẩm thuộc một cơ quan (UBND xã, sở, ngành).");
  return agency;
}

export async function requireCatalog(db: Db, id: string): Promise<{ catalog: repo.CatalogView; agency: UnitRow }> {
  const catalog = await repo.findCatalog(db, id);
  if (!catalog) throw notFound("catalog", id);
  return { catalog, agency: await requireUnit(db, catalog.agencyId) };
}

/** An approved version is in use: it is read-only, and changes make a new version. */
export function assertDraft(catalog: repo.CatalogRow): void {
  if (catalog.status !== "draft")
    throw new AppError("VALIDATION_FAILED", {
      reason: "catalog_locked",
      issues: [
        { path: [], message: "Danh mục đã được phê duyệt nên chỉ xem được; muốn thay đổi hãy tạo phiên bản mới." },
      ],
    });
}

/** Loads a draft for a change inside a transaction: locked row, editor's scope, still a draft. */
export async function editableDraft(tx: Db, actor: Actor, id: string, version?: number) {
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

export async function catalogDto(db: Db, view: repo.CatalogView, agency: UnitRow): Promise<Catalog> {
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
    await proposalsRepo.unmarkIncluded(tx, id);
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
    const items = await itemsRepo.itemsOf(tx, base.id);
    const copied: itemsRepo.NewItem[] = items.map(({ id: _old, ...item }) => ({ ...item, id: newId(), catalogId: id }));
    const proposals = await proposalsRepo.approvedNotIncluded(tx, agency.id);
    const added = await proposalItems(tx, id, proposals, items);
    await itemsRepo.insertItems(tx, [...copied, ...added]);
    await proposalsRepo.markIncluded(
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
  proposals: proposalsRepo.ProposalRow[],
  existing: itemsRepo.ItemRow[],
): Promise<itemsRepo.NewItem[]> {
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
  const out: itemsRepo.NewItem[] = [];
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
