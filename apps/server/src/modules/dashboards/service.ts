import {
  type AgencyYearDashboard,
  type ClassificationStatus,
  type ProvinceYearDashboard,
  type provinceYearDashboardQuery,
  vietnamDate,
} from "@thuocdo/contract";
import { averageScores, Rational } from "@thuocdo/core";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, covers, scopePaths } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";
import * as classificationRepo from "../classification/repo.ts";
import { boardOf } from "../classification/service.ts";
import { requireUnit } from "../org/service.ts";
import { settleScores } from "../scoring-settle/service.ts";
import { type Board, computeBoard } from "../yearboard/service.ts";
import { assertAgencyDashboard, PROVINCE_DASHBOARD } from "./policy.ts";
import * as repo from "./repo.ts";

/**
 * Dashboards (issue #5): figures for charts the browser draws. Levels and averages come from the
 * live classification or the active decision (both the core's); monthly means are the core's
 * `averageScores` over the stored period scores.
 */

const CONFIRMED = new Set(["confirmed", "head_confirmed"]);
const round2 = (value: Rational | null) => (value ? Number(value.toFixed(2)) : null);
const scoreOf = (total: string) => Rational.from(Number(total));
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Every evaluation of an agency's year (trend, late reviews, exports), leaders' d settled first. */
export async function yearEvaluations(db: Db, agencyId: string, year: number) {
  await settleScores(db, { year, agencyIds: [agencyId] });
  return repo.evaluationsOfYear(db, agencyId, year);
}

/** The agency's board for a year: the classification's when hr has opened it, else a preview. */
export async function agencyBoard(deps: Deps, agency: { id: string; name: string; path: string }, year: number) {
  const view = await classificationRepo.findByAgencyYear(deps.db, agency.id, year);
  const board = view
    ? await boardOf(deps.db, view)
    : await computeBoard(deps.db, {
        agencyId: agency.id,
        agencyName: agency.name,
        agencyPath: agency.path,
        year,
        classification: null,
      });
  return { view: view ?? null, board };
}

function countLevels(levels: (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const level of levels) counts[level ?? "pending"] = (counts[level ?? "pending"] ?? 0) + 1;
  return counts;
}

function divisions(board: Board): AgencyYearDashboard["divisions"] {
  const byUnit = new Map<string, Board["rows"]>();
  for (const row of board.rows) byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row]);
  return [...byUnit.values()].map((rows) => ({
    unitId: rows[0]!.unitId,
    unitName: rows[0]!.unitName,
    people: rows.length,
    average: round2(averageScores(rows.flatMap((r) => (r.exactAverage ? [r.exactAverage] : [])))),
    distribution: countLevels(rows.map((r) => r.proposedLevel)),
  }));
}

export async function agencyDashboard(
  deps: Deps,
  actor: Actor,
  query: { agencyId: string; year: number },
): Promise<AgencyYearDashboard> {
  const agency = await requireUnit(deps.db, query.agencyId);
  assertAgencyDashboard(actor, agency.path);
  const [{ view, board }, evaluations] = await Promise.all([
    agencyBoard(deps, agency, query.year),
    yearEvaluations(deps.db, agency.id, query.year),
  ]);
  const today = vietnamDate(deps.now());
  const trend = Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const rows = evaluations.filter((e) => (e.kind === "quarter" ? e.number * 3 : e.number) === month);
    const confirmed = rows.filter((e) => CONFIRMED.has(e.status) && e.total !== null);
    return {
      month,
      confirmed: confirmed.length,
      expected: rows.length,
      average: round2(averageScores(confirmed.map((e) => scoreOf(e.total!)))),
    };
  });
  const lateReviews = evaluations
    .flatMap((e) => {
      const confirmedOn = e.confirmedAt ? vietnamDate(e.confirmedAt) : null;
      const end = CONFIRMED.has(e.status) ? confirmedOn : today;
      if (!end || end <= e.reviewDue) return [];
      return [
        {
          periodId: e.periodId,
          month: e.kind === "quarter" ? e.number * 3 : e.number,
          personId: e.personId,
          fullName: e.fullName,
          unitName: e.unitName,
          status: e.status,
          reviewDue: e.reviewDue,
          confirmedAt: e.confirmedAt?.toISOString() ?? null,
          daysLate: daysBetween(e.reviewDue, end),
        },
      ];
    })
    .sort((a, b) => b.daysLate - a.daysLate)
    .slice(0, 200);
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    year: query.year,
    classificationId: view?.classification.id ?? null,
    classificationStatus: (view?.classification.status ?? null) as ClassificationStatus | null,
    distribution: board.counts,
    people: board.rows.length,
    trend,
    divisions: divisions(board),
    lateReviews,
  };
}

type ProvinceRow = ProvinceYearDashboard["rows"][number];

/**
 * Every agency in the reader's scope on one page: decided levels where a decision is active,
 * else the live classification once hr has opened it; agencies not opened show their headcount.
 */
export async function provinceRows(deps: Deps, paths: string[], year: number): Promise<ProvinceRow[]> {
  const agencies = await repo.agenciesUnder(deps.db, paths);
  const [decided, heads] = await Promise.all([
    classificationRepo.activeResultsUnder(deps.db, paths, year),
    repo.headcounts(
      deps.db,
      agencies.map((a) => a.id),
    ),
  ]);
  const rows: ProvinceRow[] = [];
  for (const agency of agencies) {
    const view = await classificationRepo.findByAgencyYear(deps.db, agency.id, year);
    const status = (view?.classification.status ?? "not_opened") as ProvinceRow["status"];
    const results = decided.filter((r) => r.agencyId === agency.id);
    let levels: (string | null)[] = [];
    let averages: Rational[] = [];
    let source: ProvinceRow["source"] = "live";
    if (results.length > 0) {
      source = "decision";
      levels = results.map((r) => r.level);
      averages = results.flatMap((r) => (r.average ? [scoreOf(r.average)] : []));
    } else if (view) {
      const board = await boardOf(deps.db, view);
      levels = board.rows.map((r) => r.proposedLevel);
      averages = board.rows.flatMap((r) => (r.exactAverage ? [r.exactAverage] : []));
    }
    const distribution = countLevels(levels);
    const good = distribution.good ?? 0;
    rows.push({
      agencyId: agency.id,
      agencyName: agency.name,
      agencyKind: agency.kind,
      people: results.length > 0 ? results.length : (heads.get(agency.id) ?? 0),
      classified: levels.filter((l) => l && l !== "unclassified").length,
      average: round2(averageScores(averages)),
      distribution: levels.length > 0 ? distribution : {},
      excellentShare: good > 0 ? (distribution.excellent ?? 0) / good : null,
      status,
      source,
    });
  }
  return rows;
}

const statusOrder = ["not_opened", "open", "proposed", "decided", "published"];

export async function provinceDashboard(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof provinceYearDashboardQuery>,
): Promise<ProvinceYearDashboard> {
  let paths = scopePaths(actor, PROVINCE_DASHBOARD);
  if (query.unitId) {
    const unit = await requireUnit(deps.db, query.unitId);
    if (!covers(actor, PROVINCE_DASHBOARD, unit.path)) throw forbidden("out_of_scope");
    paths = [unit.path];
  }
  const rows = await provinceRows(deps, paths, query.year);
  const sign = query.order === "desc" ? -1 : 1;
  const key = query.sort ?? "agencyName";
  const value = (r: ProvinceRow): number | string =>
    key === "status" ? statusOrder.indexOf(r.status) : key === "agencyName" ? r.agencyName : (r[key] ?? -1);
  rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return sign * (typeof x === "number" ? x - (y as number) : x.localeCompare(y as string, "vi"));
  });
  const totals = { people: 0, distribution: {} as Record<string, number> };
  for (const r of rows) {
    totals.people += r.people;
    for (const [level, n] of Object.entries(r.distribution))
      totals.distribution[level] = (totals.distribution[level] ?? 0) + n;
  }
  return { year: query.year, rows, totals };
}
