import { asc, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { evaluations } from "../../db/schema.ts";
import type { EvaluationRow } from "../evaluation/repo.ts";

/**
 * The (period, person) evaluations of a batch of self-evaluations, held for the rest of the
 * transaction in id order, like every scorer and confirmer holds them.
 */
export async function lockEvaluationsOf(
  db: Db,
  people: readonly { periodId: string; personId: string }[],
): Promise<SelfEvaluationRow[]> {
  if (people.length === 0) return [];
  return db
    .select({
      id: evaluations.id,
      periodId: evaluations.periodId,
      personId: evaluations.personId,
      leaderRole: evaluations.leaderRole,
      status: evaluations.status,
      version: evaluations.version,
      selfScores: evaluations.selfScores,
      selfAssessment: evaluations.selfAssessment,
      submittedAt: evaluations.submittedAt,
    })
    .from(evaluations)
    .where(
      sql`(${evaluations.periodId}, ${evaluations.personId}) in (select * from unnest(${sql.param(people.map((p) => p.periodId))}::text[], ${sql.param(people.map((p) => p.personId))}::text[]))`,
    )
    .orderBy(asc(evaluations.id))
    .for("update");
}

/** What a self-evaluation reads and writes of its evaluation row. */
export type SelfEvaluationRow = Pick<
  EvaluationRow,
  "id" | "periodId" | "personId" | "leaderRole" | "status" | "version" | "selfScores" | "selfAssessment" | "submittedAt"
>;

export interface SelfEvaluationUpdate {
  id: string;
  /** The version after this batch's changes to the row. */
  version: number;
  selfScores: unknown;
  selfAssessment: string;
  submittedAt: Date;
}

/** The self-evaluations of a batch in one statement (their rows are locked and checked already). */
export async function updateSelfEvaluations(db: Db, rows: readonly SelfEvaluationUpdate[]): Promise<void> {
  if (rows.length === 0) return;
  const document = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      version: r.version,
      self_scores: r.selfScores,
      self_assessment: r.selfAssessment,
      submitted_at: r.submittedAt.toISOString(),
    })),
  );
  await db
    .update(evaluations)
    .set({
      status: "submitted",
      selfScores: sql`v.self_scores`,
      selfAssessment: sql`v.self_assessment`,
      submittedAt: sql`v.submitted_at`,
      version: sql`v.version`,
      updatedAt: new Date(),
    })
    .from(
      sql`jsonb_to_recordset(${document}::jsonb) as v(id text, version int, self_scores jsonb, self_assessment text, submitted_at timestamptz)`,
    )
    .where(sql`${evaluations.id} = v.id`);
}
