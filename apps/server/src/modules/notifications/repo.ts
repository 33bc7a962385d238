import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { anyOf, type BulkColumn, recordset, recordsetInsert } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import {
  assignments,
  deliveries,
  evaluations,
  grants,
  notifications,
  orgUnits,
  people,
  periods,
  users,
} from "../../db/schema.ts";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, "createdAt" | "readAt" | "groupKey" | "count">;

const columns: BulkColumn<NewNotification>[] = [
  ["id", "text", (r) => r.id],
  ["user_id", "text", (r) => r.userId],
  ["kind", "text", (r) => r.kind],
  ["title", "text", (r) => r.title],
  ["body", "text", (r) => r.body],
  ["link", "text", (r) => r.link],
  ["dedupe_key", "text", (r) => r.dedupeKey],
];

/** Inserts notices; a repeated (user, dedupe key) is skipped. Returns how many were new. */
export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<number> {
  const inserted = await recordsetInsert(db, "notifications", columns, rows, sql`on conflict do nothing returning id`);
  return inserted.length;
}

/** A notice folded into the user's unread one with the same `groupKey`, `count` more of it. */
export interface GroupedNotification extends NewNotification {
  groupKey: string;
  count: number;
  /** The title once the notice counts more than one, `{count}` standing for the count. */
  titleMany: string;
}

/**
 * Adds grouped notices: each goes into the user's unread notice with its key, whose count grows,
 * whose title, body and link become the latest, and which moves to the top; or starts one. The
 * upsert locks the row it grows, so concurrent batches count every notice. One row per (user, key).
 */
export async function addGroupedNotifications(db: Db, rows: GroupedNotification[]): Promise<void> {
  if (rows.length === 0) return;
  const grouped: BulkColumn<GroupedNotification>[] = [
    ...columns,
    ["group_key", "text", (r) => r.groupKey],
    ["count", "int", (r) => r.count],
    ["title_many", "text", (r) => r.titleMany],
  ];
  const titleFor = (count: string) => `replace(v.title_many, '{count}', (${count})::text)`;
  await db.execute(sql`
    with v as (select * from ${recordset(grouped, rows)})
    insert into notifications (id, user_id, kind, title, body, link, group_key, count)
    select id, user_id, kind, case when count > 1 then ${sql.raw(titleFor("count"))} else title end,
      body, link, group_key, count
    from v
    on conflict (user_id, group_key) where read_at is null and group_key is not null do update
    set count = notifications.count + excluded.count, body = excluded.body, link = excluded.link,
      created_at = excluded.created_at,
      title = (select ${sql.raw(titleFor("notifications.count + excluded.count"))} from v where v.id = excluded.id)`);
}

export async function listForUser(
  db: Db,
  userId: string,
  opts: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const mine = eq(notifications.userId, userId);
  const where = opts.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [rows, [counts]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db
      .select({
        total: opts.unreadOnly
          ? sql<number>`count(*) filter (where ${notifications.readAt} is null)::int`
          : sql<number>`count(*)::int`,
        unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int`,
      })
      .from(notifications)
      .where(mine),
  ]);
  return { rows, total: counts?.total ?? 0, unread: counts?.unread ?? 0 };
}

/** Marks one notice read; false when it is not the user's. */
export async function markRead(db: Db, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** Active accounts linked to the people. */
export async function usersOfPeople(db: Db, personIds: string[]): Promise<{ userId: string; personId: string }[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ userId: users.id, personId: users.personId })
    .from(users)
    .where(and(inArray(users.personId, personIds), eq(users.active, true)));
  return rows.map((r) => ({ userId: r.userId, personId: r.personId! }));
}

export interface GrantHolder {
  userId: string;
  personId: string | null;
  role: string;
  path: string;
}

/** Active holders of `roles` with a grant on one of these units (a person's unit and its ancestors). */
export async function grantHoldersOver(db: Db, roles: string[], unitIds: string[]): Promise<GrantHolder[]> {
  return db
    .select({ userId: users.id, personId: users.personId, role: grants.role, path: orgUnits.path })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, grants.orgUnitId))
    .where(and(anyOf(grants.role, roles), eq(users.active, true), anyOf(grants.orgUnitId, unitIds)));
}

/** Active holders of `roles` anywhere inside (or above) an agency's subtree. */
export async function grantHoldersTouching(db: Db, roles: string[], agencyPath: string): Promise<GrantHolder[]> {
  return db
    .select({ userId: users.id, personId: users.personId, role: grants.role, path: orgUnits.path })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, grants.orgUnitId))
    .where(
      and(
        inArray(grants.role, roles),
        eq(users.active, true),
        sql`(${orgUnits.path} like ${`${agencyPath}%`} or ${agencyPath} like ${orgUnits.path} || '%')`,
      ),
    );
}

/* ── Reminder inputs ── */

export type PeriodRow = typeof periods.$inferSelect;

/** Open periods with any deadline on `day`, with their agency's path. */
export async function periodsDueOn(db: Db, day: string): Promise<(PeriodRow & { agencyPath: string })[]> {
  const rows = await db
    .select({ period: periods, agencyPath: orgUnits.path })
    .from(periods)
    .innerJoin(orgUnits, eq(orgUnits.id, periods.agencyId))
    .where(
      and(
        eq(periods.status, "open"),
        sql`(${periods.selfEvaluationDue} = ${day} or ${periods.reviewDue} = ${day} or ${periods.lockDue} = ${day})`,
      ),
    );
  return rows.map((r) => ({ ...r.period, agencyPath: r.agencyPath }));
}

/** Active people of an agency who have not submitted a self-evaluation for the period. */
export async function peopleNotSelfEvaluated(db: Db, periodId: string, agencyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .leftJoin(evaluations, and(eq(evaluations.personId, people.id), eq(evaluations.periodId, periodId)))
    .where(
      and(
        eq(people.agencyId, agencyId),
        eq(people.active, true),
        sql`coalesce(${evaluations.status}, 'draft') = 'draft'`,
      ),
    );
  return rows.map((r) => r.id);
}

export interface PendingItem {
  unitPath: string;
  personId: string;
  leaderRole: string;
}

/** What still waits for an evaluator in a period: deliveries not reviewed and evaluations not confirmed. */
export async function pendingForEvaluators(db: Db, periodId: string): Promise<PendingItem[]> {
  const [waitingDeliveries, waitingEvaluations] = await Promise.all([
    db
      .select({ unitPath: orgUnits.path, personId: people.id, leaderRole: people.leaderRole })
      .from(deliveries)
      .innerJoin(assignments, eq(assignments.id, deliveries.assignmentId))
      .innerJoin(people, eq(people.id, assignments.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(and(eq(assignments.periodId, periodId), eq(deliveries.reviewStatus, "pending"))),
    db
      .select({ unitPath: orgUnits.path, personId: evaluations.personId, leaderRole: evaluations.leaderRole })
      .from(evaluations)
      .innerJoin(orgUnits, eq(orgUnits.id, evaluations.unitId))
      .where(and(eq(evaluations.periodId, periodId), eq(evaluations.status, "submitted"))),
  ]);
  return [...waitingDeliveries, ...waitingEvaluations];
}

/** Assignments of open periods whose deadline in force is `day` and that still have units to deliver. */
export async function assignmentsDueOn(
  db: Db,
  day: string,
): Promise<{ id: string; personId: string; itemName: string; periodId: string }[]> {
  return db
    .select({
      id: assignments.id,
      personId: assignments.personId,
      itemName: assignments.itemName,
      periodId: periods.id,
    })
    .from(assignments)
    .innerJoin(periods, eq(periods.id, assignments.periodId))
    .where(
      and(
        eq(periods.status, "open"),
        sql`coalesce(${assignments.extendedDeadline}, ${assignments.deadline}) = ${day}`,
        sql`${assignments.quantity} - ${assignments.handedBack} > coalesce((select sum(${deliveries.quantity}) from ${deliveries} where ${deliveries.assignmentId} = ${assignments.id}), 0)`,
      ),
    );
}
