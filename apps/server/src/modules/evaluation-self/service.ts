import { type Evaluation, type GeneralScoresInput, workLinks, workMessage } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { conflict, forbidden, notFound } from "../../http/app-error.ts";
import { Batcher, batcherPer, batchOptions, type Outcome, outcomeOf } from "../../lib/batcher.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChangesBy } from "../audit/service.ts";
import * as evaluationRepo from "../evaluation/repo.ts";
import { checkGeneral, evaluationDto, invalid, periodLabelOf } from "../evaluation/service.ts";
import { notifyEvaluatorsOfEach } from "../notifications/service.ts";
import { type Scored, scoreOf, scoreTargets } from "../scoring/service.ts";
import { settleScores } from "../scoring-settle/service.ts";
import { assertPeriodOpen } from "../work/policy.ts";
import * as workRepo from "../work/repo.ts";
import * as repo from "./repo.ts";

export interface SelfEvaluationInput {
  version?: number | undefined;
  scores: GeneralScoresInput;
  selfAssessment: string;
}

interface SelfEvaluationRequest {
  actor: Actor;
  personId: string;
  periodId: string;
  input: SelfEvaluationInput;
}

const keyOf = (e: { periodId: string; personId: string }) => `${e.periodId}/${e.personId}`;

const selfSnapshot = (e: repo.SelfEvaluationRow) => ({
  status: e.status,
  selfScores: e.selfScores,
  selfAssessment: e.selfAssessment,
});

/**
 * Staff self-score the 10 sub-criteria and write a short self-assessment (Art. 18.2, Mẫu 01). A
 * first submission needs no version; a later one needs the current version (another tab may have
 * submitted in between). The live score uses these points until the manager confirms theirs.
 * The answer carries the score's figures as stored, not its explanation line by line: that lists
 * every delivery of the month, and at month-end the screens read it with the evaluation anyway.
 */
export async function submitSelfEvaluation(
  deps: Deps,
  actor: Actor,
  periodId: string,
  input: SelfEvaluationInput,
): Promise<Evaluation> {
  if (!actor.personId) throw forbidden("no_person");
  checkGeneral(input.scores, "scores");
  const { view, period } = await selfEvaluationBatcher(deps).submit({
    actor,
    personId: actor.personId,
    periodId,
    input,
  });
  return evaluationDto(deps.db, actor, view, period, scoreOf(view));
}

interface Submitted {
  view: evaluationRepo.EvaluationView;
  period: workRepo.PeriodView;
}

/** The last days of a month: the self-evaluations that arrive together are written together. */
const selfEvaluationBatcher = batcherPer(
  (deps: Deps) =>
    new Batcher(
      (requests: readonly SelfEvaluationRequest[]) => recordSelfEvaluations(deps, requests),
      batchOptions(deps),
    ),
);

/**
 * Writes self-evaluations that arrived together in one transaction: the people, periods and
 * evaluations read (and the evaluations locked in id order) at once, each request checked against
 * the evaluation as the earlier ones of the batch left it, the rows updated, audited, scored and
 * the evaluators told — a statement each, whatever the batch's size.
 */
async function recordSelfEvaluations(
  deps: Deps,
  requests: readonly SelfEvaluationRequest[],
): Promise<Outcome<Submitted>[]> {
  const { checked, scored } = await deps.db.transaction(async (tx) => {
    const admitted = await admit(tx, requests);
    const open = admitted.flatMap((a) => (a.ok ? [a.value] : []));
    const current = await holdEvaluations(tx, open);
    const changes: Change[] = [];
    const checked = admitted.map((a) => (a.ok ? outcomeOf(() => apply(deps, a.value, current, changes)) : a));
    // A row changed twice in the batch is written once, as the last change left it.
    const written = [...new Map(changes.map((c) => [c.before.id, current.get(keyOf(c.before))!])).values()];
    await repo.updateSelfEvaluations(
      tx,
      written.map((e) => ({
        id: e.id,
        version: e.version,
        selfScores: e.selfScores,
        selfAssessment: e.selfAssessment!,
        submittedAt: e.submittedAt!,
      })),
    );
    await recordChangesBy(
      tx,
      changes.map(({ admitted: { request, person }, before, after }) => ({
        actor: request.actor,
        change: {
          entity: "evaluation",
          entityId: before.id,
          unitPath: person.unitPath,
          action: before.status === "draft" ? "self_evaluate" : "self_evaluate_update",
          before: selfSnapshot(before),
          after: selfSnapshot(after),
        },
      })),
    );
    const scored = await scoreTargets(tx, { people: written }, { markStale: true });
    await notifyEvaluatorsOfEach(
      tx,
      changes.map(({ admitted: { request, person, period } }) => ({
        actor: request.actor,
        person,
        notice: {
          kind: "self_evaluation_submitted" as const,
          text: "self_evaluation_submitted" as const,
          params: { person: person.fullName, period: periodLabelOf(period) },
          link: `${workLinks.board}?periodId=${period.id}`,
        },
      })),
    );
    return { checked, scored };
  });
  // Written and committed: a failure from here on is this batch's answer, not a reason to write again.
  return answer(deps, checked, scored).catch((error: unknown) =>
    checked.map((c): Outcome<Submitted> => (c.ok ? { ok: false, error } : c)),
  );
}

interface Admitted {
  request: SelfEvaluationRequest;
  person: workRepo.PersonView;
  /** As the transaction read it, with writes to it shared-locked: open. */
  period: workRepo.PeriodView;
}

interface Change {
  admitted: Admitted;
  before: repo.SelfEvaluationRow;
  after: repo.SelfEvaluationRow;
}

/** Each request's person and period, read at once: an active civil servant of an open period of their agency. */
async function admit(tx: Db, requests: readonly SelfEvaluationRequest[]): Promise<Outcome<Admitted>[]> {
  const [people, periods] = await Promise.all([
    workRepo.findPeople(tx, [...new Set(requests.map((r) => r.personId))]),
    workRepo.findPeriodsForWrite(tx, [...new Set(requests.map((r) => r.periodId))]),
  ]);
  const personOf = new Map(people.map((p) => [p.id, p]));
  const periodOf = new Map(periods.map((p) => [p.id, p]));
  return requests.map((request) =>
    outcomeOf(() => {
      const person = personOf.get(request.personId);
      if (!person?.active) throw forbidden("no_person");
      const period = periodOf.get(request.periodId);
      if (!period) throw notFound("period", request.periodId);
      if (person.agencyId !== period.agencyId) throw forbidden("out_of_scope");
      assertPeriodOpen(period);
      return { request, person, period };
    }),
  );
}

/**
 * The evaluations of the admitted requests, locked in id order; a first submission creates its
 * evaluation (scored with the others afterwards) and holds it too. Keyed by (period, person).
 */
async function holdEvaluations(tx: Db, admitted: readonly Admitted[]): Promise<Map<string, repo.SelfEvaluationRow>> {
  const people = admitted.map((a) => a.request);
  const current = new Map((await repo.lockEvaluationsOf(tx, people)).map((e) => [keyOf(e), e]));
  const missing = [
    ...new Map(admitted.filter((a) => !current.has(keyOf(a.request))).map((a) => [keyOf(a.request), a])).values(),
  ];
  if (missing.length === 0) return current;
  await evaluationRepo.insertEvaluations(
    tx,
    missing.map(({ request, person }) => ({
      id: newId(),
      periodId: request.periodId,
      personId: person.id,
      unitId: person.unitId,
      leaderRole: person.leaderRole,
    })),
  );
  for (const e of await repo.lockEvaluationsOf(
    tx,
    missing.map((a) => a.request),
  ))
    current.set(keyOf(e), e);
  return current;
}

/**
 * One request against its evaluation as the batch left it so far: the version it was sent with
 * (none for a first submission), not yet confirmed. Records the change in `current` and `changes`.
 */
function apply(
  deps: Deps,
  admitted: Admitted,
  current: Map<string, repo.SelfEvaluationRow>,
  changes: Change[],
): { evaluationId: string; period: workRepo.PeriodView } {
  const { request, period } = admitted;
  const before = current.get(keyOf(request))!;
  const expected = request.input.version ?? (before.status === "draft" ? before.version : -1);
  if (expected !== before.version) throw conflict(before.version);
  if (before.status === "confirmed" || before.status === "head_confirmed") {
    throw invalid({ path: ["body"], message: workMessage("alreadyConfirmed") });
  }
  const after: repo.SelfEvaluationRow = {
    ...before,
    status: "submitted",
    selfScores: request.input.scores,
    selfAssessment: request.input.selfAssessment,
    submittedAt: deps.now(),
    version: before.version + 1,
  };
  current.set(keyOf(request), after);
  changes.push({ admitted, before, after });
  return { evaluationId: before.id, period };
}

/**
 * What each request gets back: its evaluation as stored now. A leader's d reads their people's
 * scores, which may wait for a settle: their periods are settled first, and their score read again.
 */
async function answer(
  deps: Deps,
  checked: Outcome<{ evaluationId: string; period: workRepo.PeriodView }>[],
  scored: Scored[],
): Promise<Outcome<Submitted>[]> {
  const leaderPeriods = scored.filter((s) => s.evaluation.leaderRole !== "none").map((s) => s.evaluation.periodId);
  if (leaderPeriods.length > 0) await settleScores(deps.db, { periodIds: [...new Set(leaderPeriods)] });
  const ids = [...new Set(checked.flatMap((c) => (c.ok ? [c.value.evaluationId] : [])))];
  const viewOf = new Map((await evaluationRepo.findEvaluations(deps.db, ids)).map((v) => [v.id, v]));
  return checked.map((c) =>
    c.ok ? { ok: true, value: { view: viewOf.get(c.value.evaluationId)!, period: c.value.period } } : c,
  );
}
