import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { agencySettings } from "../../db/schema.ts";

export type SettingsRow = typeof agencySettings.$inferSelect;
export type SettingsPatch = Partial<
  Pick<
    SettingsRow,
    "periodKind" | "selfEvaluationDay" | "reviewDay" | "lockDay" | "headConfirmRequired" | "firstScoredMonth"
  >
>;

export async function findSettings(db: Db, agencyId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(agencySettings).where(eq(agencySettings.agencyId, agencyId)).limit(1);
  return row;
}

/** Inserts the first row; undefined when another writer inserted it first. */
export async function insertSettings(db: Db, agencyId: string, patch: SettingsPatch): Promise<SettingsRow | undefined> {
  const [row] = await db
    .insert(agencySettings)
    .values({ agencyId, ...patch })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateSettings(
  db: Db,
  agencyId: string,
  version: number,
  patch: SettingsPatch,
): Promise<SettingsRow | undefined> {
  const [row] = await db
    .update(agencySettings)
    .set({ ...patch, version: sql`${agencySettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(agencySettings.agencyId, agencyId), eq(agencySettings.version, version)))
    .returning();
  return row;
}
