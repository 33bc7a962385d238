import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { agencySettings, evaluations, orgUnits, people, periods, positions } from "../../db/schema.ts";
import { agencyCycles, agencyResults } from "../../db/schema-agency.ts";

export interface AgencyPersonRow {
  id: string;
  fullName: string;
  employeeCode: string | null;
  unitId: string;
  unitName: string;
  unitPath: string;
  positionId: string | null;
  positionName: string | null;
  leaderRole: string;
  title: string | null;
}

/** The agency's active civil servants, in the org's own order (unit, head, deputy, name). */
export async function agencyPeople(db: Db, agencyId: string): Promise<AgencyPersonRow[]> {
  return db
    .select({
      id: people.id,
      fullName: people.fullName,
      employeeCode: people.employeeCode,
      unitId: people.unitId,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      positionId: people.positionId,
      positionName: positions.name,
      leaderRole: people.leaderRole,
      title: people.title,
    })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .leftJoin(positions, eq(positions.id, people.positionId))
    .where(and(eq(people.agencyId, agencyId), eq(people.active, true)))
    .orderBy(
      asc(orgUnits.path),
      sql`case ${people.leaderRole} when 'head' then 0 when 'deputy' then 1 else 2 end`,
      asc(people.fullName),
    );
}

export interface ConfirmedScoreRow {
  personId: string;
  agencyId: string;
  kind: string;
  number: number;
  total: string | null;
}

/**
 * Confirmed period scores of these people in a year, from any agency (Art. 19.1: after a
 * transfer the new agency reads the old one's months).
 */
export async function confirmedScores(db: Db, personIds: string[], year: number): Promise<ConfirmedScoreRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: evaluations.personId,
      agencyId: periods.agencyId,
      kind: periods.kind,
      number: periods.number,
      total: evaluations.total,
    })
    .from(evaluations)
    .innerJoin(periods, eq(periods.id, evaluations.periodId))
    .where(
      and(
        inArray(evaluations.personId, personIds),
        eq(periods.year, year),
        inArray(evaluations.status, ["confirmed", "head_confirmed"]),
        isNotNull(evaluations.total),
      ),
    );
}

export async function firstScoredMonthSetting(db: Db, agencyId: string): Promise<string | null> {
  const [row] = await db
    .select({ value: agencySettings.firstScoredMonth })
    .from(agencySettings)
    .where(eq(agencySettings.agencyId, agencyId));
  return row?.value ?? null;
}

/**
 * The agency's own level for the year from the agency evaluation (issue #6), once its cycle has
 * a decision: the level after conditions, vote and quota.
 */
export async function agencyLevelFromEvaluation(db: Db, agencyId: string, year: number): Promise<string | null> {
  const [row] = await db
    .select({ level: agencyResults.level })
    .from(agencyResults)
    .innerJoin(agencyCycles, eq(agencyCycles.id, agencyResults.cycleId))
    .where(
      and(
        eq(agencyResults.agencyId, agencyId),
        eq(agencyCycles.year, year),
        isNotNull(agencyResults.level),
        isNotNull(agencyCycles.decisionNumber),
      ),
    )
    .orderBy(desc(agencyResults.computedAt))
    .limit(1);
  return row?.level ?? null;
}
