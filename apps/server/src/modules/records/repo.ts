import { and, asc, desc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/database.ts";
import { files, orgUnits, people, users } from "../../db/schema.ts";
import { leaveMonths, personRecords, transfers } from "../../db/schema-year.ts";

export type RecordRow = typeof personRecords.$inferSelect;
export type LeaveRow = typeof leaveMonths.$inferSelect;
export type TransferRow = typeof transfers.$inferSelect;
export type FileRow = typeof files.$inferSelect;

/** Files by id, for the documents attached to records, decisions and petitions. */
export async function filesByIds(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, FileRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(files).where(inArray(files.id, wanted));
  return new Map(rows.map((f) => [f.id, f]));
}

/** Display names of accounts, for "recorded by". */
export async function userNames(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u.name]));
}

export interface RecordView {
  record: RecordRow;
  personName: string;
  agencyName: string;
}

export interface RecordFilter {
  paths: string[];
  agencyId?: string;
  personId?: string;
  year?: number;
  kind?: string;
  sort?: "effectiveOn" | "personName" | "kind";
  order?: "asc" | "desc";
}

const agencies = alias(orgUnits, "agencies");
const personUnits = alias(orgUnits, "person_units");

function recordWhere(f: RecordFilter): SQL | undefined {
  return and(
    or(...f.paths.map((p) => like(personUnits.path, `${p}%`))),
    f.agencyId ? eq(personRecords.agencyId, f.agencyId) : undefined,
    f.personId ? eq(personRecords.personId, f.personId) : undefined,
    f.year ? eq(personRecords.countsInYear, f.year) : undefined,
    f.kind ? eq(personRecords.kind, f.kind) : undefined,
  );
}

export async function listRecords(
  db: Db,
  f: RecordFilter,
  pageOpts: { page: number; pageSize: number },
): Promise<{ rows: RecordView[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  const sortColumn = { effectiveOn: personRecords.effectiveOn, personName: people.fullName, kind: personRecords.kind }[
    f.sort ?? "effectiveOn"
  ];
  const from = () =>
    db
      .select({ record: personRecords, personName: people.fullName, agencyName: agencies.name })
      .from(personRecords)
      .innerJoin(people, eq(people.id, personRecords.personId))
      .innerJoin(personUnits, eq(personUnits.id, people.unitId))
      .innerJoin(agencies, eq(agencies.id, personRecords.agencyId));
  const [rows, [count]] = await Promise.all([
    from()
      .where(recordWhere(f))
      .orderBy(f.order === "asc" ? asc(sortColumn) : desc(sortColumn), asc(personRecords.id))
      .limit(pageOpts.pageSize)
      .offset((pageOpts.page - 1) * pageOpts.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(personRecords)
      .innerJoin(people, eq(people.id, personRecords.personId))
      .innerJoin(personUnits, eq(personUnits.id, people.unitId))
      .where(recordWhere(f)),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findRecordView(db: Db, id: string): Promise<RecordView | undefined> {
  const [row] = await db
    .select({ record: personRecords, personName: people.fullName, agencyName: agencies.name })
    .from(personRecords)
    .innerJoin(people, eq(people.id, personRecords.personId))
    .innerJoin(agencies, eq(agencies.id, personRecords.agencyId))
    .where(eq(personRecords.id, id));
  return row;
}

export async function insertRecord(db: Db, row: typeof personRecords.$inferInsert): Promise<void> {
  await db.insert(personRecords).values(row);
}

/** Updates when the version matches; false when someone changed it first. */
export async function updateRecord(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof personRecords.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(personRecords)
    .set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(personRecords.id, id), eq(personRecords.version, version)))
    .returning({ id: personRecords.id });
  return rows.length > 0;
}

export async function deleteRecord(db: Db, id: string, version: number): Promise<boolean> {
  const rows = await db
    .delete(personRecords)
    .where(and(eq(personRecords.id, id), eq(personRecords.version, version)))
    .returning({ id: personRecords.id });
  return rows.length > 0;
}

/** Records counting in a year for these people (Art. 11.3). */
export async function recordsCountingIn(db: Db, personIds: string[], year: number): Promise<RecordRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(personRecords)
    .where(and(inArray(personRecords.personId, personIds), eq(personRecords.countsInYear, year)))
    .orderBy(asc(personRecords.effectiveOn));
}

/* ── Leave ── */

export async function leaveOf(db: Db, personIds: string[], year: number): Promise<LeaveRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(leaveMonths)
    .where(and(inArray(leaveMonths.personId, personIds), eq(leaveMonths.year, year)))
    .orderBy(asc(leaveMonths.personId), asc(leaveMonths.month));
}

/** People in scope with any leave in the year, a page of them. */
export async function peopleWithLeave(
  db: Db,
  f: { paths: string[]; agencyId?: string; personId?: string; year: number },
  pageOpts: { page: number; pageSize: number },
): Promise<{ rows: { personId: string; personName: string }[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  const where = and(
    eq(leaveMonths.year, f.year),
    or(...f.paths.map((p) => like(orgUnits.path, `${p}%`))),
    f.agencyId ? eq(people.agencyId, f.agencyId) : undefined,
    f.personId ? eq(people.id, f.personId) : undefined,
  );
  const rows = await db
    .selectDistinct({ personId: people.id, personName: people.fullName })
    .from(leaveMonths)
    .innerJoin(people, eq(people.id, leaveMonths.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(where)
    .orderBy(asc(people.fullName), asc(people.id));
  const start = (pageOpts.page - 1) * pageOpts.pageSize;
  return { rows: rows.slice(start, start + pageOpts.pageSize), total: rows.length };
}

export async function replaceLeave(
  db: Db,
  personId: string,
  year: number,
  months: { month: number; kind: string; note: string | null }[],
  actorId: string,
): Promise<void> {
  await db.delete(leaveMonths).where(and(eq(leaveMonths.personId, personId), eq(leaveMonths.year, year)));
  if (months.length > 0) {
    await db
      .insert(leaveMonths)
      .values(months.map((m) => ({ personId, year, month: m.month, kind: m.kind, note: m.note, recordedBy: actorId })));
  }
}

/* ── Transfers ── */

const fromAgencies = alias(orgUnits, "from_agencies");
const toAgencies = alias(orgUnits, "to_agencies");
const fromUnits = alias(orgUnits, "from_units");
const toUnits = alias(orgUnits, "to_units");

export interface TransferView {
  transfer: TransferRow;
  personName: string;
  fromAgencyName: string;
  toAgencyName: string;
  fromUnitName: string;
  toUnitName: string;
}

const transferSelect = (db: Db) =>
  db
    .select({
      transfer: transfers,
      personName: people.fullName,
      fromAgencyName: fromAgencies.name,
      toAgencyName: toAgencies.name,
      fromUnitName: fromUnits.name,
      toUnitName: toUnits.name,
    })
    .from(transfers)
    .innerJoin(people, eq(people.id, transfers.personId))
    .innerJoin(fromAgencies, eq(fromAgencies.id, transfers.fromAgencyId))
    .innerJoin(toAgencies, eq(toAgencies.id, transfers.toAgencyId))
    .innerJoin(fromUnits, eq(fromUnits.id, transfers.fromUnitId))
    .innerJoin(toUnits, eq(toUnits.id, transfers.toUnitId));

export async function listTransfers(
  db: Db,
  f: { paths: string[]; agencyId?: string; personId?: string; year?: number },
  pageOpts: { page: number; pageSize: number },
): Promise<{ rows: TransferView[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  const where = and(
    or(...f.paths.flatMap((p) => [like(fromUnits.path, `${p}%`), like(toUnits.path, `${p}%`)])),
    f.agencyId ? or(eq(transfers.fromAgencyId, f.agencyId), eq(transfers.toAgencyId, f.agencyId)) : undefined,
    f.personId ? eq(transfers.personId, f.personId) : undefined,
    f.year ? sql`extract(year from ${transfers.effectiveOn}) = ${f.year}` : undefined,
  );
  const rows = await transferSelect(db).where(where).orderBy(desc(transfers.effectiveOn), asc(transfers.id));
  const start = (pageOpts.page - 1) * pageOpts.pageSize;
  return { rows: rows.slice(start, start + pageOpts.pageSize), total: rows.length };
}

export async function findTransferView(db: Db, id: string): Promise<TransferView | undefined> {
  const [row] = await transferSelect(db).where(eq(transfers.id, id));
  return row;
}

/** Transfers into an agency during a year, for "came from" on the classification list. */
export async function transfersInto(db: Db, agencyId: string, year: number): Promise<TransferView[]> {
  return transferSelect(db).where(
    and(eq(transfers.toAgencyId, agencyId), sql`extract(year from ${transfers.effectiveOn}) = ${year}`),
  );
}

export async function insertTransfer(db: Db, row: typeof transfers.$inferInsert): Promise<void> {
  await db.insert(transfers).values(row);
}

/** Moves a person to their new unit and agency (the people row follows the transfer). */
export async function movePerson(db: Db, personId: string, unitId: string, agencyId: string, now: Date) {
  await db
    .update(people)
    .set({ unitId, agencyId, version: sql`${people.version} + 1`, updatedAt: now })
    .where(eq(people.id, personId));
}
