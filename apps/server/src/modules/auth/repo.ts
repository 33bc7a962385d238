import { and, eq, gt, sql } from "drizzle-orm";
import { anyOf, recordsetUpdate } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import { grants, loginFailures, orgUnits, sessions, users } from "../../db/schema.ts";

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function countRecentFailures(db: Db, ip: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}

export async function recordFailure(db: Db, ip: string, username: string): Promise<void> {
  await db.insert(loginFailures).values({ ip, username });
}

export async function setLoginState(
  db: Db,
  userId: string,
  state: { failedAttempts: number; lockedUntil: Date | null },
): Promise<void> {
  await db.update(users).set(state).where(eq(users.id, userId));
}

export async function insertSession(
  db: Db,
  row: { id: string; userId: string; csrfToken: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: Db, userId: string, exceptId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptId ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`) : eq(sessions.userId, userId),
    );
}

/** The session with its user and grants in one round trip (this runs on every request). */
/** The live sessions among these ids, each with its user and the user's grants (a row per grant). */
export async function findSessionsWithGrants(db: Db, ids: readonly string[], now: Date) {
  return db
    .select({
      session: sessions,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        personId: users.personId,
        active: users.active,
        mustChangePassword: users.mustChangePassword,
      },
      grant: { id: grants.id, role: grants.role, orgUnitId: grants.orgUnitId },
      unit: { name: orgUnits.name, path: orgUnits.path },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(grants, eq(grants.userId, users.id))
    .leftJoin(orgUnits, eq(orgUnits.id, grants.orgUnitId))
    .where(and(anyOf(sessions.id, ids), gt(sessions.expiresAt, now)));
}

export type SessionRow = Awaited<ReturnType<typeof findSessionsWithGrants>>[number];

/** Moves these sessions' last-seen and expiry times, in one statement. */
export async function touchSessions(
  db: Db,
  touches: readonly { id: string; lastSeenAt: Date; expiresAt: Date }[],
): Promise<void> {
  if (touches.length === 0) return;
  await recordsetUpdate(
    db,
    "sessions",
    [
      ["id", "text", (t) => t.id],
      ["last_seen_at", "timestamptz", (t) => t.lastSeenAt.toISOString()],
      ["expires_at", "timestamptz", (t) => t.expiresAt.toISOString()],
    ],
    touches,
  );
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}
