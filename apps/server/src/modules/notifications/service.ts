import {
  addDays,
  type Notification,
  type NotificationTextKey,
  notificationText,
  type PeriodKind,
  periodLabel,
  vietnamDate,
  workLinks,
} from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { notFound } from "../../http/app-error.ts";
import { pathIds } from "../../lib/org-path.ts";
import { newId } from "../../lib/tokens.ts";
import { EVALUATOR_ROLES, type EvaluatedPerson, grantEvaluates } from "../evaluation/policy.ts";
import * as repo from "./repo.ts";

type Kind = Notification["kind"];

export interface Notice {
  kind: Kind;
  text: NotificationTextKey;
  params?: Record<string, string | number>;
  body?: string | null;
  link?: string | null;
  /** One notice per (user, key): repeats are dropped. */
  dedupeKey?: string | null;
  /**
   * Folds the notice into the user's unread one with the same key, titled `many` (with `{count}`)
   * once it counts more than one: a manager reads "5 products waiting", not five notices.
   */
  group?: { key: string; many: NotificationTextKey } | null;
}

type Row = repo.NewNotification | repo.GroupedNotification;

const rowsFor = (userIds: Iterable<string>, notice: Notice): Row[] =>
  [...new Set(userIds)].map((userId) => {
    const row = {
      id: newId(),
      userId,
      kind: notice.kind,
      title: notificationText(notice.text, notice.params),
      body: notice.body ?? null,
      link: notice.link ?? null,
      dedupeKey: notice.dedupeKey ?? null,
    };
    if (!notice.group) return row;
    const titleMany = notificationText(notice.group.many, { ...notice.params, count: "{count}" });
    return { ...row, groupKey: notice.group.key, count: 1, titleMany };
  });

/**
 * Stores notices; grouped ones of one batch are folded per (user, key) first, the latest giving the
 * title. Returns how many plain notices were new.
 */
async function store(tx: Db, rows: readonly Row[]): Promise<number> {
  const folded = new Map<string, repo.GroupedNotification>();
  const plain: repo.NewNotification[] = [];
  for (const row of rows) {
    if (!("groupKey" in row)) {
      plain.push(row);
      continue;
    }
    const key = `${row.userId}\n${row.groupKey}`;
    folded.set(key, { ...row, count: (folded.get(key)?.count ?? 0) + row.count });
  }
  await repo.addGroupedNotifications(tx, [...folded.values()]);
  return repo.insertNotifications(tx, plain);
}

export const notifyUsers = (tx: Db, userIds: Iterable<string>, notice: Notice) => store(tx, rowsFor(userIds, notice));

/** Tells the people concerned (through their accounts), never the actor about their own act. */
export async function notifyPeople(tx: Db, actor: Actor | null, personIds: string[], notice: Notice): Promise<void> {
  const targets = await repo.usersOfPeople(tx, personIds);
  await notifyUsers(
    tx,
    targets.filter((t) => t.userId !== actor?.userId).map((t) => t.userId),
    notice,
  );
}

/** The holders who evaluate a person, nearest level only: a division's manager, not the commune's head as well. */
function nearestEvaluators(holders: repo.GrantHolder[], person: EvaluatedPerson): string[] {
  const evaluators = holders.filter((h) => h.personId !== person.id && grantEvaluates(h.path, person));
  const nearest = Math.max(0, ...evaluators.map((h) => h.path.length));
  return evaluators.filter((h) => h.path.length === nearest).map((h) => h.userId);
}

/** Accounts that evaluate a person (manager or head above them, see `grantEvaluates`). */
export async function evaluatorUsers(tx: Db, person: EvaluatedPerson): Promise<string[]> {
  return nearestEvaluators(await repo.grantHoldersOver(tx, [...EVALUATOR_ROLES], pathIds(person.unitPath)), person);
}

/** Tells each person's evaluators of something the person did: one lookup and one insert for them all. */
export async function notifyEvaluatorsOfEach(
  tx: Db,
  notices: readonly { actor: Actor | null; person: EvaluatedPerson; notice: Notice }[],
): Promise<void> {
  if (notices.length === 0) return;
  const unitIds = new Set(notices.flatMap((n) => pathIds(n.person.unitPath)));
  const holders = await repo.grantHoldersOver(tx, [...EVALUATOR_ROLES], [...unitIds]);
  await store(
    tx,
    notices.flatMap(({ actor, person, notice }) =>
      rowsFor(
        nearestEvaluators(holders, person).filter((id) => id !== actor?.userId),
        notice,
      ),
    ),
  );
}

export const notifyEvaluators = (tx: Db, actor: Actor | null, person: EvaluatedPerson, notice: Notice) =>
  notifyEvaluatorsOfEach(tx, [{ actor, person, notice }]);

const toDto = (n: repo.NotificationRow): Notification => ({
  id: n.id,
  kind: n.kind as Kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

export async function listMine(
  deps: Deps,
  actor: Actor,
  query: { unreadOnly?: boolean; page: number; pageSize: number },
) {
  const { rows, total, unread } = await repo.listForUser(deps.db, actor.userId, {
    unreadOnly: query.unreadOnly ?? false,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(toDto), total, unread, page: query.page, pageSize: query.pageSize };
}

export async function markRead(deps: Deps, actor: Actor, id: string): Promise<{ ok: true }> {
  if (!(await repo.markRead(deps.db, actor.userId, id, deps.now()))) throw notFound("notification", id);
  return { ok: true };
}

export async function markAllRead(deps: Deps, actor: Actor): Promise<{ ok: true }> {
  await repo.markAllRead(deps.db, actor.userId, deps.now());
  return { ok: true };
}

/** dd/mm/yyyy, as every date is shown. */
const dmy = (isoDay: string) => isoDay.split("-").reverse().join("/");
const periodLink = (base: string, periodId: string) => `${base}?periodId=${periodId}`;
const labelOf = (p: repo.PeriodRow) => periodLabel(p.kind as PeriodKind, p.year, p.number);

/**
 * Reminders the day before each deadline (Vietnam calendar, from `deps.now()`): self-evaluation
 * to those who have not submitted, review to evaluators with work waiting, lock to the agency's
 * head and hr, and each product line due tomorrow to its maker. Idempotent: every notice carries
 * a dedupe key (deadline kind, period or line, date), so running it every 15 minutes sends each
 * reminder once. Returns how many notices were new.
 */
export async function sendReminders(deps: Deps): Promise<number> {
  const tomorrow = addDays(vietnamDate(deps.now()), 1);
  return deps.db.transaction(async (tx) => {
    let sent = 0;
    for (const period of await repo.periodsDueOn(tx, tomorrow)) {
      const label = labelOf(period);
      if (period.selfEvaluationDue === tomorrow) {
        const personIds = await repo.peopleNotSelfEvaluated(tx, period.id, period.agencyId);
        const targets = await repo.usersOfPeople(tx, personIds);
        sent += await notifyUsers(
          tx,
          targets.map((t) => t.userId),
          {
            kind: "reminder",
            text: "reminder_self_evaluation",
            params: { due: dmy(tomorrow), period: label },
            link: periodLink(workLinks.myMonth, period.id),
            dedupeKey: `self:${period.id}:${tomorrow}`,
          },
        );
      }
      if (period.reviewDue === tomorrow) {
        const pending = await repo.pendingForEvaluators(tx, period.id);
        const holders = await repo.grantHoldersTouching(tx, [...EVALUATOR_ROLES], period.agencyPath);
        const counts = new Map<string, number>();
        for (const item of pending) {
          const person = { id: item.personId, unitPath: item.unitPath, leaderRole: item.leaderRole };
          for (const userId of nearestEvaluators(holders, person)) counts.set(userId, (counts.get(userId) ?? 0) + 1);
        }
        for (const [userId, count] of counts) {
          sent += await notifyUsers(tx, [userId], {
            kind: "reminder",
            text: "reminder_review",
            params: { due: dmy(tomorrow), period: label, count },
            link: periodLink(workLinks.board, period.id),
            dedupeKey: `review:${period.id}:${tomorrow}`,
          });
        }
      }
      if (period.lockDue === tomorrow) {
        // The agency's own head and hr, not every provincial officer above it.
        const holders = await repo.grantHoldersTouching(tx, ["head", "hr"], period.agencyPath);
        sent += await notifyUsers(
          tx,
          holders.filter((h) => h.path.startsWith(period.agencyPath)).map((h) => h.userId),
          {
            kind: "reminder",
            text: "reminder_lock",
            params: { due: dmy(tomorrow), period: label },
            link: workLinks.periods,
            dedupeKey: `lock:${period.id}:${tomorrow}`,
          },
        );
      }
    }
    const due = await repo.assignmentsDueOn(tx, tomorrow);
    const owners = new Map(
      (
        await repo.usersOfPeople(
          tx,
          due.map((a) => a.personId),
        )
      ).map((u) => [u.personId, u.userId]),
    );
    for (const line of due) {
      const userId = owners.get(line.personId);
      if (!userId) continue;
      sent += await notifyUsers(tx, [userId], {
        kind: "reminder",
        text: "reminder_assignment",
        params: { due: dmy(tomorrow), item: line.itemName },
        link: periodLink(workLinks.myMonth, line.periodId),
        dedupeKey: `assignment:${line.id}:${tomorrow}`,
      });
    }
    return sent;
  });
}

/** Runs `sendReminders` now and every `everyMs` (default 15 minutes); the timer never keeps the process alive. */
export function startReminderTimer(deps: Deps, onError: (error: unknown) => void, everyMs = 15 * 60 * 1000) {
  const run = () => {
    sendReminders(deps).catch(onError);
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
