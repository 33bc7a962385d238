import { type Classification, type decideBody, levelNames, yearLinks } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { assertHead, assertHr } from "../classification/policy.ts";
import * as classificationRepo from "../classification/repo.ts";
import { assertStatus, boardOf, fullDto, requireClassification } from "../classification/service.ts";
import { requireFiles } from "../files/service.ts";
import { notifyPeople } from "../notifications/service.ts";
import { requireUnit } from "../org/service.ts";
import { linkDecision } from "../petitions/repo.ts";
import type { Board } from "../yearboard/service.ts";
import * as repo from "./repo.ts";

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
    await classificationRepo.touchClassification(tx, id, {}, deps.now());
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
async function assertReady(db: Db, view: classificationRepo.ClassificationView, board: Board): Promise<void> {
  if (board.pendingTies > 0) throw new AppError("TIES_PENDING", { pendingTies: board.pendingTies });
  const minutes = await classificationRepo.minutesOf(db, view.classification.id);
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
    if (!(await classificationRepo.updateClassification(tx, id, body.version, patch, deps.now()))) {
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
    if (!(await classificationRepo.updateClassification(tx, id, body.version, { status: "decided" }, deps.now()))) {
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
  const decisions = await classificationRepo.decisionsOf(deps.db, id);
  const active = decisions.find((d) => d.active);
  if (!active) throw new AppError("CLASSIFICATION_STEP", { status: view.classification.status });
  const results = await classificationRepo.resultsOf(deps.db, [active.id]);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await repo.publishDecision(tx, active.id, now);
    if (
      !(await classificationRepo.updateClassification(
        tx,
        id,
        body.version,
        { status: "published", publishedAt: now },
        now,
      ))
    ) {
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
