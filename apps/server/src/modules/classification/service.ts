import {
  type Classification,
  type ClassificationDecision,
  type ClassificationRow,
  type classificationPeopleQuery,
  type classificationsQuery,
  type decideBody,
  foldVietnamese,
  levelNames,
  type PersonYear,
  type PublicClassification,
  type QuotaView,
  type updateClassificationBody,
  vietnamDate,
  yearLinks,
} from "@thuocdo/contract";
import { type ClassifiedLevel, type Level, Rational } from "@thuocdo/core";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, scopePaths } from "../../http/actor.ts";
import { AppError, conflict, forbidden, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { requireFiles } from "../files/service.ts";
import { notifyPeople } from "../notifications/service.ts";
import { agencyOf, requireUnit } from "../org/service.ts";
import { linkDecision } from "../petitions/repo.ts";
import { petitionsOf } from "../petitions/service.ts";
import { ensureGroups } from "../quota/service.ts";
import { filesByIds, userNames } from "../records/repo.ts";
import { fileDto, recordsOfPerson, requirePerson } from "../records/service.ts";
import { firstScoredMonthSetting } from "../yearboard/repo.ts";
import { type Board, type BoardRow, computeBoard, ruleSetForYear } from "../yearboard/service.ts";
import { assertHead, assertHr, assertReadsPart, CLASSIFICATION_LIST, readsAgency, readsRow } from "./policy.ts";
import * as repo from "./repo.ts";

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/* ── Loading ── */

export async function requireClassification(db: Db, id: string): Promise<repo.ClassificationView> {
  const view = await repo.findClassification(db, id);
  if (!view) throw notFound("classification", id);
  return view;
}

export const boardOf = (db: Db, view: repo.ClassificationView): Promise<Board> =>
  computeBoard(db, {
    agencyId: view.classification.agencyId,
    agencyName: view.agencyName,
    agencyPath: view.agencyPath,
    year: view.classification.year,
    classification: view.classification,
  });

/** The wire shape of a row (the board keeps exact values beside it). */
export const rowDto = ({ unitPath: _p, result: _r, exactAverage: _a, ...row }: BoardRow): ClassificationRow => row;

function assertStatus(view: repo.ClassificationView, allowed: readonly string[]): void {
  if (!allowed.includes(view.classification.status)) {
    throw new AppError("CLASSIFICATION_STEP", { status: view.classification.status, allowed });
  }
}

/* ── DTO ── */

async function toDto(db: Db, view: repo.ClassificationView, board: Board): Promise<Classification> {
  const c = view.classification;
  const [minutes, decisions] = await Promise.all([repo.minutesOf(db, c.id), repo.decisionsOf(db, c.id)]);
  const results = await repo.resultsOf(
    db,
    decisions.map((d) => d.id),
  );
  const files = await filesByIds(db, [
    c.rateDocumentFileId,
    c.proposalFileId,
    ...minutes.map((m) => m.fileId),
    ...decisions.map((d) => d.fileId),
  ]);
  const names = await userNames(db, [
    c.openedBy,
    c.proposedBy,
    ...minutes.map((m) => m.uploadedBy),
    ...decisions.map((d) => d.decidedBy),
  ]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const rows = board.rows;
  const active = decisions.find((d) => d.active) ?? null;
  const missingSelf = rows.filter((r) => r.yearLevel !== "unclassified" && !r.selfProposedLevel).length;
  const missingParty = rows.filter((r) => r.partyOpinionRequired && !r.partyOpinionRecorded).length;
  return {
    id: c.id,
    agencyId: c.agencyId,
    agencyName: view.agencyName,
    year: c.year,
    status: c.status as Classification["status"],
    ruleSetVersion: board.ruleSet.id,
    quotaRate: Number(c.quotaRate),
    quotaReading: board.ruleSet.settings.quota.reading,
    rateGrant:
      c.rateGrantedBy && c.rateDocumentNumber && c.rateDocumentDate
        ? {
            grantedBy: c.rateGrantedBy,
            documentNumber: c.rateDocumentNumber,
            documentDate: c.rateDocumentDate,
            documentFile: fileDto(files, c.rateDocumentFileId),
          }
        : null,
    agencyLevel: board.agencyLevel.level,
    agencyLevelSource: board.agencyLevel.source,
    agencyLevelNote: c.agencyLevelNote,
    proposal: c.proposedAt
      ? {
          note: c.proposalNote,
          file: fileDto(files, c.proposalFileId),
          proposedByName: nameOf(c.proposedBy),
          proposedAt: c.proposedAt.toISOString(),
        }
      : null,
    minutes: minutes.map((m) => ({
      id: m.id,
      unitId: m.unitId,
      unitName: m.unitName,
      meetingDate: m.meetingDate,
      file: fileDto(files, m.fileId)!,
      note: m.note,
      uploadedByName: nameOf(m.uploadedBy),
      createdAt: m.createdAt.toISOString(),
    })),
    decisions: decisions.map((d) => decisionDto(d, files, nameOf(d.decidedBy), results)),
    steps: [
      { step: "mau02", done: rows.length > 0, missing: 0 },
      { step: "self_proposal", done: missingSelf === 0, missing: missingSelf },
      { step: "minutes", done: minutes.length > 0, missing: minutes.length > 0 ? 0 : 1 },
      { step: "party_opinion", done: missingParty === 0, missing: missingParty },
      { step: "proposal", done: !!c.proposedAt, missing: c.proposedAt ? 0 : 1 },
      { step: "decision", done: !!active, missing: active ? 0 : 1 },
      { step: "publication", done: !!active?.publishedAt, missing: active?.publishedAt ? 0 : 1 },
    ],
    counts: board.counts,
    pendingTies: board.pendingTies,
    openedByName: nameOf(c.openedBy),
    openedAt: c.createdAt.toISOString(),
    publishedAt: c.publishedAt?.toISOString() ?? null,
    version: c.version,
  };
}

function decisionDto(
  d: repo.DecisionRow,
  files: Map<string, import("../records/repo.ts").FileRow>,
  decidedByName: string | null,
  results: repo.DecisionResultRow[],
): ClassificationDecision {
  const counts: Record<string, number> = {};
  for (const r of results.filter((x) => x.decisionId === d.id)) counts[r.level] = (counts[r.level] ?? 0) + 1;
  return {
    id: d.id,
    number: d.number,
    date: d.date,
    signer: d.signer,
    file: fileDto(files, d.fileId),
    replacesId: d.replacesId,
    reason: d.reason,
    petitionId: d.petitionId,
    active: d.active,
    decidedByName,
    decidedAt: d.decidedAt.toISOString(),
    publishedAt: d.publishedAt?.toISOString() ?? null,
    counts: counts as ClassificationDecision["counts"],
  };
}

async function fullDto(db: Db, id: string): Promise<Classification> {
  const view = await requireClassification(db, id);
  return toDto(db, view, await boardOf(db, view));
}

/* ── Reads ── */

export async function listClassifications(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof classificationsQuery>,
): Promise<
  Page<Pick<Classification, "id" | "agencyId" | "agencyName" | "year" | "status" | "publishedAt" | "version">>
> {
  const { rows, total } = await repo.listClassifications(
    deps.db,
    { ...query, paths: scopePaths(actor, CLASSIFICATION_LIST) },
    query,
  );
  return {
    items: rows.map((v) => ({
      id: v.classification.id,
      agencyId: v.classification.agencyId,
      agencyName: v.agencyName,
      year: v.classification.year,
      status: v.classification.status as Classification["status"],
      publishedAt: v.classification.publishedAt?.toISOString() ?? null,
      version: v.classification.version,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getClassification(deps: Deps, actor: Actor, id: string): Promise<Classification> {
  const view = await requireClassification(deps.db, id);
  assertReadsPart(actor, view.agencyPath);
  return toDto(deps.db, view, await boardOf(deps.db, view));
}

const levelOrder: Record<string, number> = {
  excellent: 0,
  good: 1,
  completed: 2,
  not_completed: 3,
  unclassified: 4,
  pending: 5,
};

export async function classificationPeople(
  deps: Deps,
  actor: Actor,
  id: string,
  query: z.output<typeof classificationPeopleQuery>,
): Promise<Page<ClassificationRow>> {
  const view = await requireClassification(deps.db, id);
  assertReadsPart(actor, view.agencyPath);
  const board = await boardOf(deps.db, view);
  let rows = board.rows.filter((r) => readsRow(actor, view.agencyPath, r));
  if (query.q) {
    const term = foldVietnamese(query.q);
    rows = rows.filter((r) => foldVietnamese(`${r.fullName} ${r.employeeCode ?? ""}`).includes(term));
  }
  if (query.unitId) {
    const unit = await requireUnit(deps.db, query.unitId);
    rows = rows.filter((r) => r.unitPath.startsWith(unit.path));
  }
  if (query.quotaGroupId) rows = rows.filter((r) => r.quotaGroupId === query.quotaGroupId);
  if (query.level) rows = rows.filter((r) => (r.proposedLevel ?? "pending") === query.level);
  if (query.sort) {
    const key = query.sort;
    const sign = query.order === "desc" ? -1 : 1;
    const value = (r: BoardRow): number | string =>
      key === "average"
        ? (r.average ?? -1)
        : key === "proposedLevel"
          ? levelOrder[r.proposedLevel ?? "pending"]!
          : key === "unitName"
            ? r.unitName
            : r.fullName;
    rows = [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (key === "average" && a.exactAverage && b.exactAverage) return sign * a.exactAverage.cmp(b.exactAverage);
      return sign * (typeof x === "number" ? x - (y as number) : (x as string).localeCompare(y as string, "vi"));
    });
  }
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize).map(rowDto),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function classificationQuota(deps: Deps, actor: Actor, id: string): Promise<QuotaView> {
  const view = await requireClassification(deps.db, id);
  if (!readsAgency(actor, view.agencyPath)) throw forbidden("out_of_scope");
  return (await boardOf(deps.db, view)).quota;
}

/* ── Opening and settings ── */

export async function openClassification(
  deps: Deps,
  actor: Actor,
  body: { agencyId: string; year: number },
): Promise<Classification> {
  const unit = await requireUnit(deps.db, body.agencyId);
  const agency = await agencyOf(deps.db, unit);
  if (agency.id !== unit.id) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "agencyId"], message: "Cần chọn một cơ quan." }],
    });
  }
  assertHr(actor, agency.path);
  if (await repo.findByAgencyYear(deps.db, agency.id, body.year)) {
    throw new AppError("DUPLICATE", { entity: "classification", agencyId: agency.id, year: body.year });
  }
  const ruleSet = ruleSetForYear(body.year, await firstScoredMonthSetting(deps.db, agency.id));
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const row = {
      id,
      agencyId: agency.id,
      year: body.year,
      status: "open",
      ruleSetVersion: ruleSet.id,
      quotaRate: ruleSet.settings.quota.rate.toFixed(4),
      openedBy: actor.userId,
    };
    await repo.insertClassification(tx, row);
    await ensureGroups(tx, actor, agency.id, agency.path);
    await recordChange(tx, actor, {
      entity: "classification",
      entityId: id,
      unitPath: agency.path,
      action: "create",
      after: row,
    });
  });
  return fullDto(deps.db, id);
}

export async function updateClassification(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.output<typeof updateClassificationBody>,
): Promise<Classification> {
  const view = await requireClassification(deps.db, id);
  assertHr(actor, view.agencyPath);
  assertStatus(view, ["open"]);
  const c = view.classification;
  const ruleSet = ruleSetForYear(c.year, await firstScoredMonthSetting(deps.db, c.agencyId));
  const rate = body.quotaRate === undefined ? Rational.from(Number(c.quotaRate)) : Rational.from(body.quotaRate);
  if (rate.gt(ruleSet.settings.quota.exceptionRate)) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [
        {
          path: ["body", "quotaRate"],
          message: `Tỷ lệ tối đa là ${ruleSet.settings.quota.exceptionRate.toNumber() * 100}%.`,
        },
      ],
    });
  }
  const grant = body.rateGrant === undefined ? undefined : body.rateGrant;
  const hasGrant = grant === undefined ? !!c.rateGrantedBy : grant !== null;
  if (rate.gt(ruleSet.settings.quota.rate) && !hasGrant) throw new AppError("RATE_GRANT_REQUIRED");
  if (grant?.documentFileId) await requireFiles(deps, actor, [grant.documentFileId]);
  const patch = {
    quotaRate: rate.toFixed(4),
    ...(grant === undefined
      ? {}
      : {
          rateGrantedBy: grant?.grantedBy ?? null,
          rateDocumentNumber: grant?.documentNumber ?? null,
          rateDocumentDate: grant?.documentDate ?? null,
          rateDocumentFileId: grant?.documentFileId ?? null,
        }),
    ...(body.agencyLevel === undefined ? {} : { agencyLevel: body.agencyLevel }),
    ...(body.agencyLevelNote === undefined ? {} : { agencyLevelNote: body.agencyLevelNote }),
  };
  await deps.db.transaction(async (tx) => {
    if (!(await repo.updateClassification(tx, id, body.version, patch, deps.now()))) throw conflict(c.version);
    await recordChange(tx, actor, {
      entity: "classification",
      entityId: id,
      unitPath: view.agencyPath,
      action: "update",
      before: { quotaRate: c.quotaRate, rateGrantedBy: c.rateGrantedBy, agencyLevel: c.agencyLevel },
      after: patch,
    });
  });
  return fullDto(deps.db, id);
}

/* ── Ties at the cut (Art. 20.5) ── */

export async function recordTieBreak(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { scope: string; order: string[]; reason: string },
): Promise<QuotaView> {
  const view = await requireClassification(deps.db, id);
  assertHead(actor, view.agencyPath);
  assertStatus(view, ["open", "proposed"]);
  const board = await boardOf(deps.db, view);
  const computation =
    body.scope === "agency" ? board.quota.agency : board.quota.groups.find((g) => g.scope === body.scope);
  if (!computation) throw notFound("quota_group", body.scope);
  const tied = computation.tie?.personIds ?? [];
  const missing = tied.filter((p) => !body.order.includes(p));
  const unknown = body.order.filter((p) => !tied.includes(p));
  if (tied.length === 0 || missing.length > 0 || unknown.length > 0 || new Set(body.order).size !== body.order.length) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "order"], message: "Thứ tự phải gồm đúng những người bằng điểm tại ngưỡng tỷ lệ." }],
      tied,
      missing,
      unknown,
    });
  }
  await deps.db.transaction(async (tx) => {
    const row = {
      classificationId: id,
      scope: body.scope,
      order: body.order,
      reason: body.reason,
      decidedBy: actor.userId,
      decidedAt: deps.now(),
    };
    await repo.upsertTieBreak(tx, row);
    await repo.touchClassification(tx, id, {}, deps.now());
    await recordChange(tx, actor, {
      entity: "classification_tie_break",
      entityId: `${id}/${body.scope}`,
      unitPath: view.agencyPath,
      action: "update",
      after: { scope: body.scope, order: body.order },
      reason: body.reason,
    });
  });
  return (await boardOf(deps.db, await requireClassification(deps.db, id))).quota;
}

/* ── One person's year (Mẫu 02) ── */

export interface PersonYearData {
  view: repo.ClassificationView | null;
  board: Board;
  row: BoardRow;
  entry: repo.PersonEntryRow | null;
}

/** The board row of one person, with their workflow entry; checks the reader. */
export async function personYearData(
  deps: Deps,
  actor: Actor,
  classificationId: string,
  personId: string,
): Promise<PersonYearData> {
  const view = await requireClassification(deps.db, classificationId);
  const board = await boardOf(deps.db, view);
  const row = board.rows.find((r) => r.personId === personId);
  if (!row) throw notFound("person", personId);
  if (!readsRow(actor, view.agencyPath, row)) throw forbidden("out_of_scope");
  const entry = (await repo.personEntries(deps.db, classificationId)).find((e) => e.personId === personId) ?? null;
  return { view, board, row, entry };
}

async function personYearDto(deps: Deps, data: PersonYearData): Promise<PersonYear> {
  const { view, row, entry, board } = data;
  const files = await filesByIds(deps.db, [entry?.partyOpinionFileId]);
  const names = await userNames(deps.db, [entry?.partyOpinionBy]);
  const published = board.activeDecision?.publishedAt ? board.activeDecision : null;
  return {
    classificationId: view?.classification.id ?? null,
    classificationStatus: (view?.classification.status ?? null) as PersonYear["classificationStatus"],
    year: board.input.year,
    row: rowDto(row),
    selfReport: entry?.selfReport ?? null,
    partyOpinion:
      entry?.partyOpinion && entry.partyOpinionDate
        ? {
            opinion: entry.partyOpinion,
            date: entry.partyOpinionDate,
            file: fileDto(files, entry.partyOpinionFileId),
            recordedByName: entry.partyOpinionBy ? (names.get(entry.partyOpinionBy) ?? null) : null,
          }
        : null,
    records: await recordsOfPerson(deps.db, row.personId, board.input.year),
    published:
      published && row.decidedLevel
        ? { level: row.decidedLevel, decisionNumber: published.number, decisionDate: published.date }
        : null,
    petitions: view
      ? await petitionsOf(deps.db, { classificationId: view.classification.id, personId: row.personId }, today(deps))
      : [],
  };
}

export async function getPersonYear(deps: Deps, actor: Actor, id: string, personId: string): Promise<PersonYear> {
  return personYearDto(deps, await personYearData(deps, actor, id, personId));
}

export async function setSelfProposal(
  deps: Deps,
  actor: Actor,
  id: string,
  personId: string,
  body: { level: ClassifiedLevel; selfReport: string | null },
): Promise<PersonYear> {
  const view = await requireClassification(deps.db, id);
  if (actor.personId !== personId) assertHr(actor, view.agencyPath);
  assertStatus(view, ["open", "proposed"]);
  await personYearData(deps, actor, id, personId);
  await deps.db.transaction(async (tx) => {
    const set = {
      selfProposedLevel: body.level,
      selfReport: body.selfReport,
      selfProposedAt: deps.now(),
      updatedAt: deps.now(),
    };
    await repo.upsertPersonEntry(tx, { classificationId: id, personId, ...set }, set);
    await recordChange(tx, actor, {
      entity: "classification_self_proposal",
      entityId: `${id}/${personId}`,
      unitPath: view.agencyPath,
      action: "update",
      after: { level: body.level },
    });
  });
  return getPersonYear(deps, actor, id, personId);
}

export async function setPartyOpinion(
  deps: Deps,
  actor: Actor,
  id: string,
  personId: string,
  body: { opinion: string; date: string; fileId: string | null },
): Promise<PersonYear> {
  const view = await requireClassification(deps.db, id);
  assertHr(actor, view.agencyPath);
  assertStatus(view, ["open", "proposed"]);
  const { row } = await personYearData(deps, actor, id, personId);
  if (!row.partyOpinionRequired) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["params", "personId"], message: "Chỉ cấp trưởng, cấp phó cần ý kiến của cấp ủy (Điều 21)." }],
    });
  }
  if (body.fileId) await requireFiles(deps, actor, [body.fileId]);
  await deps.db.transaction(async (tx) => {
    const set = {
      partyOpinion: body.opinion,
      partyOpinionDate: body.date,
      partyOpinionFileId: body.fileId,
      partyOpinionBy: actor.userId,
      updatedAt: deps.now(),
    };
    await repo.upsertPersonEntry(tx, { classificationId: id, personId, ...set }, set);
    await recordChange(tx, actor, {
      entity: "classification_party_opinion",
      entityId: `${id}/${personId}`,
      unitPath: view.agencyPath,
      action: "update",
      after: { date: body.date, fileId: body.fileId },
    });
  });
  return getPersonYear(deps, actor, id, personId);
}

/* ── Meeting, proposal, decision, publication (Art. 21) ── */

export async function addMinutes(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { unitId: string; meetingDate: string; fileId: string; note: string | null },
): Promise<Classification> {
  const view = await requireClassification(deps.db, id);
  assertHr(actor, view.agencyPath);
  assertStatus(view, ["open", "proposed"]);
  const unit = await requireUnit(deps.db, body.unitId);
  if (!unit.path.startsWith(view.agencyPath)) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "unitId"], message: "Đơn vị không thuộc cơ quan." }],
    });
  }
  await requireFiles(deps, actor, [body.fileId]);
  await deps.db.transaction(async (tx) => {
    const row = { id: newId(), classificationId: id, ...body, uploadedBy: actor.userId };
    await repo.insertMinutes(tx, row);
    await repo.touchClassification(tx, id, {}, deps.now());
    await recordChange(tx, actor, {
      entity: "classification_minutes",
      entityId: row.id,
      unitPath: view.agencyPath,
      action: "create",
      after: row,
    });
  });
  return fullDto(deps.db, id);
}

/** What must exist before the personnel body proposes and the head decides. */
async function assertReady(db: Db, view: repo.ClassificationView, board: Board): Promise<void> {
  if (board.pendingTies > 0) throw new AppError("TIES_PENDING", { pendingTies: board.pendingTies });
  const minutes = await repo.minutesOf(db, view.classification.id);
  const partyMissing = board.rows
    .filter((r) => r.partyOpinionRequired && !r.partyOpinionRecorded)
    .map((r) => r.personId);
  if (minutes.length === 0 || partyMissing.length > 0) {
    throw new AppError("CLASSIFICATION_INCOMPLETE", { minutes: minutes.length, partyOpinionMissing: partyMissing });
  }
}

const levelsOf = (board: Board) => Object.fromEntries(board.rows.map((r) => [r.personId, r.proposedLevel]));

export async function propose(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; note: string | null; fileId: string | null },
): Promise<Classification> {
  const view = await requireClassification(deps.db, id);
  assertHr(actor, view.agencyPath);
  assertStatus(view, ["open", "proposed"]);
  const board = await boardOf(deps.db, view);
  await assertReady(deps.db, view, board);
  if (body.fileId) await requireFiles(deps, actor, [body.fileId]);
  const patch = {
    status: "proposed",
    proposalNote: body.note,
    proposalFileId: body.fileId,
    proposedBy: actor.userId,
    proposedAt: deps.now(),
    proposalLevels: levelsOf(board),
  };
  await deps.db.transaction(async (tx) => {
    if (!(await repo.updateClassification(tx, id, body.version, patch, deps.now()))) {
      throw conflict(view.classification.version);
    }
    await recordChange(tx, actor, {
      entity: "classification",
      entityId: id,
      unitPath: view.agencyPath,
      action: "propose",
      after: { levels: patch.proposalLevels, ruleSetVersion: board.ruleSet.id },
    });
  });
  return fullDto(deps.db, id);
}

/**
 * The competent head's decision: freezes the core's levels per person with the rule-set version.
 * A later decision (Art. 21.3) replaces the active one and needs a reason; history stays.
 */
export async function decide(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.output<typeof decideBody>,
): Promise<Classification> {
  const view = await requireClassification(deps.db, id);
  assertHead(actor, view.agencyPath);
  assertStatus(view, ["proposed", "decided", "published"]);
  const board = await boardOf(deps.db, view);
  const replaces = board.activeDecision;
  if (replaces && !body.reason) throw new AppError("REASON_REQUIRED", { field: "reason" });
  await assertReady(deps.db, view, board);
  if (body.fileId) await requireFiles(deps, actor, [body.fileId]);
  const c = view.classification;
  const decisionId = newId();
  await deps.db.transaction(async (tx) => {
    const row = {
      id: decisionId,
      classificationId: id,
      number: body.number,
      date: body.date,
      signer: body.signer,
      fileId: body.fileId,
      replacesId: replaces?.id ?? null,
      reason: body.reason,
      petitionId: body.petitionId,
      decidedBy: actor.userId,
      decidedAt: deps.now(),
    };
    const results = board.rows.map((r) => ({
      decisionId,
      personId: r.personId,
      agencyId: c.agencyId,
      year: c.year,
      unitId: r.unitId,
      fullName: r.fullName,
      unitName: r.unitName,
      title: r.title,
      leaderRole: r.leaderRole,
      level: r.proposedLevel as Level,
      average: r.exactAverage?.toFixed(6) ?? null,
      averageExact: r.averageExact,
      monthsCounted: r.monthsCounted,
      months: r.months,
      reasons: r.reasons,
      ruleSetVersion: r.ruleSetVersion,
    }));
    await repo.insertDecision(tx, row, results);
    if (!(await repo.updateClassification(tx, id, body.version, { status: "decided" }, deps.now()))) {
      throw conflict(c.version);
    }
    if (body.petitionId) await linkPetition(tx, body.petitionId, decisionId, id);
    await recordChange(tx, actor, {
      entity: "classification",
      entityId: id,
      unitPath: view.agencyPath,
      action: replaces ? "reclassify" : "decide",
      before: replaces ? { decisionId: replaces.id, number: replaces.number } : null,
      after: { decisionId, number: body.number, levels: levelsOf(board), ruleSetVersion: board.ruleSet.id },
      reason: body.reason,
    });
  });
  return fullDto(deps.db, id);
}

async function linkPetition(tx: Db, petitionId: string, decisionId: string, classificationId: string) {
  if (!(await linkDecision(tx, petitionId, decisionId, classificationId))) throw notFound("petition", petitionId);
}

/** Publication (Art. 21.1.đ): the public page shows the active decision; each person gets a notice. */
export async function publish(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number },
): Promise<Classification> {
  const view = await requireClassification(deps.db, id);
  assertHead(actor, view.agencyPath);
  assertStatus(view, ["decided"]);
  const decisions = await repo.decisionsOf(deps.db, id);
  const active = decisions.find((d) => d.active);
  if (!active) throw new AppError("CLASSIFICATION_STEP", { status: view.classification.status });
  const results = await repo.resultsOf(deps.db, [active.id]);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await repo.publishDecision(tx, active.id, now);
    if (!(await repo.updateClassification(tx, id, body.version, { status: "published", publishedAt: now }, now))) {
      throw conflict(view.classification.version);
    }
    for (const r of results) {
      await notifyPeople(tx, actor, [r.personId], {
        kind: "classification_published",
        text: "classification_published",
        params: { year: view.classification.year, level: levelNames[r.level as Level], decision: active.number },
        link: `${yearLinks.myYear}?year=${view.classification.year}`,
        dedupeKey: `classification:${active.id}`,
      });
    }
    await recordChange(tx, actor, {
      entity: "classification",
      entityId: id,
      unitPath: view.agencyPath,
      action: "publish",
      after: { decisionId: active.id, publishedAt: now.toISOString() },
    });
  });
  return fullDto(deps.db, id);
}

/* ── The staff member's own year ── */

export async function myYear(deps: Deps, actor: Actor, year: number): Promise<PersonYear> {
  if (!actor.personId) throw forbidden("no_person");
  const person = await requirePerson(deps.db, actor.personId);
  const view = (await repo.findByAgencyYear(deps.db, person.person.agencyId, year)) ?? null;
  if (view) return getPersonYear(deps, actor, view.classification.id, actor.personId);
  const agency = await requireUnit(deps.db, person.person.agencyId);
  const board = await computeBoard(deps.db, {
    agencyId: agency.id,
    agencyName: agency.name,
    agencyPath: agency.path,
    year,
    classification: null,
  });
  const row = board.rows.find((r) => r.personId === actor.personId);
  if (!row) throw notFound("person", actor.personId);
  return personYearDto(deps, { view: null, board, row, entry: null });
}

/* ── Public page (no login) ── */

export async function publicClassifications(deps: Deps, year?: number) {
  const rows = await repo.publishedDecisions(deps.db, { year });
  return rows.map((r) => ({
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    year: r.year,
    publishedAt: r.decision.publishedAt!.toISOString(),
  }));
}

export async function publicClassification(deps: Deps, agencyId: string, year: number): Promise<PublicClassification> {
  const [found] = await repo.publishedDecisions(deps.db, { year, agencyId });
  if (!found) throw notFound("classification", `${agencyId}/${year}`);
  const results = await repo.resultsOf(deps.db, [found.decision.id]);
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.level] = (counts[r.level] ?? 0) + 1;
  return {
    agencyId,
    agencyName: found.agencyName,
    year,
    decisionNumber: found.decision.number,
    decisionDate: found.decision.date,
    publishedAt: found.decision.publishedAt!.toISOString(),
    counts: counts as PublicClassification["counts"],
    rows: results.map((r) => ({ fullName: r.fullName, unitName: r.unitName, title: r.title, level: r.level as Level })),
  };
}

export const today = (deps: Deps) => vietnamDate(deps.now());
