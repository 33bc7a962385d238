import { and, asc, desc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { orgUnits } from "../../db/schema.ts";
import {
  classificationDecisions,
  classificationMinutes,
  classificationPeople,
  classifications,
  decisionResults,
  tieBreaks,
} from "../../db/schema-year.ts";

/* The year's header and the reads its sibling modules (quota, entries, decisions, views) share. */

export type ClassificationRow = typeof classifications.$inferSelect;
export type PersonEntryRow = typeof classificationPeople.$inferSelect;
export type TieBreakRow = typeof tieBreaks.$inferSelect;
export type MinutesRow = typeof classificationMinutes.$inferSelect;
export type DecisionRow = typeof classificationDecisions.$inferSelect;
export type DecisionResultRow = typeof decisionResults.$inferSelect;

export interface ClassificationView {
  classification: ClassificationRow;
  agencyName: string;
  agencyPath: string;
  agencyKind: string;
}

const viewSelect = (db: Db) =>
  db
    .select({
      classification: classifications,
      agencyName: orgUnits.name,
      agencyPath: orgUnits.path,
      agencyKind: orgUnits.kind,
    })
    .from(classifications)
    .innerJoin(orgUnits, eq(orgUnits.id, classifications.agencyId));

export async function findClassification(db: Db, id: string): Promise<ClassificationView | undefined> {
  const [row] = await viewSelect(db).where(eq(classifications.id, id));
  return row;
}

export async function findByAgencyYear(
  db: Db,
  agencyId: string,
  year: number,
): Promise<ClassificationView | undefined> {
  const [row] = await viewSelect(db).where(and(eq(classifications.agencyId, agencyId), eq(classifications.year, year)));
  return row;
}

export interface ClassificationFilter {
  paths: string[];
  agencyId?: string;
  year?: number;
  status?: string;
  sort?: "agencyName" | "year" | "status";
  order?: "asc" | "desc";
}

export async function listClassifications(
  db: Db,
  f: ClassificationFilter,
  pageOpts: { page: number; pageSize: number } | null,
): Promise<{ rows: ClassificationView[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  const where: SQL | undefined = and(
    // A grant over the agency or anywhere inside it (a manager's division) sees the agency's year.
    or(...f.paths.flatMap((p) => [like(orgUnits.path, `${p}%`), sql`${p} like ${orgUnits.path} || '%'`])),
    f.agencyId ? eq(classifications.agencyId, f.agencyId) : undefined,
    f.year ? eq(classifications.year, f.year) : undefined,
    f.status ? eq(classifications.status, f.status) : undefined,
  );
  const column = { agencyName: orgUnits.name, year: classifications.year, status: classifications.status }[
    f.sort ?? "year"
  ];
  const query = viewSelect(db)
    .where(where)
    .orderBy(f.order === "asc" ? asc(column) : desc(column), asc(orgUnits.name));
  if (!pageOpts) return { rows: await query, total: -1 };
  const [rows, [count]] = await Promise.all([
    query.limit(pageOpts.pageSize).offset((pageOpts.page - 1) * pageOpts.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(classifications)
      .innerJoin(orgUnits, eq(orgUnits.id, classifications.agencyId))
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function insertClassification(db: Db, row: typeof classifications.$inferInsert): Promise<void> {
  await db.insert(classifications).values(row);
}

export async function updateClassification(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof classifications.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(classifications)
    .set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(classifications.id, id), eq(classifications.version, version)))
    .returning({ id: classifications.id });
  return rows.length > 0;
}

/** Bumps the version without a caller's version (a step that does not edit the header). */
export async function touchClassification(
  db: Db,
  id: string,
  patch: Partial<typeof classifications.$inferInsert>,
  now: Date,
): Promise<void> {
  await db
    .update(classifications)
    .set({ ...patch, version: sql`${classifications.version} + 1`, updatedAt: now })
    .where(eq(classifications.id, id));
}

/* ── Per-person workflow rows ── */

export async function personEntries(db: Db, classificationId: string): Promise<PersonEntryRow[]> {
  return db.select().from(classificationPeople).where(eq(classificationPeople.classificationId, classificationId));
}

export async function tieBreaksOf(db: Db, classificationId: string): Promise<TieBreakRow[]> {
  return db.select().from(tieBreaks).where(eq(tieBreaks.classificationId, classificationId));
}

export async function minutesOf(db: Db, classificationId: string): Promise<(MinutesRow & { unitName: string })[]> {
  const rows = await db
    .select({ minutes: classificationMinutes, unitName: orgUnits.name })
    .from(classificationMinutes)
    .innerJoin(orgUnits, eq(orgUnits.id, classificationMinutes.unitId))
    .where(eq(classificationMinutes.classificationId, classificationId))
    .orderBy(asc(classificationMinutes.meetingDate), asc(classificationMinutes.createdAt));
  return rows.map((r) => ({ ...r.minutes, unitName: r.unitName }));
}

/* ── Decisions ── */

export async function decisionsOf(db: Db, classificationId: string): Promise<DecisionRow[]> {
  return db
    .select()
    .from(classificationDecisions)
    .where(eq(classificationDecisions.classificationId, classificationId))
    .orderBy(asc(classificationDecisions.decidedAt));
}

export async function findDecision(db: Db, id: string): Promise<DecisionRow | undefined> {
  const [row] = await db.select().from(classificationDecisions).where(eq(classificationDecisions.id, id));
  return row;
}

export async function resultsOf(db: Db, decisionIds: string[]): Promise<DecisionResultRow[]> {
  if (decisionIds.length === 0) return [];
  return db
    .select()
    .from(decisionResults)
    .where(inArray(decisionResults.decisionId, decisionIds))
    .orderBy(asc(decisionResults.unitName), asc(decisionResults.fullName));
}

/** The decided results (active decisions) of every agency under `paths` in a year. */
export async function activeResultsUnder(db: Db, paths: string[], year: number): Promise<DecisionResultRow[]> {
  if (paths.length === 0) return [];
  return db
    .select({ result: decisionResults })
    .from(decisionResults)
    .innerJoin(classificationDecisions, eq(classificationDecisions.id, decisionResults.decisionId))
    .innerJoin(orgUnits, eq(orgUnits.id, decisionResults.agencyId))
    .where(
      and(
        eq(classificationDecisions.active, true),
        eq(decisionResults.year, year),
        or(...paths.map((p) => like(orgUnits.path, `${p}%`))),
      ),
    )
    .then((rows) => rows.map((r) => r.result));
}
