import { type PersonYear, vietnamDate } from "@thuocdo/contract";
import type { ClassifiedLevel } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, forbidden, notFound } from "../../http/app-error.ts";
import { recordChange } from "../audit/service.ts";
import { assertHr, readsRow } from "../classification/policy.ts";
import * as classificationRepo from "../classification/repo.ts";
import { assertStatus, boardOf, requireClassification, rowDto } from "../classification/service.ts";
import { requireFiles } from "../files/service.ts";
import { petitionsOf } from "../petitions/service.ts";
import { filesByIds, userNames } from "../records/repo.ts";
import { fileDto, recordsOfPerson } from "../records/service.ts";
import type { Board, BoardRow } from "../yearboard/service.ts";
import * as repo from "./repo.ts";

/* ── One person's year (Mẫu 02) ── */

export interface PersonYearData {
  view: classificationRepo.ClassificationView | null;
  board: Board;
  row: BoardRow;
  entry: classificationRepo.PersonEntryRow | null;
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
  const entry =
    (await classificationRepo.personEntries(deps.db, classificationId)).find((e) => e.personId === personId) ?? null;
  return { view, board, row, entry };
}

export async function personYearDto(deps: Deps, data: PersonYearData): Promise<PersonYear> {
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

const today = (deps: Deps) => vietnamDate(deps.now());
