import { and, asc, desc, eq, gte, like, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { orgUnits, people } from "../../db/schema.ts";
import { classifications, petitions, publicHolidays } from "../../db/schema-year.ts";

export type PetitionRow = typeof petitions.$inferSelect;
export type HolidayRow = typeof publicHolidays.$inferSelect;

export interface PetitionView {
  petition: PetitionRow;
  personName: string;
  agencyId: string;
  agencyPath: string;
  year: number;
}

const select = (db: Db) =>
  db
    .select({
      petition: petitions,
      personName: people.fullName,
      agencyId: classifications.agencyId,
      agencyPath: orgUnits.path,
      year: classifications.year,
    })
    .from(petitions)
    .innerJoin(people, eq(people.id, petitions.personId))
    .innerJoin(classifications, eq(classifications.id, petitions.classificationId))
    .innerJoin(orgUnits, eq(orgUnits.id, classifications.agencyId));

export interface PetitionFilter {
  /** Agencies whose petitions the reader sees (by path), or a person's own. */
  paths: string[];
  ownPersonId?: string;
  agencyId?: string;
  classificationId?: string;
  personId?: string;
  status?: string;
  /** Pending and past due on `today`. */
  overdueOn?: string;
  sort?: "receivedOn" | "dueOn" | "personName";
  order?: "asc" | "desc";
}

function where(f: PetitionFilter): SQL | undefined {
  return and(
    or(
      ...f.paths.map((p) => like(orgUnits.path, `${p}%`)),
      f.ownPersonId ? eq(petitions.personId, f.ownPersonId) : undefined,
    ),
    f.agencyId ? eq(classifications.agencyId, f.agencyId) : undefined,
    f.classificationId ? eq(petitions.classificationId, f.classificationId) : undefined,
    f.personId ? eq(petitions.personId, f.personId) : undefined,
    f.status ? eq(petitions.status, f.status) : undefined,
    f.overdueOn ? and(eq(petitions.status, "pending"), lt(petitions.dueOn, f.overdueOn)) : undefined,
  );
}

export async function listPetitions(
  db: Db,
  f: PetitionFilter,
  pageOpts: { page: number; pageSize: number } | null,
): Promise<{ rows: PetitionView[]; total: number }> {
  if (f.paths.length === 0 && !f.ownPersonId) return { rows: [], total: 0 };
  const column = { receivedOn: petitions.receivedOn, dueOn: petitions.dueOn, personName: people.fullName }[
    f.sort ?? "receivedOn"
  ];
  const query = select(db)
    .where(where(f))
    .orderBy(f.order === "asc" ? asc(column) : desc(column), asc(petitions.id));
  if (!pageOpts) return { rows: await query, total: -1 };
  const [rows, [count]] = await Promise.all([
    query.limit(pageOpts.pageSize).offset((pageOpts.page - 1) * pageOpts.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(petitions)
      .innerJoin(people, eq(people.id, petitions.personId))
      .innerJoin(classifications, eq(classifications.id, petitions.classificationId))
      .innerJoin(orgUnits, eq(orgUnits.id, classifications.agencyId))
      .where(where(f)),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findPetition(db: Db, id: string): Promise<PetitionView | undefined> {
  const [row] = await select(db).where(eq(petitions.id, id));
  return row;
}

export async function insertPetition(db: Db, row: typeof petitions.$inferInsert): Promise<void> {
  await db.insert(petitions).values(row);
}

export async function answerPetition(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof petitions.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(petitions)
    .set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(petitions.id, id), eq(petitions.version, version), eq(petitions.status, "pending")))
    .returning({ id: petitions.id });
  return rows.length > 0;
}

/** Links a re-classification decision to the petition that led to it (same classification only). */
export async function linkDecision(db: Db, id: string, decisionId: string, classificationId: string): Promise<boolean> {
  const rows = await db
    .update(petitions)
    .set({ decisionId, version: sql`${petitions.version} + 1` })
    .where(and(eq(petitions.id, id), eq(petitions.classificationId, classificationId)))
    .returning({ id: petitions.id });
  return rows.length > 0;
}

/* ── Holiday corrections ── */

export async function holidaysBetween(db: Db, fromYear: number, toYear: number): Promise<HolidayRow[]> {
  return db
    .select()
    .from(publicHolidays)
    .where(and(gte(publicHolidays.year, fromYear), lte(publicHolidays.year, toYear)))
    .orderBy(asc(publicHolidays.date));
}

export async function replaceHolidays(
  db: Db,
  year: number,
  days: { date: string; name: string; kind: string }[],
  actorId: string,
): Promise<void> {
  await db.delete(publicHolidays).where(eq(publicHolidays.year, year));
  if (days.length > 0) {
    await db.insert(publicHolidays).values(days.map((d) => ({ ...d, year, updatedBy: actorId })));
  }
}
