import {
  type Board,
  type BoardRow,
  foldVietnamese,
  type LeaderRole,
  type MyMonth,
  type Period,
  type PeriodKind,
} from "@thuocdo/contract";
import { Rational } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden, notFound } from "../../http/app-error.ts";
import * as evaluationRepo from "../evaluation/repo.ts";
import { evaluationDto, evaluationForRead, periodDto, periodLabelOf, today } from "../evaluation/service.ts";
import { requireUnit } from "../org/service.ts";
import { decimal, scoreOf } from "../scoring/service.ts";
import { settleScores } from "../scoring-settle/service.ts";
import { WORK_MANAGERS } from "../work/policy.ts";
import * as workRepo from "../work/repo.ts";
import { requirePeriod } from "../work/service.ts";
import { assignmentDtos, num } from "../work-lines/service.ts";
import * as repo from "./repo.ts";

/** The period to show by default: the latest open one already started, else the latest. */
function currentPeriod<T extends { startsOn: string; status: string }>(periods: T[], day: string): T | undefined {
  return periods.find((p) => p.status === "open" && p.startsOn <= day) ?? periods[0];
}

/**
 * "Tháng này" (staff): the period's lines with deliveries, files, reviews and late flags, the
 * live score with its explanation, and the deadlines. The evaluation row is created on first look.
 */
export async function myMonth(deps: Deps, actor: Actor, periodId?: string): Promise<MyMonth> {
  if (!actor.personId) throw forbidden("no_person");
  const person = await workRepo.findPerson(deps.db, actor.personId);
  if (!person) throw forbidden("no_person");
  const day = today(deps);
  const periods = await repo.periodsOfAgency(deps.db, person.agencyId);
  const chosen = periodId ? periods.find((p) => p.id === periodId) : currentPeriod(periods, day);
  if (periodId && !chosen) throw notFound("period", periodId);
  const switcher = periods.map((p) => ({
    id: p.id,
    label: periodLabelOf(p),
    status: p.status as Period["status"],
    year: p.year,
    number: p.number,
    kind: p.kind as PeriodKind,
  }));
  const empty = {
    assignedConverted: 0,
    deliveredConverted: 0,
    lines: 0,
    done: 0,
    late: 0,
    failed: 0,
    waitingReview: 0,
    overdue: 0,
  };
  if (!chosen) {
    return {
      personId: person.id,
      personName: person.fullName,
      period: null,
      periods: switcher,
      assignments: [],
      summary: empty,
      deadlines: [],
      evaluation: null,
    };
  }
  const period = await requirePeriod(deps.db, chosen.id);
  const evaluationId = await evaluationForRead(deps.db, period.id, person);
  // Some writes leave the score to be settled: a burst's deliveries, and a leader's d.
  await settleScores(deps.db, { periodIds: [period.id] });
  const [lines, evaluation] = await Promise.all([
    repo.assignmentsOf(deps.db, period.id, person.id).then((rows) => assignmentDtos(deps.db, rows, day)),
    evaluationRepo.findEvaluation(deps.db, evaluationId).then((view) => evaluationDto(deps.db, actor, view!, period)),
  ]);
  const deliveries = lines.flatMap((l) => l.deliveries);
  const planned = lines.filter((l) => l.source === "planned");
  const status = evaluation.status;
  return {
    personId: person.id,
    personName: person.fullName,
    period: periodDto(period),
    periods: switcher,
    assignments: lines,
    summary: {
      assignedConverted: Rational.sum(planned.map((l) => Rational.from(l.converted))).toNumber(),
      deliveredConverted: Rational.sum(
        lines.map((l) => Rational.from(l.deliveredQuantity).mul(Rational.from(l.coefficient))),
      ).toNumber(),
      lines: lines.length,
      done: lines.filter((l) => l.remainingQuantity === 0 && l.deliveredQuantity > 0).length,
      late: deliveries.filter((d) => d.delays > d.excusedDelays).length,
      failed: deliveries.filter((d) => d.failedReviews > d.excusedFailedReviews).length,
      waitingReview: deliveries.filter((d) => d.reviewStatus === "pending").length,
      overdue: lines.filter((l) => l.overdue).length,
    },
    deadlines: [
      {
        kind: "self_evaluation",
        due: period.selfEvaluationDue,
        overdue: day > period.selfEvaluationDue && status === "draft",
      },
      {
        kind: "review",
        due: period.reviewDue,
        overdue: day > period.reviewDue && (status === "draft" || status === "submitted"),
      },
      { kind: "lock", due: period.lockDue, overdue: day > period.lockDue && period.status === "open" },
    ],
    evaluation,
  };
}

/** Exact median of converted loads (the mean of the two middle ones for an even count). */
function median(values: Rational[]): Rational {
  if (values.length === 0) return Rational.ZERO;
  const sorted = [...values].sort((a, b) => a.cmp(b));
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : sorted[mid - 1]!.add(sorted[mid]!).div(Rational.of(2));
}

/** The unit a board shows by default: the caller's managed unit inside the period's agency. */
function defaultBoardUnit(actor: Actor, agencyPath: string) {
  const grants = actor.grants.filter((g) => WORK_MANAGERS.includes(g.role));
  const inside = grants.find((g) => g.role === "manager" && g.path.startsWith(agencyPath));
  return inside ?? grants.find((g) => agencyPath.startsWith(g.path));
}

const boardSorts: Record<string, (a: BoardRow, b: BoardRow) => number> = {
  personName: (a, b) => a.personName.localeCompare(b.personName, "vi"),
  assignedConverted: (a, b) => a.assignedConverted - b.assignedConverted,
  total: (a, b) => (a.total ?? -1) - (b.total ?? -1),
  status: (a, b) => a.status.localeCompare(b.status),
};

/**
 * The division's board (manager): per person the converted load A beside the unit's median,
 * delivered, waiting reviews, failures, delays, overdue lines, self-evaluation, status and score,
 * plus the overdue items. A fixed number of queries whatever the headcount; the median is over
 * everyone in the unit with work assigned, not just the page shown.
 */
export async function divisionBoard(
  deps: Deps,
  actor: Actor,
  periodId: string,
  query: {
    unitId?: string | undefined;
    q?: string | undefined;
    sort?: string | undefined;
    order?: "asc" | "desc" | undefined;
    page: number;
    pageSize: number;
  },
): Promise<Board> {
  const period = await requirePeriod(deps.db, periodId);
  const unitId = query.unitId ?? defaultBoardUnit(actor, period.agencyPath)?.orgUnitId;
  if (!unitId) throw forbidden("out_of_scope");
  const unit = await requireUnit(deps.db, unitId);
  if (!unit.path.startsWith(period.agencyPath) || !covers(actor, WORK_MANAGERS, unit.path))
    throw forbidden("out_of_scope");
  const day = today(deps);
  // Two round trips: the people (while leaders' scores settle), then everything else about them.
  const [people] = await Promise.all([
    repo.peopleUnder(deps.db, unit.path),
    settleScores(deps.db, { periodIds: [periodId] }),
  ]);
  const [lineAgg, deliveryAgg, overdueLines, waiting, evaluations] = await Promise.all([
    evaluationRepo.lineAggregates(deps.db, periodId, unit.path, day),
    evaluationRepo.deliveryAggregates(deps.db, periodId, unit.path),
    evaluationRepo.overdueLines(deps.db, periodId, unit.path, day, 200),
    day > period.reviewDue ? evaluationRepo.waitingDeliveries(deps.db, periodId, unit.path, 200) : Promise.resolve([]),
    evaluationRepo.boardScoresOf(
      deps.db,
      periodId,
      people.map((p) => p.id),
    ),
  ]);
  const lineBy = new Map(lineAgg.map((a) => [a.personId, a]));
  const deliveryBy = new Map(deliveryAgg.map((a) => [a.personId, a]));
  const evaluationBy = new Map(evaluations.map((e) => [e.personId, e]));
  const rows: BoardRow[] = people.map((p) => {
    const lines = lineBy.get(p.id);
    const done = deliveryBy.get(p.id);
    const ev = evaluationBy.get(p.id);
    const score = ev ? scoreOf(ev) : null;
    const status = (ev?.status ?? "draft") as BoardRow["status"];
    return {
      personId: p.id,
      personName: p.fullName,
      positionName: p.positionName,
      leaderRole: p.leaderRole as LeaderRole,
      evaluationId: ev?.id ?? null,
      assignedConverted: lines ? num(lines.assigned) : 0,
      extraConverted: lines ? num(lines.extra) : 0,
      deliveredConverted: done ? num(done.delivered) : 0,
      lines: lines?.lines ?? 0,
      waitingReview: done?.waitingReview ?? 0,
      failed: done?.failed ?? 0,
      late: done?.late ?? 0,
      overdue: lines?.overdue ?? 0,
      selfEvaluated: status !== "draft",
      status,
      total: score?.total ?? null,
      level: score?.level ?? null,
      scoreState: score?.state ?? "no_assignment",
    };
  });
  const loads = lineAgg.map((a) => decimal(a.assigned)).filter((v) => v.gt(Rational.ZERO));
  const overdue: Board["overdue"] = [
    ...overdueLines.map((l) => ({
      kind: "delivery" as const,
      personId: l.personId,
      personName: l.personName,
      assignmentId: l.assignmentId,
      deliveryId: null,
      itemCode: l.itemCode,
      due: l.due,
    })),
    ...waiting.map((w) => ({
      kind: "review" as const,
      personId: w.personId,
      personName: w.personName,
      assignmentId: w.assignmentId,
      deliveryId: w.deliveryId,
      itemCode: w.itemCode,
      due: period.reviewDue,
    })),
    ...(day > period.selfEvaluationDue
      ? rows
          .filter((r) => !r.selfEvaluated)
          .map((r) => ({
            kind: "self_evaluation" as const,
            personId: r.personId,
            personName: r.personName,
            assignmentId: null,
            deliveryId: null,
            itemCode: null,
            due: period.selfEvaluationDue,
          }))
      : []),
    ...(day > period.reviewDue
      ? rows
          .filter((r) => r.status === "submitted")
          .map((r) => ({
            kind: "confirmation" as const,
            personId: r.personId,
            personName: r.personName,
            assignmentId: null,
            deliveryId: null,
            itemCode: null,
            due: period.reviewDue,
          }))
      : []),
  ];
  const search = query.q ? foldVietnamese(query.q) : null;
  const filtered = search ? rows.filter((r) => foldVietnamese(r.personName).includes(search)) : rows;
  const sorter = query.sort ? boardSorts[query.sort] : undefined;
  const ordered = sorter
    ? [...filtered].sort((a, b) => (query.order === "desc" ? -sorter(a, b) : sorter(a, b)))
    : filtered;
  return {
    period: periodDto(period),
    unitId: unit.id,
    unitName: unit.name,
    medianAssignedConverted: median(loads).toNumber(),
    totals: {
      people: rows.length,
      waitingReview: rows.reduce((n, r) => n + r.waitingReview, 0),
      notSelfEvaluated: rows.filter((r) => !r.selfEvaluated).length,
      confirmed: rows.filter((r) => r.status === "confirmed" || r.status === "head_confirmed").length,
    },
    items: ordered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
    total: ordered.length,
    page: query.page,
    pageSize: query.pageSize,
    overdue,
  };
}
