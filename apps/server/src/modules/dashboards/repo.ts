import { and, asc, eq, inArray, like, or, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { evaluations, orgUnits, people, periods } from "../../db/schema.ts";

export interface EvaluationStatRow {
  periodId: string;
  kind: string;
  number: number;
  reviewDue: string;
  personId: string;
  fullName: string;
  employeeCode: string | null;
  unitName: string;
  status: string;
  total: string | null;
  confirmedAt: Date | null;
  ruleSetVersion: string | null;
}

/** Every evaluation of an agency's periods in a year (the monthly trend, late reviews, exports). */
export async function evaluationsOfYear(db: Db, agencyId: string, year: number): Promise<EvaluationStatRow[]> {
  return db
    .select({
      periodId: periods.id,
      kind: periods.kind,
      number: periods.number,
      reviewDue: periods.reviewDue,
      personId: evaluations.personId,
      fullName: people.fullName,
      employeeCode: people.employeeCode,
      unitName: orgUnits.name,
      status: evaluations.status,
      total: evaluations.total,
      confirmedAt: evaluations.confirmedAt,
      ruleSetVersion: evaluations.ruleSetVersion,
    })
    .from(evaluations)
    .innerJoin(periods, eq(periods.id, evaluations.periodId))
    .innerJoin(people, eq(people.id, evaluations.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, evaluations.unitId))
    .where(and(eq(periods.agencyId, agencyId), eq(periods.year, year)))
    .orderBy(asc(periods.number), asc(people.fullName));
}

/** The agencies under the given subtrees (provinces, departments, communes). */
export async function agenciesUnder(db: Db, paths: string[]) {
  if (paths.length === 0) return [];
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.kind, ["province", "department", "commune"]),
        or(...paths.map((p) => like(orgUnits.path, `${p}%`))),
      ),
    )
    .orderBy(asc(orgUnits.path));
}

/** Active civil servants per agency. */
export async function headcounts(db: Db, agencyIds: string[]): Promise<Map<string, number>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db
    .select({ agencyId: people.agencyId, n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(inArray(people.agencyId, agencyIds), eq(people.active, true)))
    .groupBy(people.agencyId);
  return new Map(rows.map((r) => [r.agencyId, r.n]));
}
