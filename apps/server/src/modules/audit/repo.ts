import { and, desc, eq, or, type SQL, sql } from "drizzle-orm";
import { recordsetInsert } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import { auditLog } from "../../db/schema.ts";

export type AuditInsert = typeof auditLog.$inferInsert;

export async function insertAudit(db: Db, rows: AuditInsert[]): Promise<void> {
  await recordsetInsert<AuditInsert>(
    db,
    "audit_log",
    [
      ["actor_id", "text", (r) => r.actorId],
      ["actor_name", "text", (r) => r.actorName],
      ["entity", "text", (r) => r.entity],
      ["entity_id", "text", (r) => r.entityId],
      ["unit_path", "text", (r) => r.unitPath],
      ["action", "text", (r) => r.action],
      ["before", "jsonb", (r) => r.before],
      ["after", "jsonb", (r) => r.after],
      ["reason", "text", (r) => r.reason],
    ],
    rows,
  );
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  /** Subtree paths the reader may see; `null` means everything. */
  paths: string[] | null;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Db, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.paths) {
    const scoped = filter.paths.map((p) => sql`${auditLog.unitPath} like ${`${p}%`}`);
    conditions.push(scoped.length > 0 ? or(...scoped)! : sql`false`);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}
