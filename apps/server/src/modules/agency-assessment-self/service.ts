import type { AgencyConditions, Assessment, DossierKind } from "@thuocdo/contract";
import type { ClassifiedLevel } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, forbidden, notFound } from "../../http/app-error.ts";
import * as repo from "../agency/repo.ts";
import { assertStep, totalOf } from "../agency/service.ts";
import { assertAgencySide } from "../agency-assessment/policy.ts";
import {
  change,
  checkCriterionScore,
  dossierGaps,
  extrasOf,
  fieldIssue,
  type Loaded,
} from "../agency-assessment/service.ts";
import { recordChange } from "../audit/service.ts";
import { requireFiles } from "../files/service.ts";

/**
 * The agency's own part of its dossier (Quảng Nam Art. 6): conditions and proposed level,
 * self-scores with evidence and N/A explanations, the dossier files, and submission once the
 * completeness check passes. Writes stop when the self-assessment step closes (STEP_LOCKED).
 */

/* ───────── Self-assessment ───────── */

function assertSelfOpen(loaded: Loaded): void {
  assertAgencySide(loaded.standing);
  assertStep(loaded.ctx.cycle, "self_assessment");
  if (loaded.assessment.status !== "draft") throw new AppError("STEP_LOCKED", { status: "submitted" });
}

export async function updateAssessment(
  deps: Deps,
  actor: Actor,
  id: string,
  body: {
    version: number;
    conditions?: AgencyConditions | undefined;
    proposedLevel?: ClassifiedLevel | null | undefined;
  },
): Promise<Assessment> {
  return change(deps, actor, id, async (tx, loaded) => {
    const { assessment: a, standing, ctx } = loaded;
    if (a.version !== body.version) throw new AppError("CONFLICT", { currentVersion: a.version });
    // The agency states its facts while self-assessing; Sở Nội vụ, which tracks PAR ranks and
    // incidents (Quảng Nam Art. 10.2.d), may correct them until the council closes.
    const managerWindow =
      standing.manager && ["self_assessment", "appraisal", "explanation", "council"].includes(ctx.cycle.step);
    if (body.proposedLevel !== undefined) assertSelfOpen(loaded);
    if (body.conditions !== undefined && !managerWindow) assertSelfOpen(loaded);
    const patch = {
      ...(body.conditions !== undefined
        ? { conditions: Object.fromEntries(Object.entries(body.conditions).filter(([, v]) => v !== undefined)) }
        : {}),
      ...(body.proposedLevel !== undefined ? { proposedLevel: body.proposedLevel } : {}),
    };
    await repo.updateAssessment(tx, id, patch, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_assessment",
      entityId: id,
      unitPath: a.agencyPath,
      action: "update",
      before: { conditions: a.conditions, proposedLevel: a.proposedLevel },
      after: patch,
    });
  });
}

export async function saveSelfScores(
  deps: Deps,
  actor: Actor,
  id: string,
  body: {
    scores: {
      criterionId: string;
      score: number | null;
      notApplicable: boolean;
      naExplanation: string | null;
      note: string | null;
      fileIds: string[];
    }[];
  },
): Promise<Assessment> {
  return change(deps, actor, id, async (tx, loaded) => {
    assertSelfOpen(loaded);
    const { ctx, assessment: a } = loaded;
    const cells = ctx.cells.get(a.id) ?? new Map();
    const changes: unknown[] = [];
    for (const [i, input] of body.scores.entries()) {
      const node = ctx.nodes.find((n) => n.row.id === input.criterionId);
      if (!node) throw notFound("criterion", input.criterionId);
      if (input.notApplicable && node.row.kind !== "scored") {
        throw fieldIssue(["scores", i, "notApplicable"], "Điểm cộng, điểm trừ không khai báo «không áp dụng».");
      }
      if (!input.notApplicable && input.score !== null) checkCriterionScore(node, input.score, i);
      const files = await requireFiles({ ...deps, db: tx }, actor, input.fileIds);
      if (files.some((f) => !f.unitPath.startsWith(a.agencyPath))) throw forbidden("file_out_of_agency");
      const before = cells.get(input.criterionId);
      const patch = {
        selfScore: input.notApplicable || input.score === null ? null : String(input.score),
        notApplicable: input.notApplicable,
        naExplanation: input.notApplicable ? input.naExplanation : null,
        selfNote: input.note,
        selfBy: actor.userId,
        selfAt: deps.now(),
      };
      await repo.upsertScore(tx, a.id, input.criterionId, patch);
      await repo.replaceCriterionFiles(tx, a.id, input.criterionId, "self", input.fileIds);
      changes.push({
        criterion: node.row.code,
        before: before ? { score: before.selfScore, notApplicable: before.notApplicable } : null,
        after: { score: patch.selfScore, notApplicable: patch.notApplicable, files: input.fileIds.length },
      });
    }
    await repo.updateAssessment(tx, a.id, {}, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_assessment",
      entityId: a.id,
      unitPath: a.agencyPath,
      action: "self_score",
      after: changes,
    });
  });
}

export async function addDossierFile(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { kind: DossierKind; fileId: string },
): Promise<Assessment> {
  return change(deps, actor, id, async (tx, loaded) => {
    assertAgencySide(loaded.standing);
    // Supplements are welcome while explaining the draft (Quảng Nam Art. 8.2).
    if (loaded.ctx.cycle.step !== "explanation") assertSelfOpen(loaded);
    const [file] = await requireFiles({ ...deps, db: tx }, actor, [body.fileId]);
    if (!file!.unitPath.startsWith(loaded.assessment.agencyPath)) throw forbidden("file_out_of_agency");
    await repo.addDossierFile(tx, { assessmentId: id, fileId: body.fileId, kind: body.kind, addedBy: actor.userId });
    await recordChange(tx, actor, {
      entity: "agency_assessment",
      entityId: id,
      unitPath: loaded.assessment.agencyPath,
      action: "dossier_add",
      after: { kind: body.kind, fileId: body.fileId, name: file!.name },
    });
  });
}

export async function removeDossierFile(deps: Deps, actor: Actor, id: string, fileId: string): Promise<Assessment> {
  return change(deps, actor, id, async (tx, loaded) => {
    assertAgencySide(loaded.standing);
    if (loaded.ctx.cycle.step !== "explanation") assertSelfOpen(loaded);
    if (!(await repo.removeDossierFile(tx, id, fileId))) throw notFound("dossier_file", fileId);
    await recordChange(tx, actor, {
      entity: "agency_assessment",
      entityId: id,
      unitPath: loaded.assessment.agencyPath,
      action: "dossier_remove",
      before: { fileId },
    });
  });
}

export async function submitAssessment(deps: Deps, actor: Actor, id: string): Promise<Assessment> {
  return change(deps, actor, id, async (tx, loaded) => {
    assertSelfOpen(loaded);
    const { ctx, assessment: a } = loaded;
    const dossier = await repo.dossierOf(tx, a.id);
    const extras = await extrasOf(tx, a.id);
    const gaps = dossierGaps(ctx, a, dossier, extras.selfFiles);
    if (gaps.length > 0) throw new AppError("DOSSIER_INCOMPLETE", { gaps });
    const at = deps.now();
    await repo.updateAssessment(tx, a.id, { status: "submitted", submittedBy: actor.userId, submittedAt: at }, at);
    const self = totalOf(ctx, a, "self");
    await recordChange(tx, actor, {
      entity: "agency_assessment",
      entityId: a.id,
      unitPath: a.agencyPath,
      action: "submit",
      after: { selfScore: self.dto.score, proposedLevel: a.proposedLevel, ruleSetVersion: ctx.ruleSet.id },
    });
  });
}
