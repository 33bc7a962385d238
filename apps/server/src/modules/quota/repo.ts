import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { quotaGroups } from "../../db/schema-year.ts";

export type QuotaGroupRow = typeof quotaGroups.$inferSelect;

export async function listGroups(db: Db, agencyId: string): Promise<QuotaGroupRow[]> {
  return db
    .select()
    .from(quotaGroups)
    .where(eq(quotaGroups.agencyId, agencyId))
    .orderBy(asc(quotaGroups.sortOrder), asc(quotaGroups.name));
}

export async function findGroup(db: Db, id: string): Promise<QuotaGroupRow | undefined> {
  const [row] = await db.select().from(quotaGroups).where(eq(quotaGroups.id, id));
  return row;
}

export async function insertGroups(db: Db, rows: (typeof quotaGroups.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(quotaGroups).values(rows);
}

export async function updateGroup(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof quotaGroups.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(quotaGroups)
    .set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(quotaGroups.id, id), eq(quotaGroups.version, version)))
    .returning({ id: quotaGroups.id });
  return rows.length > 0;
}

export async function deleteGroup(db: Db, id: string): Promise<void> {
  await db.delete(quotaGroups).where(eq(quotaGroups.id, id));
}
