import { eq } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { classificationDecisions, classificationMinutes, decisionResults } from "../../db/schema-year.ts";

export async function insertMinutes(db: Db, row: typeof classificationMinutes.$inferInsert): Promise<void> {
  await db.insert(classificationMinutes).values(row);
}

export async function insertDecision(
  db: Db,
  row: typeof classificationDecisions.$inferInsert,
  results: (typeof decisionResults.$inferInsert)[],
): Promise<void> {
  await db
    .update(classificationDecisions)
    .set({ active: false })
    .where(eq(classificationDecisions.classificationId, row.classificationId));
  await db.insert(classificationDecisions).values(row);
  if (results.length > 0) await db.insert(decisionResults).values(results);
}

export async function publishDecision(db: Db, id: string, at: Date): Promise<void> {
  await db.update(classificationDecisions).set({ publishedAt: at }).where(eq(classificationDecisions.id, id));
}
