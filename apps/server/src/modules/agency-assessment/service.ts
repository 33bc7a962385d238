import {
  type AgencyConditions,
  type AgencyDraft,
  type AppraisalRow,
  type Assessment,
  type AssessmentStatus,
  type AssessmentSummary,
  type CriterionKind,
  type CriterionScore,
  type CycleDeadlines,
  type CycleStep,
  type DossierGapCode,
  type DossierKind,
  type FrameworkRuleChoice,
  foldVietnamese,
  type StoredFile,
} from "@thuocdo/contract";
import type { ClassifiedLevel } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, forbidden, notFound } from "../../http/app-error.ts";
import * as repo from "../agency/repo.ts";
import {
  assertStep,
  type CycleContext,
  columnValue,
  loadCycle,
  points,
  requireAssessment,
  requiredConditionNames,
  type TreeNode,
  totalOf,
} from "../agency/service.ts";
import { recordChange } from "../audit/service.ts";
import { requireFiles, toStoredFile } from "../files/service.ts";
import type * as frameworks from "../frameworks/repo.ts";
import { assertAgencySide, assertCanRead, assertManager, type Standing, seesAll, standingOf } from "./policy.ts";

/**
 * One agency's yearly dossier (Quảng Nam Art. 6–8; DESIGN §4): self-scores with evidence and N/A
 * explanations, the dossier files and completeness check, submission; the appraisers' scores on
 * their criteria; the draft sent back; explanations; the secretariat's final proposals. Every
 * score keeps who and when, and each step's writes stop when the step closes (STEP_LOCKED).
 */

type Node = TreeNode<frameworks.CriterionView>;

const num = (value: string | null) => (value === null ? null : points(value).toNumber());
const iso = (at: Date | null) => at?.toISOString() ?? null;

export const deadlinesOf = (c: repo.CycleRow): CycleDeadlines => ({
  selfAssessment: c.selfAssessmentDue,
  appraisal: c.appraisalDue,
  explanation: c.explanationDue,
  council: c.councilDue,
});

interface Extras {
  selfFiles: Map<string, StoredFile[]>;
  explanationFiles: Map<string, StoredFile[]>;
  explanations: Map<string, repo.ExplanationView>;
}

async function extrasOf(db: Db, assessmentId: string): Promise<Extras> {
  const files = await repo.criterionFilesOf(db, assessmentId);
  const explanations = await repo.explanationsOf(db, [assessmentId]);
  const selfFiles = new Map<string, StoredFile[]>();
  const explanationFiles = new Map<string, StoredFile[]>();
  for (const f of files) {
    const target = f.stage === "self" ? selfFiles : explanationFiles;
    target.set(f.criterionId, [...(target.get(f.criterionId) ?? []), toStoredFile(f.file)]);
  }
  return { selfFiles, explanationFiles, explanations: new Map(explanations.map((e) => [e.criterionId, e])) };
}

export function criterionDto(node: Node, cell: repo.ScoreView | undefined, extras: Extras | null): CriterionScore {
  const c = node.row;
  const explanation = extras?.explanations.get(c.id);
  return {
    criterionId: c.id,
    parentId: c.parentId,
    code: c.code,
    name: c.name,
    guidance: c.guidance,
    max: points(c.max).toNumber(),
    kind: c.kind as CriterionKind,
    requiredEvidence: c.requiredEvidence,
    appraiserUnitId: c.appraiserUnitId,
    appraiserUnitName: c.appraiserUnitName,
    depth: node.depth,
    isLeaf: node.children.length === 0,
    self:
      cell && (cell.selfAt || cell.notApplicable)
        ? {
            score: num(cell.selfScore),
            notApplicable: cell.notApplicable,
            naExplanation: cell.naExplanation,
            note: cell.selfNote,
            files: extras?.selfFiles.get(c.id) ?? [],
            byName: cell.selfByName,
            at: iso(cell.selfAt),
          }
        : null,
    appraised: cell?.appraisedAt
      ? {
          score: num(cell.appraisedScore),
          comment: cell.appraisedComment,
          byName: cell.appraisedByName,
          at: iso(cell.appraisedAt),
        }
      : null,
    final: cell?.finalAt
      ? { score: num(cell.finalScore), note: cell.finalNote, byName: cell.finalByName, at: iso(cell.finalAt) }
      : null,
    explanation: explanation
      ? {
          text: explanation.text,
          files: extras?.explanationFiles.get(c.id) ?? [],
          byName: explanation.byName,
          at: iso(explanation.at),
        }
      : null,
  };
}

/* ───────── Completeness (Quảng Nam Art. 6.2, rule 13) ───────── */

type Gap = { code: DossierGapCode; criterionId: string | null; name: string | null };

export function dossierGaps(
  ctx: CycleContext,
  a: repo.AssessmentRow,
  dossier: repo.DossierFileView[],
  selfFiles: Map<string, unknown[]>,
): Gap[] {
  const gaps: Gap[] = [];
  const cells = ctx.cells.get(a.id) ?? new Map<string, repo.ScoreView>();
  const has = (kind: DossierKind) => dossier.some((d) => d.kind === kind);
  const naIds = new Set<string>();
  const walk = (nodes: readonly Node[], underNa: boolean) => {
    for (const node of nodes) {
      const cell = cells.get(node.row.id);
      const na = !underNa && node.row.kind === "scored" && (cell?.notApplicable ?? false);
      if (na) {
        naIds.add(node.row.id);
        if (!cell?.naExplanation) gaps.push({ code: "na_explanation_missing", criterionId: node.row.id, name: null });
        if ((selfFiles.get(node.row.id) ?? []).length === 0) {
          gaps.push({ code: "na_evidence_missing", criterionId: node.row.id, name: null });
        }
      }
      const leaf = node.children.length === 0;
      if (!underNa && !na && leaf) {
        const score = cell?.selfScore ?? null;
        if (score === null && node.row.kind === "scored") {
          gaps.push({ code: "score_missing", criterionId: node.row.id, name: null });
        }
        if (
          score !== null &&
          points(score).gt(points("0")) &&
          node.row.requiredEvidence &&
          (selfFiles.get(node.row.id) ?? []).length === 0
        ) {
          gaps.push({ code: "criterion_evidence_missing", criterionId: node.row.id, name: null });
        }
      }
      walk(node.children, underNa || na);
    }
  };
  walk(ctx.framework.roots, false);
  for (const kind of ["request_letter", "annual_report", "self_scoring_report"] as const) {
    if (!has(kind)) gaps.unshift({ code: kind, criterionId: null, name: null });
  }
  if (!has("evidence") && [...selfFiles.values()].every((list) => list.length === 0)) {
    gaps.push({ code: "evidence", criterionId: null, name: null });
  }
  if (naIds.size > 0 && !has("explanation_report"))
    gaps.push({ code: "explanation_report", criterionId: null, name: null });
  const conditions = (a.conditions ?? {}) as Record<string, unknown>;
  for (const name of requiredConditionNames[ctx.rules]) {
    if (conditions[name] === undefined || conditions[name] === null) {
      gaps.push({ code: "condition_missing", criterionId: null, name });
    }
  }
  if (!a.proposedLevel) gaps.push({ code: "proposed_level_missing", criterionId: null, name: null });
  return gaps;
}

/* ───────── Reading ───────── */

function summaryOf(
  ctx: CycleContext,
  a: repo.AssessmentView,
  showTotals: boolean,
  result?: repo.ResultRow,
): AssessmentSummary {
  return {
    id: a.id,
    cycleId: ctx.cycle.id,
    cycleName: ctx.cycle.name,
    year: ctx.cycle.year,
    step: ctx.cycle.step as CycleStep,
    agencyId: a.agencyId,
    agencyName: a.agencyName,
    agencyCode: a.agencyCode,
    status: a.status as AssessmentStatus,
    proposedLevel: a.proposedLevel as ClassifiedLevel | null,
    submittedAt: iso(a.submittedAt),
    selfScore: showTotals ? totalOf(ctx, a, "self").dto.score : null,
    appraisedScore: showTotals ? totalOf(ctx, a, "appraised").dto.score : null,
    finalScore: showTotals ? totalOf(ctx, a, "final").dto.score : null,
    draftLevel: showTotals ? (a.draftLevel as ClassifiedLevel | null) : null,
    draftRank: showTotals ? a.draftRank : null,
    level: showTotals && ctx.cycle.publishedAt ? ((result?.level as ClassifiedLevel | null) ?? null) : null,
    version: a.version,
  };
}

export async function listAssessments(
  deps: Deps,
  actor: Actor,
  query: {
    cycleId?: string | undefined;
    agencyId?: string | undefined;
    year?: number | undefined;
    status?: AssessmentStatus | undefined;
    q?: string | undefined;
    sort?: "agencyName" | "selfScore" | "appraisedScore" | "finalScore" | "submittedAt" | undefined;
    order?: "asc" | "desc" | undefined;
    page: number;
    pageSize: number;
  },
) {
  const cycles = (await repo.allCycles(deps.db)).filter(
    (c) => (!query.cycleId || c.id === query.cycleId) && (query.year === undefined || c.year === query.year),
  );
  const memberOf = await repo.cyclesOfMember(deps.db, actor.userId);
  const rows: AssessmentSummary[] = [];
  for (const cycle of cycles) {
    const ctx = await loadCycle(deps.db, cycle.id);
    const results = new Map((await repo.resultsOf(deps.db, [cycle.id])).map((r) => [r.assessmentId, r]));
    for (const a of ctx.assessments) {
      if (query.agencyId && a.agencyId !== query.agencyId) continue;
      if (query.status && a.status !== query.status) continue;
      if (query.q && !foldVietnamese(`${a.agencyName} ${a.agencyCode ?? ""}`).includes(foldVietnamese(query.q)))
        continue;
      const standing = standingOf(actor, ctx, a.agencyPath, memberOf);
      if (!seesAll(standing) && standing.appraisable.size === 0) continue;
      rows.push(summaryOf(ctx, a, seesAll(standing), results.get(a.id)));
    }
  }
  const sort = query.sort ?? "agencyName";
  const dir = query.order === "desc" ? -1 : 1;
  rows.sort((x, y) => {
    const a = x[sort];
    const b = y[sort];
    if (a === b) return x.agencyName.localeCompare(y.agencyName, "vi");
    if (a === null) return 1;
    if (b === null) return -1;
    return (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "vi")) * dir;
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

interface Loaded {
  ctx: CycleContext;
  assessment: repo.AssessmentView;
  standing: Standing;
}

export async function loadForActor(db: Db, actor: Actor, assessmentId: string): Promise<Loaded> {
  const row = await repo.findAssessment(db, assessmentId);
  if (!row) throw notFound("agency_assessment", assessmentId);
  const ctx = await loadCycle(db, row.cycleId);
  const assessment = requireAssessment(ctx, assessmentId);
  const standing = standingOf(actor, ctx, assessment.agencyPath, await repo.cyclesOfMember(db, actor.userId));
  assertCanRead(standing);
  return { ctx, assessment, standing };
}

export async function assessmentDto(db: Db, loaded: Loaded): Promise<Assessment> {
  const { ctx, assessment: a, standing } = loaded;
  const full = seesAll(standing);
  const step = ctx.cycle.step;
  const [extras, dossier, results] = await Promise.all([
    extrasOf(db, a.id),
    repo.dossierOf(db, a.id),
    repo.resultsOf(db, [ctx.cycle.id]),
  ]);
  const cells = ctx.cells.get(a.id) ?? new Map();
  const visible = ctx.nodes.filter((n) => full || standing.appraisable.has(n.row.id));
  const draftOpen = a.status === "draft" && step === "self_assessment";
  return {
    ...summaryOf(
      ctx,
      a,
      full,
      results.find((r) => r.assessmentId === a.id),
    ),
    frameworkId: ctx.framework.fw.id,
    rules: ctx.framework.fw.rules as FrameworkRuleChoice,
    deadlines: deadlinesOf(ctx.cycle),
    conditions: (a.conditions ?? {}) as AgencyConditions,
    requiredConditions: [...requiredConditionNames[ctx.rules]],
    submittedByName: a.submittedByName,
    dossier: dossier.map((d) => ({ kind: d.kind as DossierKind, file: toStoredFile(d.file) })),
    gaps: full ? dossierGaps(ctx, a, dossier, extras.selfFiles) : [],
    criteria: visible.map((n) => criterionDto(n, cells.get(n.row.id), extras)),
    totals: full
      ? {
          self: totalOf(ctx, a, "self").dto,
          appraised: totalOf(ctx, a, "appraised").dto,
          final: totalOf(ctx, a, "final").dto,
        }
      : null,
    can: {
      selfAssess: standing.agency && draftOpen,
      appraise: step === "appraisal" ? [...standing.appraisable] : [],
      explain: standing.agency && step === "explanation",
      setFinal: standing.manager && (step === "explanation" || step === "council"),
      vote: standing.member && step === "council",
    },
  };
}

export async function getAssessment(deps: Deps, actor: Actor, id: string): Promise<Assessment> {
  return assessmentDto(deps.db, await loadForActor(deps.db, actor, id));
}

/** Runs a change in one transaction (the assessment row locked), then returns the fresh view. */
async function change(
  deps: Deps,
  actor: Actor,
  id: string,
  fn: (tx: Db, loaded: Loaded) => Promise<void>,
): Promise<Assessment> {
  await deps.db.transaction(async (tx) => {
    await repo.lockAssessment(tx, id);
    await fn(tx, await loadForActor(tx, actor, id));
  });
  return getAssessment(deps, actor, id);
}

/* ───────── Self-assessment ───────── */

function assertSelfOpen(loaded: Loaded): void {
  assertAgencySide(loaded.standing);
  assertStep(loaded.ctx.cycle, "self_assessment");
  if (loaded.assessment.status !== "draft") throw new AppError("STEP_LOCKED", { status: "submitted" });
}

const fieldIssue = (path: (string | number)[], message: string) =>
  new AppError("VALIDATION_FAILED", { issues: [{ path, message }] });

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
      const max = points(node.row.max);
      const leaf = node.children.length === 0;
      if (input.notApplicable && node.row.kind !== "scored") {
        throw fieldIssue(["scores", i, "notApplicable"], "Điểm cộng, điểm trừ không khai báo «không áp dụng».");
      }
      if (!input.notApplicable && input.score !== null) {
        if (!leaf)
          throw fieldIssue(["scores", i, "score"], "Tiêu chí có tiêu chí con: điểm là tổng điểm các tiêu chí con.");
        if (points(String(input.score)).gt(max)) {
          throw fieldIssue(["scores", i, "score"], `Điểm không vượt quá điểm tối đa ${max.toNumber()}.`);
        }
      }
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
      if (input.score !== null) {
        if (node.children.length > 0) {
          throw fieldIssue(["scores", i, "score"], "Tiêu chí có tiêu chí con: điểm là tổng điểm các tiêu chí con.");
        }
        if (points(String(input.score)).gt(points(node.row.max))) {
          throw fieldIssue(
            ["scores", i, "score"],
            `Điểm không vượt quá điểm tối đa ${points(node.row.max).toNumber()}.`,
          );
        }
      }
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

const isDone = (cell: repo.ScoreView | undefined) => Boolean(cell?.appraisedAt);

/** What an appraiser has to score: its criteria × every agency of the cycle. */
export async function appraisalRows(
  deps: Deps,
  actor: Actor,
  cycleId: string,
  query: {
    agencyId?: string | undefined;
    appraiserUnitId?: string | undefined;
    state?: "pending" | "done" | undefined;
    q?: string | undefined;
    sort?: "agencyName" | "code" | undefined;
    order?: "asc" | "desc" | undefined;
    page: number;
    pageSize: number;
  },
) {
  const ctx = await loadCycle(deps.db, cycleId);
  // The criteria one may appraise do not depend on the agency appraised.
  const standing = standingOf(actor, ctx, ctx.cycle.ownerPath, []);
  if (standing.appraisable.size === 0) throw forbidden("no_criteria_assigned");
  const rows: AppraisalRow[] = [];
  const folded = query.q ? foldVietnamese(query.q) : null;
  for (const a of ctx.assessments) {
    if (query.agencyId && a.agencyId !== query.agencyId) continue;
    const extras = await extrasOf(deps.db, a.id);
    const cells = ctx.cells.get(a.id) ?? new Map();
    for (const node of ctx.nodes) {
      if (!standing.appraisable.has(node.row.id)) continue;
      if (query.appraiserUnitId && node.row.appraiserUnitId !== query.appraiserUnitId) continue;
      const cell = cells.get(node.row.id);
      if (query.state === "done" && !isDone(cell)) continue;
      if (query.state === "pending" && isDone(cell)) continue;
      if (folded && !foldVietnamese(`${a.agencyName} ${node.row.code} ${node.row.name}`).includes(folded)) continue;
      rows.push({
        assessmentId: a.id,
        agencyId: a.agencyId,
        agencyName: a.agencyName,
        criterion: criterionDto(node, cell, extras),
      });
    }
  }
  const dir = query.order === "desc" ? -1 : 1;
  if (query.sort === "code") {
    const order = new Map(ctx.nodes.map((n, i) => [n.row.id, i]));
    rows.sort((x, y) => (order.get(x.criterion.criterionId)! - order.get(y.criterion.criterionId)!) * dir);
  } else if (query.sort === "agencyName") {
    rows.sort((x, y) => x.agencyName.localeCompare(y.agencyName, "vi") * dir);
  }
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Per appraiser agency: criteria, expected scores (criteria × agencies, N/A left out), done. */
export async function appraisalProgress(deps: Deps, actor: Actor, cycleId: string) {
  const ctx = await loadCycle(deps.db, cycleId);
  const own = standingOf(actor, ctx, ctx.cycle.ownerPath, await repo.cyclesOfMember(deps.db, actor.userId));
  if (!own.manager && !own.member && own.appraisable.size === 0) throw forbidden("out_of_scope");
  const groups = new Map<string | null, { name: string | null; criteria: number; expected: number; done: number }>();
  const scoredLeaves = ctx.nodes.filter(
    (n) =>
      (n.children.length === 0 || n.row.kind !== "scored") &&
      (own.manager || own.member || own.appraisable.has(n.row.id)),
  );
  for (const node of scoredLeaves) {
    const key = node.row.appraiserUnitId;
    const group = groups.get(key) ?? { name: node.row.appraiserUnitName, criteria: 0, expected: 0, done: 0 };
    group.criteria++;
    for (const a of ctx.assessments) {
      const cell = ctx.cells.get(a.id)?.get(node.row.id);
      if (columnValue(cell, "self").notApplicable && !cell?.appraisedAt) continue;
      group.expected++;
      if (isDone(cell)) group.done++;
    }
    groups.set(key, group);
  }
  return [...groups.entries()].map(([id, g]) => ({
    appraiserUnitId: id,
    appraiserUnitName: g.name,
    criteria: g.criteria,
    expected: g.expected,
    done: g.done,
  }));
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
      if (input.score !== null) {
        if (node.children.length > 0) {
          throw fieldIssue(["scores", i, "score"], "Tiêu chí có tiêu chí con: điểm là tổng điểm các tiêu chí con.");
        }
        if (points(String(input.score)).gt(points(node.row.max))) {
          throw fieldIssue(
            ["scores", i, "score"],
            `Điểm không vượt quá điểm tối đa ${points(node.row.max).toNumber()}.`,
          );
        }
      }
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

/* ───────── Draft ───────── */

export async function getDraft(deps: Deps, actor: Actor, id: string): Promise<AgencyDraft> {
  const { assessment: a, standing } = await loadForActor(deps.db, actor, id);
  if (!seesAll(standing)) throw forbidden("out_of_scope");
  if (!a.draft || !a.draftSentAt) throw notFound("agency_draft", id);
  return { ...(a.draft as Omit<AgencyDraft, "sentAt">), sentAt: a.draftSentAt.toISOString() };
}

/* ───────── Files ───────── */

/** Reads a file attached to the assessment, for whoever may see the part it is attached to. */
export async function readAssessmentFile(deps: Deps, actor: Actor, id: string, fileId: string) {
  const { standing } = await loadForActor(deps.db, actor, id);
  const [dossier, criterionFiles] = await Promise.all([
    repo.dossierOf(deps.db, id),
    repo.criterionFilesOf(deps.db, id),
  ]);
  const inDossier = dossier.find((d) => d.file.id === fileId);
  const onCriterion = criterionFiles.find(
    (f) => f.file.id === fileId && (seesAll(standing) || standing.appraisable.has(f.criterionId)),
  );
  const file = inDossier?.file ?? onCriterion?.file;
  if (!file) throw notFound("file", fileId);
  return { row: file, content: deps.files.get(file.sha256) };
}
