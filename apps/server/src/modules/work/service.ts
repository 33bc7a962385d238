import {
  type Assignment,
  type AssignmentSourceCode,
  type Board,
  type BoardRow,
  type Delivery,
  type DeliveryRow,
  daysBetween,
  foldVietnamese,
  isAgencyKind,
  type LeaderRole,
  type MyMonth,
  type OrgUnitKind,
  type Period,
  type PeriodKind,
  type ReviewEvent,
  type ReviewStatus,
  workLinks,
  workMessage,
} from "@thuocdo/contract";
import { countDelays, Rational, ruleSetById, ruleSetFor } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, covers, scopePaths } from "../../http/actor.ts";
import { AppError, conflict, forbidden, notFound } from "../../http/app-error.ts";
import { groupBy } from "../../lib/group-by.ts";
import { newId } from "../../lib/tokens.ts";
import { type Change, recordChange, recordChanges } from "../audit/service.ts";
import * as evaluationRepo from "../evaluation/repo.ts";
import { ensureEvaluation, evaluationDto, invalid, periodDto, periodLabelOf, today } from "../evaluation/service.ts";
import { requireFiles, toStoredFile } from "../files/service.ts";
import { notifyEvaluators, notifyPeople } from "../notifications/service.ts";
import { requireUnit } from "../org/service.ts";
import { findPosition } from "../positions/repo.ts";
import { decimal, refreshScores, scoreOf, settleScores } from "../scoring/service.ts";
import { settingsFor } from "../settings/service.ts";
import {
  assertCanAdministerPeriods,
  assertCanManagePerson,
  assertCanSeeAgency,
  assertOwnWork,
  assertPeriodOpen,
  canManagePerson,
  WORK_MANAGERS,
} from "./policy.ts";
import * as repo from "./repo.ts";

/* ───────────── Periods ───────────── */

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const dayOf = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(Math.min(day, lastDay(year, month)))}`;

/**
 * Dates of a month or quarter and its deadlines from the agency's settings: self-evaluation and
 * review on the given days of the period's last month, the lock on the given day of the month
 * after (DESIGN §5).
 */
export function periodDates(
  kind: PeriodKind,
  year: number,
  number: number,
  settings: { selfEvaluationDay: number; reviewDay: number; lockDay: number },
) {
  const firstMonth = kind === "quarter" ? (number - 1) * 3 + 1 : number;
  const lastMonth = kind === "quarter" ? firstMonth + 2 : firstMonth;
  const next = lastMonth === 12 ? { year: year + 1, month: 1 } : { year, month: lastMonth + 1 };
  return {
    firstMonth,
    startsOn: dayOf(year, firstMonth, 1),
    endsOn: dayOf(year, lastMonth, 31),
    selfEvaluationDue: dayOf(year, lastMonth, settings.selfEvaluationDay),
    reviewDue: dayOf(year, lastMonth, settings.reviewDay),
    lockDue: dayOf(next.year, next.month, settings.lockDay),
  };
}

async function requirePeriod(db: Db, id: string, forWrite = false): Promise<repo.PeriodView> {
  const period = forWrite ? await repo.findPeriodForWrite(db, id) : await repo.findPeriod(db, id);
  if (!period) throw notFound("period", id);
  return period;
}

/** Opens a month or quarter (per the agency's settings) with its deadlines, catalog and rule set. */
export async function openPeriod(
  deps: Deps,
  actor: Actor,
  input: { agencyId: string; year: number; number: number },
): Promise<Period> {
  const agency = await requireUnit(deps.db, input.agencyId);
  if (!isAgencyKind(agency.kind as OrgUnitKind)) throw notFound("agency", input.agencyId);
  assertCanAdministerPeriods(actor, agency.path);
  const settings = await settingsFor(deps.db, agency.id);
  if (settings.periodKind === "quarter" && input.number > 4) {
    throw invalid({ path: ["body", "number"], message: workMessage("periodNumberRange") });
  }
  const dates = periodDates(settings.periodKind, input.year, input.number, settings);
  const ruleSet = ruleSetFor({ year: input.year, month: dates.firstMonth });
  if (!ruleSet.ok) throw new AppError("CALC_INVALID", { issues: ruleSet.error });
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const { firstMonth: _, ...row } = dates;
    const inserted = await repo.insertPeriod(tx, {
      id,
      agencyId: agency.id,
      kind: settings.periodKind,
      year: input.year,
      number: input.number,
      ...row,
      catalogId: await repo.catalogInForce(tx, agency.id, dates.startsOn),
      ruleSetVersion: ruleSet.value.id,
    });
    if (!inserted)
      throw new AppError("DUPLICATE", { issues: [{ path: ["body"], message: workMessage("periodExists") }] });
    await recordChange(tx, actor, {
      entity: "period",
      entityId: id,
      unitPath: agency.path,
      action: "create",
      after: { kind: settings.periodKind, year: input.year, number: input.number, ...row },
    });
  });
  return periodDto(await requirePeriod(deps.db, id));
}

export async function listPeriods(
  deps: Deps,
  actor: Actor,
  query: Omit<repo.PeriodFilter, "paths"> & { page: number; pageSize: number },
) {
  const admin = actor.grants.some((g) => g.role === "admin");
  const { rows, total } = await repo.listPeriods(
    deps.db,
    { ...query, paths: admin ? null : actor.grants.map((g) => g.path) },
    query,
  );
  return { items: rows.map(periodDto), total, page: query.page, pageSize: query.pageSize };
}

export async function getPeriod(deps: Deps, actor: Actor, id: string): Promise<Period> {
  const period = await requirePeriod(deps.db, id);
  assertCanSeeAgency(actor, period.agencyPath);
  return periodDto(period);
}

/* ───────────── DTOs of lines and deliveries ───────────── */

const num = (text: string) => decimal(text).toNumber();

const eventDto = (e: repo.EventRow & { actorName: string | null }): ReviewEvent => ({
  id: e.id,
  kind: e.kind as ReviewEvent["kind"],
  deliveryId: e.deliveryId,
  note: e.note,
  confirmedBy: e.confirmedBy,
  newDeadline: e.newDeadline,
  actorName: e.actorName,
  at: e.at.toISOString(),
});

/** The deadline a delivery was measured against: the last one granted before it was recorded. */
function deadlineAt(line: repo.AssignmentRow, extensions: repo.EventRow[], recordedAt: Date): string | null {
  const granted = extensions.filter((e) => e.at <= recordedAt && e.newDeadline);
  return granted.at(-1)?.newDeadline ?? line.deadline;
}

/** One delivery as the API shows it, measured against the deadline in force when it was recorded. */
function deliveryOf(
  d: repo.DeliveryRow,
  deadline: string | null,
  files: readonly Parameters<typeof toStoredFile>[0][],
  events: readonly (repo.EventRow & { actorName: string | null })[],
): Delivery {
  return {
    id: d.id,
    assignmentId: d.assignmentId,
    quantity: num(d.quantity),
    deliveredOn: d.deliveredOn,
    documentNumber: d.documentNumber,
    link: d.link,
    note: d.note,
    files: files.map(toStoredFile),
    deadline,
    daysLate: deadline ? Math.max(0, daysBetween(deadline, d.deliveredOn)) : 0,
    delays: d.delays,
    excusedDelays: d.excusedDelays,
    failedReviews: d.failedReviews,
    excusedFailedReviews: d.excusedFailedReviews,
    reviewStatus: d.reviewStatus as ReviewStatus,
    events: events.map(eventDto),
    recordedAt: d.createdAt.toISOString(),
    version: d.version,
  };
}

/** Lines with their deliveries, files and events: three queries for any number of lines. */
export async function assignmentDtos(db: Db, lines: repo.AssignmentView[], day: string): Promise<Assignment[]> {
  const details = await repo.detailsOf(
    db,
    lines.map((l) => l.id),
  );
  // Grouped once: a filter per line (and per delivery) would be quadratic on a long review queue.
  const eventsOf = groupBy(details.events, (e) => e.assignmentId);
  const deliveriesOf = groupBy(details.deliveries, (d) => d.assignmentId);
  const filesOf = groupBy(details.files, (f) => f.deliveryId);
  return lines.map((line) => {
    const events = eventsOf.get(line.id) ?? [];
    const extensions = events.filter((e) => e.kind === "extension");
    const lineDeliveries = deliveriesOf.get(line.id) ?? [];
    const deliveries = lineDeliveries.map((d) =>
      deliveryOf(
        d,
        deadlineAt(line, extensions, d.createdAt),
        filesOf.get(d.id) ?? [],
        events.filter((e) => e.deliveryId === d.id),
      ),
    );
    const quantity = decimal(line.quantity);
    const coefficient = decimal(line.coefficient);
    const handedBack = decimal(line.handedBack);
    const delivered = Rational.sum(lineDeliveries.map((d) => decimal(d.quantity)));
    const remaining = quantity.sub(handedBack).sub(delivered);
    const inForce = line.extendedDeadline ?? line.deadline;
    return {
      id: line.id,
      periodId: line.periodId,
      personId: line.personId,
      personName: line.personName,
      unitId: line.unitId,
      unitName: line.unitName,
      catalogItemId: line.catalogItemId,
      itemCode: line.itemCode,
      itemName: line.itemName,
      coefficient: coefficient.toNumber(),
      quantity: quantity.toNumber(),
      converted: quantity.mul(coefficient).toNumber(),
      source: line.source as AssignmentSourceCode,
      deadline: line.deadline,
      extendedDeadline: line.extendedDeadline,
      handedBack: handedBack.toNumber(),
      handedBackReason: line.handedBackReason,
      teamGroupId: line.teamGroupId,
      note: line.note,
      deliveredQuantity: delivered.toNumber(),
      remainingQuantity: remaining.toNumber(),
      overdue: inForce !== null && inForce < day && remaining.gt(Rational.ZERO),
      deliveries,
      events: events.filter((e) => e.deliveryId === null).map(eventDto),
      version: line.version,
    };
  });
}

async function lineDto(deps: Deps, id: string): Promise<Assignment> {
  const line = await repo.findAssignment(deps.db, id);
  if (!line) throw notFound("assignment", id);
  return (await assignmentDtos(deps.db, [line], today(deps)))[0]!;
}

async function deliveryDto(deps: Deps, assignmentId: string, deliveryId: string): Promise<Delivery> {
  const line = await lineDto(deps, assignmentId);
  return line.deliveries.find((d) => d.id === deliveryId)!;
}

/* ───────────── Assignments ───────────── */

const lineSnapshot = (a: Partial<repo.AssignmentRow>) => ({
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
async function itemForPeriod(tx: Db, period: repo.PeriodView, itemId: string) {
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
  period: repo.PeriodView,
  input: LineInput,
  shares: { person: repo.PersonView; quantity: Rational }[],
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
async function resolveTarget(db: Db, actor: Actor, period: repo.PeriodView, target: Target) {
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
  const lines = await repo.findAssignments(deps.db, ids);
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
  const lines = await repo.findAssignments(deps.db, ids);
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
  const line = await repo.findAssignment(tx, id);
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
  line: repo.AssignmentView,
  patch: Partial<repo.AssignmentRow>,
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
    const patch: Partial<repo.AssignmentRow> = {};
    if (input.quantity !== undefined) {
      const done = decimal(await repo.deliveredQuantity(tx, id)).add(decimal(line.handedBack));
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
    if (decimal(await repo.deliveredQuantity(tx, id)).gt(Rational.ZERO)) {
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
    const delivered = decimal(await repo.deliveredQuantity(tx, id));
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
    await repo.insertEvent(tx, {
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

/* ───────────── Deliveries ───────────── */

const deliverySnapshot = (d: Partial<repo.DeliveryRow>) => ({
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
  input: {
    quantity: number;
    deliveredOn: string;
    documentNumber: string | null;
    link: string | null;
    note: string | null;
    fileIds: string[];
  },
): Promise<Delivery> {
  if (input.fileIds.length === 0 && !input.documentNumber && !input.link) {
    throw invalid({ path: ["body", "fileIds"], message: workMessage("evidenceRequired") });
  }
  if (input.deliveredOn > today(deps)) {
    throw invalid({ path: ["body", "deliveredOn"], message: workMessage("deliveredInFuture") });
  }
  const files = await requireFiles(deps, actor, input.fileIds);
  const id = newId();
  return deps.db.transaction(async (tx) => {
    const line = await repo.findAssignment(tx, assignmentId);
    if (!line) throw notFound("assignment", assignmentId);
    assertOwnWork(actor, line.personId);
    const period = await requirePeriod(tx, line.periodId, true);
    assertPeriodOpen(period);
    if (input.deliveredOn < period.startsOn) {
      throw invalid({
        path: ["body", "deliveredOn"],
        message: workMessage("deliveredBeforePeriod", { startsOn: period.startsOn.split("-").reverse().join("/") }),
      });
    }
    const delivered = decimal(await repo.deliveredQuantity(tx, assignmentId));
    const remaining = decimal(line.quantity).sub(decimal(line.handedBack)).sub(delivered);
    if (Rational.from(input.quantity).gt(remaining)) {
      throw invalid({
        path: ["body", "quantity"],
        message: workMessage("quantityExceedsRemaining", { remaining: remaining.toNumber().toLocaleString("vi-VN") }),
      });
    }
    const ruleSet = ruleSetById(period.ruleSetVersion);
    if (!ruleSet.ok) throw new AppError("INTERNAL", { reason: "unknown_rule_set" });
    const deadlines = line.deadline ? [line.deadline, ...(await repo.extensionDeadlines(tx, assignmentId))] : [];
    const row = {
      id,
      assignmentId,
      quantity: Rational.from(input.quantity).toFixed(4),
      deliveredOn: input.deliveredOn,
      documentNumber: input.documentNumber,
      link: input.link,
      note: input.note,
      delays: countDelays(ruleSet.value, deadlines, input.deliveredOn),
      recordedBy: actor.userId,
      createdAt: deps.now(),
    };
    const inserted = await repo.insertDelivery(
      tx,
      row,
      files.map((f) => f.id),
    );
    await recordChange(tx, actor, {
      entity: "delivery",
      entityId: id,
      unitPath: line.unitPath,
      action: "create",
      after: { ...deliverySnapshot(row), fileIds: files.map((f) => f.id) },
    });
    await refreshScores(tx, line.periodId, [line.personId]);
    const person = { id: line.personId, unitPath: line.unitPath, leaderRole: line.personLeaderRole };
    await notifyEvaluators(tx, actor, person, {
      kind: "delivery_waiting_review",
      text: "delivery_waiting_review",
      params: { person: line.personName, item: line.itemName },
      link: `${workLinks.board}?periodId=${line.periodId}`,
    });
    // Recorded after every extension granted so far: measured against the last deadline.
    return deliveryOf(inserted, deadlines.at(-1) ?? null, files, []);
  });
}

async function deliveryForChange(tx: Db, id: string) {
  const delivery = await repo.findDelivery(tx, id);
  if (!delivery) throw notFound("delivery", id);
  const line = (await repo.findAssignment(tx, delivery.assignmentId))!;
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
  change: (d: repo.DeliveryRow) => {
    patch: Partial<repo.DeliveryRow>;
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
    await repo.insertEvent(tx, {
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
    await repo.findAssignments(deps.db, [...new Set(rows.map((r) => r.assignmentId))]),
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

/* ───────────── Read models ───────────── */

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
  const person = await repo.findPerson(deps.db, actor.personId);
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
  const evaluationId = await deps.db.transaction((tx) => ensureEvaluation(tx, period.id, person));
  // A leader's d reads their people's scores, which writes leave to be settled.
  if (person.leaderRole !== "none") await settleScores(deps.db, { periodIds: [period.id] });
  const lines = await assignmentDtos(deps.db, await repo.assignmentsOf(deps.db, period.id, person.id), day);
  const evaluation = await evaluationDto(
    deps.db,
    actor,
    (await evaluationRepo.findEvaluation(deps.db, evaluationId))!,
    period,
  );
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
  const [people, lineAgg, deliveryAgg, overdueLines, waiting] = await Promise.all([
    repo.peopleUnder(deps.db, unit.path),
    evaluationRepo.lineAggregates(deps.db, periodId, unit.path, day),
    evaluationRepo.deliveryAggregates(deps.db, periodId, unit.path),
    evaluationRepo.overdueLines(deps.db, periodId, unit.path, day, 200),
    day > period.reviewDue ? evaluationRepo.waitingDeliveries(deps.db, periodId, unit.path, 200) : Promise.resolve([]),
  ]);
  await settleScores(deps.db, { periodIds: [periodId] });
  const evaluations = await evaluationRepo.evaluationsOf(
    deps.db,
    periodId,
    people.map((p) => p.id),
  );
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
