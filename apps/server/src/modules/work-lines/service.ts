import {
  type Assignment,
  type AssignmentSourceCode,
  type Delivery,
  daysBetween,
  type ReviewEvent,
  type ReviewStatus,
} from "@thuocdo/contract";
import { Rational } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { notFound } from "../../http/app-error.ts";
import { groupBy } from "../../lib/group-by.ts";
import { today } from "../evaluation/service.ts";
import { toStoredFile } from "../files/service.ts";
import { decimal } from "../scoring/service.ts";
import * as workRepo from "../work/repo.ts";
import * as repo from "./repo.ts";

/* Lines and their deliveries as the API shows them; shared by assignments, deliveries and the read models. */

export const num = (text: string) => decimal(text).toNumber();

const eventDto = (e: workRepo.EventRow & { actorName: string | null }): ReviewEvent => ({
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
function deadlineAt(line: workRepo.AssignmentRow, extensions: workRepo.EventRow[], recordedAt: Date): string | null {
  const granted = extensions.filter((e) => e.at <= recordedAt && e.newDeadline);
  return granted.at(-1)?.newDeadline ?? line.deadline;
}

/** One delivery as the API shows it, measured against the deadline in force when it was recorded. */
export function deliveryOf(
  d: workRepo.DeliveryRow,
  deadline: string | null,
  files: readonly Parameters<typeof toStoredFile>[0][],
  events: readonly (workRepo.EventRow & { actorName: string | null })[],
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
export async function assignmentDtos(db: Db, lines: workRepo.AssignmentView[], day: string): Promise<Assignment[]> {
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

export async function lineDto(deps: Deps, id: string): Promise<Assignment> {
  const line = await workRepo.findAssignment(deps.db, id);
  if (!line) throw notFound("assignment", id);
  return (await assignmentDtos(deps.db, [line], today(deps)))[0]!;
}

export async function deliveryDto(deps: Deps, assignmentId: string, deliveryId: string): Promise<Delivery> {
  const line = await lineDto(deps, assignmentId);
  return line.deliveries.find((d) => d.id === deliveryId)!;
}
