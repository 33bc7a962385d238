import { and, asc, eq, inArray, isNotNull, like, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { files, grants, orgUnits, people, users } from "../../db/schema.ts";
import {
  agencyAssessments,
  agencyCouncilMembers,
  agencyCouncilVotes,
  agencyCriterionFiles,
  agencyCriterionScores,
  agencyCycles,
  agencyDossierFiles,
  agencyExplanations,
  agencyFrameworks,
  agencyResults,
} from "../../db/schema-agency.ts";
import { pathIds } from "../../lib/org-path.ts";

/** Queries shared by the cycle, assessment and council modules. */

export type CycleRow = typeof agencyCycles.$inferSelect;
export type NewCycle = typeof agencyCycles.$inferInsert;
export type AssessmentRow = typeof agencyAssessments.$inferSelect;
export type ScoreRow = typeof agencyCriterionScores.$inferSelect;
export type ResultRow = typeof agencyResults.$inferSelect;
export type FileRow = typeof files.$inferSelect;

/* ───────── Cycles ───────── */

export type CycleView = CycleRow & {
  frameworkName: string;
  groupName: string;
  ownerPath: string;
  agencyCount: number;
  submittedCount: number;
};

const cycleViews = (db: Db) =>
  db
    .select({
      cycle: agencyCycles,
      frameworkName: agencyFrameworks.name,
      groupName: agencyFrameworks.groupName,
      ownerPath: orgUnits.path,
      agencyCount: sql<number>`(select count(*)::int from ${agencyAssessments} where ${agencyAssessments.cycleId} = ${agencyCycles.id})`,
      submittedCount: sql<number>`(select count(*)::int from ${agencyAssessments} where ${agencyAssessments.cycleId} = ${agencyCycles.id} and ${agencyAssessments.status} = 'submitted')`,
    })
    .from(agencyCycles)
    .innerJoin(agencyFrameworks, eq(agencyFrameworks.id, agencyCycles.frameworkId))
    .innerJoin(orgUnits, eq(orgUnits.id, agencyCycles.ownerUnitId));

type CycleViewRow = Awaited<ReturnType<ReturnType<typeof cycleViews>["execute"]>>[number];
const flattenCycle = (r: CycleViewRow): CycleView => ({
  ...r.cycle,
  frameworkName: r.frameworkName,
  groupName: r.groupName,
  ownerPath: r.ownerPath,
  agencyCount: r.agencyCount,
  submittedCount: r.submittedCount,
});

export async function findCycle(db: Db, id: string): Promise<CycleView | undefined> {
  const [row] = await cycleViews(db).where(eq(agencyCycles.id, id)).limit(1);
  return row && flattenCycle(row);
}

export async function lockCycle(db: Db, id: string): Promise<CycleRow | undefined> {
  const [row] = await db.select().from(agencyCycles).where(eq(agencyCycles.id, id)).for("update").limit(1);
  return row;
}

/** Every cycle (a province runs a handful a year); callers filter by what the actor may see. */
export async function allCycles(db: Db): Promise<CycleView[]> {
  const rows = await cycleViews(db).orderBy(asc(agencyCycles.year), asc(agencyCycles.name));
  return rows.map(flattenCycle);
}

export async function insertCycle(db: Db, row: NewCycle): Promise<void> {
  await db.insert(agencyCycles).values(row);
}

export async function updateCycle(
  db: Db,
  id: string,
  version: number | null,
  patch: Partial<NewCycle>,
  at: Date,
): Promise<CycleRow | undefined> {
  const [row] = await db
    .update(agencyCycles)
    .set({ ...patch, version: sql`${agencyCycles.version} + 1`, updatedAt: at })
    .where(version === null ? eq(agencyCycles.id, id) : and(eq(agencyCycles.id, id), eq(agencyCycles.version, version)))
    .returning();
  return row;
}

export async function markFrameworkInUse(db: Db, frameworkId: string): Promise<void> {
  await db.update(agencyFrameworks).set({ status: "in_use" }).where(eq(agencyFrameworks.id, frameworkId));
}

/* ───────── Assessments ───────── */

export type AssessmentView = AssessmentRow & {
  agencyName: string;
  agencyCode: string | null;
  agencyPath: string;
  submittedByName: string | null;
};

const assessmentViews = (db: Db) =>
  db
    .select({
      assessment: agencyAssessments,
      agencyName: orgUnits.name,
      agencyCode: orgUnits.code,
      agencyPath: orgUnits.path,
      submittedByName: users.displayName,
    })
    .from(agencyAssessments)
    .innerJoin(orgUnits, eq(orgUnits.id, agencyAssessments.agencyId))
    .leftJoin(users, eq(users.id, agencyAssessments.submittedBy));

type AssessmentViewRow = Awaited<ReturnType<ReturnType<typeof assessmentViews>["execute"]>>[number];
const flattenAssessment = (r: AssessmentViewRow): AssessmentView => ({
  ...r.assessment,
  agencyName: r.agencyName,
  agencyCode: r.agencyCode,
  agencyPath: r.agencyPath,
  submittedByName: r.submittedByName,
});

export async function findAssessment(db: Db, id: string): Promise<AssessmentView | undefined> {
  const [row] = await assessmentViews(db).where(eq(agencyAssessments.id, id)).limit(1);
  return row && flattenAssessment(row);
}

export async function lockAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await db.select().from(agencyAssessments).where(eq(agencyAssessments.id, id)).for("update").limit(1);
  return row;
}

export async function assessmentsOf(db: Db, cycleIds: string[]): Promise<AssessmentView[]> {
  if (cycleIds.length === 0) return [];
  const rows = await assessmentViews(db)
    .where(inArray(agencyAssessments.cycleId, cycleIds))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
  return rows.map(flattenAssessment);
}

export async function insertAssessments(db: Db, rows: (typeof agencyAssessments.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(agencyAssessments).values(rows);
}

export async function updateAssessment(
  db: Db,
  id: string,
  patch: Partial<typeof agencyAssessments.$inferInsert>,
  at: Date,
): Promise<void> {
  await db
    .update(agencyAssessments)
    .set({ ...patch, version: sql`${agencyAssessments.version} + 1`, updatedAt: at })
    .where(eq(agencyAssessments.id, id));
}

/* ───────── Scores ───────── */

export type ScoreView = ScoreRow & {
  selfByName: string | null;
  appraisedByName: string | null;
  finalByName: string | null;
};

export async function scoresOf(db: Db, assessmentIds: string[]): Promise<ScoreView[]> {
  if (assessmentIds.length === 0) return [];
  const rows = await db
    .select({
      score: agencyCriterionScores,
      selfByName: sql<
        string | null
      >`(select display_name from ${users} where ${users.id} = ${agencyCriterionScores.selfBy})`,
      appraisedByName: sql<
        string | null
      >`(select display_name from ${users} where ${users.id} = ${agencyCriterionScores.appraisedBy})`,
      finalByName: sql<
        string | null
      >`(select display_name from ${users} where ${users.id} = ${agencyCriterionScores.finalBy})`,
    })
    .from(agencyCriterionScores)
    .where(inArray(agencyCriterionScores.assessmentId, assessmentIds));
  return rows.map((r) => ({
    ...r.score,
    selfByName: r.selfByName,
    appraisedByName: r.appraisedByName,
    finalByName: r.finalByName,
  }));
}

type ScorePatch = Partial<Omit<typeof agencyCriterionScores.$inferInsert, "assessmentId" | "criterionId">>;

/** Writes the given columns of one criterion's row, creating the row if needed. */
export async function upsertScore(db: Db, assessmentId: string, criterionId: string, patch: ScorePatch): Promise<void> {
  await db
    .insert(agencyCriterionScores)
    .values({ assessmentId, criterionId, ...patch })
    .onConflictDoUpdate({
      target: [agencyCriterionScores.assessmentId, agencyCriterionScores.criterionId],
      set: patch,
    });
}

/* ───────── Files ───────── */

export type DossierFileView = { kind: string; file: FileRow };
export type CriterionFileView = { criterionId: string; stage: string; file: FileRow };

export async function dossierOf(db: Db, assessmentId: string): Promise<DossierFileView[]> {
  const rows = await db
    .select({ kind: agencyDossierFiles.kind, file: files })
    .from(agencyDossierFiles)
    .innerJoin(files, eq(files.id, agencyDossierFiles.fileId))
    .where(eq(agencyDossierFiles.assessmentId, assessmentId))
    .orderBy(asc(agencyDossierFiles.addedAt));
  return rows;
}

export async function addDossierFile(
  db: Db,
  row: { assessmentId: string; fileId: string; kind: string; addedBy: string },
): Promise<void> {
  await db
    .insert(agencyDossierFiles)
    .values(row)
    .onConflictDoUpdate({
      target: [agencyDossierFiles.assessmentId, agencyDossierFiles.fileId],
      set: { kind: row.kind },
    });
}

export async function removeDossierFile(db: Db, assessmentId: string, fileId: string): Promise<boolean> {
  const rows = await db
    .delete(agencyDossierFiles)
    .where(and(eq(agencyDossierFiles.assessmentId, assessmentId), eq(agencyDossierFiles.fileId, fileId)))
    .returning({ fileId: agencyDossierFiles.fileId });
  return rows.length > 0;
}

export async function criterionFilesOf(db: Db, assessmentId: string): Promise<CriterionFileView[]> {
  return db
    .select({ criterionId: agencyCriterionFiles.criterionId, stage: agencyCriterionFiles.stage, file: files })
    .from(agencyCriterionFiles)
    .innerJoin(files, eq(files.id, agencyCriterionFiles.fileId))
    .where(eq(agencyCriterionFiles.assessmentId, assessmentId))
    .orderBy(asc(files.createdAt));
}

export async function replaceCriterionFiles(
  db: Db,
  assessmentId: string,
  criterionId: string,
  stage: string,
  fileIds: string[],
): Promise<void> {
  await db
    .delete(agencyCriterionFiles)
    .where(
      and(
        eq(agencyCriterionFiles.assessmentId, assessmentId),
        eq(agencyCriterionFiles.criterionId, criterionId),
        eq(agencyCriterionFiles.stage, stage),
      ),
    );
  if (fileIds.length > 0) {
    await db
      .insert(agencyCriterionFiles)
      .values(fileIds.map((fileId) => ({ assessmentId, criterionId, stage, fileId })));
  }
}

/* ───────── Explanations ───────── */

export type ExplanationView = typeof agencyExplanations.$inferSelect & { byName: string | null };

export async function explanationsOf(db: Db, assessmentIds: string[]): Promise<ExplanationView[]> {
  if (assessmentIds.length === 0) return [];
  const rows = await db
    .select({ explanation: agencyExplanations, byName: users.displayName })
    .from(agencyExplanations)
    .leftJoin(users, eq(users.id, agencyExplanations.by))
    .where(inArray(agencyExplanations.assessmentId, assessmentIds));
  return rows.map((r) => ({ ...r.explanation, byName: r.byName }));
}

export async function upsertExplanation(
  db: Db,
  row: { assessmentId: string; criterionId: string; text: string; by: string; at: Date },
): Promise<void> {
  await db
    .insert(agencyExplanations)
    .values(row)
    .onConflictDoUpdate({
      target: [agencyExplanations.assessmentId, agencyExplanations.criterionId],
      set: { text: row.text, by: row.by, at: row.at },
    });
}

/* ───────── Council ───────── */

export type MemberView = { userId: string; displayName: string; present: boolean };

export async function membersOf(db: Db, cycleId: string): Promise<MemberView[]> {
  return db
    .select({
      userId: agencyCouncilMembers.userId,
      displayName: users.displayName,
      present: agencyCouncilMembers.present,
    })
    .from(agencyCouncilMembers)
    .innerJoin(users, eq(users.id, agencyCouncilMembers.userId))
    .where(eq(agencyCouncilMembers.cycleId, cycleId))
    .orderBy(asc(users.displayName));
}

export async function replaceMembers(
  db: Db,
  cycleId: string,
  members: { userId: string; present: boolean }[],
): Promise<void> {
  await db.delete(agencyCouncilMembers).where(eq(agencyCouncilMembers.cycleId, cycleId));
  if (members.length > 0) await db.insert(agencyCouncilMembers).values(members.map((m) => ({ cycleId, ...m })));
}

/** Cycles the user sits on the council of. */
export async function cyclesOfMember(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ cycleId: agencyCouncilMembers.cycleId })
    .from(agencyCouncilMembers)
    .where(eq(agencyCouncilMembers.userId, userId));
  return rows.map((r) => r.cycleId);
}

/** Active accounts holding one of `roles` over a unit inside `path` (or the unit at it). */
export async function grantHoldersIn(
  db: Db,
  roles: string[],
  path: string,
): Promise<{ userId: string; displayName: string; unitName: string; unitPath: string }[]> {
  return db
    .selectDistinct({
      userId: users.id,
      displayName: users.displayName,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
    })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, grants.orgUnitId))
    .where(and(inArray(grants.role, roles), like(orgUnits.path, `${path}%`), eq(users.active, true)));
}

/** Active accounts holding one of `roles` on `path` or an ancestor of it (they cover the unit). */
export async function grantHoldersCovering(db: Db, roles: string[], path: string): Promise<{ userId: string }[]> {
  return db
    .selectDistinct({ userId: users.id })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(inArray(grants.role, roles), inArray(grants.orgUnitId, pathIds(path)), eq(users.active, true)));
}

export type VoteView = { assessmentId: string; userId: string; displayName: string; level: string; at: Date };

export async function votesOf(db: Db, cycleId: string): Promise<VoteView[]> {
  return db
    .select({
      assessmentId: agencyCouncilVotes.assessmentId,
      userId: agencyCouncilVotes.userId,
      displayName: users.displayName,
      level: agencyCouncilVotes.level,
      at: agencyCouncilVotes.at,
    })
    .from(agencyCouncilVotes)
    .innerJoin(users, eq(users.id, agencyCouncilVotes.userId))
    .where(eq(agencyCouncilVotes.cycleId, cycleId))
    .orderBy(asc(users.displayName));
}

export async function upsertVote(
  db: Db,
  row: { cycleId: string; assessmentId: string; userId: string; level: string; at: Date },
): Promise<void> {
  await db
    .insert(agencyCouncilVotes)
    .values(row)
    .onConflictDoUpdate({
      target: [agencyCouncilVotes.assessmentId, agencyCouncilVotes.userId],
      set: { level: row.level, at: row.at },
    });
}

/* ───────── Results ───────── */

export async function resultsOf(db: Db, cycleIds: string[]): Promise<ResultRow[]> {
  if (cycleIds.length === 0) return [];
  return db.select().from(agencyResults).where(inArray(agencyResults.cycleId, cycleIds));
}

export async function replaceResults(
  db: Db,
  cycleId: string,
  rows: (typeof agencyResults.$inferInsert)[],
): Promise<void> {
  await db.delete(agencyResults).where(eq(agencyResults.cycleId, cycleId));
  if (rows.length > 0) await db.insert(agencyResults).values(rows);
}

/** Published cycles (public page), newest year first. */
export async function publishedCycles(db: Db, year?: number): Promise<CycleView[]> {
  const rows = await cycleViews(db)
    .where(
      year === undefined
        ? isNotNull(agencyCycles.publishedAt)
        : and(isNotNull(agencyCycles.publishedAt), eq(agencyCycles.year, year)),
    )
    .orderBy(sql`${agencyCycles.year} desc`, asc(agencyFrameworks.groupName));
  return rows.map(flattenCycle);
}

/** Heads (leader role head) of the agencies, by agency id. */
export async function headsOf(db: Db, agencyIds: string[]): Promise<{ agencyId: string; fullName: string }[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select({ agencyId: people.agencyId, fullName: people.fullName })
    .from(people)
    .where(and(inArray(people.agencyId, agencyIds), eq(people.leaderRole, "head"), eq(people.active, true)));
}

export async function findFiles(db: Db, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(files).where(inArray(files.id, ids));
}
