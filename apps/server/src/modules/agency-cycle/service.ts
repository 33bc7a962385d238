import {
  type AgencyEvaluationDashboard,
  type AgencyNoticeKey,
  type AgencyResultRow,
  agencyLevelNames,
  agencyNoticeText,
  type Cycle,
  type CycleDeadlines,
  type CycleStep,
  type CycleSummary,
  foldVietnamese,
  vietnamDate,
} from "@thuocdo/contract";
import { type ClassifiedLevel, Rational } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, forbidden, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { canAppraiseCriterion, canManage, isAgencySide } from "../agency/policy.ts";
import * as repo from "../agency/repo.ts";
import {
  assertStep,
  type CycleContext,
  columnValue,
  competitionRanks,
  frameworkIssues,
  frameworkRuleSet,
  loadCycle,
  loadFramework,
  points,
  type Step,
  stepIndex,
  stepOrder,
  totalOf,
} from "../agency/service.ts";
import { deadlinesOf } from "../agency-assessment/service.ts";
import { recordChange } from "../audit/service.ts";
import { computeResults } from "../council/service.ts";
import { requireFiles, toStoredFile } from "../files/service.ts";
import { insertNotifications } from "../notifications/repo.ts";
import { requireUnit } from "../org/service.ts";
import { assertCanManage } from "./policy.ts";

/**
 * The yearly cycle of DESIGN §4 (Quảng Nam Art. 6–8): opening it locks the framework and gives
 * each agency its dossier; each step closes by the manager's hand (recorded, never reopened):
 * appraisal closing sends the drafts, the council closing computes the results, the decision
 * opens publication. Reminders go out before each deadline.
 */

const deadlineOfStep: Record<Step, keyof CycleDeadlines | null> = {
  self_assessment: "selfAssessment",
  appraisal: "appraisal",
  explanation: "explanation",
  council: "council",
  decision: null,
  published: null,
};

/** Quảng Nam Art. 6.1, 8.1–8.3: 30/11, 05/12, 10/12, 15/12 of the framework's year. */
export const defaultDeadlines = (year: number): CycleDeadlines => ({
  selfAssessment: `${year}-11-30`,
  appraisal: `${year}-12-05`,
  explanation: `${year}-12-10`,
  council: `${year}-12-15`,
});

function checkDeadlines(d: CycleDeadlines): void {
  const list = [d.selfAssessment, d.appraisal, d.explanation, d.council];
  if (list.some((day, i) => i > 0 && day < list[i - 1]!)) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["deadlines"], message: "Các thời hạn phải theo thứ tự các bước." }],
    });
  }
}

interface Visibility {
  manager: boolean;
  member: boolean;
  agency: boolean;
  appraiser: boolean;
}

function visibilityOf(actor: Actor, ctx: CycleContext, memberOf: readonly string[]): Visibility {
  return {
    manager: canManage(actor, ctx.cycle.ownerPath),
    member: memberOf.includes(ctx.cycle.id),
    agency: ctx.assessments.some((a) => isAgencySide(actor, a.agencyPath)),
    appraiser: ctx.nodes.some((n) => canAppraiseCriterion(actor, n.row.appraiserUnitPath, ctx.cycle.ownerPath)),
  };
}

const canSee = (v: Visibility) => v.manager || v.member || v.agency || v.appraiser;

function summaryOf(c: repo.CycleView): CycleSummary {
  const key = deadlineOfStep[c.step as Step];
  const deadlines = deadlinesOf(c);
  return {
    id: c.id,
    frameworkId: c.frameworkId,
    frameworkName: c.frameworkName,
    groupName: c.groupName,
    year: c.year,
    name: c.name,
    step: c.step as CycleStep,
    deadlines,
    currentDeadline: key ? deadlines[key] : null,
    agencyCount: c.agencyCount,
    submittedCount: c.submittedCount,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    version: c.version,
  };
}

async function cycleDto(db: Db, ctx: CycleContext, v: Visibility): Promise<Cycle> {
  const c = ctx.cycle;
  const [members, decisionFile] = await Promise.all([
    repo.membersOf(db, c.id),
    c.decisionFileId ? repo.findFiles(db, [c.decisionFileId]) : Promise.resolve([]),
  ]);
  return {
    ...summaryOf(c),
    ownerUnitId: c.ownerUnitId,
    ruleSetVersion: c.ruleSetVersion,
    quorum: c.quorum,
    members,
    decision:
      c.decisionNumber && c.decisionDate
        ? {
            number: c.decisionNumber,
            date: c.decisionDate,
            signer: c.decisionSigner,
            file: decisionFile[0] ? toStoredFile(decisionFile[0]) : null,
          }
        : null,
    draftsSentAt: c.draftsSentAt?.toISOString() ?? null,
    councilClosedAt: c.councilClosedAt?.toISOString() ?? null,
    tieBreak: (c.tieBreak as string[] | null) ?? null,
    history: (c.history as { step: CycleStep; closedAt: string; closedByName: string | null }[]) ?? [],
    can: {
      manage: v.manager,
      appraise: v.appraiser && c.step === "appraisal",
      vote: v.member && c.step === "council",
    },
  };
}

export async function listCycles(
  deps: Deps,
  actor: Actor,
  query: {
    year?: number | undefined;
    frameworkId?: string | undefined;
    step?: CycleStep | undefined;
    q?: string | undefined;
    sort?: "year" | "name" | "step" | undefined;
    order?: "asc" | "desc" | undefined;
    page: number;
    pageSize: number;
  },
) {
  const memberOf = await repo.cyclesOfMember(deps.db, actor.userId);
  const rows: CycleSummary[] = [];
  for (const c of await repo.allCycles(deps.db)) {
    if (query.year !== undefined && c.year !== query.year) continue;
    if (query.frameworkId && c.frameworkId !== query.frameworkId) continue;
    if (query.step && c.step !== query.step) continue;
    if (query.q && !foldVietnamese(`${c.name} ${c.groupName}`).includes(foldVietnamese(query.q))) continue;
    const ctx = await loadCycle(deps.db, c.id);
    if (canSee(visibilityOf(actor, ctx, memberOf))) rows.push(summaryOf(c));
  }
  const dir = query.order === "desc" ? -1 : 1;
  const sort = query.sort ?? "year";
  rows.sort((a, b) => {
    const by =
      sort === "step"
        ? stepIndex(a.step) - stepIndex(b.step)
        : sort === "name"
          ? a.name.localeCompare(b.name, "vi")
          : a.year - b.year || a.name.localeCompare(b.name, "vi");
    return by * dir;
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadVisible(db: Db, actor: Actor, id: string) {
  const ctx = await loadCycle(db, id);
  const v = visibilityOf(actor, ctx, await repo.cyclesOfMember(db, actor.userId));
  if (!canSee(v)) throw forbidden("out_of_scope");
  return { ctx, v };
}

export async function getCycle(deps: Deps, actor: Actor, id: string): Promise<Cycle> {
  const { ctx, v } = await loadVisible(deps.db, actor, id);
  return cycleDto(deps.db, ctx, v);
}

export async function createCycle(
  deps: Deps,
  actor: Actor,
  body: {
    frameworkId: string;
    name: string | null;
    deadlines?: Partial<CycleDeadlines> | undefined;
    quorum?: number | null | undefined;
  },
): Promise<Cycle> {
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const framework = await loadFramework(tx, body.frameworkId);
    const { fw } = framework;
    const owner = await requireUnit(tx, fw.ownerUnitId);
    assertCanManage(actor, owner.path);
    if (fw.isTemplate) {
      throw new AppError("VALIDATION_FAILED", {
        issues: [{ path: ["frameworkId"], message: "Bộ tiêu chí mẫu chỉ để sao chép; hãy tạo bộ tiêu chí từ mẫu." }],
      });
    }
    const { ruleSet } = frameworkRuleSet(fw);
    const issues = frameworkIssues(ruleSet, framework.roots, framework.agencies.length);
    if (issues.length > 0) throw new AppError("FRAMEWORK_INVALID", { issues });
    const deadlines = { ...defaultDeadlines(fw.year), ...body.deadlines };
    checkDeadlines(deadlines);
    await repo.insertCycle(tx, {
      id,
      frameworkId: fw.id,
      year: fw.year,
      name: body.name ?? `Đánh giá, xếp loại ${fw.groupName} năm ${fw.year}`,
      selfAssessmentDue: deadlines.selfAssessment,
      appraisalDue: deadlines.appraisal,
      explanationDue: deadlines.explanation,
      councilDue: deadlines.council,
      quorum: body.quorum ?? null,
      ruleSetVersion: ruleSet.id,
      ownerUnitId: owner.id,
      createdBy: actor.userId,
    });
    await repo.insertAssessments(
      tx,
      framework.agencies.map((a) => ({ id: newId(), cycleId: id, agencyId: a.id })),
    );
    await repo.markFrameworkInUse(tx, fw.id);
    await recordChange(tx, actor, {
      entity: "agency_cycle",
      entityId: id,
      unitPath: owner.path,
      action: "create",
      after: { frameworkId: fw.id, deadlines, agencies: framework.agencies.length, ruleSetVersion: ruleSet.id },
    });
  });
  return getCycle(deps, actor, id);
}

export async function updateCycle(
  deps: Deps,
  actor: Actor,
  id: string,
  body: {
    version: number;
    name?: string | undefined;
    deadlines?: Partial<CycleDeadlines> | undefined;
    quorum?: number | null | undefined;
  },
): Promise<Cycle> {
  await deps.db.transaction(async (tx) => {
    const cycle = await repo.lockCycle(tx, id);
    const view = await repo.findCycle(tx, id);
    if (!cycle || !view) throw notFound("agency_cycle", id);
    assertCanManage(actor, view.ownerPath);
    if (cycle.version !== body.version) throw conflict(cycle.version);
    const current = deadlinesOf(cycle);
    const next = { ...current, ...body.deadlines };
    checkDeadlines(next);
    // A closed step's deadline is history: it cannot move.
    for (const step of stepOrder.slice(0, stepIndex(cycle.step))) {
      const key = deadlineOfStep[step];
      if (key && next[key] !== current[key]) throw new AppError("STEP_LOCKED", { step, deadline: key });
    }
    if (body.quorum !== undefined && stepIndex(cycle.step) > stepIndex("council")) {
      throw new AppError("STEP_LOCKED", { step: cycle.step, field: "quorum" });
    }
    const patch = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      selfAssessmentDue: next.selfAssessment,
      appraisalDue: next.appraisal,
      explanationDue: next.explanation,
      councilDue: next.council,
      ...(body.quorum !== undefined ? { quorum: body.quorum } : {}),
    };
    await repo.updateCycle(tx, id, body.version, patch, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_cycle",
      entityId: id,
      unitPath: view.ownerPath,
      action: "update",
      before: { name: cycle.name, deadlines: current, quorum: cycle.quorum },
      after: patch,
    });
  });
  return getCycle(deps, actor, id);
}

/* ───────── Notices ───────── */

const ddmmyyyy = (iso: string) => iso.split("-").reverse().join("/");
const cycleLink = (id: string) => `/co-quan/dot-danh-gia/${id}`;

async function notify(
  tx: Db,
  userIds: Iterable<string>,
  key: AgencyNoticeKey,
  params: Record<string, string | number>,
  link: string,
  dedupeKey: string | null,
  kind: "reminder" | "classification_published" = "reminder",
): Promise<number> {
  return insertNotifications(
    tx,
    [...new Set(userIds)].map((userId) => ({
      id: newId(),
      userId,
      kind,
      title: agencyNoticeText(key, params),
      body: null,
      link,
      dedupeKey,
    })),
  );
}

/** Accounts acting for the agency itself (its hr and head), not those above it. */
async function agencyUsers(tx: Db, agencyPath: string): Promise<string[]> {
  return (await repo.grantHoldersIn(tx, ["hr", "head"], agencyPath)).map((h) => h.userId);
}

/* ───────── Steps ───────── */

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

/* ───────── Results ───────── */

export async function resultRows(db: Db, ctx: CycleContext): Promise<AgencyResultRow[]> {
  const results = await repo.resultsOf(db, [ctx.cycle.id]);
  const heads = new Map(
    (
      await repo.headsOf(
        db,
        ctx.assessments.map((a) => a.agencyId),
      )
    ).map((h) => [h.agencyId, h.fullName]),
  );
  return ctx.assessments
    .flatMap((a) => {
      const r = results.find((x) => x.assessmentId === a.id);
      if (!r) return [];
      return [
        {
          assessmentId: a.id,
          agencyId: a.agencyId,
          agencyName: a.agencyName,
          agencyCode: a.agencyCode,
          score: points(r.score).toNumber(),
          computedLevel: r.computedLevel as ClassifiedLevel | null,
          votedLevel: r.votedLevel as ClassifiedLevel | null,
          quotaOutcome: r.quotaOutcome as AgencyResultRow["quotaOutcome"],
          level: r.level as ClassifiedLevel | null,
          rank: r.rank,
          flags: r.flags as string[],
          headFlagged: r.headFlagged,
          headName: heads.get(a.agencyId) ?? null,
        },
      ];
    })
    .sort((x, y) => x.rank - y.rank || x.agencyName.localeCompare(y.agencyName, "vi"));
}

/**
 * Results of a cycle: the manager and the council see them once computed; after publication
 * everyone in the cycle sees the group; before it, an agency sees only its own row.
 */
export async function cycleResults(deps: Deps, actor: Actor, id: string) {
  const { ctx, v } = await loadVisible(deps.db, actor, id);
  const all = await resultRows(deps.db, ctx);
  const published = Boolean(ctx.cycle.publishedAt);
  const results =
    v.manager || v.member || published
      ? all
      : all.filter((r) => isAgencySide(actor, ctx.assessments.find((a) => a.id === r.assessmentId)!.agencyPath));
  return {
    cycleId: id,
    groupName: ctx.cycle.groupName,
    step: ctx.cycle.step as CycleStep,
    quota: v.manager || v.member || published ? (ctx.cycle.quotaResult ?? null) : null,
    results,
  };
}

/** The public page (công khai): published results only, no login. */
export async function publicResults(
  deps: Deps,
  query: { year?: number | undefined; q?: string | undefined; page: number; pageSize: number },
) {
  const rows = [];
  for (const c of await repo.publishedCycles(deps.db, query.year)) {
    const ctx = await loadCycle(deps.db, c.id);
    for (const r of await resultRows(deps.db, ctx)) {
      if (query.q && !foldVietnamese(r.agencyName).includes(foldVietnamese(query.q))) continue;
      rows.push({
        cycleId: c.id,
        year: c.year,
        cycleName: c.name,
        groupName: c.groupName,
        decisionNumber: c.decisionNumber,
        decisionDate: c.decisionDate,
        publishedAt: c.publishedAt!.toISOString(),
        agencyName: r.agencyName,
        score: r.score,
        level: r.level,
        rank: r.rank,
      });
    }
  }
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/* ───────── Dashboard ───────── */

/** Agencies side by side, and the criteria that lose most points across the province (final column). */
export async function dashboard(
  deps: Deps,
  actor: Actor,
  query: { year: number; cycleId?: string | undefined },
): Promise<AgencyEvaluationDashboard> {
  const memberOf = await repo.cyclesOfMember(deps.db, actor.userId);
  const out: AgencyEvaluationDashboard = {
    year: query.year,
    agencies: [],
    criteria: [],
    levels: { excellent: 0, good: 0, completed: 0, not_completed: 0 },
  };
  for (const c of await repo.allCycles(deps.db)) {
    if (c.year !== query.year || (query.cycleId && c.id !== query.cycleId)) continue;
    const ctx = await loadCycle(deps.db, c.id);
    const v = visibilityOf(actor, ctx, memberOf);
    if (!v.manager && !v.member) continue;
    const results = await repo.resultsOf(deps.db, [c.id]);
    for (const a of ctx.assessments) {
      const level = (results.find((r) => r.assessmentId === a.id)?.level as ClassifiedLevel | null) ?? null;
      if (level) out.levels[level]++;
      out.agencies.push({
        cycleId: c.id,
        groupName: c.groupName,
        agencyId: a.agencyId,
        agencyName: a.agencyName,
        selfScore: totalOf(ctx, a, "self").dto.score,
        appraisedScore: totalOf(ctx, a, "appraised").dto.score,
        finalScore: totalOf(ctx, a, "final").dto.score,
        level,
      });
    }
    for (const node of ctx.nodes) {
      if (node.children.length > 0 || node.row.kind !== "scored") continue;
      const max = points(node.row.max);
      const scores = ctx.assessments.flatMap((a) => {
        const value = columnValue(ctx.cells.get(a.id)?.get(node.row.id), "final");
        return value.notApplicable ? [] : [value.score ?? Rational.ZERO];
      });
      if (scores.length === 0) continue;
      const sum = Rational.sum(scores);
      const lost = max.mul(Rational.of(scores.length)).sub(sum);
      const possible = max.mul(Rational.of(scores.length));
      out.criteria.push({
        cycleId: c.id,
        criterionId: node.row.id,
        code: node.row.code,
        name: node.row.name,
        max: max.toNumber(),
        applicable: scores.length,
        averageScore: sum.div(Rational.of(scores.length)).toNumber(),
        pointsLost: lost.toNumber(),
        lossRate: possible.isZero() ? 0 : lost.div(possible).toNumber(),
      });
    }
  }
  out.criteria.sort((a, b) => b.pointsLost - a.pointsLost || b.lossRate - a.lossRate);
  return out;
}

/* ───────── Reminders ───────── */

/** Days from `from` to `to` (ISO days). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Reminder windows before a deadline, in days; each sends once (the nearest applicable). */
const REMINDER_WINDOWS = [3, 1] as const;

/**
 * Reminders before each step's deadline (DESIGN §4): agencies that have not submitted, appraisers
 * with criteria still to score, agencies during explanations, council members with votes to
 * cast. Idempotent through `notifications.dedupe_key` (cycle, step, deadline, window), so running
 * it every 15 minutes sends each reminder once. Returns how many notices were new.
 */
export async function sendAgencyReminders(deps: Deps): Promise<number> {
  const today = vietnamDate(deps.now());
  let sent = 0;
  for (const c of await repo.allCycles(deps.db)) {
    const key = deadlineOfStep[c.step as Step];
    if (!key) continue;
    const due = deadlinesOf(c)[key];
    const left = daysBetween(today, due);
    if (left < 0) continue;
    const window = [...REMINDER_WINDOWS].sort((a, b) => a - b).find((w) => left <= w);
    if (window === undefined) continue;
    const dedupe = `agency:${c.id}:${c.step}:${due}:${window}`;
    const params = { cycle: c.name, due: ddmmyyyy(due) };
    const link = cycleLink(c.id);
    sent += await deps.db.transaction(async (tx) => {
      const ctx = await loadCycle(tx, c.id);
      let n = 0;
      if (c.step === "self_assessment" || c.step === "explanation") {
        const agencies = ctx.assessments.filter((a) => c.step === "explanation" || a.status === "draft");
        const users: string[] = [];
        for (const a of agencies) users.push(...(await agencyUsers(tx, a.agencyPath)));
        n += await notify(
          tx,
          users,
          c.step === "explanation" ? "reminder_explanation" : "reminder_self_assessment",
          params,
          link,
          dedupe,
        );
      } else if (c.step === "appraisal") {
        const pending = new Map<string | null, { path: string | null; count: number }>();
        for (const node of ctx.nodes) {
          if (node.children.length > 0 && node.row.kind === "scored") continue;
          for (const a of ctx.assessments) {
            const cell = ctx.cells.get(a.id)?.get(node.row.id);
            if (cell?.appraisedAt || columnValue(cell, "self").notApplicable) continue;
            const entry = pending.get(node.row.appraiserUnitId) ?? { path: node.row.appraiserUnitPath, count: 0 };
            entry.count++;
            pending.set(node.row.appraiserUnitId, entry);
          }
        }
        for (const { path, count } of pending.values()) {
          const users = path
            ? await repo.grantHoldersCovering(tx, ["appraiser"], path)
            : await repo.grantHoldersCovering(tx, ["hr"], ctx.cycle.ownerPath);
          n += await notify(
            tx,
            users.map((u) => u.userId),
            "reminder_appraisal",
            { ...params, count },
            link,
            dedupe,
          );
        }
      } else if (c.step === "council") {
        const members = await repo.membersOf(tx, c.id);
        const votes = await repo.votesOf(tx, c.id);
        const owing = members.filter((m) => votes.filter((v) => v.userId === m.userId).length < ctx.assessments.length);
        n += await notify(
          tx,
          owing.map((m) => m.userId),
          "reminder_council",
          params,
          link,
          dedupe,
        );
      }
      return n;
    });
  }
  return sent;
}

/** Runs `sendAgencyReminders` now and every `everyMs`; the timer never keeps the process alive. */
export function startAgencyReminderTimer(deps: Deps, onError: (error: unknown) => void, everyMs = 15 * 60 * 1000) {
  const run = () => {
    sendAgencyReminders(deps).catch(onError);
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
