import type { AgencyConditions, Assessment } from "@thuocdo/contract";

export type DossierGap = Assessment["gaps"][number];

/**
 * Reading what the server computed for an agency (packages/core `computeAgency`, sent as plain
 * JSON): no score is recomputed here, only looked up.
 */

interface PlainCriterion {
  id: string;
  score: number | null;
  children?: PlainCriterion[];
}

/** Each criterion's achieved points from a core explanation: a parent's is the sum the core made. */
export function nodeScores(explanation: unknown): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const criteria = (explanation as { criteria?: unknown } | null | undefined)?.criteria;
  const walk = (nodes: unknown) => {
    if (!Array.isArray(nodes)) return;
    for (const n of nodes as PlainCriterion[]) {
      if (!n || typeof n.id !== "string") continue;
      out.set(n.id, typeof n.score === "number" ? n.score : null);
      walk(n.children);
    }
  };
  walk(criteria);
  return out;
}

/** The conditions of a level the core checked, as `{name, level, holds}`. */
export function checkedConditions(explanation: unknown): { name: string; level: string; holds: boolean }[] {
  const list = (explanation as { conditions?: unknown } | null | undefined)?.conditions;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (c): c is { name: string; level: string; holds: boolean } =>
      !!c && typeof c.name === "string" && typeof c.level === "string" && typeof c.holds === "boolean",
  );
}

export type ConditionName = keyof AgencyConditions;

/** How each condition is asked: a share of tasks (typed as a percentage), yes/no, or a PAR rank. */
export const conditionInput: Record<ConditionName, "ratio" | "boolean" | "parRank"> = {
  tasksCompletedRatio: "ratio",
  tasksOnTimeRatio: "ratio",
  tasksExceededRatio: "ratio",
  subordinateNotCompleted: "boolean",
  shortcomingsFixed: "boolean",
  violations: "boolean",
  forceMajeure: "boolean",
  parRank: "parRank",
  seriousIncident: "boolean",
};

export function isConditionName(name: string): name is ConditionName {
  return Object.hasOwn(conditionInput, name);
}

/** Gaps of the dossier grouped for display: the dossier parts first, then criteria, then the rest. */
export function sortGaps(gaps: readonly DossierGap[], codeOf: (criterionId: string) => string): DossierGap[] {
  const order = (g: DossierGap) =>
    g.criterionId ? 1 : g.code === "condition_missing" || g.code === "proposed_level_missing" ? 2 : 0;
  const collator = new Intl.Collator("vi", { numeric: true });
  return [...gaps].sort(
    (a, b) =>
      order(a) - order(b) ||
      collator.compare(a.criterionId ? codeOf(a.criterionId) : "", b.criterionId ? codeOf(b.criterionId) : ""),
  );
}
