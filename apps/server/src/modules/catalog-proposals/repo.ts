import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { itemProposals, people, users } from "../../db/schema.ts";

export type ProposalRow = typeof itemProposals.$inferSelect;
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
