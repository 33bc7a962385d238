import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { deliveries, deliveryFiles, files, reviewEvents, users } from "../../db/schema.ts";
import type { DeliveryRow, EventRow } from "../work/repo.ts";

export type FileRow = typeof files.$inferSelect;

/**
 * Events recorded at the same instant (one clock tick) in the order they can happen: a failure
 * before its excuse, both before a final pass.
 */
const eventSequence = sql`case ${reviewEvents.kind} when 'review_fail' then 0 when 'excuse_failure' then 1 when 'excuse_delay' then 1 when 'review_pass' then 2 else 0 end`;

/** Deliveries, their files and the events of a set of lines: three queries whatever their number. */
export async function detailsOf(
  db: Db,
  assignmentIds: string[],
): Promise<{
  deliveries: (DeliveryRow & { recordedByName: string | null })[];
  files: (FileRow & { deliveryId: string })[];
  events: (EventRow & { actorName: string | null })[];
}> {
  if (assignmentIds.length === 0) return { deliveries: [], files: [], events: [] };
  const [deliveryRows, fileRows, eventRows] = await Promise.all([
    db
      .select({ delivery: deliveries, recordedByName: users.displayName })
      .from(deliveries)
      .leftJoin(users, eq(users.id, deliveries.recordedBy))
      .where(inArray(deliveries.assignmentId, assignmentIds))
      .orderBy(asc(deliveries.deliveredOn), asc(deliveries.createdAt)),
    db
      .select({ file: files, deliveryId: deliveryFiles.deliveryId })
      .from(deliveryFiles)
      .innerJoin(files, eq(files.id, deliveryFiles.fileId))
      .innerJoin(deliveries, eq(deliveries.id, deliveryFiles.deliveryId))
      .where(inArray(deliveries.assignmentId, assignmentIds))
      .orderBy(asc(files.name)),
    db
      .select({ event: reviewEvents, actorName: users.displayName })
      .from(reviewEvents)
      .leftJoin(users, eq(users.id, reviewEvents.actorId))
      .where(inArray(reviewEvents.assignmentId, assignmentIds))
      .orderBy(asc(reviewEvents.at), eventSequence),
  ]);
  return {
    deliveries: deliveryRows.map((r) => ({ ...r.delivery, recordedByName: r.recordedByName })),
    files: fileRows.map((r) => ({ ...r.file, deliveryId: r.deliveryId })),
    events: eventRows.map((r) => ({ ...r.event, actorName: r.actorName })),
  };
}
