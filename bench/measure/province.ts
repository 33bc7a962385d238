import type { Db } from "../../apps/server/src/db/database.ts";
import { rescoreYear } from "../../apps/server/src/modules/scoring/service.ts";
import { computeBoard } from "../../apps/server/src/modules/yearboard/service.ts";
import { median, timeRuns } from "../support/stats.ts";
import { agenciesUnder, convertedSums } from "./floor-repo.ts";

export interface ProvinceMeasure {
  agencies: number;
  evaluations: number;
  personPeriods: number;
  scoresMs: number[];
  classificationMs: number[];
  floorMs: number[];
  /** Product (scores + classification) median ÷ floor median. */
  ratio: number;
}

/**
 * Measure 1: every period score of the province recomputed and stored through the scoring module,
 * then every agency's annual classification computed as its page computes it (Art. 19–20 and the
 * quota), against one SQL aggregate that computes the same converted sums.
 */
export async function measureProvince(
  db: Db,
  year: number,
  pathPrefix: string,
  options: { runs: number; concurrency: number },
): Promise<ProvinceMeasure> {
  const { runs, concurrency } = options;
  const agencies = await agenciesUnder(db, pathPrefix);
  const agencyIds = agencies.map((a) => a.id);
  let evaluations = 0;
  let personPeriods = 0;
  const floorMs = await timeRuns(runs, async () => {
    personPeriods = (await convertedSums(db, year, pathPrefix)).length;
  });
  const scoresMs = await timeRuns(runs, async () => {
    evaluations = (await rescoreYear(db, year, { agencyIds, concurrency })).evaluations;
  });
  const classificationMs = await timeRuns(runs, async () => {
    for (const agency of agencies) {
      await computeBoard(db, {
        agencyId: agency.id,
        agencyName: agency.name,
        agencyPath: agency.path,
        year,
        classification: null,
      });
    }
  });
  const product = median(scoresMs) + median(classificationMs);
  return {
    agencies: agencies.length,
    evaluations,
    personPeriods,
    scoresMs,
    classificationMs,
    floorMs,
    ratio: product / median(floorMs),
  };
}
