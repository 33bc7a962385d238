import { and, asc, desc, eq, inArray, like, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { catalogItems } from "../../db/schema.ts";

export type ItemRow = typeof catalogItems.$inferSelect;

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
