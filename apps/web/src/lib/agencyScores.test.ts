import { describe, expect, it } from "vitest";
import { checkedConditions, nodeScores, sortGaps } from "./agencyScores.ts";

describe("nodeScores", () => {
  it("reads every node of the core's explanation, parents included", () => {
    const explanation = {
      criteria: [
        {
          id: "A",
          score: 27.5,
          children: [
            { id: "A1", score: 20, children: [] },
            { id: "A2", score: 7.5 },
          ],
        },
        { id: "B", score: null, notApplicable: true, children: [] },
      ],
    };
    const scores = nodeScores(explanation);
    expect(scores.get("A")).toBe(27.5);
    expect(scores.get("A2")).toBe(7.5);
    expect(scores.get("B")).toBeNull();
    expect(scores.size).toBe(4);
  });

  it("gives nothing for a missing or malformed explanation", () => {
    expect(nodeScores(null).size).toBe(0);
    expect(nodeScores({ criteria: "x" }).size).toBe(0);
  });
});

describe("checkedConditions", () => {
  it("keeps well-formed conditions only", () => {
    expect(
      checkedConditions({ conditions: [{ name: "parRank", level: "excellent", holds: false }, { name: 1 }] }),
    ).toEqual([{ name: "parRank", level: "excellent", holds: false }]);
  });
});

describe("sortGaps", () => {
  it("lists dossier parts, then criteria by code, then conditions", () => {
    const codes: Record<string, string> = { c2: "2.1", c10: "10.1" };
    const sorted = sortGaps(
      [
        { code: "proposed_level_missing", criterionId: null, name: null },
        { code: "score_missing", criterionId: "c10", name: null },
        { code: "score_missing", criterionId: "c2", name: null },
        { code: "annual_report", criterionId: null, name: null },
      ],
      (id) => codes[id] ?? "",
    );
    expect(sorted.map((g) => g.criterionId ?? g.code)).toEqual([
      "annual_report",
      "c2",
      "c10",
      "proposed_level_missing",
    ]);
  });
});
