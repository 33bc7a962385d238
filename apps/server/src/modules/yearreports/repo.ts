import { and, desc, eq, inArray, like, or, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { assignments, catalogItems, catalogs, deliveries, orgUnits, periods, positions } from "../../db/schema.ts";
import { nationalExports, reportNarratives } from "../../db/schema-year.ts";
import { pathIds } from "../../lib/org-path.ts";

export type NarrativeRow = typeof reportNarratives.$inferSelect;
export type ExportRow = typeof nationalExports.$inferSelect;

/** The units on a path, for the header (agency, its parent) and the place name. */
export async function unitsOnPath(db: Db, path: string) {
  const ids = pathIds(path);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: orgUnits.id, kind: orgUnits.kind, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids));
  const byId = new Map(rows.map((u) => [u.id, u]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/* ── Figures of the implementation report ── */

export async function positionCount(db: Db, agencyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(positions)
    .where(eq(positions.agencyId, agencyId));
  return row?.n ?? 0;
}

/** Items of the agency's approved catalog (the latest approved version). */
export async function approvedCatalogItems(db: Db, agencyId: string): Promise<number> {
  const [catalog] = await db
    .select({ id: catalogs.id })
    .from(catalogs)
    .where(and(eq(catalogs.agencyId, agencyId), eq(catalogs.status, "approved")))
    .orderBy(desc(catalogs.versionNo))
    .limit(1);
  if (!catalog) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(catalogItems)
    .where(eq(catalogItems.catalogId, catalog.id));
  return row?.n ?? 0;
}

/** Deliveries of the year by field: the catalog item's division, else its section. */
export async function productsByField(db: Db, agencyId: string, year: number) {
  const field = sql<string>`coalesce(${catalogItems.divisionName}, ${catalogItems.section}, 'Khác')`;
  return db
    .select({
      field,
      deliveries: sql<number>`count(*)::int`,
      quantity: sql<string>`coalesce(sum(${deliveries.quantity}), 0)::text`,
    })
    .from(deliveries)
    .innerJoin(assignments, eq(assignments.id, deliveries.assignmentId))
    .innerJoin(periods, eq(periods.id, assignments.periodId))
    .leftJoin(catalogItems, eq(catalogItems.id, assignments.catalogItemId))
    .where(and(eq(periods.agencyId, agencyId), eq(periods.year, year)))
    .groupBy(field)
    .orderBy(field);
}

/* ── Narrative ── */

export async function findNarrative(db: Db, agencyId: string, year: number): Promise<NarrativeRow | undefined> {
  const [row] = await db
    .select()
    .from(reportNarratives)
    .where(and(eq(reportNarratives.agencyId, agencyId), eq(reportNarratives.year, year)));
  return row;
}

export async function saveNarrative(
  db: Db,
  row: typeof reportNarratives.$inferInsert,
  version: number,
  now: Date,
): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insert(reportNarratives)
      .values(row)
      .onConflictDoNothing()
      .returning({ v: reportNarratives.version });
    return inserted.length > 0;
  }
  const updated = await db
    .update(reportNarratives)
    .set({ ...row, version: version + 1, updatedAt: now })
    .where(
      and(
        eq(reportNarratives.agencyId, row.agencyId),
        eq(reportNarratives.year, row.year),
        eq(reportNarratives.version, version),
      ),
    )
    .returning({ v: reportNarratives.version });
  return updated.length > 0;
}

/* ── National export log ── */

export async function logExport(db: Db, row: typeof nationalExports.$inferInsert): Promise<void> {
  await db.insert(nationalExports).values(row);
}

export async function listExports(
  db: Db,
  f: { paths: string[]; agencyId?: string; year?: number; kind?: string },
  pageOpts: { page: number; pageSize: number },
): Promise<{ rows: (ExportRow & { agencyName: string })[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  const where = and(
    or(...f.paths.map((p) => like(orgUnits.path, `${p}%`))),
    f.agencyId ? eq(nationalExports.agencyId, f.agencyId) : undefined,
    f.year ? eq(nationalExports.year, f.year) : undefined,
    f.kind ? eq(nationalExports.kind, f.kind) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({ row: nationalExports, agencyName: orgUnits.name })
      .from(nationalExports)
      .innerJoin(orgUnits, eq(orgUnits.id, nationalExports.agencyId))
      .where(where)
      .orderBy(desc(nationalExports.exportedAt), desc(nationalExports.id))
      .limit(pageOpts.pageSize)
      .offset((pageOpts.page - 1) * pageOpts.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(nationalExports)
      .innerJoin(orgUnits, eq(orgUnits.id, nationalExports.agencyId))
      .where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.row, agencyName: r.agencyName })), total: count?.n ?? 0 };
}
