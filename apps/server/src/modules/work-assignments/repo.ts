import { and, asc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { assignments, catalogItems, catalogs, orgUnits, people, reviewEvents } from "../../db/schema.ts";
import {
  type AssignmentRow,
  type AssignmentView,
  assignmentViews,
  flattenAssignment,
  type PersonView,
  personViews,
} from "../work/repo.ts";

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

/* ── Lines ── */

export async function insertAssignments(db: Db, rows: (typeof assignments.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(assignments).values(rows);
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
