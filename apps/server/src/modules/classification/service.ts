import {
  type Classification,
  type ClassificationDecision,
  type ClassificationRow,
  type classificationPeopleQuery,
  type classificationsQuery,
  foldVietnamese,
  type updateClassificationBody,
} from "@thuocdo/contract";
import { Rational } from "@thuocdo/core";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, scopePaths } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { requireFiles } from "../files/service.ts";
import { agencyOf, requireUnit } from "../org/service.ts";
import { ensureGroups } from "../quota/service.ts";
import { filesByIds, userNames } from "../records/repo.ts";
import { fileDto } from "../records/service.ts";
import { firstScoredMonthSetting } from "../yearboard/repo.ts";
import { type Board, type BoardRow, computeBoard, ruleSetForYear } from "../yearboard/service.ts";
import { assertHr, assertReadsPart, CLASSIFICATION_LIST, readsRow } from "./policy.ts";
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

export function assertStatus(view: repo.ClassificationView, allowed: readonly string[]): void {
  if (!allowed.includes(view.classification.status)) {
    throw new AppError("CLASSIFICATION_STEP", { status: view.classification.status, allowed });
  }
}

/* ── DTO ── */

export async function toDto(db: Db, view: repo.ClassificationView, board: Board): Promise<Classification> {
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

export async function fullDto(db: Db, id: string): Promise<Classification> {
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
