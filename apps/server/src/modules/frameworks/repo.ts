import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { orgUnits } from "../../db/schema.ts";
import { agencyCriteria, agencyCycles, agencyFrameworkAgencies, agencyFrameworks } from "../../db/schema-agency.ts";

export type FrameworkRow = typeof agencyFrameworks.$inferSelect;
export type NewFramework = typeof agencyFrameworks.$inferInsert;
export type CriterionRow = typeof agencyCriteria.$inferSelect;
export type NewCriterion = typeof agencyCriteria.$inferInsert;
export type CriterionView = CriterionRow & {
  appraiserUnitName: string | null;
  appraiserUnitCode: string | null;
  appraiserUnitPath: string | null;
};
export type FrameworkView = FrameworkRow & {
  ownerUnitName: string;
  agencyCount: number;
  criterionCount: number;
  cycleCount: number;
};

const counts = {
  agencyCount: sql<number>`(select count(*)::int from ${agencyFrameworkAgencies} where ${agencyFrameworkAgencies.frameworkId} = ${agencyFrameworks.id})`,
  criterionCount: sql<number>`(select count(*)::int from ${agencyCriteria} where ${agencyCriteria.frameworkId} = ${agencyFrameworks.id})`,
  cycleCount: sql<number>`(select count(*)::int from ${agencyCycles} where ${agencyCycles.frameworkId} = ${agencyFrameworks.id})`,
};

const views = (db: Db) =>
  db
    .select({ framework: agencyFrameworks, ownerUnitName: orgUnits.name, ...counts })
    .from(agencyFrameworks)
    .innerJoin(orgUnits, eq(orgUnits.id, agencyFrameworks.ownerUnitId));

type ViewRow = { framework: FrameworkRow; ownerUnitName: string } & Record<keyof typeof counts, number>;
const flatten = (r: ViewRow): FrameworkView => ({
  ...r.framework,
  ownerUnitName: r.ownerUnitName,
  agencyCount: r.agencyCount,
  criterionCount: r.criterionCount,
  cycleCount: r.cycleCount,
});

export async function findFramework(db: Db, id: string): Promise<FrameworkView | undefined> {
  const [row] = await views(db).where(eq(agencyFrameworks.id, id)).limit(1);
  return row && flatten(row);
}

/** Locks the row for the transaction so two edits of one framework take turns. */
export async function lockFramework(db: Db, id: string): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(agencyFrameworks).where(eq(agencyFrameworks.id, id)).for("update").limit(1);
  return row;
}

export interface FrameworkFilter {
  year?: number | undefined;
  status?: string | undefined;
  template?: boolean | undefined;
  q?: string | undefined;
  sort?: "year" | "name" | "groupName" | "updatedAt" | undefined;
  order?: "asc" | "desc" | undefined;
  page: number;
  pageSize: number;
}

export async function listFrameworks(db: Db, f: FrameworkFilter): Promise<{ rows: FrameworkView[]; total: number }> {
  const where: SQL[] = [];
  if (f.year !== undefined) where.push(eq(agencyFrameworks.year, f.year));
  if (f.status) where.push(eq(agencyFrameworks.status, f.status));
  if (f.template !== undefined) where.push(eq(agencyFrameworks.isTemplate, f.template));
  if (f.q)
    where.push(sql`(${ilike(agencyFrameworks.name, `%${f.q}%`)} or ${ilike(agencyFrameworks.groupName, `%${f.q}%`)})`);
  const column = {
    year: agencyFrameworks.year,
    name: agencyFrameworks.name,
    groupName: agencyFrameworks.groupName,
    updatedAt: agencyFrameworks.updatedAt,
  }[f.sort ?? "updatedAt"];
  const direction = (f.order ?? (f.sort ? "asc" : "desc")) === "asc" ? asc : desc;
  const condition = where.length > 0 ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    views(db)
      .where(condition)
      .orderBy(direction(column), asc(agencyFrameworks.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(agencyFrameworks).where(condition),
  ]);
  return { rows: rows.map(flatten), total: count?.n ?? 0 };
}

export async function insertFramework(db: Db, row: NewFramework): Promise<void> {
  await db.insert(agencyFrameworks).values(row);
}

/** Optimistic update: nothing happens (undefined) when `version` is not the current one. */
export async function updateFramework(
  db: Db,
  id: string,
  version: number,
  patch: Partial<NewFramework>,
  at: Date,
): Promise<FrameworkRow | undefined> {
  const [row] = await db
    .update(agencyFrameworks)
    .set({ ...patch, version: sql`${agencyFrameworks.version} + 1`, updatedAt: at })
    .where(and(eq(agencyFrameworks.id, id), eq(agencyFrameworks.version, version)))
    .returning();
  return row;
}

/** Bumps the version after a change to its criteria or agencies. */
export async function touchFramework(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(agencyFrameworks)
    .set({ version: sql`${agencyFrameworks.version} + 1`, updatedAt: at })
    .where(eq(agencyFrameworks.id, id));
}

export async function deleteFramework(db: Db, id: string): Promise<void> {
  await db.delete(agencyFrameworks).where(eq(agencyFrameworks.id, id));
}

export async function nextVersionNo(db: Db, rootId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${agencyFrameworks.versionNo}), 0)::int` })
    .from(agencyFrameworks)
    .where(sql`${agencyFrameworks.id} = ${rootId} or ${agencyFrameworks.previousVersionId} = ${rootId}`);
  return (row?.n ?? 0) + 1;
}

/* ───────── Criteria ───────── */

export async function criteriaOf(db: Db, frameworkId: string): Promise<CriterionView[]> {
  const rows = await db
    .select({
      criterion: agencyCriteria,
      appraiserUnitName: orgUnits.name,
      appraiserUnitCode: orgUnits.code,
      appraiserUnitPath: orgUnits.path,
    })
    .from(agencyCriteria)
    .leftJoin(orgUnits, eq(orgUnits.id, agencyCriteria.appraiserUnitId))
    .where(eq(agencyCriteria.frameworkId, frameworkId))
    .orderBy(asc(agencyCriteria.sortOrder), asc(agencyCriteria.code));
  return rows.map((r) => ({
    ...r.criterion,
    appraiserUnitName: r.appraiserUnitName,
    appraiserUnitCode: r.appraiserUnitCode,
    appraiserUnitPath: r.appraiserUnitPath,
  }));
}

export async function insertCriteria(db: Db, rows: NewCriterion[]): Promise<void> {
  if (rows.length > 0) await db.insert(agencyCriteria).values(rows);
}

/* ───────── Agencies ───────── */

export interface AgencyRef {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  path: string;
}

export async function agenciesOf(db: Db, frameworkId: string): Promise<AgencyRef[]> {
  return db
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(agencyFrameworkAgencies)
    .innerJoin(orgUnits, eq(orgUnits.id, agencyFrameworkAgencies.agencyId))
    .where(eq(agencyFrameworkAgencies.frameworkId, frameworkId))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
}

export async function replaceAgencies(db: Db, frameworkId: string, agencyIds: string[]): Promise<void> {
  await db.delete(agencyFrameworkAgencies).where(eq(agencyFrameworkAgencies.frameworkId, frameworkId));
  if (agencyIds.length > 0) {
    await db.insert(agencyFrameworkAgencies).values(agencyIds.map((agencyId) => ({ frameworkId, agencyId })));
  }
}

/** Units by id or by code (import matches appraisers by code). */
export async function unitsByIdOrCode(db: Db, keys: string[]): Promise<AgencyRef[]> {
  if (keys.length === 0) return [];
  return db
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(sql`${inArray(orgUnits.id, keys)} or ${inArray(orgUnits.code, keys)}`);
}
