import type { Db } from "../../db/database.ts";
import { classificationPeople } from "../../db/schema-year.ts";

export async function upsertPersonEntry(
  db: Db,
  row: typeof classificationPeople.$inferInsert,
  set: Partial<typeof classificationPeople.$inferInsert>,
): Promise<void> {
  await db
    .insert(classificationPeople)
    .values(row)
    .onConflictDoUpdate({ target: [classificationPeople.classificationId, classificationPeople.personId], set });
}
