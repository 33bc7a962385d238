import { and, asc, desc, eq, inArray, isNull, like, lte, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { catalogItems, catalogs, files, itemProposals, people, positionItems, users } from "../../db/schema.ts";

export type CatalogRow = typeof catalogs.$inferSelect;
export type ItemRow = typeof catalogItems.$inferSelect;
export type ProposalRow = typeof itemProposals.$inferSelect;
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

/* ───────── Items ───────── */

export interface ItemFilter {
  search?: string;
  section?: string;
  group?: string;
  divisionUnitId?: string;
  sort?: "sortOrder" | "code" | "task" | "complexityGroup" | "points";
  order?: "asc" | "desc";
}

const itemSortColumns = {
  sortOrder: catalogItems.sortOrder,
  code: catalogItems.code,
  task: catalogItems.task,
  complexityGroup: catalogItems.complexityGroup,
  points: catalogItems.points,
} as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

function itemWhere(catalogId: string, filter: ItemFilter): SQL | undefined {
  return and(
    eq(catalogItems.catalogId, catalogId),
    filter.search ? like(catalogItems.searchText, `%${escapeLike(filter.search)}%`) : undefined,
    filter.section ? eq(catalogItems.section, filter.section) : undefined,
    filter.group ? eq(catalogItems.complexityGroup, filter.group) : undefined,
    filter.divisionUnitId ? eq(catalogItems.divisionUnitId, filter.divisionUnitId) : undefined,
  );
}

export async function listItems(
  db: Db,
  catalogId: string,
  filter: ItemFilter,
  pageOpts: { page: number; pageSize: number } | null,
): Promise<{ rows: ItemRow[]; total: number }> {
  const column = itemSortColumns[filter.sort ?? "sortOrder"];
  const order = filter.order === "desc" ? [desc(column)] : [asc(column)];
  const query = db
    .select()
    .from(catalogItems)
    .where(itemWhere(catalogId, filter))
    .orderBy(...order, asc(catalogItems.sortOrder), asc(catalogItems.code));
  if (!pageOpts) {
    const rows = await query;
    return { rows, total: rows.length };
  }
  const [rows, [count]] = await Promise.all([
    query.limit(pageOpts.pageSize).offset((pageOpts.page - 1) * pageOpts.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(catalogItems).where(itemWhere(catalogId, filter)),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function itemsOf(db: Db, catalogId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(catalogItems)
    .where(eq(catalogItems.catalogId, catalogId))
    .orderBy(asc(catalogItems.sortOrder), asc(catalogItems.code));
}

export async function itemsByCodes(db: Db, catalogId: string, codes: string[]): Promise<ItemRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.catalogId, catalogId), inArray(catalogItems.code, codes)))
    .orderBy(asc(catalogItems.sortOrder), asc(catalogItems.code));
}

export async function findItem(db: Db, catalogId: string, itemId: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.id, itemId), eq(catalogItems.catalogId, catalogId)))
    .limit(1);
  return row;
}

export async function findItemByCode(db: Db, catalogId: string, code: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.catalogId, catalogId), sql`upper(${catalogItems.code}) = upper(${code})`))
    .limit(1);
  return row;
}

export async function maxSortOrder(db: Db, catalogId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${catalogItems.sortOrder}), 0)::int` })
    .from(catalogItems)
    .where(eq(catalogItems.catalogId, catalogId));
  return row?.n ?? 0;
}

export type NewItem = typeof catalogItems.$inferInsert;

/**
 * Bulk insert through `unnest` of column arrays: one statement whatever the
 * row count, and none of the per-value SQL building that makes a large
 * `values(...)` slow (DESIGN.md §9).
 */
export async function insertItems(db: Db, rows: NewItem[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof NewItem>(key: K) => sql.param(rows.map((r) => r[key] ?? null));
  await db.execute(sql`
    insert into catalog_items (id, catalog_id, section, division_unit_id, division_name, code, task, detail, output,
      complexity_group, point_band, points, unit_quantity, note, search_text, sort_order)
    select * from unnest(
      ${col("id")}::text[], ${col("catalogId")}::text[], ${col("section")}::text[], ${col("divisionUnitId")}::text[],
      ${col("divisionName")}::text[], ${col("code")}::text[], ${col("task")}::text[], ${col("detail")}::text[],
      ${col("output")}::text[], ${col("complexityGroup")}::text[], ${col("pointBand")}::text[],
      ${col("points")}::numeric[], ${col("unitQuantity")}::numeric[], ${col("note")}::text[],
      ${col("searchText")}::text[], ${col("sortOrder")}::int[]
    )`);
}

export async function updateItem(db: Db, id: string, patch: Partial<NewItem>): Promise<ItemRow | undefined> {
  const [row] = await db.update(catalogItems).set(patch).where(eq(catalogItems.id, id)).returning();
  return row;
}

export async function deleteItem(db: Db, id: string): Promise<void> {
  await db.delete(catalogItems).where(eq(catalogItems.id, id));
}

export async function deleteItemsOf(db: Db, catalogId: string): Promise<void> {
  await db.delete(catalogItems).where(eq(catalogItems.catalogId, catalogId));
}

/* ───────── Position mapping ───────── */

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

/* ───────── Proposals ───────── */

export type ProposalView = ProposalRow & { personName: string | null; decidedByName: string | null };

const decider = sql<
  string | null
>`(select ${users.displayName} from ${users} where ${users.id} = ${itemProposals.decidedBy})`;

const proposalViews = (db: Db) =>
  db
    .select({ proposal: itemProposals, personName: people.fullName, decidedByName: decider })
    .from(itemProposals)
    .leftJoin(people, eq(people.id, itemProposals.personId));

const flattenProposal = (r: {
  proposal: ProposalRow;
  personName: string | null;
  decidedByName: string | null;
}): ProposalView => ({ ...r.proposal, personName: r.personName, decidedByName: r.decidedByName });

export interface ProposalFilter {
  agencyIds: string[] | null;
  proposedBy?: string;
  status?: string;
}

export async function listProposals(
  db: Db,
  filter: ProposalFilter,
  pageOpts: { page: number; pageSize: number },
): Promise<{ rows: ProposalView[]; total: number }> {
  if (filter.agencyIds && filter.agencyIds.length === 0) return { rows: [], total: 0 };
  const where = and(
    filter.agencyIds ? inArray(itemProposals.agencyId, filter.agencyIds) : undefined,
    filter.proposedBy ? eq(itemProposals.proposedBy, filter.proposedBy) : undefined,
    filter.status ? eq(itemProposals.status, filter.status) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    proposalViews(db)
      .where(where)
      // Pending first (they wait for a decision), then newest.
      .orderBy(sql`case ${itemProposals.status} when 'pending' then 0 else 1 end`, desc(itemProposals.createdAt))
      .limit(pageOpts.pageSize)
      .offset((pageOpts.page - 1) * pageOpts.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(itemProposals).where(where),
  ]);
  return { rows: rows.map(flattenProposal), total: count?.n ?? 0 };
}

export async function findProposal(db: Db, id: string): Promise<ProposalView | undefined> {
  const [row] = await proposalViews(db).where(eq(itemProposals.id, id)).limit(1);
  return row && flattenProposal(row);
}

export async function insertProposal(db: Db, row: typeof itemProposals.$inferInsert): Promise<void> {
  await db.insert(itemProposals).values(row);
}

export async function updateProposal(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof itemProposals.$inferInsert>,
): Promise<ProposalRow | undefined> {
  const [row] = await db
    .update(itemProposals)
    .set({ ...patch, version: sql`${itemProposals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(itemProposals.id, id), eq(itemProposals.version, version)))
    .returning();
  return row;
}

/** Approved proposals of an agency that no version has taken in yet, oldest first. */
export async function approvedNotIncluded(db: Db, agencyId: string): Promise<ProposalRow[]> {
  return db
    .select()
    .from(itemProposals)
    .where(
      and(
        eq(itemProposals.agencyId, agencyId),
        eq(itemProposals.status, "approved"),
        isNull(itemProposals.includedInCatalogId),
      ),
    )
    .orderBy(asc(itemProposals.decidedAt), asc(itemProposals.id));
}

export async function markIncluded(db: Db, ids: string[], catalogId: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(itemProposals)
    .set({ includedInCatalogId: catalogId, version: sql`${itemProposals.version} + 1`, updatedAt: new Date() })
    .where(inArray(itemProposals.id, ids));
}

export async function unmarkIncluded(db: Db, catalogId: string): Promise<void> {
  await db
    .update(itemProposals)
    .set({ includedInCatalogId: null, version: sql`${itemProposals.version} + 1`, updatedAt: new Date() })
    .where(eq(itemProposals.includedInCatalogId, catalogId));
}
