import { and, asc, desc, eq, inArray, like, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import {
  assignments,
  catalogItems,
  catalogs,
  deliveries,
  deliveryFiles,
  files,
  orgUnits,
  people,
  periods,
  positions,
  reviewEvents,
  users,
} from "../../db/schema.ts";

export type PeriodRow = typeof periods.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type EventRow = typeof reviewEvents.$inferSelect;
export type FileRow = typeof files.$inferSelect;

/* ── Periods ── */

export type PeriodView = PeriodRow & { agencyName: string; agencyPath: string; lockedByName: string | null };

const periodViews = (db: Db) =>
  db
    .select({ period: periods, agencyName: orgUnits.name, agencyPath: orgUnits.path, lockedByName: users.displayName })
    .from(periods)
    .innerJoin(orgUnits, eq(orgUnits.id, periods.agencyId))
    .leftJoin(users, eq(users.id, periods.lockedBy));

const flattenPeriod = (r: {
  period: PeriodRow;
  agencyName: string;
  agencyPath: string;
  lockedByName: string | null;
}): PeriodView => ({ ...r.period, agencyName: r.agencyName, agencyPath: r.agencyPath, lockedByName: r.lockedByName });

export async function findPeriod(db: Db, id: string): Promise<PeriodView | undefined> {
  const [row] = await periodViews(db).where(eq(periods.id, id)).limit(1);
  return row && flattenPeriod(row);
}

/**
 * The period for a write: a shared row lock, so a lock or reopen (which updates the row) waits for
 * writes in flight and writes after it see the new status.
 */
export async function findPeriodForWrite(db: Db, id: string): Promise<PeriodView | undefined> {
  const [row] = await periodViews(db).where(eq(periods.id, id)).for("share", { of: periods }).limit(1);
  return row && flattenPeriod(row);
}

export interface PeriodFilter {
  paths: string[] | null;
  agencyId?: string;
  year?: number;
  status?: string;
  sort?: "startsOn" | "status";
  order?: "asc" | "desc";
}

function periodWhere(filter: PeriodFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.paths) {
    conditions.push(
      or(...filter.paths.map((p) => or(like(orgUnits.path, `${p}%`), sql`${p} like ${orgUnits.path} || '%'`))),
    );
  }
  if (filter.agencyId) conditions.push(eq(periods.agencyId, filter.agencyId));
  if (filter.year) conditions.push(eq(periods.year, filter.year));
  if (filter.status) conditions.push(eq(periods.status, filter.status));
  return and(...conditions);
}

export async function listPeriods(
  db: Db,
  filter: PeriodFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: PeriodView[]; total: number }> {
  if (filter.paths && filter.paths.length === 0) return { rows: [], total: 0 };
  const dir = filter.order === "asc" ? asc : desc;
  const order = filter.sort === "status" ? [dir(periods.status), desc(periods.startsOn)] : [dir(periods.startsOn)];
  const [rows, [count]] = await Promise.all([
    periodViews(db)
      .where(periodWhere(filter))
      .orderBy(...order, asc(orgUnits.name))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(periods)
      .innerJoin(orgUnits, eq(orgUnits.id, periods.agencyId))
      .where(periodWhere(filter)),
  ]);
  return { rows: rows.map(flattenPeriod), total: count?.n ?? 0 };
}

/** The agency's periods, newest first (for the month switcher). */
export async function periodsOfAgency(db: Db, agencyId: string): Promise<PeriodRow[]> {
  return db.select().from(periods).where(eq(periods.agencyId, agencyId)).orderBy(desc(periods.startsOn)).limit(60);
}

export async function insertPeriod(db: Db, row: typeof periods.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(periods).values(row).onConflictDoNothing().returning({ id: periods.id });
  return inserted.length > 0;
}

/** The approved catalog version in force on a date: latest effective date on or before it. */
export async function catalogInForce(db: Db, agencyId: string, onDate: string): Promise<string | null> {
  const [row] = await db
    .select({ id: catalogs.id })
    .from(catalogs)
    .where(
      and(eq(catalogs.agencyId, agencyId), ne(catalogs.status, "draft"), sql`${catalogs.effectiveFrom} <= ${onDate}`),
    )
    .orderBy(desc(catalogs.effectiveFrom), desc(catalogs.versionNo))
    .limit(1);
  return row?.id ?? null;
}

/* ── Catalog items and people ── */

export interface CatalogItemView {
  id: string;
  catalogId: string;
  agencyId: string;
  catalogStatus: string;
  code: string;
  task: string;
  points: string;
  standardPoints: string;
}

export async function findCatalogItem(db: Db, id: string): Promise<CatalogItemView | undefined> {
  const [row] = await db
    .select({
      id: catalogItems.id,
      catalogId: catalogItems.catalogId,
      agencyId: catalogs.agencyId,
      catalogStatus: catalogs.status,
      code: catalogItems.code,
      task: catalogItems.task,
      points: catalogItems.points,
      standardPoints: catalogs.standardPoints,
    })
    .from(catalogItems)
    .innerJoin(catalogs, eq(catalogs.id, catalogItems.catalogId))
    .where(eq(catalogItems.id, id))
    .limit(1);
  return row;
}

export interface PersonView {
  id: string;
  fullName: string;
  agencyId: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  unitKind: string;
  positionName: string | null;
  leaderRole: string;
  active: boolean;
}

const personColumns = {
  id: people.id,
  fullName: people.fullName,
  agencyId: people.agencyId,
  unitId: people.unitId,
  unitName: orgUnits.name,
  unitPath: orgUnits.path,
  unitKind: orgUnits.kind,
  positionName: positions.name,
  leaderRole: people.leaderRole,
  active: people.active,
};

const personViews = (db: Db) =>
  db
    .select(personColumns)
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .leftJoin(positions, eq(positions.id, people.positionId));

export async function findPerson(db: Db, id: string): Promise<PersonView | undefined> {
  const [row] = await personViews(db).where(eq(people.id, id)).limit(1);
  return row;
}

export type PersonTarget =
  | { kind: "people"; personIds: string[] }
  | { kind: "position"; positionId: string; unitPath?: string }
  | { kind: "unit"; unitPath: string };

/** Active people of an agency matching a bulk target, in the org's natural order. */
export async function peopleForTarget(db: Db, agencyId: string, target: PersonTarget): Promise<PersonView[]> {
  const conditions: SQL[] = [eq(people.agencyId, agencyId), eq(people.active, true)];
  if (target.kind === "people") conditions.push(inArray(people.id, target.personIds));
  if (target.kind === "position") {
    conditions.push(eq(people.positionId, target.positionId));
    if (target.unitPath) conditions.push(like(orgUnits.path, `${target.unitPath}%`));
  }
  if (target.kind === "unit") conditions.push(like(orgUnits.path, `${target.unitPath}%`));
  return personViews(db)
    .where(and(...conditions))
    .orderBy(asc(orgUnits.path), asc(people.fullName));
}

/** Active people of a unit's subtree (a division board), in the org's natural order. */
export async function peopleUnder(db: Db, unitPath: string): Promise<PersonView[]> {
  return personViews(db)
    .where(and(like(orgUnits.path, `${unitPath}%`), eq(people.active, true)))
    .orderBy(
      asc(orgUnits.path),
      sql`case ${people.leaderRole} when 'head' then 0 when 'deputy' then 1 else 2 end`,
      asc(people.fullName),
    );
}

/* ── Assignments ── */

export type AssignmentView = AssignmentRow & {
  personName: string;
  personLeaderRole: string;
  unitId: string;
  unitName: string;
  unitPath: string;
};

const assignmentViews = (db: Db) =>
  db
    .select({
      assignment: assignments,
      personName: people.fullName,
      personLeaderRole: people.leaderRole,
      unitId: orgUnits.id,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
    })
    .from(assignments)
    .innerJoin(people, eq(people.id, assignments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId));

const flattenAssignment = (r: {
  assignment: AssignmentRow;
  personName: string;
  personLeaderRole: string;
  unitId: string;
  unitName: string;
  unitPath: string;
}): AssignmentView => ({
  ...r.assignment,
  personName: r.personName,
  personLeaderRole: r.personLeaderRole,
  unitId: r.unitId,
  unitName: r.unitName,
  unitPath: r.unitPath,
});

export async function insertAssignments(db: Db, rows: (typeof assignments.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(assignments).values(rows);
}

export async function findAssignment(db: Db, id: string): Promise<AssignmentView | undefined> {
  const [row] = await assignmentViews(db).where(eq(assignments.id, id)).limit(1);
  return row && flattenAssignment(row);
}

export async function findAssignments(db: Db, ids: string[]): Promise<AssignmentView[]> {
  if (ids.length === 0) return [];
  const rows = await assignmentViews(db).where(inArray(assignments.id, ids)).orderBy(asc(people.fullName));
  return rows.map(flattenAssignment);
}

/** One person's lines of a period, in the order they were assigned. */
export async function assignmentsOf(db: Db, periodId: string, personId: string): Promise<AssignmentView[]> {
  const rows = await assignmentViews(db)
    .where(and(eq(assignments.periodId, periodId), eq(assignments.personId, personId)))
    .orderBy(asc(assignments.createdAt), asc(assignments.itemCode));
  return rows.map(flattenAssignment);
}

export interface AssignmentFilter {
  paths: string[];
  personId?: string;
  unitPath?: string;
  source?: string;
  search?: string;
  sort?: "personName" | "itemCode" | "deadline" | "converted";
  order?: "asc" | "desc";
}

function assignmentWhere(periodId: string, f: AssignmentFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    eq(assignments.periodId, periodId),
    or(...f.paths.map((p) => like(orgUnits.path, `${p}%`))),
  ];
  if (f.personId) conditions.push(eq(assignments.personId, f.personId));
  if (f.unitPath) conditions.push(like(orgUnits.path, `${f.unitPath}%`));
  if (f.source) conditions.push(eq(assignments.source, f.source));
  if (f.search) {
    const term = `%${f.search}%`;
    conditions.push(
      or(
        like(people.searchText, term),
        like(sql`lower(${assignments.itemCode})`, term),
        like(sql`lower(${assignments.itemName})`, term),
      ),
    );
  }
  return and(...conditions);
}

const assignmentSorts = {
  personName: people.fullName,
  itemCode: assignments.itemCode,
  deadline: sql`coalesce(${assignments.extendedDeadline}, ${assignments.deadline})`,
  converted: sql`${assignments.quantity} * ${assignments.coefficient}`,
} as const;

export async function listAssignments(
  db: Db,
  periodId: string,
  filter: AssignmentFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: AssignmentView[]; total: number }> {
  if (filter.paths.length === 0) return { rows: [], total: 0 };
  const where = assignmentWhere(periodId, filter);
  const column = assignmentSorts[filter.sort ?? "personName"];
  const order = filter.order === "desc" ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  const [rows, [count]] = await Promise.all([
    assignmentViews(db)
      .where(where)
      .orderBy(order, asc(people.fullName), asc(assignments.createdAt))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(assignments)
      .innerJoin(people, eq(people.id, assignments.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(where),
  ]);
  return { rows: rows.map(flattenAssignment), total: count?.n ?? 0 };
}

export async function updateAssignment(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof assignments.$inferInsert>,
): Promise<AssignmentRow | undefined> {
  const [row] = await db
    .update(assignments)
    .set({ ...patch, version: sql`${assignments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assignments.id, id), eq(assignments.version, version)))
    .returning();
  return row;
}

export async function deleteAssignment(db: Db, id: string): Promise<void> {
  await db.delete(reviewEvents).where(eq(reviewEvents.assignmentId, id));
  await db.delete(assignments).where(eq(assignments.id, id));
}

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

/** The deadlines of a line in order: the original, then each extension granted. */
export async function extensionDeadlines(db: Db, assignmentId: string): Promise<string[]> {
  const rows = await db
    .select({ day: reviewEvents.newDeadline })
    .from(reviewEvents)
    .where(and(eq(reviewEvents.assignmentId, assignmentId), eq(reviewEvents.kind, "extension")))
    .orderBy(asc(reviewEvents.at));
  return rows.flatMap((r) => (r.day ? [r.day] : []));
}

/** Units delivered so far on a line. */
export async function deliveredQuantity(db: Db, assignmentId: string): Promise<string> {
  const [row] = await db
    .select({ q: sql<string>`coalesce(sum(${deliveries.quantity}), 0)::text` })
    .from(deliveries)
    .where(eq(deliveries.assignmentId, assignmentId));
  return row?.q ?? "0";
}

/* ── Deliveries and events ── */

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

export async function insertEvent(db: Db, row: typeof reviewEvents.$inferInsert): Promise<void> {
  await db.insert(reviewEvents).values(row);
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
