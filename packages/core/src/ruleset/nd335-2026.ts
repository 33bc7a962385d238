import { r } from "../rational.ts";
import type { RuleSet } from "./types.ts";

/**
 * Decree 335/2025/NĐ-CP as this product reads it from 01/01/2026 (DESIGN.md §3 defaults).
 *
 * Released: never edit. A change of any setting is a new module with a new id, added to the
 * registry in `index.ts`; results already stored keep naming the version that produced them.
 */
export const nd335_2026_1: RuleSet = {
  id: "nd335-2026.1",
  title: "Nghị định 335/2025/NĐ-CP — mặc định 2026",
  validFrom: { year: 2026, month: 1 },
  settings: {
    deductionStep: r(0.25),
    taskPointsWeight: r(70),
    taskPointsCap: r(70),
    generalMax: r(30),
    delayCounting: "per_missed_deadline",
    firstScoredMonth: 1,
    minMonthsWorked: 6,
    thresholds: { excellent: r(90), good: r(70), completed: r(50) },
    leaderSubordinateMin: r(50),
    leaderFull: r(1),
    leaderReduced: r(0.5),
    disciplineForcingFrom: "khien_trach",
    quota: { rate: r(0.2), exceptionRate: r(0.25), reading: "final" },
    agency: {
      totalMax: r(100),
      thresholds: { excellent: r(90), good: r(70), completed: r(50) },
      nd335: { kind: "nd335", excellentExceededMin: r(0.3), completedLateMax: r(0.2), notCompletedBelow: r(0.7) },
      quangnam2023: { kind: "quangnam2023", excellentParRankMin: "tot", seriousIncidentLowersBy: 1 },
    },
    headCappedByAgency: true,
  },
};
