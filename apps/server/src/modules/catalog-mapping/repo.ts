import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { positionItems } from "../../db/schema.ts";

/** The product codes a position normally makes, kept by code so they carry over from one catalog version to the next. */
export async function positionCodes(db: Db, positionId: string): Promise<string[]> {
  const rows = await db
    .select({ code: positionItems.itemCode })
    .from(positionItems)
    .where(eq(positionItems.positionId, positionId))
    .orderBy(asc(positionItems.itemCode));
  return rows.map((r) => r.code);
}

export async function replacePositionCodes(db: Db, positionId: string, codes: string[]): Promise<void> {
  await db.delete(positionItems).where(eq(positionItems.positionId, positionId));
  if (codes.length > 0) await db.insert(positionItems).values(codes.map((itemCode) => ({ positionId, itemCode })));
}
