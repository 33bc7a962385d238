import {
  type Evaluation,
  type EvaluationStatus,
  type GeneralScoresInput,
  type HistoryRow,
  type LeaderRole,
  type Period,
  periodLabel,
  type Score,
  vietnamDate,
  workLinks,
  workMessage,
} from "@thuocdo/contract";
import { type GeneralScores, generalCriteria, generalPoints, generalSubCriteria } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { notifyPeople } from "../notifications/service.ts";
import { periodMembers } from "../scoring/repo.ts";
import { decimal, explainedScore, refreshScores, scoreOf } from "../scoring/service.ts";
import { settleEvaluation, settleScores } from "../scoring-settle/service.ts";
import { settingsFor } from "../settings/service.ts";
import { assertCanAdministerPeriods, assertPeriodOpen } from "../work/policy.ts";
import * as workRepo from "../work/repo.ts";
import { assertCanReadEvaluation, assertIsAgencyHead, assertIsEvaluator, isAgencyHead, isEvaluator } from "./policy.ts";
import * as repo from "./repo.ts";

/** Validation failure with one Vietnamese sentence per field. */
export const invalid = (...issues: { path: (string | number)[]; message: string }[]) =>
  new AppError("VALIDATION_FAILED", { issues });

/**
 * The (period, person) evaluation, created on first need with the person's unit and leader role
 * and scored at once.
 */
export async function ensureEvaluation(
  tx: Db,
  periodId: string,
  person: { id: string; unitId: string; leaderRole: string },
): Promise<string> {
  const existing = await repo.evaluationIdOf(tx, periodId, person.id);
  if (existing) return existing;
  const id = newId();
  const created = await repo.insertEvaluation(tx, {
    id,
    periodId,
    personId: person.id,
    unitId: person.unitId,
    leaderRole: person.leaderRole,
  });
  if (!created) return (await repo.evaluationIdOf(tx, periodId, person.id))!;
  await refreshScores(tx, periodId, [person.id]);
  return id;
}

/** The evaluation's id for a read: it is created, in a transaction, on the first visit only. */
export async function evaluationForRead(
  db: Db,
  periodId: string,
  person: { id: string; unitId: string; leaderRole: string },
): Promise<string> {
  return (
    (await repo.evaluationIdOf(db, periodId, person.id)) ??
    (await db.transaction((tx) => ensureEvaluation(tx, periodId, person)))
  );
}

/* ───────────── DTO ───────────── */

const generalOf = (scores: unknown): number | null => {
  if (!scores) return null;
  const points = generalPoints(scores as GeneralScores);
  return points.ok ? points.value.toNumber() : null;
};

const numberOrNull = (text: string | null) => (text === null ? null : decimal(text).toNumber());

/**
 * The evaluation as its screens show it: the score explained line by line (`score`, when the
 * caller scored it just now, else worked out again) and what the actor may do with it.
 */
export async function evaluationDto(
  db: Db,
  actor: Actor,
  view: repo.EvaluationView,
  period: workRepo.PeriodView,
  score?: Score,
): Promise<Evaluation> {
  const person = { id: view.personId, unitPath: view.unitPath, leaderRole: view.leaderRole };
  const open = period.status === "open";
  const status = view.status as EvaluationStatus;
  // The agency's settings decide one thing here: whether a confirmed evaluation waits for the head.
  const headConfirmRequired =
    open && status === "confirmed" && (await settingsFor(db, period.agencyId)).headConfirmRequired;
  score ??= await explainedScore(db, view);
  return {
    id: view.id,
    periodId: view.periodId,
    personId: view.personId,
    personName: view.personName,
    unitId: view.unitId,
    unitName: view.unitName,
    leaderRole: view.leaderRole as LeaderRole,
    status,
    selfScores: (view.selfScores as GeneralScoresInput | null) ?? null,
    selfGeneral: generalOf(view.selfScores),
    selfAssessment: view.selfAssessment,
    submittedAt: view.submittedAt?.toISOString() ?? null,
    confirmedScores: (view.confirmedScores as GeneralScoresInput | null) ?? null,
    confirmedGeneral: generalOf(view.confirmedScores),
    managerComment: view.managerComment,
    organizing: numberOrNull(view.organizing),
    organizingReason: view.organizingReason,
    unity: numberOrNull(view.unity),
    unityReason: view.unityReason,
    confirmedByName: view.confirmedByName,
    confirmedAt: view.confirmedAt?.toISOString() ?? null,
    headConfirmedByName: view.headConfirmedByName,
    headConfirmedAt: view.headConfirmedAt?.toISOString() ?? null,
    score,
    periodStatus: period.status as Period["status"],
    can: {
      selfEvaluate: open && actor.personId === view.personId && (status === "draft" || status === "submitted"),
      confirm: open && status !== "draft" && isEvaluator(actor, person),
      headConfirm: headConfirmRequired && isAgencyHead(actor, period.agencyPath, view.personId),
    },
    version: view.version,
  };
}

async function requirePeriod(db: Db, id: string, forWrite = false): Promise<workRepo.PeriodView> {
  const period = forWrite ? await workRepo.findPeriodForWrite(db, id) : await workRepo.findPeriod(db, id);
  if (!period) throw notFound("period", id);
  return period;
}

async function requireEvaluation(db: Db, id: string): Promise<repo.EvaluationView> {
  const view = await repo.findEvaluation(db, id);
  if (!view) throw notFound("evaluation", id);
  return (await settleEvaluation(db, view)) ? requireEvaluation(db, id) : view;
}

/* ───────────── Reads ───────────── */

export const getGeneralCriteria = () =>
  generalCriteria.map((c) => ({ ...c, subCriteria: c.subCriteria.map((s) => ({ ...s })) }));

export async function getEvaluation(deps: Deps, actor: Actor, id: string): Promise<Evaluation> {
  const view = await requireEvaluation(deps.db, id);
  assertCanReadEvaluation(actor, { id: view.personId, unitPath: view.unitPath, leaderRole: view.leaderRole });
  return evaluationDto(deps.db, actor, view, await requirePeriod(deps.db, view.periodId));
}

/** A person's evaluation of a period, created (and scored) on first look. */
export async function getPersonEvaluation(
  deps: Deps,
  actor: Actor,
  periodId: string,
  personId: string,
): Promise<Evaluation> {
  const [person, period] = await Promise.all([
    workRepo.findPerson(deps.db, personId),
    workRepo.findPeriod(deps.db, periodId),
  ]);
  if (!person) throw notFound("person", personId);
  assertCanReadEvaluation(actor, { id: person.id, unitPath: person.unitPath, leaderRole: person.leaderRole });
  if (!period) throw notFound("period", periodId);
  if (person.agencyId !== period.agencyId) throw notFound("evaluation", `${periodId}/${personId}`);
  const id = await evaluationForRead(deps.db, periodId, person);
  return evaluationDto(deps.db, actor, await requireEvaluation(deps.db, id), period);
}

/** A person's evaluations, settled where they wait on something (their own rows, or a leader's d). */
async function settledHistory(db: Db, personId: string, year?: number) {
  const rows = await repo.historyOf(db, personId, year);
  const unsettled = rows.filter((r) => r.evaluation.leaderRole !== "none" || r.evaluation.scoreStale);
  if (unsettled.length === 0) return rows;
  const settled = await settleScores(db, { periodIds: unsettled.map((r) => r.period.id) });
  return settled > 0 ? repo.historyOf(db, personId, year) : rows;
}

export async function myHistory(deps: Deps, actor: Actor, year?: number): Promise<{ items: HistoryRow[] }> {
  if (!actor.personId) return { items: [] };
  const rows = await settledHistory(deps.db, actor.personId, year);
  return {
    items: rows.map(({ evaluation, period }) => {
      const score = scoreOf(evaluation);
      return {
        periodId: period.id,
        label: periodLabelOf(period),
        kind: period.kind as Period["kind"],
        year: period.year,
        number: period.number,
        status: evaluation.status as EvaluationStatus,
        periodStatus: period.status as Period["status"],
        total: score.total,
        level: score.level,
      };
    }),
  };
}

/* ───────────── Self-evaluation, confirmation ───────────── */

/** Checks 10 sub-scores against Mẫu 01's maxima and words each problem. */
export function checkGeneral(scores: Record<string, number | undefined>, field: string): void {
  const points = generalPoints(scores);
  if (points.ok) return;
  throw invalid(
    ...points.error.map((i) => {
      const code = String(i.path[1]);
      const sub = generalSubCriteria.find((s) => s.code === code);
      return {
        path: ["body", field, code],
        message:
          i.code === "ERR_FIELD_REQUIRED"
            ? workMessage("scoreMissing", { code })
            : workMessage("scoreAboveMax", { code, max: String(sub?.max ?? "").replace(".", ",") }),
      };
    }),
  );
}

const confirmSnapshot = (e: repo.EvaluationRow) => ({
  status: e.status,
  confirmedScores: e.confirmedScores,
  managerComment: e.managerComment,
  organizing: e.organizing,
  organizingReason: e.organizingReason,
  unity: e.unity,
  unityReason: e.unityReason,
  total: e.total,
});

export const periodLabelOf = (p: { kind: string; year: number; number: number }) =>
  periodLabel(p.kind as Period["kind"], p.year, p.number);

const HALF = "0.50";

/** đ and e for heads and deputies: both required, 50% only with a reason (Art. 15.3.b–c). */
function leaderFields(
  role: string,
  input: {
    organizing?: 1 | 0.5 | undefined;
    organizingReason: string | null;
    unity?: 1 | 0.5 | undefined;
    unityReason: string | null;
  },
) {
  if (role === "none") {
    if (input.organizing !== undefined || input.unity !== undefined) {
      throw invalid({ path: ["body", "organizing"], message: workMessage("leaderOnly") });
    }
    return {};
  }
  const issues: { path: string[]; message: string }[] = [];
  if (input.organizing === undefined)
    issues.push({ path: ["body", "organizing"], message: workMessage("leaderCriteriaRequired") });
  if (input.unity === undefined)
    issues.push({ path: ["body", "unity"], message: workMessage("leaderCriteriaRequired") });
  if (input.organizing === 0.5 && !input.organizingReason) {
    issues.push({ path: ["body", "organizingReason"], message: workMessage("halfNeedsReason") });
  }
  if (input.unity === 0.5 && !input.unityReason) {
    issues.push({ path: ["body", "unityReason"], message: workMessage("halfNeedsReason") });
  }
  if (issues.length > 0) throw invalid(...issues);
  return {
    organizing: input.organizing === 0.5 ? HALF : "1.00",
    organizingReason: input.organizing === 0.5 ? input.organizingReason : null,
    unity: input.unity === 0.5 ? HALF : "1.00",
    unityReason: input.unity === 0.5 ? input.unityReason : null,
  };
}

/**
 * The evaluator comments and confirms the general points (prefilled from the self score), and
 * for leaders sets đ and e (Art. 17.2). Optimistic: a stale `version` is a 409 with the current
 * one. A change after the head's confirmation sends it back to the head. The person is notified.
 */
export async function confirmEvaluation(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    scores: GeneralScoresInput;
    comment: string | null;
    organizing?: 1 | 0.5 | undefined;
    organizingReason: string | null;
    unity?: 1 | 0.5 | undefined;
    unityReason: string | null;
  },
): Promise<Evaluation> {
  const view = await requireEvaluation(deps.db, id);
  const person = { id: view.personId, unitPath: view.unitPath, leaderRole: view.leaderRole };
  assertIsEvaluator(actor, person);
  checkGeneral(input.scores, "scores");
  const leader = leaderFields(view.leaderRole, input);
  await deps.db.transaction(async (tx) => {
    const period = await requirePeriod(tx, view.periodId, true);
    assertPeriodOpen(period);
    const before = (await repo.lockEvaluation(tx, id))!;
    if (before.version !== input.version) throw conflict(before.version);
    if (before.status === "draft") throw invalid({ path: ["body"], message: workMessage("notSubmitted") });
    const updated = await repo.updateEvaluation(tx, id, input.version, {
      status: "confirmed",
      confirmedScores: input.scores,
      managerComment: input.comment,
      ...leader,
      confirmedBy: actor.userId,
      confirmedAt: deps.now(),
      headConfirmedBy: null,
      headConfirmedAt: null,
    });
    if (!updated) throw conflict(before.version);
    await refreshScores(tx, view.periodId, [view.personId]);
    const after = (await repo.lockEvaluation(tx, id))!;
    await recordChange(tx, actor, {
      entity: "evaluation",
      entityId: id,
      unitPath: view.unitPath,
      action: "confirm",
      before: confirmSnapshot(before),
      after: confirmSnapshot(after),
    });
    await notifyPeople(tx, actor, [view.personId], {
      kind: "confirmed",
      text: "confirmed",
      params: { period: periodLabelOf(period) },
      body: input.comment,
      link: `${workLinks.myMonth}?periodId=${view.periodId}`,
    });
  });
  return getEvaluation(deps, actor, id);
}

/** The head's confirmation, where the agency's settings require it (DESIGN §5). */
export async function headConfirmEvaluation(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; comment: string | null },
): Promise<Evaluation> {
  const view = await requireEvaluation(deps.db, id);
  await deps.db.transaction(async (tx) => {
    const period = await requirePeriod(tx, view.periodId, true);
    assertIsAgencyHead(actor, period.agencyPath, view.personId);
    const settings = await settingsFor(tx, period.agencyId);
    if (!settings.headConfirmRequired) {
      throw invalid({ path: ["body"], message: workMessage("headConfirmNotRequired") });
    }
    assertPeriodOpen(period);
    const before = (await repo.lockEvaluation(tx, id))!;
    if (before.version !== input.version) throw conflict(before.version);
    if (before.status !== "confirmed") throw invalid({ path: ["body"], message: workMessage("notConfirmed") });
    const updated = await repo.updateEvaluation(tx, id, input.version, {
      status: "head_confirmed",
      headConfirmedBy: actor.userId,
      headConfirmedAt: deps.now(),
    });
    if (!updated) throw conflict(before.version);
    await recordChange(tx, actor, {
      entity: "evaluation",
      entityId: id,
      unitPath: view.unitPath,
      action: "head_confirm",
      before: { status: before.status },
      after: { status: updated.status },
      reason: input.comment,
    });
    await notifyPeople(tx, actor, [view.personId], {
      kind: "head_confirmed",
      text: "head_confirmed",
      params: { period: periodLabelOf(period) },
      body: input.comment,
      link: `${workLinks.myMonth}?periodId=${view.periodId}`,
    });
  });
  return getEvaluation(deps, actor, id);
}

/* ───────────── Lock and reopen ───────────── */

export function periodDto(p: workRepo.PeriodView): Period {
  return {
    id: p.id,
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    kind: p.kind as Period["kind"],
    year: p.year,
    number: p.number,
    label: periodLabelOf(p),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    selfEvaluationDue: p.selfEvaluationDue,
    reviewDue: p.reviewDue,
    lockDue: p.lockDue,
    catalogId: p.catalogId,
    ruleSetVersion: p.ruleSetVersion,
    status: p.status as Period["status"],
    lockedAt: p.lockedAt?.toISOString() ?? null,
    lockedByName: p.lockedByName,
    version: p.version,
  };
}

const periodSnapshot = (p: repo.PeriodRow) => ({ status: p.status, lockedAt: p.lockedAt, lockedBy: p.lockedBy });

/**
 * Locks a period (head or hr of the agency). Every active person of the agency must have a
 * confirmed evaluation (head-confirmed where the agency requires it); otherwise the lock is
 * refused with the list, unless `force` with a reason — someone on long leave must not hold the
 * whole agency open. After the lock nothing in the period changes until a recorded reopening.
 */
export async function lockPeriod(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; force: boolean; reason: string | null },
): Promise<Period> {
  await deps.db.transaction(async (tx) => {
    const view = await requirePeriod(tx, id);
    assertCanAdministerPeriods(actor, view.agencyPath);
    const before = (await repo.lockPeriodRow(tx, id))!;
    if (before.version !== input.version) throw conflict(before.version);
    assertPeriodOpen(before);
    const settings = await settingsFor(tx, before.agencyId);
    const done = settings.headConfirmRequired ? ["head_confirmed"] : ["confirmed", "head_confirmed"];
    await settleScores(tx, { periodIds: [id] });
    const unconfirmed = await repo.unconfirmedPeople(tx, id, before.agencyId, done);
    if (unconfirmed.length > 0 && !input.force) {
      throw new AppError("VALIDATION_FAILED", {
        issues: [{ path: ["body", "force"], message: workMessage("unconfirmedRemain", { count: unconfirmed.length }) }],
        unconfirmed,
      });
    }
    if (unconfirmed.length > 0 && !input.reason) {
      throw invalid({ path: ["body", "reason"], message: workMessage("forceReasonRequired") });
    }
    const updated = await repo.updatePeriod(tx, id, input.version, {
      status: "locked",
      lockedAt: deps.now(),
      lockedBy: actor.userId,
    });
    if (!updated) throw conflict(before.version);
    await recordChange(tx, actor, {
      entity: "period",
      entityId: id,
      unitPath: view.agencyPath,
      action: unconfirmed.length > 0 ? "lock_forced" : "lock",
      before: periodSnapshot(before),
      after: { ...periodSnapshot(updated), unconfirmed },
      reason: input.reason,
    });
    const members = await periodMembers(tx, [id]);
    await notifyPeople(
      tx,
      actor,
      members.map((m) => m.personId),
      { kind: "locked", text: "locked", params: { period: periodLabelOf(before) }, link: workLinks.periods },
    );
  });
  return periodDto((await workRepo.findPeriod(deps.db, id))!);
}

/** Reopens a locked period with a reason: a period_reopenings row and an audit row (DESIGN §5). */
export async function reopenPeriod(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
): Promise<Period> {
  await deps.db.transaction(async (tx) => {
    const view = await requirePeriod(tx, id);
    assertCanAdministerPeriods(actor, view.agencyPath);
    const before = (await repo.lockPeriodRow(tx, id))!;
    if (before.version !== input.version) throw conflict(before.version);
    if (before.status !== "locked") throw invalid({ path: ["body"], message: workMessage("periodNotLocked") });
    const updated = await repo.updatePeriod(tx, id, input.version, { status: "open", lockedAt: null, lockedBy: null });
    if (!updated) throw conflict(before.version);
    await repo.insertReopening(tx, { id: newId(), periodId: id, reason: input.reason, actorId: actor.userId });
    await recordChange(tx, actor, {
      entity: "period",
      entityId: id,
      unitPath: view.agencyPath,
      action: "reopen",
      before: periodSnapshot(before),
      after: periodSnapshot(updated),
      reason: input.reason,
    });
    const members = await periodMembers(tx, [id]);
    await notifyPeople(
      tx,
      actor,
      members.map((m) => m.personId),
      {
        kind: "reopened",
        text: "reopened",
        params: { period: periodLabelOf(before), reason: input.reason },
        link: workLinks.periods,
      },
    );
  });
  return periodDto((await workRepo.findPeriod(deps.db, id))!);
}

/** Today in the agencies' calendar, from the injected clock. */
export const today = (deps: Deps) => vietnamDate(deps.now());
