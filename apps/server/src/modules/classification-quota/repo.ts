import type { Db } from "../../db/database.ts";
import { tieBreaks } from "../../db/schema-year.ts";

export async function upsertTieBreak(db: Db, row: typeof tieBreaks.$inferInsert): Promise<void> {
  await db
    .insert(tieBreaks)
    .values(row)
    .onConflictDoUpdate({
      target: [tieBreaks.classificationId, tieBreaks.scope],
      set: { order: row.order, reason: row.reason, decidedBy: row.decidedBy, decidedAt: row.decidedAt },
    });
}
