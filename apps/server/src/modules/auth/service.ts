import type { Role, Session } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError } from "../../http/app-error.ts";
import { Batcher, batcherPer, batchOptions, type Outcome } from "../../lib/batcher.ts";
import { groupBy } from "../../lib/group-by.ts";
import { dummyHash, hashPassword, verifyPassword } from "../../lib/password.ts";
import { newToken, sha256 } from "../../lib/tokens.ts";
import * as repo from "./repo.ts";

/** Security settings of the login; named here so tests and docs cite one place. */
export const loginPolicy = {
  maxFailedAttempts: 5,
  lockMinutes: 15,
  /** Failed logins from one address within the window before it is refused outright. */
  ipFailureLimit: 30,
  ipWindowMinutes: 15,
  sessionIdleHours: 8,
  sessionMaxHours: 24,
  /** Sessions are touched at most this often, so reads do not write on every request. */
  touchEveryMinutes: 5,
} as const;

const minutes = (n: number) => n * 60_000;
const hours = (n: number) => n * 3_600_000;

export interface LoginResult {
  token: string;
  session: Session;
}

/** Checks credentials, applies the rate limit and lockout, and opens a server-side session. */
export async function login(
  deps: Deps,
  input: { username: string; password: string; ip: string },
): Promise<LoginResult> {
  const now = deps.now();
  const username = input.username.trim().toLowerCase();
  const since = new Date(now.getTime() - minutes(loginPolicy.ipWindowMinutes));
  if ((await repo.countRecentFailures(deps.db, input.ip, since)) >= loginPolicy.ipFailureLimit) {
    throw new AppError("RATE_LIMITED");
  }
  const user = await repo.findUserByUsername(deps.db, username);
  if (!user?.active) {
    await verifyPassword(input.password, await dummyHash);
    await repo.recordFailure(deps.db, input.ip, username);
    throw new AppError("LOGIN_FAILED");
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError("ACCOUNT_LOCKED", { until: user.lockedUntil.toISOString() });
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    await repo.recordFailure(deps.db, input.ip, username);
    const failed = user.failedAttempts + 1;
    if (failed >= loginPolicy.maxFailedAttempts) {
      const until = new Date(now.getTime() + minutes(loginPolicy.lockMinutes));
      await repo.setLoginState(deps.db, user.id, { failedAttempts: 0, lockedUntil: until });
      throw new AppError("ACCOUNT_LOCKED", { until: until.toISOString() });
    }
    await repo.setLoginState(deps.db, user.id, { failedAttempts: failed, lockedUntil: null });
    throw new AppError("LOGIN_FAILED", { attemptsLeft: loginPolicy.maxFailedAttempts - failed });
  }
  if (user.failedAttempts > 0 || user.lockedUntil) {
    await repo.setLoginState(deps.db, user.id, { failedAttempts: 0, lockedUntil: null });
  }
  const token = newToken();
  const sessionId = sha256(token);
  await repo.insertSession(deps.db, {
    id: sessionId,
    userId: user.id,
    csrfToken: newToken(),
    // The app's clock, not the database's: idle and maximum ages are computed against it.
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + hours(loginPolicy.sessionIdleHours)),
  });
  const actor = await resolveSession(deps, token);
  if (!actor) throw new AppError("INTERNAL");
  return { token, session: toSession(actor) };
}

/** Turns a cookie token into the actor, or null when the session is unknown or expired. */
export function resolveSession(deps: Deps, token: string): Promise<Actor | null> {
  return sessionBatcher(deps).submit(token);
}

/**
 * Every request starts by reading its session: under a burst, the requests of one turn read theirs
 * in one query (and touch them in one statement) instead of one round trip each.
 */
const sessionBatcher = batcherPer(
  (deps: Deps) => new Batcher((tokens: readonly string[]) => resolveSessions(deps, tokens), batchOptions(deps)),
);

async function resolveSessions(deps: Deps, tokens: readonly string[]): Promise<Outcome<Actor | null>[]> {
  const now = deps.now();
  const ids = tokens.map(sha256);
  const rowsOf = groupBy(await repo.findSessionsWithGrants(deps.db, [...new Set(ids)], now), (r) => r.session.id);
  const touches = [...rowsOf.values()].flatMap((rows) => {
    const { session } = rows[0]!;
    if (now.getTime() - session.lastSeenAt.getTime() <= minutes(loginPolicy.touchEveryMinutes)) return [];
    const cap = session.createdAt.getTime() + hours(loginPolicy.sessionMaxHours);
    return [
      {
        id: session.id,
        lastSeenAt: now,
        expiresAt: new Date(Math.min(cap, now.getTime() + hours(loginPolicy.sessionIdleHours))),
      },
    ];
  });
  await repo.touchSessions(deps.db, touches);
  return ids.map((id) => ({ ok: true, value: actorOf(rowsOf.get(id)) }));
}

function actorOf(rows: repo.SessionRow[] = []): Actor | null {
  const first = rows[0];
  if (!first?.user.active) return null;
  const { session, user } = first;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    mustChangePassword: user.mustChangePassword,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    grants: rows.flatMap(({ grant, unit }) =>
      grant && unit
        ? [
            {
              id: grant.id,
              role: grant.role as Role,
              orgUnitId: grant.orgUnitId,
              orgUnitName: unit.name,
              path: unit.path,
            },
          ]
        : [],
    ),
  };
}

export function toSession(actor: Actor): Session {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      personId: actor.personId,
      mustChangePassword: actor.mustChangePassword,
    },
    grants: actor.grants.map(({ id, role, orgUnitId, orgUnitName }) => ({ id, role, orgUnitId, orgUnitName })),
    csrfToken: actor.csrfToken,
  };
}

export async function logout(deps: Deps, actor: Actor): Promise<void> {
  await repo.deleteSession(deps.db, actor.sessionId);
}

/** Changing the password ends every other session of the user. */
export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new AppError("WRONG_PASSWORD");
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, user.id, hash);
    await repo.deleteUserSessions(tx, user.id, actor.sessionId);
  });
}
