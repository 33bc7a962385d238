import { type Assignment, type AssignmentSourceCode, foldVietnamese, workLinks, workMessage } from "@thuocdo/contract";
import { Rational } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, scopePaths } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { type Change, recordChange, recordChanges } from "../audit/service.ts";
import { ensureEvaluation, invalid, periodLabelOf, today } from "../evaluation/service.ts";
import { notifyPeople } from "../notifications/service.ts";
import { requireUnit } from "../org/service.ts";
import { findPosition } from "../positions/repo.ts";
import { decimal, refreshScores } from "../scoring/service.ts";
import {
  assertCanManagePerson,
  assertCanSeeAgency,
  assertPeriodOpen,
  canManagePerson,
  WORK_MANAGERS,
} from "../work/policy.ts";
import * as workRepo from "../work/repo.ts";
import { requirePeriod } from "../work/service.ts";
import { assignmentDtos, lineDto } from "../work-lines/service.ts";
import * as repo from "./repo.ts";

const lineSnapshot = (a: Partial<workRepo.AssignmentRow>) => ({
  personId: a.personId,
  itemCode: a.itemCode,
  coefficient: a.coefficient,
  quantity: a.quantity,
  source: a.source,
  deadline: a.deadline,
  extendedDeadline: a.extendedDeadline,
  handedBack: a.handedBack,
  handedBackReason: a.handedBackReason,
  teamGroupId: a.teamGroupId,
  note: a.note,
});

/** The catalog item as it stands in the period's catalog, with its coefficient = points ÷ standard points. */
async function itemForPeriod(tx: Db, period: workRepo.PeriodView, itemId: string) {
  const item = await repo.findCatalogItem(tx, itemId);
  const fits =
    item &&
    item.agencyId === period.agencyId &&
    item.catalogStatus !== "draft" &&
    (period.catalogId === null || item.catalogId === period.catalogId);
  if (!fits) throw invalid({ path: ["body", "catalogItemId"], message: workMessage("catalogItemNotInForce") });
  return { ...item, coefficient: decimal(item.points).div(decimal(item.standardPoints)) };
}

interface LineInput {
  catalogItemId: string;
  deadline: string | null;
  source: AssignmentSourceCode;
  note: string | null;
}

/** Inserts lines, creates the evaluations they need, re-scores, audits and tells each person. */
async function insertLines(
  tx: Db,
  actor: Actor,
  period: workRepo.PeriodView,
  input: LineInput,
  shares: { person: workRepo.PersonView; quantity: Rational }[],
  teamGroupId: string | null,
): Promise<string[]> {
  const item = await itemForPeriod(tx, period, input.catalogItemId);
  // numeric(14,6): a coefficient with more decimals (points ÷ 3) is kept to 6 places.
  const coefficient = item.coefficient.toFixed(6);
  const rows = shares.map(({ person, quantity }) => ({
    id: newId(),
    periodId: period.id,
    personId: person.id,
    catalogItemId: item.id,
    itemCode: item.code,
    itemName: item.task,
    coefficient,
    quantity: quantity.toFixed(4),
    source: input.source,
    deadline: input.deadline,
    teamGroupId,
    note: input.note,
    assignedBy: actor.userId,
  }));
  await repo.insertAssignments(tx, rows);
  const people = [...new Map(shares.map((s) => [s.person.id, s.person])).values()];
  for (const person of people) await ensureEvaluation(tx, period.id, person);
  await refreshScores(
    tx,
    period.id,
    people.map((p) => p.id),
  );
  await recordChanges(
    tx,
    actor,
    rows.map(
      (row, i): Change => ({
        entity: "assignment",
        entityId: row.id,
        unitPath: shares[i]!.person.unitPath,
        action: "create",
        after: lineSnapshot(row),
      }),
    ),
  );
  for (const person of people) {
    await notifyPeople(tx, actor, [person.id], {
      kind: "assigned",
      text: "assigned",
      params: { count: rows.filter((r) => r.personId === person.id).length, period: periodLabelOf(period) },
      body: `${item.code} — ${item.task}`,
      link: `${workLinks.myMonth}?periodId=${period.id}`,
    });
  }
  return rows.map((r) => r.id);
}

type Target =
  | { kind: "people"; personIds: string[] }
  | { kind: "position"; positionId: string; unitId?: string | undefined }
  | { kind: "unit"; unitId: string };

/** Who a bulk line goes to: named people must all be in scope; a position or unit reaches those in scope. */
async function resolveTarget(db: Db, actor: Actor, period: workRepo.PeriodView, target: Target) {
  if (target.kind === "people") {
    const found = await repo.peopleForTarget(db, period.agencyId, target);
    if (found.length !== new Set(target.personIds).size) {
      throw invalid({ path: ["body", "target", "personIds"], message: workMessage("personNotInAgency") });
    }
    for (const person of found) {
      if (person.id === actor.personId) {
        throw invalid({ path: ["body", "target", "personIds"], message: workMessage("selfAssign") });
      }
      assertCanManagePerson(actor, person);
    }
    return found;
  }
  let unitPath: string | undefined;
  if (target.unitId) {
    const unit = await requireUnit(db, target.unitId);
    if (!unit.path.startsWith(period.agencyPath)) throw notFound("org_unit", target.unitId);
    unitPath = unit.path;
  }
  if (target.kind === "position") {
    const position = await findPosition(db, target.positionId);
    if (!position || position.agencyId !== period.agencyId) throw notFound("position", target.positionId);
  }
  const found = await repo.peopleForTarget(
    db,
    period.agencyId,
    target.kind === "position"
      ? { kind: "position", positionId: target.positionId, unitPath }
      : { kind: "unit", unitPath: unitPath! },
  );
  const reachable = found.filter((p) => canManagePerson(actor, p));
  if (reachable.length === 0) throw invalid({ path: ["body", "target"], message: workMessage("noTargets") });
  return reachable;
}

/** Assigns one catalog product to one person, or to everyone of a position or unit (each gets the line). */
export async function createAssignments(
  deps: Deps,
  actor: Actor,
  periodId: string,
  input: LineInput & { target: Target; quantity: number },
): Promise<{ items: Assignment[] }> {
  const ids = await deps.db.transaction(async (tx) => {
    const period = await requirePeriod(tx, periodId, true);
    assertCanSeeAgency(actor, period.agencyPath);
    assertPeriodOpen(period);
    const people = await resolveTarget(tx, actor, period, input.target);
    const quantity = Rational.from(input.quantity);
    return insertLines(
      tx,
      actor,
      period,
      input,
      people.map((person) => ({ person, quantity })),
      null,
    );
  });
  const lines = await workRepo.findAssignments(deps.db, ids);
  return { items: await assignmentDtos(deps.db, lines, today(deps)) };
}

/**
 * A team product split into shares (Art. 18.1.b): the shares' converted total must equal the
 * product's converted total exactly; each share is a line of its own with a common group id.
 */
export async function createTeamAssignment(
  deps: Deps,
  actor: Actor,
  periodId: string,
  input: LineInput & { quantity: number; shares: { personId: string; quantity: number }[] },
): Promise<{ items: Assignment[] }> {
  const personIds = input.shares.map((s) => s.personId);
  if (new Set(personIds).size !== personIds.length) {
    throw invalid({ path: ["body", "shares"], message: workMessage("duplicateShare") });
  }
  const ids = await deps.db.transaction(async (tx) => {
    const period = await requirePeriod(tx, periodId, true);
    assertCanSeeAgency(actor, period.agencyPath);
    assertPeriodOpen(period);
    const item = await itemForPeriod(tx, period, input.catalogItemId);
    const product = Rational.from(input.quantity).mul(item.coefficient);
    const shares = Rational.sum(input.shares.map((s) => Rational.from(s.quantity).mul(item.coefficient)));
    if (!shares.eq(product)) {
      throw invalid({
        path: ["body", "shares"],
        message: workMessage("sharesMismatch", {
          shares: shares.toFixed(4).replace(".", ","),
          product: product.toFixed(4).replace(".", ","),
        }),
      });
    }
    const people = await resolveTarget(tx, actor, period, { kind: "people", personIds });
    const byId = new Map(people.map((p) => [p.id, p]));
    return insertLines(
      tx,
      actor,
      period,
      input,
      input.shares.map((s) => ({ person: byId.get(s.personId)!, quantity: Rational.from(s.quantity) })),
      newId(),
    );
  });
  const lines = await workRepo.findAssignments(deps.db, ids);
  return { items: await assignmentDtos(deps.db, lines, today(deps)) };
}

export async function listAssignments(
  deps: Deps,
  actor: Actor,
  periodId: string,
  query: {
    personId?: string | undefined;
    unitId?: string | undefined;
    source?: string | undefined;
    q?: string | undefined;
    sort?: repo.AssignmentFilter["sort"];
    order?: "asc" | "desc" | undefined;
    page: number;
    pageSize: number;
  },
) {
  const period = await requirePeriod(deps.db, periodId);
  assertCanSeeAgency(actor, period.agencyPath);
  const unitPath = query.unitId ? (await requireUnit(deps.db, query.unitId)).path : undefined;
  const { rows, total } = await repo.listAssignments(
    deps.db,
    periodId,
    {
      paths: scopePaths(actor, WORK_MANAGERS),
      personId: query.personId,
      unitPath,
      source: query.source,
      search: query.q ? foldVietnamese(query.q) : undefined,
      sort: query.sort,
      order: query.order,
    },
    query,
  );
  return {
    items: await assignmentDtos(deps.db, rows, today(deps)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Loads a line for a change by a manager: period open (share-locked), person in scope, version current. */
async function lineForChange(tx: Db, actor: Actor, id: string, version?: number) {
  const line = await workRepo.findAssignment(tx, id);
  if (!line) throw notFound("assignment", id);
  const period = await requirePeriod(tx, line.periodId, true);
  assertCanManagePerson(actor, { id: line.personId, unitPath: line.unitPath });
  assertPeriodOpen(period);
  if (version !== undefined && line.version !== version) throw conflict(line.version);
  return { line, period };
}

async function saveLine(
  tx: Db,
  actor: Actor,
  line: workRepo.AssignmentView,
  patch: Partial<workRepo.AssignmentRow>,
  action: string,
  reason?: string | null,
) {
  const updated = await repo.updateAssignment(tx, line.id, line.version, patch);
  if (!updated) throw conflict(line.version);
  await recordChange(tx, actor, {
    entity: "assignment",
    entityId: line.id,
    unitPath: line.unitPath,
    action,
    before: lineSnapshot(line),
    after: lineSnapshot(updated),
    reason,
  });
  await refreshScores(tx, line.periodId, [line.personId]);
  return updated;
}

/**
 * Changes quantity, deadline or note. Moving the deadline is a reschedule, allowed only before it
 * has passed and before any extension; afterwards an extension records the new date (and the miss).
 */
export async function updateAssignment(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    quantity?: number | undefined;
    deadline?: string | null | undefined;
    note?: string | null | undefined;
  },
): Promise<Assignment> {
  await deps.db.transaction(async (tx) => {
    const { line } = await lineForChange(tx, actor, id, input.version);
    const patch: Partial<workRepo.AssignmentRow> = {};
    if (input.quantity !== undefined) {
      const done = decimal(await workRepo.deliveredQuantity(tx, id)).add(decimal(line.handedBack));
      if (Rational.from(input.quantity).lt(done)) {
        throw invalid({
          path: ["body", "quantity"],
          message: workMessage("quantityBelowDone", {
            min: done
              .toFixed(4)
              .replace(/\.?0+$/, "")
              .replace(".", ","),
          }),
        });
      }
      patch.quantity = Rational.from(input.quantity).toFixed(4);
    }
    if (input.deadline !== undefined && input.deadline !== line.deadline) {
      const passed = line.deadline !== null && line.deadline < today(deps);
      if (passed || line.extendedDeadline !== null) {
        throw invalid({ path: ["body", "deadline"], message: workMessage("rescheduleAfterDeadline") });
      }
      patch.deadline = input.deadline;
    }
    if (input.note !== undefined) patch.note = input.note;
    await saveLine(tx, actor, line, patch, "update");
  });
  return lineDto(deps, id);
}

export async function deleteAssignment(deps: Deps, actor: Actor, id: string): Promise<{ ok: true }> {
  await deps.db.transaction(async (tx) => {
    const { line } = await lineForChange(tx, actor, id);
    if (decimal(await workRepo.deliveredQuantity(tx, id)).gt(Rational.ZERO)) {
      throw new AppError("IN_USE", { issues: [{ path: [], message: workMessage("assignmentHasDeliveries") }] });
    }
    await repo.deleteAssignment(tx, id);
    await recordChange(tx, actor, {
      entity: "assignment",
      entityId: id,
      unitPath: line.unitPath,
      action: "delete",
      before: lineSnapshot(line),
    });
    await refreshScores(tx, line.periodId, [line.personId]);
  });
  return { ok: true };
}

/** Hand back (trả lại): the units stay in A and count as not done (Art. 18.1.d; DESIGN §3 rule 1). */
export async function handBackAssignment(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; quantity: number; reason: string },
): Promise<Assignment> {
  await deps.db.transaction(async (tx) => {
    const { line } = await lineForChange(tx, actor, id, input.version);
    const delivered = decimal(await workRepo.deliveredQuantity(tx, id));
    const remaining = decimal(line.quantity).sub(decimal(line.handedBack)).sub(delivered);
    const quantity = Rational.from(input.quantity);
    if (quantity.gt(remaining)) {
      throw invalid({
        path: ["body", "quantity"],
        message: workMessage("handBackExceeds", { remaining: remaining.toNumber().toLocaleString("vi-VN") }),
      });
    }
    await saveLine(
      tx,
      actor,
      line,
      { handedBack: decimal(line.handedBack).add(quantity).toFixed(4), handedBackReason: input.reason },
      "hand_back",
      input.reason,
    );
  });
  return lineDto(deps, id);
}

/**
 * A new deadline after the one in force (gia hạn). Delays are counted against every deadline of
 * the line — the original, then each extension — so a delivery after an extended deadline
 * counts one more delay (DESIGN §3 rule 2). Recorded as an event; the person is told.
 */
export async function extendDeadline(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; newDeadline: string; reason: string },
): Promise<Assignment> {
  await deps.db.transaction(async (tx) => {
    const { line } = await lineForChange(tx, actor, id, input.version);
    const inForce = line.extendedDeadline ?? line.deadline;
    if (!inForce) throw invalid({ path: ["body", "newDeadline"], message: workMessage("noDeadline") });
    if (input.newDeadline <= inForce) {
      throw invalid({
        path: ["body", "newDeadline"],
        message: workMessage("extensionNotLater", { deadline: inForce.split("-").reverse().join("/") }),
      });
    }
    await workRepo.insertEvent(tx, {
      id: newId(),
      assignmentId: id,
      kind: "extension",
      note: input.reason,
      newDeadline: input.newDeadline,
      actorId: actor.userId,
      at: deps.now(),
    });
    await saveLine(tx, actor, line, { extendedDeadline: input.newDeadline }, "extend", input.reason);
  });
  return lineDto(deps, id);
}
