import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { orgUnits } from "../../db/schema.ts";
import { classificationDecisions, classifications } from "../../db/schema-year.ts";
import type { DecisionRow } from "../classification/repo.ts";

/** The latest published decision of each agency-year, optionally for one year (the public list). */
export async function publishedDecisions(
  db: Db,
  filter: { year?: number; agencyId?: string },
): Promise<{ decision: DecisionRow; agencyId: string; agencyName: string; year: number }[]> {
  const rows = await db
    .select({
      decision: classificationDecisions,
      agencyId: classifications.agencyId,
      agencyName: orgUnits.name,
      year: classifications.year,
    })
    .from(classificationDecisions)
    .innerJoin(classifications, eq(classifications.id, classificationDecisions.classificationId))
    .innerJoin(orgUnits, eq(orgUnits.id, classifications.agencyId))
    .where(
      and(
        isNotNull(classificationDecisions.publishedAt),
        filter.year ? eq(classifications.year, filter.year) : undefined,
        filter.agencyId ? eq(classifications.agencyId, filter.agencyId) : undefined,
      ),
    )
    .orderBy(asc(orgUnits.name), desc(classificationDecisions.publishedAt));
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.agencyId}/${r.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
