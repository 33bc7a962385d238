import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { grants, orgUnits, people, positions, seedRuns, users } from "../db/schema.ts";

export async function hasRun(db: Db, name: string, version: number): Promise<boolean> {
  const [row] = await db
    .select({ name: seedRuns.name })
    .from(seedRuns)
    .where(and(eq(seedRuns.name, name), eq(seedRuns.version, version)))
    .limit(1);
  return Boolean(row);
}

export async function markRun(db: Db, name: string, version: number): Promise<void> {
  await db.insert(seedRuns).values({ name, version }).onConflictDoNothing();
}

/** Inserts that skip rows already present, so a half-loaded database can be completed by a re-run. */
export const insertUnits = (db: Db, rows: (typeof orgUnits.$inferInsert)[]) =>
  db.insert(orgUnits).values(rows).onConflictDoNothing();
export const insertPositions = (db: Db, rows: (typeof positions.$inferInsert)[]) =>
  db.insert(positions).values(rows).onConflictDoNothing();
export const insertPeople = (db: Db, rows: (typeof people.$inferInsert)[]) =>
  db.insert(people).values(rows).onConflictDoNothing();
export const insertUsers = (db: Db, rows: (typeof users.$inferInsert)[]) =>
  db.insert(users).values(rows).onConflictDoNothing();
export const insertGrants = (db: Db, rows: (typeof grants.$inferInsert)[]) =>
  db.insert(grants).values(rows).onConflictDoNothing();
