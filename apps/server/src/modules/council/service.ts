import type { CouncilBoard, councilRowSchema } from "@thuocdo/contract";
import { type ClassifiedLevel, classifiedLevels, type Level, toPlain } from "@thuocdo/core";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import * as repo from "../agency/repo.ts";
import {
  assertStep,
  type CycleContext,
  competitionRanks,
  groupQuota,
  loadCycle,
  stepIndex,
  totalOf,
} from "../agency/service.ts";
import { recordChange } from "../audit/service.ts";
import { assertCanManage, assertCanSeeBoard, assertMember } from "./policy.ts";

type CouncilRow = z.infer<typeof councilRowSchema>;
type Tally = Record<ClassifiedLevel, number>;

/** Members needed present: the cycle's quorum, or more than half of the members. */
export const quorumOf = (cycle: { quorum: number | null }, memberCount: number): number =>
  cycle.quorum ?? Math.floor(memberCount / 2) + 1;

/**
 * The level more than half of the members present voted for (Quảng Nam Art. 8.3: the council
 * votes; DESIGN §4). Votes of members marked absent do not count; no majority → null.
 */
export function majorityOf(
  votes: readonly { userId: string; level: string }[],
  present: ReadonlySet<string>,
): { tally: Tally; level: ClassifiedLevel | null } {
  const tally: Tally = { excellent: 0, good: 0, completed: 0, not_completed: 0 };
  for (const v of votes) if (present.has(v.userId)) tally[v.level as ClassifiedLevel]++;
  const level = classifiedLevels.find((l) => tally[l] * 2 > present.size) ?? null;
  return { tally, level };
}

async function isMember(db: Db, actor: Actor, cycleId: string): Promise<boolean> {
  return (await repo.cyclesOfMember(db, actor.userId)).includes(cycleId);
}

function rowsOf(
  ctx: CycleContext,
  votes: repo.VoteView[],
  present: Set<string>,
  explained: Set<string>,
  actor: Actor,
): CouncilRow[] {
  return ctx.assessments.map((a) => {
    const mine = votes.filter((v) => v.assessmentId === a.id);
    const final = totalOf(ctx, a, "final");
    const { tally, level } = majorityOf(mine, present);
    return {
      assessmentId: a.id,
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      selfScore: totalOf(ctx, a, "self").dto.score,
      appraisedScore: totalOf(ctx, a, "appraised").dto.score,
      finalScore: final.dto.score,
      computedLevel: final.level,
      proposedLevel: a.proposedLevel as ClassifiedLevel | null,
      flags: final.flags,
      hasExplanations: explained.has(a.id),
      tally,
      ballots: mine.map((v) => ({
        userId: v.userId,
        displayName: v.displayName,
        level: v.level as ClassifiedLevel,
        at: v.at.toISOString(),
      })),
      myVote: (mine.find((v) => v.userId === actor.userId)?.level as ClassifiedLevel | undefined) ?? null,
      majorityLevel: level,
    };
  });
}

async function boardOf(db: Db, actor: Actor, ctx: CycleContext): Promise<CouncilBoard> {
  const [members, votes, explanations] = await Promise.all([
    repo.membersOf(db, ctx.cycle.id),
    repo.votesOf(db, ctx.cycle.id),
    repo.explanationsOf(
      db,
      ctx.assessments.map((a) => a.id),
    ),
  ]);
  const present = new Set(members.filter((m) => m.present).map((m) => m.userId));
  const quorum = quorumOf(ctx.cycle, members.length);
  return {
    cycleId: ctx.cycle.id,
    step: ctx.cycle.step as CouncilBoard["step"],
    members,
    quorum,
    presentCount: present.size,
    quorumMet: members.length > 0 && present.size >= quorum,
    rows: rowsOf(ctx, votes, present, new Set(explanations.map((e) => e.assessmentId)), actor),
  };
}

export async function board(deps: Deps, actor: Actor, cycleId: string): Promise<CouncilBoard> {
  const ctx = await loadCycle(deps.db, cycleId);
  assertCanSeeBoard(actor, ctx.cycle.ownerPath, await isMember(deps.db, actor, cycleId));
  return boardOf(deps.db, actor, ctx);
}

/** Holders of the council role in the owner's subtree: who may be named a member. */
export async function candidates(deps: Deps, actor: Actor, cycleId: string) {
  const cycle = await repo.findCycle(deps.db, cycleId);
  if (!cycle) throw notFound("agency_cycle", cycleId);
  assertCanManage(actor, cycle.ownerPath);
  const holders = await repo.grantHoldersIn(deps.db, ["council"], cycle.ownerPath);
  const seen = new Set<string>();
  return holders
    .filter((h) => !seen.has(h.userId) && seen.add(h.userId))
    .map((h) => ({ userId: h.userId, displayName: h.displayName, unitName: h.unitName }));
}

export async function setMembers(
  deps: Deps,
  actor: Actor,
  cycleId: string,
  body: { version: number; members: { userId: string; present: boolean }[] },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const cycle = await repo.lockCycle(tx, cycleId);
    const view = await repo.findCycle(tx, cycleId);
    if (!cycle || !view) throw notFound("agency_cycle", cycleId);
    assertCanManage(actor, view.ownerPath);
    if (stepIndex(cycle.step) > stepIndex("council")) throw new AppError("STEP_LOCKED", { step: cycle.step });
    if (cycle.version !== body.version) throw conflict(cycle.version);
    const allowed = new Set((await repo.grantHoldersIn(tx, ["council"], view.ownerPath)).map((h) => h.userId));
    const bad = body.members.filter((m) => !allowed.has(m.userId));
    if (bad.length > 0) {
      throw new AppError("VALIDATION_FAILED", {
        issues: bad.map((m) => ({
          path: ["members"],
          message: `Người dùng ${m.userId} không có vai trò Hội đồng thẩm định.`,
        })),
      });
    }
    const before = await repo.membersOf(tx, cycleId);
    const unique = [...new Map(body.members.map((m) => [m.userId, m])).values()];
    await repo.replaceMembers(tx, cycleId, unique);
    await repo.updateCycle(tx, cycleId, null, {}, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_cycle",
      entityId: cycleId,
      unitPath: view.ownerPath,
      action: "council_members",
      before,
      after: unique,
    });
  });
}

export async function castVote(
  deps: Deps,
  actor: Actor,
  assessmentId: string,
  level: ClassifiedLevel,
): Promise<CouncilRow> {
  const row = await repo.findAssessment(deps.db, assessmentId);
  if (!row) throw notFound("agency_assessment", assessmentId);
  await deps.db.transaction(async (tx) => {
    const cycle = await repo.lockCycle(tx, row.cycleId);
    if (!cycle) throw notFound("agency_cycle", row.cycleId);
    assertMember(await isMember(tx, actor, row.cycleId));
    assertStep(cycle, "council");
    const before = (await repo.votesOf(tx, cycle.id)).find(
      (v) => v.assessmentId === assessmentId && v.userId === actor.userId,
    );
    await repo.upsertVote(tx, { cycleId: cycle.id, assessmentId, userId: actor.userId, level, at: deps.now() });
    await recordChange(tx, actor, {
      entity: "agency_vote",
      entityId: assessmentId,
      unitPath: row.agencyPath,
      action: before ? "change_vote" : "vote",
      before: before ? { level: before.level } : null,
      after: { level },
    });
  });
  const ctx = await loadCycle(deps.db, row.cycleId);
  const result = await boardOf(deps.db, actor, ctx);
  return result.rows.find((r) => r.assessmentId === assessmentId)!;
}

export async function setTieBreak(
  deps: Deps,
  actor: Actor,
  cycleId: string,
  body: { version: number; order: string[] },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const cycle = await repo.lockCycle(tx, cycleId);
    const view = await repo.findCycle(tx, cycleId);
    if (!cycle || !view) throw notFound("agency_cycle", cycleId);
    assertCanManage(actor, view.ownerPath);
    assertStep(cycle, "council");
    if (cycle.version !== body.version) throw conflict(cycle.version);
    await repo.updateCycle(tx, cycleId, body.version, { tieBreak: body.order }, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_cycle",
      entityId: cycleId,
      unitPath: view.ownerPath,
      action: "tie_break",
      before: cycle.tieBreak,
      after: body.order,
    });
  });
}

/**
 * Closes the council: needs the quorum present and a majority level for every agency; then the
 * excellent quota of the group (core `applyQuota` over the voted levels and final scores, rule 15),
 * ranks, and the Art. 9 flag on the heads of agencies not completed. Writes the results.
 */
export async function computeResults(tx: Db, ctx: CycleContext, at: Date): Promise<repo.ResultRow[]> {
  const members = await repo.membersOf(tx, ctx.cycle.id);
  const votes = await repo.votesOf(tx, ctx.cycle.id);
  const present = new Set(members.filter((m) => m.present).map((m) => m.userId));
  const quorum = quorumOf(ctx.cycle, members.length);
  const voted = new Map(
    ctx.assessments.map((a) => [
      a.id,
      majorityOf(
        votes.filter((v) => v.assessmentId === a.id),
        present,
      ).level,
    ]),
  );
  const undecided = ctx.assessments.filter((a) => voted.get(a.id) === null).map((a) => a.agencyId);
  if (members.length === 0 || present.size < quorum || undecided.length > 0) {
    throw new AppError("COUNCIL_UNDECIDED", { quorum, present: present.size, undecided, ties: [] });
  }
  const finals = new Map(ctx.assessments.map((a) => [a.id, totalOf(ctx, a, "final")]));
  const people = ctx.assessments.map((a) => ({
    id: a.agencyId,
    score: finals.get(a.id)!.score,
    level: voted.get(a.id) as Level,
  }));
  const quota = groupQuota(ctx.ruleSet, ctx.framework.fw, people, (ctx.cycle.tieBreak as string[] | null) ?? null);
  if (!quota.ok)
    throw new AppError("COUNCIL_UNDECIDED", { quorum, present: present.size, undecided: [], ties: quota.error });
  const q = quota.value;
  const pending = q.ties.filter((id) => q.levels[id] === null);
  if (pending.length > 0) {
    throw new AppError("COUNCIL_UNDECIDED", { quorum, present: present.size, undecided: [], ties: pending });
  }
  const ranks = competitionRanks(ctx.assessments.map((a) => ({ id: a.id, score: finals.get(a.id)!.score })));
  const outcomes = new Map(q.explanation.candidates.map((c) => [c.id, c.outcome]));
  const rows = ctx.assessments.map((a) => {
    const final = finals.get(a.id)!;
    const level = q.levels[a.agencyId] as ClassifiedLevel;
    const flags = [...final.flags];
    if (voted.get(a.id) !== final.level) flags.push("council_differs");
    if (q.cut.includes(a.agencyId)) flags.push("quota_cut");
    return {
      assessmentId: a.id,
      cycleId: ctx.cycle.id,
      agencyId: a.agencyId,
      score: final.score.toFixed(6),
      computedLevel: final.level,
      votedLevel: voted.get(a.id)!,
      quotaOutcome: outcomes.get(a.agencyId) ?? null,
      level,
      rank: ranks.get(a.id)!,
      flags,
      coreResult: final.result ? toPlain(final.result) : final.dto.explanation,
      headFlagged: level === "not_completed",
      ruleSetVersion: ctx.ruleSet.id,
      computedAt: at,
    };
  });
  await repo.replaceResults(tx, ctx.cycle.id, rows);
  await repo.updateCycle(tx, ctx.cycle.id, null, { quotaResult: toPlain(q.explanation), councilClosedAt: at }, at);
  return repo.resultsOf(tx, [ctx.cycle.id]);
}
