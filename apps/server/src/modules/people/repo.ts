import { and, asc, eq, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { orgUnits, people, positions } from "../../db/schema.ts";

export type PersonRow = typeof people.$inferSelect;

const columns = {
  person: people,
  unitName: orgUnits.name,
  unitPath: orgUnits.path,
  positionName: positions.name,
};

export type PersonView = { person: PersonRow; unitName: string; unitPath: string; positionName: string | null };

export interface PeopleFilter {
  paths: string[];
  unitPath?: string;
  search?: string;
  includeInactive?: boolean;
  sort?: "fullName" | "unitName" | "positionName" | "employeeCode";
  order?: "asc" | "desc";
}

const sortColumns = {
  fullName: people.fullName,
  unitName: orgUnits.name,
  positionName: positions.name,
  employeeCode: people.employeeCode,
} as const;

/** The org's own order (unit, then head, deputy, staff, then name) unless the reader picked a column. */
function orderFor(filter: PeopleFilter): SQL[] {
  const natural = [
    asc(orgUnits.path),
    sql`case ${people.leaderRole} when 'head' then 0 when 'deputy' then 1 else 2 end`,
    asc(people.fullName),
  ];
  if (!filter.sort) return natural;
  const column = sortColumns[filter.sort];
  return [filter.order === "desc" ? sql`${column} desc nulls last` : sql`${column} asc nulls last`, ...natural];
}

function where(filter: PeopleFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [or(...filter.paths.map((p) => like(orgUnits.path, `${p}%`)))];
  if (filter.unitPath) conditions.push(like(orgUnits.path, `${filter.unitPath}%`));
  if (filter.search) {
    const term = `%${filter.search}%`;
    conditions.push(or(like(people.searchText, term), like(sql`lower(coalesce(${people.employeeCode}, ''))`, term)));
  }
  if (!filter.includeInactive) conditions.push(eq(people.active, true));
  return and(...conditions);
}

const base = (db: Db) =>
  db
    .select(columns)
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .leftJoin(positions, eq(positions.id, people.positionId));

export async function listPeople(
  db: Db,
  filter: PeopleFilter,
  pageOpts: { page: number; pageSize: number } | null,
): Promise<{ rows: PersonView[]; total: number }> {
  if (filter.paths.length === 0) return { rows: [], total: 0 };
  const query = base(db)
    .where(where(filter))
    .orderBy(...orderFor(filter));
  if (!pageOpts) return { rows: await query, total: -1 };
  const [rows, [count]] = await Promise.all([
    query.limit(pageOpts.pageSize).offset((pageOpts.page - 1) * pageOpts.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(where(filter)),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findPerson(db: Db, id: string): Promise<PersonView | undefined> {
  const [row] = await base(db).where(eq(people.id, id)).limit(1);
  return row;
}

export async function findByEmployeeCode(db: Db, agencyId: string, code: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.agencyId, agencyId), eq(people.employeeCode, code)))
    .limit(1);
  return row;
}

export async function insertPerson(db: Db, row: typeof people.$inferInsert): Promise<void> {
  await db.insert(people).values(row);
}

export async function updatePerson(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof people.$inferInsert>,
): Promise<PersonRow | undefined> {
  const [row] = await db
    .update(people)
    .set({ ...patch, version: sql`${people.version} + 1`, updatedAt: new Date() })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning();
  return row;
}
