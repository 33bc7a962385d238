import { and, asc, desc, eq, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { assignments, deliveries, deliveryFiles, orgUnits, people, reviewEvents } from "../../db/schema.ts";
import type { DeliveryRow } from "../work/repo.ts";

/** The deadlines of a line in order: the original, then each extension granted. */
export async function extensionDeadlines(db: Db, assignmentId: string): Promise<string[]> {
  const rows = await db
    .select({ day: reviewEvents.newDeadline })
    .from(reviewEvents)
    .where(and(eq(reviewEvents.assignmentId, assignmentId), eq(reviewEvents.kind, "extension")))
    .orderBy(asc(reviewEvents.at));
  return rows.flatMap((r) => (r.day ? [r.day] : []));
}

/** The new delivery as stored, with its defaults: the caller answers with it without reading it back. */
export async function insertDelivery(
  db: Db,
  row: typeof deliveries.$inferInsert,
  fileIds: string[],
): Promise<DeliveryRow> {
  const [inserted] = await db.insert(deliveries).values(row).returning();
  if (fileIds.length > 0)
    await db.insert(deliveryFiles).values(fileIds.map((fileId) => ({ deliveryId: row.id!, fileId })));
  return inserted!;
}

export async function findDelivery(db: Db, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id)).limit(1);
  return row;
}

export async function updateDelivery(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof deliveries.$inferInsert>,
): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .update(deliveries)
    .set({ ...patch, version: sql`${deliveries.version} + 1`, updatedAt: new Date() })
    .where(and(eq(deliveries.id, id), eq(deliveries.version, version)))
    .returning();
  return row;
}

export async function deleteDelivery(db: Db, id: string): Promise<void> {
  await db.delete(reviewEvents).where(eq(reviewEvents.deliveryId, id));
  await db.delete(deliveries).where(eq(deliveries.id, id));
}

export interface DeliveryFilter {
  paths: string[];
  reviewStatus?: string;
  personId?: string;
  unitPath?: string;
  sort?: "deliveredOn" | "personName" | "itemCode";
  order?: "asc" | "desc";
}

/** A period's deliveries with their line, for review queues (ids only; details load by line). */
export async function listDeliveries(
  db: Db,
  periodId: string,
  f: DeliveryFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: { deliveryId: string; assignmentId: string }[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  const conditions: (SQL | undefined)[] = [
    eq(assignments.periodId, periodId),
    or(...f.paths.map((p) => like(orgUnits.path, `${p}%`))),
  ];
  if (f.reviewStatus) conditions.push(eq(deliveries.reviewStatus, f.reviewStatus));
  if (f.personId) conditions.push(eq(assignments.personId, f.personId));
  if (f.unitPath) conditions.push(like(orgUnits.path, `${f.unitPath}%`));
  const where = and(...conditions);
  const sorts = { deliveredOn: deliveries.deliveredOn, personName: people.fullName, itemCode: assignments.itemCode };
  const column = sorts[f.sort ?? "deliveredOn"];
  const [rows, [count]] = await Promise.all([
    db
      .select({ deliveryId: deliveries.id, assignmentId: deliveries.assignmentId })
      .from(deliveries)
      .innerJoin(assignments, eq(assignments.id, deliveries.assignmentId))
      .innerJoin(people, eq(people.id, assignments.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(where)
      .orderBy(f.order === "desc" ? desc(column) : asc(column), asc(deliveries.createdAt))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(deliveries)
      .innerJoin(assignments, eq(assignments.id, deliveries.assignmentId))
      .innerJoin(people, eq(people.id, assignments.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}
