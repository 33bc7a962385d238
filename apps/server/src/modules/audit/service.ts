import type { AuditEntry } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, scopePaths } from "../../http/actor.ts";
import * as repo from "./repo.ts";

export interface Change {
  entity: string;
  entityId: string;
  unitPath: string | null;
  action: "create" | "update" | "delete" | "import" | "grant" | "revoke" | "reset_password" | (string & {});
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Writes audit rows inside the caller's transaction, so a change and its
 * record commit or roll back together; each change names who made it.
 */
export async function recordChangesBy(tx: Db, entries: readonly { actor: Actor | null; change: Change }[]) {
  await repo.insertAudit(
    tx,
    entries.map(({ actor, change: c }) => ({
      actorId: actor?.userId ?? null,
      actorName: actor?.displayName ?? null,
      entity: c.entity,
      entityId: c.entityId,
      unitPath: c.unitPath,
      action: c.action,
      before: c.before ?? null,
      after: c.after ?? null,
      reason: c.reason ?? null,
    })),
  );
}

export const recordChanges = (tx: Db, actor: Actor | null, changes: Change[]) =>
  recordChangesBy(
    tx,
    changes.map((change) => ({ actor, change })),
  );

export const recordChange = (tx: Db, actor: Actor | null, change: Change) => recordChanges(tx, actor, [change]);

/** Admins and personnel officers read the history of their own subtree. */
export async function listAudit(
  deps: Deps,
  actor: Actor,
  query: { entity?: string; entityId?: string; page: number; pageSize: number },
): Promise<{ items: AuditEntry[]; total: number; page: number; pageSize: number }> {
  const { items, total } = await repo.listAudit(deps.db, { ...query, paths: scopePaths(actor, ["admin", "hr"]) });
  return {
    items: items.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      entity: r.entity,
      entityId: r.entityId,
      action: r.action,
      before: r.before,
      after: r.after,
      reason: r.reason,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
