import { and, asc, eq, inArray, like, or, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { grants, orgUnits, people, sessions, users } from "../../db/schema.ts";

export type UserRow = typeof users.$inferSelect;
export type GrantView = {
  id: string;
  userId: string;
  role: string;
  orgUnitId: string;
  orgUnitName: string;
  path: string;
};

/** Users with a grant inside the subtrees, or with no grant at all (newly created, waiting for a role). */
export async function listUsersIn(db: Db, paths: string[]): Promise<UserRow[]> {
  if (paths.length === 0) return [];
  const inScope = db
    .select({ id: grants.userId })
    .from(grants)
    .innerJoin(orgUnits, eq(orgUnits.id, grants.orgUnitId))
    .where(or(...paths.map((p) => like(orgUnits.path, `${p}%`))));
  return db
    .select()
    .from(users)
    .where(
      or(inArray(users.id, inScope), sql`not exists (select 1 from ${grants} where ${grants.userId} = ${users.id})`),
    )
    .orderBy(asc(users.username));
}

export async function grantsOf(db: Db, userIds: string[]): Promise<GrantView[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: grants.id,
      userId: grants.userId,
      role: grants.role,
      orgUnitId: grants.orgUnitId,
      orgUnitName: orgUnits.name,
      path: orgUnits.path,
    })
    .from(grants)
    .innerJoin(orgUnits, eq(orgUnits.id, grants.orgUnitId))
    .where(inArray(grants.userId, userIds))
    .orderBy(asc(orgUnits.path), asc(grants.role));
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUsername(db: Db, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

export async function updateUser(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof users.$inferInsert>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

export async function endSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function findGrant(db: Db, id: string): Promise<GrantView | undefined> {
  const [row] = await db
    .select({
      id: grants.id,
      userId: grants.userId,
      role: grants.role,
      orgUnitId: grants.orgUnitId,
      orgUnitName: orgUnits.name,
      path: orgUnits.path,
    })
    .from(grants)
    .innerJoin(orgUnits, eq(orgUnits.id, grants.orgUnitId))
    .where(eq(grants.id, id))
    .limit(1);
  return row;
}

export async function grantExists(db: Db, userId: string, role: string, orgUnitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: grants.id })
    .from(grants)
    .where(and(eq(grants.userId, userId), eq(grants.role, role), eq(grants.orgUnitId, orgUnitId)))
    .limit(1);
  return Boolean(row);
}

export async function insertGrant(db: Db, row: typeof grants.$inferInsert): Promise<void> {
  await db.insert(grants).values(row);
}

export async function deleteGrant(db: Db, id: string): Promise<void> {
  await db.delete(grants).where(eq(grants.id, id));
}

export async function personPath(db: Db, personId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ path: orgUnits.path })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(eq(people.id, personId))
    .limit(1);
  return row?.path;
}
