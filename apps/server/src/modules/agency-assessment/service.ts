import {
  type AgencyConditions,
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
import { AppError, notFound } from "../../http/app-error.ts";
import * as repo from "../agency/repo.ts";
import {
  type CycleContext,
  loadCycle,
  points,
  requireAssessment,
  requiredConditionNames,
  type TreeNode,
  totalOf,
} from "../agency/service.ts";
import { toStoredFile } from "../files/service.ts";
import type * as frameworks from "../frameworks/repo.ts";
import { assertCanRead, type Standing, seesAll, standingOf } from "./policy.ts";

/**
 * One agency's yearly dossier (Quảng Nam Art. 6–8; DESIGN §4), the shared reading side: the
 * assessment as each caller may see it, its completeness check, and the one-transaction change
 * the write paths run through. Self-assessment, the review after submission and the cycle-wide
 * views live in the agency-assessment-self, -review and -views modules.
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

export interface Extras {
  selfFiles: Map<string, StoredFile[]>;
  explanationFiles: Map<string, StoredFile[]>;
  explanations: Map<string, repo.ExplanationView>;
}

export async function extrasOf(db: Db, assessmentId: string): Promise<Extras> {
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

export interface Loaded {
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
export async function change(
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

/** A rejected score, reported on its field the way schema validation reports one. */
export const fieldIssue = (path: (string | number)[], message: string) =>
  new AppError("VALIDATION_FAILED", { issues: [{ path, message }] });

/**
 * A score given to one criterion, by the agency, an appraiser or the council: only on a leaf (a
 * parent's score is its children's sum) and never above the criterion's maximum.
 */
export function checkCriterionScore(node: Node, score: number, index: number): void {
  if (node.children.length > 0) {
    throw fieldIssue(["scores", index, "score"], "Tiêu chí có tiêu chí con: điểm là tổng điểm các tiêu chí con.");
  }
  const max = points(node.row.max);
  if (points(String(score)).gt(max)) {
    throw fieldIssue(["scores", index, "score"], `Điểm không vượt quá điểm tối đa ${max.toNumber()}.`);
  }
}
