import type {
  createRecordBody,
  createTransferBody,
  PersonLeave,
  PersonRecord,
  recordsQuery,
  StoredFile,
  setLeaveBody,
  Transfer,
  transfersQuery,
  updateRecordBody,
} from "@thuocdo/contract";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { requireFiles, toStoredFile } from "../files/service.ts";
import { agencyOf, requireUnit } from "../org/service.ts";
import { findPerson } from "../people/repo.ts";
import { assertCanEditPerson, assertCanReadPerson, readablePaths } from "./policy.ts";
import * as repo from "./repo.ts";

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const fileDto = (files: Map<string, repo.FileRow>, id: string | null): StoredFile | null => {
  const row = id ? files.get(id) : undefined;
  return row ? toStoredFile(row) : null;
};

/** A person with their unit's path, or 404. */
export async function requirePerson(db: Db, id: string) {
  const person = await findPerson(db, id);
  if (!person) throw notFound("person", id);
  return person;
}

/** The year of an ISO date. */
const yearOf = (iso: string) => Number(iso.slice(0, 4));

async function recordDtos(db: Db, views: repo.RecordView[]): Promise<PersonRecord[]> {
  const files = await repo.filesByIds(
    db,
    views.map((v) => v.record.documentFileId),
  );
  const names = await repo.userNames(
    db,
    views.map((v) => v.record.createdBy),
  );
  return views.map(({ record: r, personName, agencyName }) => ({
    id: r.id,
    personId: r.personId,
    personName,
    agencyId: r.agencyId,
    agencyName,
    kind: r.kind as PersonRecord["kind"],
    form: r.form as PersonRecord["form"],
    publicDuty: r.publicDuty,
    effectiveOn: r.effectiveOn,
    countsInYear: r.countsInYear,
    countsInYearReason: r.countsInYearReason,
    documentNumber: r.documentNumber,
    documentDate: r.documentDate,
    documentFile: fileDto(files, r.documentFileId),
    issuer: r.issuer,
    note: r.note,
    createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }));
}

export async function listRecords(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof recordsQuery>,
): Promise<Page<PersonRecord>> {
  let paths = readablePaths(actor);
  let personId = query.personId;
  if (paths.length === 0) {
    // A civil servant reads their own records only.
    if (!actor.personId || (personId && personId !== actor.personId)) return { items: [], total: 0, ...pageOf(query) };
    const me = await requirePerson(deps.db, actor.personId);
    paths = [me.unitPath];
    personId = actor.personId;
  }
  const { rows, total } = await repo.listRecords(deps.db, { ...query, personId, paths }, query);
  return { items: await recordDtos(deps.db, rows), total, ...pageOf(query) };
}

const pageOf = (q: { page: number; pageSize: number }) => ({ page: q.page, pageSize: q.pageSize });

/** Records for one person as the classification shows them (reader checks done by the caller). */
export async function recordsOfPerson(db: Db, personId: string, year: number): Promise<PersonRecord[]> {
  const rows = await repo.recordsCountingIn(db, [personId], year);
  const views = (await Promise.all(rows.map((r) => repo.findRecordView(db, r.id)))).filter(
    (v): v is repo.RecordView => !!v,
  );
  return recordDtos(db, views);
}

function checkKindFields(kind: string, form: string | null | undefined): void {
  if (kind === "discipline" && !form) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "form"], message: "Cần chọn hình thức kỷ luật." }],
    });
  }
}

function checkCountsIn(effectiveOn: string, countsInYear: number, reason: string | null | undefined): void {
  if (countsInYear !== yearOf(effectiveOn) && !reason)
    throw new AppError("REASON_REQUIRED", { field: "countsInYearReason" });
}

export async function createRecord(
  deps: Deps,
  actor: Actor,
  body: z.output<typeof createRecordBody>,
): Promise<PersonRecord> {
  const person = await requirePerson(deps.db, body.personId);
  assertCanEditPerson(actor, person.unitPath);
  checkKindFields(body.kind, body.form);
  const countsInYear = body.countsInYear ?? yearOf(body.effectiveOn);
  checkCountsIn(body.effectiveOn, countsInYear, body.countsInYearReason);
  if (body.documentFileId) await requireFiles(deps, actor, [body.documentFileId]);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const row = {
      id,
      personId: person.person.id,
      agencyId: person.person.agencyId,
      kind: body.kind,
      form: body.kind === "discipline" ? body.form : null,
      publicDuty: body.publicDuty,
      effectiveOn: body.effectiveOn,
      countsInYear,
      countsInYearReason: countsInYear === yearOf(body.effectiveOn) ? null : body.countsInYearReason,
      documentNumber: body.documentNumber,
      documentDate: body.documentDate,
      documentFileId: body.documentFileId,
      issuer: body.issuer,
      note: body.note,
      createdBy: actor.userId,
    };
    await repo.insertRecord(tx, row);
    await recordChange(tx, actor, {
      entity: "person_record",
      entityId: id,
      unitPath: person.unitPath,
      action: "create",
      after: row,
    });
  });
  return (await recordDtos(deps.db, [(await repo.findRecordView(deps.db, id))!]))[0]!;
}

async function requireRecord(db: Db, id: string) {
  const view = await repo.findRecordView(db, id);
  if (!view) throw notFound("person_record", id);
  const person = await requirePerson(db, view.record.personId);
  return { view, person };
}

export async function updateRecord(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.output<typeof updateRecordBody>,
): Promise<PersonRecord> {
  const { view, person } = await requireRecord(deps.db, id);
  assertCanEditPerson(actor, person.unitPath);
  const before = view.record;
  const kind = before.kind;
  const form = body.form === undefined ? before.form : body.form;
  checkKindFields(kind, form);
  const effectiveOn = body.effectiveOn ?? before.effectiveOn;
  const countsInYear = body.countsInYear ?? before.countsInYear;
  const countsInYearReason =
    body.countsInYearReason === undefined ? before.countsInYearReason : body.countsInYearReason;
  checkCountsIn(effectiveOn, countsInYear, countsInYearReason);
  if (body.documentFileId) await requireFiles(deps, actor, [body.documentFileId]);
  const patch = {
    form: kind === "discipline" ? form : null,
    publicDuty: body.publicDuty ?? before.publicDuty,
    effectiveOn,
    countsInYear,
    countsInYearReason: countsInYear === yearOf(effectiveOn) ? null : countsInYearReason,
    documentNumber: body.documentNumber ?? before.documentNumber,
    documentDate: body.documentDate ?? before.documentDate,
    documentFileId: body.documentFileId === undefined ? before.documentFileId : body.documentFileId,
    issuer: body.issuer === undefined ? before.issuer : body.issuer,
    note: body.note === undefined ? before.note : body.note,
  };
  await deps.db.transaction(async (tx) => {
    if (!(await repo.updateRecord(tx, id, body.version, patch, deps.now()))) throw conflict(before.version);
    await recordChange(tx, actor, {
      entity: "person_record",
      entityId: id,
      unitPath: person.unitPath,
      action: "update",
      before,
      after: patch,
      reason: body.reason,
    });
  });
  return (await recordDtos(deps.db, [(await repo.findRecordView(deps.db, id))!]))[0]!;
}

export async function deleteRecord(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; reason: string },
): Promise<{ ok: true }> {
  const { view, person } = await requireRecord(deps.db, id);
  assertCanEditPerson(actor, person.unitPath);
  await deps.db.transaction(async (tx) => {
    if (!(await repo.deleteRecord(tx, id, body.version))) throw conflict(view.record.version);
    await recordChange(tx, actor, {
      entity: "person_record",
      entityId: id,
      unitPath: person.unitPath,
      action: "delete",
      before: view.record,
      reason: body.reason,
    });
  });
  return { ok: true };
}

/* ── Leave (Art. 11.2) ── */

function leaveDto(personId: string, personName: string, year: number, rows: repo.LeaveRow[]): PersonLeave {
  return {
    personId,
    personName,
    year,
    months: rows
      .filter((r) => r.personId === personId)
      .map((r) => ({ month: r.month, kind: r.kind as PersonLeave["months"][number]["kind"], note: r.note })),
  };
}

export async function listLeave(
  deps: Deps,
  actor: Actor,
  query: { agencyId?: string; personId?: string; year: number; page: number; pageSize: number },
): Promise<Page<PersonLeave>> {
  let paths = readablePaths(actor);
  let personId = query.personId;
  if (paths.length === 0) {
    if (!actor.personId) return { items: [], total: 0, ...pageOf(query) };
    paths = [(await requirePerson(deps.db, actor.personId)).unitPath];
    personId = actor.personId;
  }
  const { rows, total } = await repo.peopleWithLeave(deps.db, { ...query, personId, paths }, query);
  const leave = await repo.leaveOf(
    deps.db,
    rows.map((r) => r.personId),
    query.year,
  );
  return {
    items: rows.map((p) => leaveDto(p.personId, p.personName, query.year, leave)),
    total,
    ...pageOf(query),
  };
}

export async function setLeave(deps: Deps, actor: Actor, body: z.output<typeof setLeaveBody>): Promise<PersonLeave> {
  const person = await requirePerson(deps.db, body.personId);
  assertCanEditPerson(actor, person.unitPath);
  const months = new Set(body.months.map((m) => m.month));
  if (months.size !== body.months.length) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "months"], message: "Một tháng bị khai hai lần." }],
    });
  }
  await deps.db.transaction(async (tx) => {
    const before = await repo.leaveOf(tx, [body.personId], body.year);
    await repo.replaceLeave(tx, body.personId, body.year, body.months, actor.userId);
    await recordChange(tx, actor, {
      entity: "leave",
      entityId: `${body.personId}/${body.year}`,
      unitPath: person.unitPath,
      action: "update",
      before: before.map((r) => ({ month: r.month, kind: r.kind })),
      after: body.months,
      reason: body.reason,
    });
  });
  return leaveDto(
    body.personId,
    person.person.fullName,
    body.year,
    await repo.leaveOf(deps.db, [body.personId], body.year),
  );
}

/* ── Transfers (Art. 19.1) ── */

async function transferDtos(db: Db, views: repo.TransferView[]): Promise<Transfer[]> {
  const files = await repo.filesByIds(
    db,
    views.map((v) => v.transfer.documentFileId),
  );
  const names = await repo.userNames(
    db,
    views.map((v) => v.transfer.createdBy),
  );
  return views.map((v) => ({
    id: v.transfer.id,
    personId: v.transfer.personId,
    personName: v.personName,
    fromAgencyId: v.transfer.fromAgencyId,
    fromAgencyName: v.fromAgencyName,
    fromUnitId: v.transfer.fromUnitId,
    fromUnitName: v.fromUnitName,
    toAgencyId: v.transfer.toAgencyId,
    toAgencyName: v.toAgencyName,
    toUnitId: v.transfer.toUnitId,
    toUnitName: v.toUnitName,
    effectiveOn: v.transfer.effectiveOn,
    documentNumber: v.transfer.documentNumber,
    documentDate: v.transfer.documentDate,
    documentFile: fileDto(files, v.transfer.documentFileId),
    note: v.transfer.note,
    createdByName: v.transfer.createdBy ? (names.get(v.transfer.createdBy) ?? null) : null,
    createdAt: v.transfer.createdAt.toISOString(),
  }));
}

export async function listTransfers(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof transfersQuery>,
): Promise<Page<Transfer>> {
  let paths = readablePaths(actor);
  let personId = query.personId;
  if (paths.length === 0) {
    if (!actor.personId) return { items: [], total: 0, ...pageOf(query) };
    paths = ["/"];
    personId = actor.personId;
  }
  const { rows, total } = await repo.listTransfers(deps.db, { ...query, personId, paths }, query);
  return { items: await transferDtos(deps.db, rows), total, ...pageOf(query) };
}

/**
 * Records a transfer and moves the person: from `effectiveOn` the new agency holds them and will
 * classify them, reading every confirmed month of the year wherever it was confirmed (Art. 19.1).
 * The personnel officer must cover both the old and the new unit (a province-level hr does).
 */
export async function createTransfer(
  deps: Deps,
  actor: Actor,
  body: z.output<typeof createTransferBody>,
): Promise<Transfer> {
  const person = await requirePerson(deps.db, body.personId);
  assertCanEditPerson(actor, person.unitPath);
  const toUnit = await requireUnit(deps.db, body.toUnitId);
  assertCanEditPerson(actor, toUnit.path);
  if (toUnit.id === person.person.unitId) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "toUnitId"], message: "Đơn vị mới trùng đơn vị hiện tại." }],
    });
  }
  const toAgency = await agencyOf(deps.db, toUnit);
  if (body.documentFileId) await requireFiles(deps, actor, [body.documentFileId]);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const row = {
      id,
      personId: person.person.id,
      fromAgencyId: person.person.agencyId,
      fromUnitId: person.person.unitId,
      toAgencyId: toAgency.id,
      toUnitId: toUnit.id,
      effectiveOn: body.effectiveOn,
      documentNumber: body.documentNumber,
      documentDate: body.documentDate,
      documentFileId: body.documentFileId,
      note: body.note,
      createdBy: actor.userId,
    };
    await repo.insertTransfer(tx, row);
    await repo.movePerson(tx, person.person.id, toUnit.id, toAgency.id, deps.now());
    await recordChange(tx, actor, {
      entity: "person",
      entityId: person.person.id,
      unitPath: person.unitPath,
      action: "transfer",
      before: { unitId: person.person.unitId, agencyId: person.person.agencyId },
      after: { unitId: toUnit.id, agencyId: toAgency.id, effectiveOn: body.effectiveOn },
      reason: body.note,
    });
  });
  return (await transferDtos(deps.db, [(await repo.findTransferView(deps.db, id))!]))[0]!;
}

export { assertCanReadPerson };
