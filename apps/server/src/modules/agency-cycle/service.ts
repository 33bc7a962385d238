import {
  type AgencyNoticeKey,
  agencyNoticeText,
  type Cycle,
  type CycleDeadlines,
  type CycleStep,
  type CycleSummary,
  foldVietnamese,
} from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { canAppraiseCriterion, canManage, isAgencySide } from "../agency/policy.ts";
import * as repo from "../agency/repo.ts";
import { type CycleContext, loadCycle, type Step, stepIndex } from "../agency/service.ts";
import { deadlinesOf } from "../agency-assessment/service.ts";
import { toStoredFile } from "../files/service.ts";
import { insertNotifications } from "../notifications/repo.ts";

/**
 * The yearly cycle of DESIGN §4 (Quảng Nam Art. 6–8): opening it locks the framework and gives
 * each agency its dossier; each step closes by the manager's hand (recorded, never reopened):
 * appraisal closing sends the drafts, the council closing computes the results, the decision
 * opens publication. Reminders go out before each deadline.
 */

export const deadlineOfStep: Record<Step, keyof CycleDeadlines | null> = {
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

export interface Visibility {
  manager: boolean;
  member: boolean;
  agency: boolean;
  appraiser: boolean;
}

export function visibilityOf(actor: Actor, ctx: CycleContext, memberOf: readonly string[]): Visibility {
  return {
    manager: canManage(actor, ctx.cycle.ownerPath),
    member: memberOf.includes(ctx.cycle.id),
    agency: ctx.assessments.some((a) => isAgencySide(actor, a.agencyPath)),
    appraiser: ctx.nodes.some((n) => canAppraiseCriterion(actor, n.row.appraiserUnitPath, ctx.cycle.ownerPath)),
  };
}

export const canSee = (v: Visibility) => v.manager || v.member || v.agency || v.appraiser;

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

export async function loadVisible(db: Db, actor: Actor, id: string) {
  const ctx = await loadCycle(db, id);
  const v = visibilityOf(actor, ctx, await repo.cyclesOfMember(db, actor.userId));
  if (!canSee(v)) throw forbidden("out_of_scope");
  return { ctx, v };
}

export async function getCycle(deps: Deps, actor: Actor, id: string): Promise<Cycle> {
  const { ctx, v } = await loadVisible(deps.db, actor, id);
  return cycleDto(deps.db, ctx, v);
}

/* ───────── Notices (shared by the steps and the reminders) ───────── */

export const ddmmyyyy = (iso: string) => iso.split("-").reverse().join("/");
export const cycleLink = (id: string) => `/co-quan/dot-danh-gia/${id}`;

export async function notify(
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
export async function agencyUsers(tx: Db, agencyPath: string): Promise<string[]> {
  return (await repo.grantHoldersIn(tx, ["hr", "head"], agencyPath)).map((h) => h.userId);
}
