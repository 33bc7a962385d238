import { describe, expect, it } from "vitest";
import { buildCriteriaTree, type CriterionShape, frameworkIssues, isWithin, moveCriterion } from "./criteriaTree.ts";

const c = (
  id: string,
  parentId: string | null,
  sortOrder: number,
  max: number,
  kind: CriterionShape["kind"] = "scored",
) => ({
  id,
  parentId,
  sortOrder,
  code: id,
  max,
  kind,
});

// Decree 335 Art. 6–7 shape: 30 general points, 70 task-result points, and a bonus.
const framework = [
  c("I", null, 0, 30),
  c("I.1", "I", 0, 10),
  c("I.2", "I", 1, 10),
  c("I.3", "I", 2, 10),
  c("II", null, 1, 70),
  c("II.1", "II", 0, 70),
  c("B", null, 2, 5, "bonus"),
];

describe("buildCriteriaTree", () => {
  it("orders siblings by sortOrder and nests children", () => {
    const tree = buildCriteriaTree([...framework].reverse());
    expect(tree.map((n) => n.criterion.id)).toEqual(["I", "II", "B"]);
    expect(tree[0]?.children.map((n) => n.criterion.id)).toEqual(["I.1", "I.2", "I.3"]);
    expect(tree[0]?.children[0]?.depth).toBe(1);
  });
});

describe("frameworkIssues", () => {
  it("accepts a tree whose parents sum their children and whose base is 100", () => {
    expect(frameworkIssues(framework)).toEqual([]);
  });

  it("compares sums exactly (0.1 + 0.2 = 0.3 points)", () => {
    const list = [c("A", null, 0, 100), c("A1", "A", 0, 99.7), c("A2", "A", 1, 0.1), c("A3", "A", 2, 0.2)];
    expect(frameworkIssues(list)).toEqual([]);
  });

  it("reports a parent whose children do not add up, and the base total", () => {
    const list = framework.map((x) => (x.id === "I.3" ? { ...x, max: 5 } : x.id === "I" ? x : x));
    const issues = frameworkIssues(list);
    expect(issues).toContainEqual({
      code: "children_max_mismatch",
      criterionId: "I",
      details: { max: 30, childrenSum: 25 },
    });
    const lowered = frameworkIssues(framework.map((x) => (x.id === "II" ? { ...x, max: 60 } : x)));
    expect(lowered).toContainEqual({
      code: "base_total_not_100",
      criterionId: null,
      details: { total: 90, expected: 100 },
    });
  });

  it("keeps bonus and penalty at the top level, and codes unique", () => {
    const list = [...framework, c("P", "II", 1, 2, "penalty"), { ...c("dup", null, 3, 1, "bonus"), code: "I" }];
    const codes = frameworkIssues(list).map((i) => i.code);
    expect(codes).toContain("bonus_penalty_not_top_level");
    expect(codes).toContain("duplicate_code");
  });
});

describe("moveCriterion", () => {
  it("moves a criterion before a sibling and renumbers the siblings", () => {
    expect(moveCriterion(framework, "I.3", "I.1", "before")).toEqual([
      { id: "I.3", parentId: "I", sortOrder: 0 },
      { id: "I.1", parentId: "I", sortOrder: 1 },
      { id: "I.2", parentId: "I", sortOrder: 2 },
    ]);
  });

  it("re-parents by dropping inside another criterion (appended last)", () => {
    const moved = moveCriterion(framework, "I.2", "II", "inside");
    expect(moved?.at(-1)).toEqual({ id: "I.2", parentId: "II", sortOrder: 1 });
  });

  it("refuses a drop into the dragged criterion's own subtree, or a bonus under a parent", () => {
    expect(isWithin(framework, "I.1", "I")).toBe(true);
    expect(moveCriterion(framework, "I", "I.2", "inside")).toBeNull();
    expect(moveCriterion(framework, "B", "II", "inside")).toBeNull();
    expect(moveCriterion(framework, "I.1", "B", "inside")).toBeNull();
  });
});
