import type { FrameworkIssue } from "@thuocdo/contract";
import { Rational } from "@thuocdo/core";

/** What the tree editor needs of a criterion (the contract's `Criterion` has more). */
export interface CriterionShape {
  id: string;
  parentId: string | null;
  sortOrder: number;
  code: string;
  max: number;
  kind: "scored" | "bonus" | "penalty";
}

export interface CriterionNode<C extends CriterionShape> {
  criterion: C;
  children: CriterionNode<C>[];
  depth: number;
}

const collator = new Intl.Collator("vi", { numeric: true });

/** Siblings in their saved order, then by code; a parent that is missing makes a root. */
export function buildCriteriaTree<C extends CriterionShape>(list: readonly C[]): CriterionNode<C>[] {
  const ids = new Set(list.map((c) => c.id));
  const childrenOf = new Map<string | null, C[]>();
  for (const c of list) {
    const parent = c.parentId && ids.has(c.parentId) && c.parentId !== c.id ? c.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), c]);
  }
  const placed = new Set<string>();
  const grow = (parent: string | null, depth: number): CriterionNode<C>[] =>
    (childrenOf.get(parent) ?? [])
      .filter((c) => !placed.has(c.id))
      .sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(a.code, b.code))
      .map((criterion) => {
        placed.add(criterion.id);
        return { criterion, depth, children: grow(criterion.id, depth + 1) };
      });
  return grow(null, 0);
}

/** Every criterion of the tree in display order (depth first). */
export function flattenTree<C extends CriterionShape>(nodes: readonly CriterionNode<C>[]): CriterionNode<C>[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

export type DropPosition = "before" | "after" | "inside";

/** Is `id` the criterion `ancestorId` or below it? A node cannot be dropped into its own subtree. */
export function isWithin(list: readonly CriterionShape[], id: string, ancestorId: string): boolean {
  const byId = new Map(list.map((c) => [c.id, c]));
  const seen = new Set<string>();
  let current: CriterionShape | undefined = byId.get(id);
  while (current && !seen.has(current.id)) {
    if (current.id === ancestorId) return true;
    seen.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return false;
}

/**
 * The placement after a drag: the dragged criterion's new parent and the new order of its new
 * siblings (0, 1, 2…). Returns null for a drop that would make a cycle, or that puts a bonus or
 * penalty criterion under another one (those stay at the top level, as the core scores them).
 */
export function moveCriterion<C extends CriterionShape>(
  list: readonly C[],
  dragId: string,
  targetId: string,
  position: DropPosition,
): { id: string; parentId: string | null; sortOrder: number }[] | null {
  const dragged = list.find((c) => c.id === dragId);
  const target = list.find((c) => c.id === targetId);
  if (!dragged || !target || dragId === targetId) return null;
  const parentId = position === "inside" ? target.id : target.parentId;
  if (parentId && isWithin(list, parentId, dragId)) return null;
  const parent = parentId ? list.find((c) => c.id === parentId) : undefined;
  if (parent && (parent.kind !== "scored" || dragged.kind !== "scored")) return null;
  const siblings = buildCriteriaTree(list)
    .flatMap(function walk(n): CriterionNode<C>[] {
      return [n, ...n.children.flatMap(walk)];
    })
    .map((n) => n.criterion)
    .filter((c) => c.parentId === parentId && c.id !== dragId);
  const at = position === "inside" ? siblings.length : siblings.findIndex((c) => c.id === targetId);
  const index = position === "after" ? at + 1 : at;
  const ordered = [...siblings.slice(0, index), dragged, ...siblings.slice(index)];
  return ordered.map((c, i) => ({ id: c.id, parentId, sortOrder: i }));
}

const exact = (n: number) => Rational.from(n);

/**
 * The framework's arithmetic, checked exactly as the editor changes it (DESIGN §3 rule 13), with
 * the server's issue codes so one text function shows both: each scored parent's maximum equals the
 * sum of its children's; the top-level scored criteria total 100; bonus and penalty criteria sit
 * at the top level without children; codes are unique. The server checks again on every save.
 */
export function frameworkIssues(list: readonly CriterionShape[], total = 100): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const tree = buildCriteriaTree(list);
  const all = flattenTree(tree);
  const seenCodes = new Set<string>();
  for (const { criterion: c } of all) {
    const key = c.code.trim().toLowerCase();
    if (key && seenCodes.has(key))
      issues.push({ code: "duplicate_code", criterionId: c.id, details: { code: c.code } });
    seenCodes.add(key);
  }
  for (const node of all) {
    const c = node.criterion;
    if (c.kind !== "scored") {
      if (node.depth > 0)
        issues.push({ code: "bonus_penalty_not_top_level", criterionId: c.id, details: { code: c.code } });
      if (node.children.length > 0)
        issues.push({ code: "bonus_penalty_with_children", criterionId: c.id, details: { code: c.code } });
      continue;
    }
    if (node.children.length === 0) continue;
    const sum = Rational.sum(node.children.map((n) => exact(n.criterion.max)));
    if (!sum.eq(exact(c.max)))
      issues.push({
        code: "children_max_mismatch",
        criterionId: c.id,
        details: { max: c.max, childrenSum: sum.toNumber() },
      });
  }
  if (list.length === 0) issues.push({ code: "no_criteria", criterionId: null, details: {} });
  else {
    const base = Rational.sum(tree.filter((n) => n.criterion.kind === "scored").map((n) => exact(n.criterion.max)));
    if (!base.eq(exact(total)))
      issues.push({
        code: "base_total_not_100",
        criterionId: null,
        details: { total: base.toNumber(), expected: total },
      });
  }
  return issues;
}
