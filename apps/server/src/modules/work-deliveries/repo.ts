import { and, asc, desc, eq, like, or, type SQL, sql } from "drizzle-orm";
import { anyOf, unnestInsert } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import { assignments, deliveries, orgUnits, people, reviewEvents } from "../../db/schema.ts";
import type { DeliveryRow } from "../work/repo.ts";

/** What recording a delivery checks against: the line, its person and period, and what it holds so far. */
export interface LineForDelivery {
  id: string;
  periodId: string;
  personId: string;
  personName: string;
  personLeaderRole: string;
  unitPath: string;
  itemName: string;
  quantity: string;
  handedBack: string;
  deadline: string | null;
  periodStatus: string;
  periodStartsOn: string;
  ruleSetVersion: string;
  /** Units delivered so far. */
  delivered: string;
  /** Extended deadlines granted, in order. */
  extensions: string[];
}

/**
 * These lines with everything a delivery is checked against, in one query. The lines are locked in
 * id order for the rest of the transaction (two deliveries on one line take turns, so what is left
 * is read once the other is recorded), their periods shared (a period is not locked meanwhile).
 */
export async function linesForDelivery(db: Db, ids: readonly string[]): Promise<LineForDelivery[]> {
  const result = await db.execute(sql`
    select a.id, a.period_id as "periodId", a.person_id as "personId", p.full_name as "personName",
      p.leader_role as "personLeaderRole", u.path as "unitPath", a.item_name as "itemName",
      a.quantity::text as quantity, a.handed_back::text as "handedBack", a.deadline::text as deadline,
      per.status as "periodStatus", per.starts_on::text as "periodStartsOn", per.rule_set_version as "ruleSetVersion",
      coalesce((select sum(d.quantity) from deliveries d where d.assignment_id = a.id), 0)::text as delivered,
      array(select e.new_deadline::text from review_events e
            where e.assignment_id = a.id and e.kind = 'extension' and e.new_deadline is not null
            order by e.at) as extensions
    from assignments a
    join people p on p.id = a.person_id
    join org_units u on u.id = p.unit_id
    join periods per on per.id = a.period_id
    where a.id = any(${sql.param([...ids])}::text[])
    order by a.id
    for update of a
    for share of per`);
  return (result as unknown as { rows: LineForDelivery[] }).rows;
}

export type NewDelivery = typeof deliveries.$inferInsert & { id: string; fileIds: readonly string[] };

/** New deliveries and their evidence, then read back as stored (with the table's defaults). */
export async function insertDeliveries(db: Db, rows: readonly NewDelivery[]): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  await unnestInsert<NewDelivery>(
    db,
    "deliveries",
    [
      ["id", "text", (r) => r.id],
      ["assignment_id", "text", (r) => r.assignmentId],
      ["quantity", "numeric", (r) => r.quantity],
      ["delivered_on", "date", (r) => r.deliveredOn],
      ["document_number", "text", (r) => r.documentNumber],
      ["link", "text", (r) => r.link],
      ["note", "text", (r) => r.note],
      ["delays", "int", (r) => r.delays ?? 0],
      ["recorded_by", "text", (r) => r.recordedBy],
      ["created_at", "timestamptz", (r) => r.createdAt?.toISOString()],
    ],
    rows,
  );
  const files = rows.flatMap((r) => r.fileIds.map((fileId) => ({ deliveryId: r.id, fileId })));
  await unnestInsert(
    db,
    "delivery_files",
    [
      ["delivery_id", "text", (f) => f.deliveryId],
      ["file_id", "text", (f) => f.fileId],
    ],
    files,
  );
  return db
    .select()
    .from(deliveries)
    .where(
      anyOf(
        deliveries.id,
        rows.map((r) => r.id),
      ),
    );
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
