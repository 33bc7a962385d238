import { agencyLevelNames, type Cycle, type CycleStep } from "@thuocdo/contract";
import type { ClassifiedLevel } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import * as repo from "../agency/repo.ts";
import {
  assertStep,
  type CycleContext,
  columnValue,
  competitionRanks,
  loadCycle,
  points,
  type Step,
  stepIndex,
  stepOrder,
  totalOf,
} from "../agency/service.ts";
import { assertCanManage } from "../agency-cycle/policy.ts";
import { agencyUsers, cycleLink, ddmmyyyy, getCycle, notify } from "../agency-cycle/service.ts";
import { recordChange } from "../audit/service.ts";
import { computeResults } from "../council/service.ts";
import { requireFiles } from "../files/service.ts";

/**
 * Closing appraisal (Quảng Nam Art. 8.2): each agency's draft — per criterion self vs appraised,
 * the appraised total and provisional level by core, the rank within the group — is stored as sent
 * and notified to the agency.
 */
async function sendDrafts(tx: Db, ctx: CycleContext, at: Date): Promise<void> {
  const totals = new Map(ctx.assessments.map((a) => [a.id, totalOf(ctx, a, "appraised")]));
  const ranks = competitionRanks(ctx.assessments.map((a) => ({ id: a.id, score: totals.get(a.id)!.score })));
  for (const a of ctx.assessments) {
    const total = totals.get(a.id)!;
    const cells = ctx.cells.get(a.id) ?? new Map();
    const rows = ctx.nodes.map((n) => {
      const cell = cells.get(n.row.id);
      const self = columnValue(cell, "self");
      const appraised = columnValue(cell, "appraised");
      return {
        criterionId: n.row.id,
        parentId: n.row.parentId,
        code: n.row.code,
        name: n.row.name,
        max: points(n.row.max).toNumber(),
        kind: n.row.kind,
        depth: n.depth,
        isLeaf: n.children.length === 0,
        notApplicable: appraised.notApplicable,
        self: self.score?.toNumber() ?? null,
        appraised: appraised.score?.toNumber() ?? null,
        comment: cell?.appraisedComment ?? null,
      };
    });
    const draft = {
      assessmentId: a.id,
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      explanationDue: ctx.cycle.explanationDue,
      rows,
      selfScore: totalOf(ctx, a, "self").dto.score,
      score: total.dto.score,
      level: total.level,
      flags: total.flags,
      rank: ranks.get(a.id)!,
      groupSize: ctx.assessments.length,
    };
    await repo.updateAssessment(
      tx,
      a.id,
      {
        draft,
        draftSentAt: at,
        draftScore: total.score.toFixed(6),
        draftLevel: total.level,
        draftRank: ranks.get(a.id)!,
      },
      at,
    );
    await notify(
      tx,
      await agencyUsers(tx, a.agencyPath),
      "draft_sent",
      { cycle: ctx.cycle.name, agency: a.agencyName, due: ddmmyyyy(ctx.cycle.explanationDue) },
      cycleLink(ctx.cycle.id),
      `agency-draft:${a.id}`,
    );
  }
}

/** Publication: each agency hears its level; the secretariat hears of heads to be considered (Art. 9.2). */
async function publish(tx: Db, ctx: CycleContext): Promise<void> {
  const results = await repo.resultsOf(tx, [ctx.cycle.id]);
  const managers = (await repo.grantHoldersCovering(tx, ["hr"], ctx.cycle.ownerPath)).map((u) => u.userId);
  for (const a of ctx.assessments) {
    const result = results.find((r) => r.assessmentId === a.id);
    if (!result?.level) continue;
    await notify(
      tx,
      await agencyUsers(tx, a.agencyPath),
      "results_published",
      { cycle: ctx.cycle.name, agency: a.agencyName, level: agencyLevelNames[result.level as ClassifiedLevel] },
      cycleLink(ctx.cycle.id),
      `agency-published:${a.id}`,
      "classification_published",
    );
    if (result.headFlagged) {
      await notify(
        tx,
        managers,
        "head_flagged",
        { agency: a.agencyName },
        cycleLink(ctx.cycle.id),
        `agency-head-flagged:${a.id}`,
        "classification_published",
      );
    }
  }
}

export async function advanceCycle(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; step: CycleStep },
): Promise<Cycle> {
  await deps.db.transaction(async (tx) => {
    const cycle = await repo.lockCycle(tx, id);
    if (!cycle) throw notFound("agency_cycle", id);
    const ctx = await loadCycle(tx, id);
    assertCanManage(actor, ctx.cycle.ownerPath);
    if (cycle.version !== body.version) throw conflict(cycle.version);
    assertStep(cycle, body.step as Step);
    const next = stepOrder[stepIndex(cycle.step) + 1];
    if (!next) throw new AppError("STEP_LOCKED", { step: cycle.step });
    const at = deps.now();
    if (cycle.step === "appraisal") await sendDrafts(tx, ctx, at);
    if (cycle.step === "council") await computeResults(tx, ctx, at);
    if (cycle.step === "decision") {
      if (!cycle.decisionNumber || !cycle.decisionDate) {
        throw new AppError("VALIDATION_FAILED", {
          issues: [{ path: ["decision"], message: "Cần ghi số, ngày quyết định trước khi công bố." }],
        });
      }
      await publish(tx, ctx);
    }
    const history = [
      ...((cycle.history as unknown[]) ?? []),
      { step: cycle.step, closedAt: at.toISOString(), closedByName: actor.displayName },
    ];
    await repo.updateCycle(
      tx,
      id,
      null,
      {
        step: next,
        history,
        ...(cycle.step === "appraisal" ? { draftsSentAt: at } : {}),
        ...(next === "published" ? { publishedAt: at } : {}),
      },
      at,
    );
    await recordChange(tx, actor, {
      entity: "agency_cycle",
      entityId: id,
      unitPath: ctx.cycle.ownerPath,
      action: "advance",
      before: { step: cycle.step },
      after: { step: next },
    });
  });
  return getCycle(deps, actor, id);
}

export async function recordDecision(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; number: string; date: string; signer: string | null; fileId?: string | null | undefined },
): Promise<Cycle> {
  await deps.db.transaction(async (tx) => {
    const cycle = await repo.lockCycle(tx, id);
    const view = await repo.findCycle(tx, id);
    if (!cycle || !view) throw notFound("agency_cycle", id);
    assertCanManage(actor, view.ownerPath);
    assertStep(cycle, "decision");
    if (cycle.version !== body.version) throw conflict(cycle.version);
    if (body.fileId) await requireFiles({ ...deps, db: tx }, actor, [body.fileId]);
    const patch = {
      decisionNumber: body.number,
      decisionDate: body.date,
      decisionSigner: body.signer,
      decisionFileId: body.fileId ?? null,
    };
    await repo.updateCycle(tx, id, body.version, patch, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_cycle",
      entityId: id,
      unitPath: view.ownerPath,
      action: "decision",
      before: { number: cycle.decisionNumber, date: cycle.decisionDate },
      after: patch,
    });
  });
  return getCycle(deps, actor, id);
}
