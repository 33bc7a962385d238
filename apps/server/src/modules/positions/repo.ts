import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { people, positions } from "../../db/schema.ts";

export type PositionRow = typeof positions.$inferSelect;

export async function listPositions(db: Db, agencyIds: string[]): Promise<PositionRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(positions)
    .where(inArray(positions.agencyId, agencyIds))
    .orderBy(asc(positions.agencyId), asc(positions.code));
}

export async function findPosition(db: Db, id: string): Promise<PositionRow | undefined> {
  const [row] = await db.select().from(positions).where(eq(positions.id, id)).limit(1);
  return row;
}

export async function findByCode(db: Db, agencyId: string, code: string): Promise<PositionRow | undefined> {
  const [row] = await db
    .select()
    .from(positions)
    .where(and(eq(positions.agencyId, agencyId), sql`lower(${positions.code}) = lower(${code})`))
    .limit(1);
  return row;
}

export async function insertPosition(db: Db, row: typeof positions.$inferInsert): Promise<PositionRow> {
  const [created] = await db.insert(positions).values(row).returning();
  return created!;
}

export async function updatePosition(
  db: Db,
  id: string,
  version: number,
  patch: { code: string; name: string },
): Promise<PositionRow | undefined> {
  const [row] = await db
    .update(positions)
    .set({ ...patch, version: sql`${positions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(positions.id, id), eq(positions.version, version)))
    .returning();
  return row;
}

export async function deletePosition(db: Db, id: string): Promise<void> {
  await db.delete(positions).where(eq(positions.id, id));
}

export async function countHolders(db: Db, id: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(people).where(eq(people.positionId, id));
  return row?.n ?? 0;
}
