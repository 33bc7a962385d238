import {
  type Delivery,
  type DeliveryRow,
  type ReviewEvent,
  type ReviewStatus,
  workLinks,
  workMessage,
} from "@thuocdo/contract";
import { countDelays, Rational, ruleSetById } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, scopePaths } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { Batcher, batcherPer, batchOptions, type Outcome, outcomeOf } from "../../lib/batcher.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange, recordChangesBy } from "../audit/service.ts";
import { invalid, today } from "../evaluation/service.ts";
import type { FileRow } from "../files/repo.ts";
import { requireFiles } from "../files/service.ts";
import { notifyEvaluatorsOfEach, notifyPeople } from "../notifications/service.ts";
import { requireUnit } from "../org/service.ts";
import { decimal, deferScores, refreshScores } from "../scoring/service.ts";
import {
  assertCanManagePerson,
  assertCanSeeAgency,
  assertOwnWork,
  assertPeriodOpen,
  WORK_MANAGERS,
} from "../work/policy.ts";
import * as workRepo from "../work/repo.ts";
import { requirePeriod } from "../work/service.ts";
import { assignmentDtos, deliveryDto, deliveryOf } from "../work-lines/service.ts";
import * as repo from "./repo.ts";

const deliverySnapshot = (d: Partial<workRepo.DeliveryRow>) => ({
  assignmentId: d.assignmentId,
  quantity: d.quantity,
  deliveredOn: d.deliveredOn,
  documentNumber: d.documentNumber,
  link: d.link,
  delays: d.delays,
  excusedDelays: d.excusedDelays,
  failedReviews: d.failedReviews,
  excusedFailedReviews: d.excusedFailedReviews,
  reviewStatus: d.reviewStatus,
});

export interface DeliveryInput {
  quantity: number;
  deliveredOn: string;
  documentNumber: string | null;
  link: string | null;
  note: string | null;
  fileIds: string[];
}

interface DeliveryRequest {
  actor: Actor;
  assignmentId: string;
  input: DeliveryInput;
  files: FileRow[];
}

/**
 * Records a delivery on one's own line (Art. 18.2): quantity within what is left, a date not in
 * the future nor before the period, and evidence — at least one file (checked by content when
 * uploaded) or a document number or a link. Delays are counted at once against the line's
 * deadlines (core `countDelays`) and returned with the days late. The evaluator is told.
 */
export async function createDelivery(
  deps: Deps,
  actor: Actor,
  assignmentId: string,
  input: DeliveryInput,
): Promise<Delivery> {
  if (input.fileIds.length === 0 && !input.documentNumber && !input.link) {
    throw invalid({ path: ["body", "fileIds"], message: workMessage("evidenceRequired") });
  }
  if (input.deliveredOn > today(deps)) {
    throw invalid({ path: ["body", "deliveredOn"], message: workMessage("deliveredInFuture") });
  }
  const files = await requireFiles(deps, actor, input.fileIds);
  return deliveryBatcher(deps).submit({ actor, assignmentId, input, files });
}

/** The last days of a month: the deliveries that arrive together are recorded together. */
const deliveryBatcher = batcherPer(
  (deps: Deps) =>
    new Batcher((requests: readonly DeliveryRequest[]) => recordDeliveries(deps, requests), batchOptions(deps)),
);

/**
 * Records deliveries that arrived together in one transaction: their lines read and locked at
 * once, each checked against its line (counting what earlier ones of the batch took), then the
 * accepted ones written together with their audit rows and notices. Their makers' scores are left
 * to the settle (`deferScores`): thirty deliveries of a morning cost one scoring, not thirty.
 */
async function recordDeliveries(deps: Deps, requests: readonly DeliveryRequest[]): Promise<Outcome<Delivery>[]> {
  return deps.db.transaction(async (tx) => {
    const lines = await repo.linesForDelivery(tx, [...new Set(requests.map((r) => r.assignmentId))]);
    const lineOf = new Map(lines.map((l) => [l.id, l]));
    const delivered = new Map(lines.map((l) => [l.id, decimal(l.delivered)]));
    const accepted: Accepted[] = [];
    const checked = requests.map((request) =>
      outcomeOf(() => {
        accepted.push(checkDelivery(deps, request, lineOf.get(request.assignmentId), delivered));
        return accepted.at(-1)!;
      }),
    );
    const stored = new Map(
      (
        await repo.insertDeliveries(
          tx,
          accepted.map((a) => a.row),
        )
      ).map((d) => [d.id, d]),
    );
    await recordChangesBy(
      tx,
      accepted.map(({ request, row }) => ({
        actor: request.actor,
        change: {
          entity: "delivery",
          entityId: row.id,
          unitPath: lineOf.get(row.assignmentId)!.unitPath,
          action: "create",
          after: { ...deliverySnapshot(row), fileIds: row.fileIds },
        },
      })),
    );
    await deferScores(
      tx,
      accepted.map(({ line }) => ({ periodId: line.periodId, personId: line.personId })),
    );
    await notifyEvaluatorsOfEach(
      tx,
      accepted.map(({ request, line }) => ({
        actor: request.actor,
        person: { id: line.personId, unitPath: line.unitPath, leaderRole: line.personLeaderRole },
        notice: {
          kind: "delivery_waiting_review",
          text: "delivery_waiting_review",
          params: { person: line.personName, item: line.itemName },
          link: `${workLinks.board}?periodId=${line.periodId}`,
          group: { key: `delivery:${line.periodId}:${line.personId}`, many: "deliveries_waiting_review" },
        },
      })),
    );
    // Recorded after every extension granted so far: measured against the last deadline.
    return checked.map((c) =>
      c.ok
        ? { ok: true, value: deliveryOf(stored.get(c.value.row.id)!, c.value.deadline, c.value.request.files, []) }
        : c,
    );
  });
}

interface Accepted {
  request: DeliveryRequest;
  line: repo.LineForDelivery;
  row: repo.NewDelivery;
  /** The deadline in force: the last extension, else the line's own. */
  deadline: string | null;
}

/** One delivery against its locked line; `delivered` holds what the line has so far, this batch included. */
function checkDelivery(
  deps: Deps,
  request: DeliveryRequest,
  line: repo.LineForDelivery | undefined,
  delivered: Map<string, Rational>,
): Accepted {
  const { actor, assignmentId, input } = request;
  if (!line) throw notFound("assignment", assignmentId);
  assertOwnWork(actor, line.personId);
  assertPeriodOpen({ id: line.periodId, status: line.periodStatus });
  if (input.deliveredOn < line.periodStartsOn) {
    throw invalid({
      path: ["body", "deliveredOn"],
      message: workMessage("deliveredBeforePeriod", { startsOn: line.periodStartsOn.split("-").reverse().join("/") }),
    });
  }
  const quantity = Rational.from(input.quantity);
  const before = delivered.get(line.id)!;
  const remaining = decimal(line.quantity).sub(decimal(line.handedBack)).sub(before);
  if (quantity.gt(remaining)) {
    throw invalid({
      path: ["body", "quantity"],
      message: workMessage("quantityExceedsRemaining", { remaining: remaining.toNumber().toLocaleString("vi-VN") }),
    });
  }
  const ruleSet = ruleSetById(line.ruleSetVersion);
  if (!ruleSet.ok) throw new AppError("INTERNAL", { reason: "unknown_rule_set" });
  delivered.set(line.id, before.add(quantity));
  const deadlines = line.deadline ? [line.deadline, ...line.extensions] : [];
  return {
    request,
    line,
    deadline: deadlines.at(-1) ?? null,
    row: {
      id: newId(),
      assignmentId,
      quantity: quantity.toFixed(4),
      deliveredOn: input.deliveredOn,
      documentNumber: input.documentNumber,
      link: input.link,
      note: input.note,
      delays: countDelays(ruleSet.value, deadlines, input.deliveredOn),
      recordedBy: actor.userId,
      createdAt: deps.now(),
      fileIds: request.files.map((f) => f.id),
    },
  };
}

async function deliveryForChange(tx: Db, id: string) {
  const delivery = await repo.findDelivery(tx, id);
  if (!delivery) throw notFound("delivery", id);
  const line = (await workRepo.findAssignment(tx, delivery.assignmentId))!;
  const period = await requirePeriod(tx, line.periodId, true);
  return { delivery, line, period };
}

/** Staff remove their own delivery while nobody has reviewed it yet. */
export async function deleteDelivery(deps: Deps, actor: Actor, id: string): Promise<{ ok: true }> {
  await deps.db.transaction(async (tx) => {
    const { delivery, line, period } = await deliveryForChange(tx, id);
    assertOwnWork(actor, line.personId);
    assertPeriodOpen(period);
    if (delivery.reviewStatus !== "pending" || delivery.failedReviews > 0) {
      throw new AppError("IN_USE", { issues: [{ path: [], message: workMessage("deliveryReviewed") }] });
    }
    await repo.deleteDelivery(tx, id);
    await recordChange(tx, actor, {
      entity: "delivery",
      entityId: id,
      unitPath: line.unitPath,
      action: "delete",
      before: deliverySnapshot(delivery),
    });
    await refreshScores(tx, line.periodId, [line.personId]);
  });
  return { ok: true };
}

/** One review event on a delivery by the manager in scope: updates counts, audits, re-scores, tells the person. */
async function reviewChange(
  deps: Deps,
  actor: Actor,
  id: string,
  version: number,
  change: (d: workRepo.DeliveryRow) => {
    patch: Partial<workRepo.DeliveryRow>;
    event: { kind: ReviewEvent["kind"]; note: string | null; confirmedBy?: string | null };
    action: string;
  },
): Promise<Delivery> {
  const assignmentId = await deps.db.transaction(async (tx) => {
    const { delivery, line, period } = await deliveryForChange(tx, id);
    assertCanManagePerson(actor, { id: line.personId, unitPath: line.unitPath });
    assertPeriodOpen(period);
    if (delivery.version !== version) throw conflict(delivery.version);
    const { patch, event, action } = change(delivery);
    const updated = await repo.updateDelivery(tx, id, version, patch);
    if (!updated) throw conflict(delivery.version);
    await workRepo.insertEvent(tx, {
      id: newId(),
      deliveryId: id,
      assignmentId: line.id,
      kind: event.kind,
      note: event.note,
      confirmedBy: event.confirmedBy ?? null,
      actorId: actor.userId,
      at: deps.now(),
    });
    await recordChange(tx, actor, {
      entity: "delivery",
      entityId: id,
      unitPath: line.unitPath,
      action,
      before: deliverySnapshot(delivery),
      after: deliverySnapshot(updated),
      reason: event.note,
    });
    await refreshScores(tx, line.periodId, [line.personId]);
    const pass = event.kind === "review_pass";
    await notifyPeople(tx, actor, [line.personId], {
      kind: "reviewed",
      text: event.kind === "review_fail" ? "reviewed_fail" : "reviewed_pass",
      params: { item: line.itemName, note: event.note ?? "" },
      body: pass ? event.note : null,
      link: `${workLinks.myMonth}?periodId=${line.periodId}`,
    });
    return line.id;
  });
  return deliveryDto(deps, assignmentId, id);
}

/** Quality review (Art. 14.2.b): pass, or fail with a major content error — each failure counts once. */
export function reviewDelivery(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { outcome: "pass" | "fail"; version: number; note: string | null },
): Promise<Delivery> {
  return reviewChange(deps, actor, id, input.version, (d) => {
    if (d.reviewStatus === "passed") throw invalid({ path: ["body"], message: workMessage("alreadyPassed") });
    return input.outcome === "pass"
      ? { patch: { reviewStatus: "passed" }, event: { kind: "review_pass", note: input.note }, action: "review_pass" }
      : {
          patch: { reviewStatus: "failed", failedReviews: d.failedReviews + 1 },
          event: { kind: "review_fail", note: input.note },
          action: "review_fail",
        };
  });
}

/** An objective cause confirmed by the competent level cancels one failure or one delay (Art. 14.2.b–c). */
export function excuseDelivery(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; kind: "failure" | "delay"; confirmedBy: string; reason: string },
): Promise<Delivery> {
  return reviewChange(deps, actor, id, input.version, (d) => {
    const failure = input.kind === "failure";
    const left = failure ? d.failedReviews - d.excusedFailedReviews : d.delays - d.excusedDelays;
    if (left <= 0) throw invalid({ path: ["body", "kind"], message: workMessage("nothingToExcuse") });
    return {
      patch: failure ? { excusedFailedReviews: d.excusedFailedReviews + 1 } : { excusedDelays: d.excusedDelays + 1 },
      event: { kind: failure ? "excuse_failure" : "excuse_delay", note: input.reason, confirmedBy: input.confirmedBy },
      action: failure ? "excuse_failure" : "excuse_delay",
    };
  });
}

/** A period's deliveries in the caller's managing scope (the review queue). */
export async function listDeliveries(
  deps: Deps,
  actor: Actor,
  periodId: string,
  query: {
    reviewStatus?: ReviewStatus | undefined;
    personId?: string | undefined;
    unitId?: string | undefined;
    sort?: repo.DeliveryFilter["sort"];
    order?: "asc" | "desc" | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: DeliveryRow[]; total: number; page: number; pageSize: number }> {
  const period = await requirePeriod(deps.db, periodId);
  assertCanSeeAgency(actor, period.agencyPath);
  const unitPath = query.unitId ? (await requireUnit(deps.db, query.unitId)).path : undefined;
  const { rows, total } = await repo.listDeliveries(
    deps.db,
    periodId,
    { ...query, unitPath, paths: scopePaths(actor, WORK_MANAGERS) },
    query,
  );
  const lines = await assignmentDtos(
    deps.db,
    await workRepo.findAssignments(deps.db, [...new Set(rows.map((r) => r.assignmentId))]),
    today(deps),
  );
  const byId = new Map(lines.map((l) => [l.id, l]));
  const items = rows.map((r) => {
    const line = byId.get(r.assignmentId)!;
    const delivery = line.deliveries.find((d) => d.id === r.deliveryId)!;
    return {
      ...delivery,
      periodId: line.periodId,
      personId: line.personId,
      personName: line.personName,
      unitName: line.unitName,
      itemCode: line.itemCode,
      itemName: line.itemName,
      coefficient: line.coefficient,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
