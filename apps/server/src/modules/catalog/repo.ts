import { and, desc, eq, inArray, lte, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { catalogItems, catalogs, files } from "../../db/schema.ts";

export type CatalogRow = typeof catalogs.$inferSelect;
export type CatalogView = CatalogRow & { decisionFileName: string | null; itemCount: number };

const itemCount = sql<number>`(select count(*)::int from ${catalogItems} where ${catalogItems.catalogId} = ${catalogs.id})`;

const catalogViews = (db: Db) =>
  db
    .select({ catalog: catalogs, decisionFileName: files.name, itemCount })
    .from(catalogs)
    .leftJoin(files, eq(files.id, catalogs.decisionFileId));

const flatten = (r: { catalog: CatalogRow; decisionFileName: string | null; itemCount: number }): CatalogView => ({
  ...r.catalog,
  decisionFileName: r.decisionFileName,
  itemCount: r.itemCount,
});

/** Newest version first. */
export async function listCatalogs(db: Db, agencyId: string): Promise<CatalogView[]> {
  const rows = await catalogViews(db).where(eq(catalogs.agencyId, agencyId)).orderBy(desc(catalogs.versionNo));
  return rows.map(flatten);
}

export async function findCatalog(db: Db, id: string): Promise<CatalogView | undefined> {
  const [row] = await catalogViews(db).where(eq(catalogs.id, id)).limit(1);
  return row && flatten(row);
}

/** Locks the catalog row for the rest of the transaction, so two edits of one draft take turns. */
export async function lockCatalog(db: Db, id: string): Promise<CatalogRow | undefined> {
  const [row] = await db.select().from(catalogs).where(eq(catalogs.id, id)).for("update").limit(1);
  return row;
}

export async function nextVersionNo(db: Db, agencyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${catalogs.versionNo}), 0)::int` })
    .from(catalogs)
    .where(eq(catalogs.agencyId, agencyId));
  return (row?.n ?? 0) + 1;
}

export async function findDraft(db: Db, agencyId: string): Promise<CatalogRow | undefined> {
  const [row] = await db
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.agencyId, agencyId), eq(catalogs.status, "draft")))
    .limit(1);
  return row;
}

/** Approved versions (in force now or earlier), latest effective date first. */
export async function approvedVersions(db: Db, agencyId: string): Promise<CatalogRow[]> {
  return db
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.agencyId, agencyId), ne(catalogs.status, "draft")))
    .orderBy(desc(catalogs.effectiveFrom), desc(catalogs.versionNo));
}

/** The approved version whose effective date is the latest on or before `onDate` (yyyy-mm-dd). */
export async function inForce(db: Db, agencyId: string, onDate: string): Promise<CatalogRow | undefined> {
  const [row] = await db
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.agencyId, agencyId), ne(catalogs.status, "draft"), lte(catalogs.effectiveFrom, onDate)))
    .orderBy(desc(catalogs.effectiveFrom), desc(catalogs.versionNo))
    .limit(1);
  return row;
}

export async function insertCatalog(db: Db, row: typeof catalogs.$inferInsert): Promise<void> {
  await db.insert(catalogs).values(row);
}

export async function updateCatalog(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof catalogs.$inferInsert>,
): Promise<CatalogRow | undefined> {
  const [row] = await db
    .update(catalogs)
    .set({ ...patch, version: sql`${catalogs.version} + 1`, updatedAt: new Date() })
    .where(and(eq(catalogs.id, id), eq(catalogs.version, version)))
    .returning();
  return row;
}

export async function setStatus(db: Db, ids: string[], status: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(catalogs)
    .set({ status, version: sql`${catalogs.version} + 1`, updatedAt: new Date() })
    .where(inArray(catalogs.id, ids));
}

export async function deleteCatalog(db: Db, id: string): Promise<void> {
  await db.delete(catalogs).where(eq(catalogs.id, id));
}
