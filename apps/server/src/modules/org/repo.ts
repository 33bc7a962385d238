import { and, asc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { grants, orgUnits, people, positions } from "../../db/schema.ts";

export type UnitRow = typeof orgUnits.$inferSelect;

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return row;
}

export async function findUnits(db: Db, ids: string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(orgUnits).where(inArray(orgUnits.id, ids));
}

/** Units inside any of the subtrees, plus the named extra units (a scope's ancestors, for the tree's spine). */
export async function listUnitsUnder(db: Db, paths: string[] | null, extraIds: string[] = []): Promise<UnitRow[]> {
  const conditions: SQL[] = [];
  if (paths) {
    for (const p of paths) conditions.push(like(orgUnits.path, `${p}%`));
    if (extraIds.length > 0) conditions.push(inArray(orgUnits.id, extraIds));
    if (conditions.length === 0) return [];
  }
  return db
    .select()
    .from(orgUnits)
    .where(paths ? or(...conditions) : undefined)
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
}

export async function siblingWithName(db: Db, parentId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.parentId, parentId),
        sql`lower(${orgUnits.name}) = lower(${name})`,
        exceptId ? sql`${orgUnits.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return row;
}

export async function insertUnit(db: Db, row: typeof orgUnits.$inferInsert): Promise<UnitRow> {
  const [created] = await db.insert(orgUnits).values(row).returning();
  return created!;
}

/** Updates when the version still matches; returns undefined when someone else changed the row first. */
export async function updateUnit(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Pick<UnitRow, "code" | "name" | "sortOrder" | "parentId" | "path">>,
): Promise<UnitRow | undefined> {
  const [row] = await db
    .update(orgUnits)
    .set({ ...patch, version: sql`${orgUnits.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orgUnits.id, id), eq(orgUnits.version, version)))
    .returning();
  return row;
}

/** Rewrites the path prefix of a moved subtree (its root included). */
export async function movePaths(db: Db, oldPrefix: string, newPrefix: string): Promise<void> {
  await db
    .update(orgUnits)
    .set({ path: sql`${newPrefix} || substr(${orgUnits.path}, ${oldPrefix.length + 1})` })
    .where(like(orgUnits.path, `${oldPrefix}%`));
}

export async function deleteUnit(db: Db, id: string): Promise<void> {
  await db.delete(orgUnits).where(eq(orgUnits.id, id));
}

/** What still refers to a unit, so deletion can refuse with the reason. */
export async function unitUsage(db: Db, id: string, path: string) {
  const [children, staff, jobs, roles] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(orgUnits).where(eq(orgUnits.parentId, id)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(like(orgUnits.path, `${path}%`)),
    db.select({ n: sql<number>`count(*)::int` }).from(positions).where(eq(positions.agencyId, id)),
    db.select({ n: sql<number>`count(*)::int` }).from(grants).where(eq(grants.orgUnitId, id)),
  ]);
  return {
    children: children[0]?.n ?? 0,
    people: staff[0]?.n ?? 0,
    positions: jobs[0]?.n ?? 0,
    grants: roles[0]?.n ?? 0,
  };
}
