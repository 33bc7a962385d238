import { type AssignmentSourceCode, type EvaluationStatus, type Score, vietnamDate } from "@thuocdo/contract";
import { type LeaderRole, type PeriodResult, type Plain, toPlain } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { notFound } from "../../http/app-error.ts";
import { pathIds } from "../../lib/org-path.ts";
import type { DivisionSummaryData, DivisionSummaryRow } from "../../reports/division-xlsx.ts";
import { periodLabel, placeName } from "../../reports/format.ts";
import type { Mau01Data, Mau01Line, Mau01Result } from "../../reports/mau01-content.ts";
import { explainedScore, scoreOf } from "../scoring/service.ts";
import { settleEvaluation, settleScores } from "../scoring-settle/service.ts";
import { assertCanPrintMau01, assertCanReadSummary } from "./policy.ts";
import * as repo from "./repo.ts";

/**
 * Official outputs read the stored evaluations — the core's results as the scoring module saved
 * them — and only lay them out: no score here is computed a second time.
 */

import type { Download } from "../../http/send-file.ts";

export type { Download };

/** The agency and everything above it, agency first (for the header's names and the place). */
async function agencyChain(deps: Deps, unitPath: string, agencyId: string) {
  const ids = pathIds(unitPath);
  const units = await repo.unitsByIds(deps.db, ids);
  const byId = new Map(units.map((u) => [u.id, u]));
  const upTo = ids.indexOf(agencyId);
  const chain = (upTo >= 0 ? ids.slice(0, upTo + 1) : ids).reverse().flatMap((id) => byId.get(id) ?? []);
  const agency = chain[0];
  if (!agency) throw notFound("org_unit", agencyId);
  return { agency, chain };
}

/** Decree 30/2020: a department names its managing People's Committee above itself; a commune stands alone. */
const parentAgencyName = (chain: { kind: string; name: string }[]) =>
  chain[0]?.kind === "department" ? (chain[1]?.name ?? null) : null;

const isoDay = (at: Date | null) => (at ? vietnamDate(at) : null);

/** A score as the form prints it, or null when the period has no score; lines when it was explained. */
function mau01Result(score: Score): {
  result: Mau01Result | null;
  lines: Plain<PeriodResult>["explanation"]["lines"];
} {
  if (score.state !== "scored" || score.total === null) return { result: null, lines: [] };
  const plain = toPlain(score.result as PeriodResult);
  const x = plain.explanation;
  return {
    lines: x.lines ?? [],
    result: {
      ruleSetVersion: plain.ruleSetVersion,
      generalSource: score.generalSource,
      assignedTotal: x.assignedTotal,
      quantityCredit: x.a.credit,
      qualityCredit: x.b.credit,
      progressCredit: x.c.credit,
      a: plain.a,
      b: plain.b,
      c: plain.c,
      d: plain.d,
      dd: plain.dd,
      e: plain.e,
      taskScore: plain.taskScore,
      taskPointsUncapped: plain.taskPointsUncapped,
      taskPoints: plain.taskPoints,
      taskPointsCap: x.taskPoints.cap,
      general: plain.general,
      total: score.total,
    },
  };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Mẫu 01 of one evaluation, from the stored row and its stored result. */
export async function mau01(deps: Deps, actor: Actor, evaluationId: string): Promise<Download<Mau01Data>> {
  let source = await repo.findMau01Source(deps.db, evaluationId);
  if (source && (await settleEvaluation(deps.db, source.evaluation)))
    source = await repo.findMau01Source(deps.db, evaluationId);
  if (!source) throw notFound("evaluation", evaluationId);
  const { evaluation: ev, person, period } = source;
  assertCanPrintMau01(actor, { id: person.id, unitPath: source.unitPath, leaderRole: ev.leaderRole });

  const [assigned, { agency, chain }] = await Promise.all([
    repo.assignmentLines(deps.db, ev.periodId, person.id),
    agencyChain(deps, source.unitPath, period.agencyId),
  ]);
  const { result, lines: explained } = mau01Result(await explainedScore(deps.db, ev));
  const byId = new Map(explained.map((l) => [l.assignment, l]));
  const lines: Mau01Line[] = assigned.map((a) => {
    const line = byId.get(a.id);
    return {
      code: a.itemCode,
      name: a.itemName,
      source: a.source as AssignmentSourceCode,
      coefficient: line?.coefficient ?? 0,
      quantityAssigned: line?.quantityAssigned ?? 0,
      quantityCompleted: line?.quantityDelivered ?? 0,
      convertedCompleted: line?.quantityCredit ?? 0,
      qualityCredit: line?.qualityCredit ?? 0,
      progressCredit: line?.progressCredit ?? 0,
    };
  });
  const periodRef = { kind: period.kind as "month" | "quarter", year: period.year, number: period.number };
  const data: Mau01Data = {
    agency: { parentName: parentAgencyName(chain), name: agency.name, place: placeName(chain) },
    period: periodRef,
    person: {
      fullName: person.fullName,
      employeeCode: person.employeeCode ?? "—",
      title: person.title ?? "—",
      positionName: source.positionName ?? "—",
      unitName: source.unitName,
      leaderRole: ev.leaderRole as LeaderRole,
    },
    status: ev.status,
    selfScores: ev.selfScores as Record<string, number> | null,
    confirmedScores: ev.confirmedScores as Record<string, number> | null,
    lines,
    result,
    organizingReason: ev.organizingReason,
    unityReason: ev.unityReason,
    selfAssessment: ev.selfAssessment,
    managerComment: ev.managerComment,
    selfSignedOn: isoDay(ev.submittedAt),
    evaluator: { name: source.confirmerName, signedOn: isoDay(ev.confirmedAt) },
  };
  const stamp = `${period.year}-${pad2(period.number)}`;
  return {
    data,
    fileName: {
      ascii: `mau-01-${person.employeeCode ?? person.id}-${stamp}`,
      vietnamese: `Mẫu 01 - ${person.fullName} - ${periodLabel(periodRef)}`,
    },
  };
}

function summaryRow(row: Awaited<ReturnType<typeof repo.summaryRows>>[number]): DivisionSummaryRow {
  const base = {
    employeeCode: row.employeeCode ?? "",
    fullName: row.fullName,
    positionName: row.positionName ?? "",
    status: (row.status as EvaluationStatus | null) ?? ("missing" as const),
  };
  const { result } = row.status
    ? mau01Result(scoreOf({ total: row.total, result: row.result, ruleSetVersion: null }))
    : { result: null };
  if (!result) {
    return {
      ...base,
      assignedTotal: null,
      convertedCompleted: null,
      a: null,
      b: null,
      c: null,
      taskPoints: null,
      general: null,
      total: null,
    };
  }
  return {
    ...base,
    assignedTotal: result.assignedTotal,
    convertedCompleted: result.quantityCredit,
    a: result.a,
    b: result.b,
    c: result.c,
    taskPoints: result.taskPoints,
    general: result.general,
    total: result.total,
  };
}

/** The summary of one unit (and the units below it) for one period of its agency. */
export async function divisionSummary(
  deps: Deps,
  actor: Actor,
  input: { periodId: string; unitId: string },
): Promise<Download<DivisionSummaryData>> {
  const [period, unit] = await Promise.all([
    repo.findPeriod(deps.db, input.periodId),
    repo.findUnit(deps.db, input.unitId),
  ]);
  if (!period) throw notFound("period", input.periodId);
  if (!unit) throw notFound("org_unit", input.unitId);
  // A unit outside the period's agency has no rows in it: say so rather than print an empty sheet.
  if (!pathIds(unit.path).includes(period.agencyId)) throw notFound("org_unit", input.unitId);
  assertCanReadSummary(actor, unit.path);
  await settleScores(deps.db, { periodIds: [period.id] });
  const [rows, { agency }] = await Promise.all([
    repo.summaryRows(deps.db, period.id, unit.path),
    agencyChain(deps, unit.path, period.agencyId),
  ]);
  const periodRef = { kind: period.kind as "month" | "quarter", year: period.year, number: period.number };
  const stamp = `${period.year}-${pad2(period.number)}`;
  return {
    data: {
      agencyName: agency.name,
      unitName: unit.name,
      period: periodRef,
      generatedOn: vietnamDate(deps.now()),
      rows: rows.map(summaryRow),
    },
    fileName: {
      ascii: `tong-hop-${unit.id}-${stamp}`,
      vietnamese: `Tổng hợp đánh giá - ${unit.name} - ${periodLabel(periodRef)}`,
    },
  };
}
