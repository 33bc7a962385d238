import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { agencyCriteria } from "../../db/schema-agency.ts";
import type { CriterionRow, NewCriterion } from "../frameworks/repo.ts";

export async function findCriterion(db: Db, id: string): Promise<CriterionRow | undefined> {
  const [row] = await db.select().from(agencyCriteria).where(eq(agencyCriteria.id, id)).limit(1);
  return row;
}

export async function updateCriterion(db: Db, id: string, patch: Partial<NewCriterion>): Promise<void> {
  await db.update(agencyCriteria).set(patch).where(eq(agencyCriteria.id, id));
}

export async function deleteCriteria(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(agencyCriteria).where(inArray(agencyCriteria.id, ids));
}

export async function deleteAllCriteria(db: Db, frameworkId: string): Promise<void> {
  await db.delete(agencyCriteria).where(eq(agencyCriteria.frameworkId, frameworkId));
}
