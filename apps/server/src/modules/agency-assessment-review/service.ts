import type { AgencyDraft, Assessment } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { forbidden, notFound } from "../../http/app-error.ts";
import * as repo from "../agency/repo.ts";
import { assertStep } from "../agency/service.ts";
import { assertAgencySide, assertManager, seesAll } from "../agency-assessment/policy.ts";
import { change, checkCriterionScore, loadForActor } from "../agency-assessment/service.ts";
import { recordChange } from "../audit/service.ts";
import { requireFiles } from "../files/service.ts";

/**
 * What follows submission (Quảng Nam Art. 7–8): the appraisers' scores on their criteria, the
 * draft sent back, the agency's explanations, and the secretariat's final proposals. Every score
 * keeps who and when.
 */

/* ───────── Appraisal ───────── */

export async function saveAppraisal(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { scores: { criterionId: string; score: number | null; comment: string | null }[] },
): Promise<Assessment> {
  return change(deps, actor, id, async (tx, loaded) => {
    const { ctx, assessment: a, standing } = loaded;
    // An appraiser learns nothing about criteria that are not its own, not even that they exist.
    if (body.scores.some((input) => !standing.appraisable.has(input.criterionId))) {
      throw forbidden("criterion_not_assigned");
    }
    assertStep(ctx.cycle, "appraisal");
    const cells = ctx.cells.get(a.id) ?? new Map();
    const changes: unknown[] = [];
    for (const [i, input] of body.scores.entries()) {
      const node = ctx.nodes.find((n) => n.row.id === input.criterionId);
      if (!node) throw forbidden("criterion_not_assigned");
      if (input.score !== null) checkCriterionScore(node, input.score, i);
      const before = cells.get(input.criterionId);
      const patch = {
        appraisedScore: input.score === null ? null : String(input.score),
        appraisedComment: input.comment,
        appraisedBy: actor.userId,
        appraisedAt: deps.now(),
      };
      await repo.upsertScore(tx, a.id, input.criterionId, patch);
      changes.push({ criterion: node.row.code, before: before?.appraisedScore ?? null, after: patch.appraisedScore });
    }
    await recordChange(tx, actor, {
      entity: "agency_assessment",
      entityId: a.id,
      unitPath: a.agencyPath,
      action: "appraise",
      after: changes,
    });
  });
}

/* ───────── Draft ───────── */

export async function getDraft(deps: Deps, actor: Actor, id: string): Promise<AgencyDraft> {
  const { assessment: a, standing } = await loadForActor(deps.db, actor, id);
  if (!seesAll(standing)) throw forbidden("out_of_scope");
  if (!a.draft || !a.draftSentAt) throw notFound("agency_draft", id);
  return { ...(a.draft as Omit<AgencyDraft, "sentAt">), sentAt: a.draftSentAt.toISOString() };
}

/* ───────── Explanations and final scores ───────── */

export async function saveExplanation(
  deps: Deps,
  actor: Actor,
  id: string,
  criterionId: string,
  body: { text: string; fileIds: string[] },
): Promise<Assessment> {
  return change(deps, actor, id, async (tx, loaded) => {
    assertAgencySide(loaded.standing);
    assertStep(loaded.ctx.cycle, "explanation");
    if (!loaded.ctx.nodes.some((n) => n.row.id === criterionId)) throw notFound("criterion", criterionId);
    const files = await requireFiles({ ...deps, db: tx }, actor, body.fileIds);
    if (files.some((f) => !f.unitPath.startsWith(loaded.assessment.agencyPath))) throw forbidden("file_out_of_agency");
    await repo.upsertExplanation(tx, {
      assessmentId: id,
      criterionId,
      text: body.text,
      by: actor.userId,
      at: deps.now(),
    });
    await repo.replaceCriterionFiles(tx, id, criterionId, "explanation", body.fileIds);
    await recordChange(tx, actor, {
      entity: "agency_assessment",
      entityId: id,
      unitPath: loaded.assessment.agencyPath,
      action: "explain",
      after: { criterionId, text: body.text, files: body.fileIds.length },
    });
  });
}

export async function saveFinalScores(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { scores: { criterionId: string; score: number | null; note: string | null }[] },
): Promise<Assessment> {
  return change(deps, actor, id, async (tx, loaded) => {
    assertManager(loaded.standing);
    assertStep(loaded.ctx.cycle, "explanation", "council");
    const { ctx, assessment: a } = loaded;
    const cells = ctx.cells.get(a.id) ?? new Map();
    const changes: unknown[] = [];
    for (const [i, input] of body.scores.entries()) {
      const node = ctx.nodes.find((n) => n.row.id === input.criterionId);
      if (!node) throw notFound("criterion", input.criterionId);
      if (input.score !== null) checkCriterionScore(node, input.score, i);
      const patch = {
        finalScore: input.score === null ? null : String(input.score),
        finalNote: input.note,
        finalBy: actor.userId,
        finalAt: deps.now(),
      };
      await repo.upsertScore(tx, a.id, input.criterionId, patch);
      changes.push({
        criterion: node.row.code,
        before: cells.get(input.criterionId)?.finalScore ?? null,
        after: patch.finalScore,
      });
    }
    await recordChange(tx, actor, {
      entity: "agency_assessment",
      entityId: a.id,
      unitPath: a.agencyPath,
      action: "final_score",
      after: changes,
    });
  });
}
