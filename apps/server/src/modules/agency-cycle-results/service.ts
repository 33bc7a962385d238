import {
  type AgencyEvaluationDashboard,
  type AgencyResultRow,
  type CycleStep,
  foldVietnamese,
} from "@thuocdo/contract";
import { type ClassifiedLevel, Rational } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { isAgencySide } from "../agency/policy.ts";
import * as repo from "../agency/repo.ts";
import { type CycleContext, columnValue, loadCycle, points, totalOf } from "../agency/service.ts";
import { loadVisible, visibilityOf } from "../agency-cycle/service.ts";

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
