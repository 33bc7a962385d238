import { generalSubCriteria } from "@thuocdo/core";
import { pick, type Rng } from "./random.ts";

/** Ten sub-scores summing to `target` (a multiple of 0.5): start at the maxima, take 0.5 at a time. */
export function generalScores(rng: Rng, target: number): Record<string, number> {
  const scores = Object.fromEntries(generalSubCriteria.map((s) => [s.code, s.max]));
  let deficit = 30 - target;
  let guard = 0;
  while (deficit > 0 && guard++ < 500) {
    const sub = pick(rng, generalSubCriteria);
    if (scores[sub.code]! - 0.5 >= sub.max * 0.4) {
      scores[sub.code] = scores[sub.code]! - 0.5;
      deficit -= 0.5;
    }
  }
  return scores;
}
