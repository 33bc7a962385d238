import { agencyKinds, type OrgUnit, type OrgUnitKind } from "@thuocdo/contract";

export interface UnitNode {
  unit: OrgUnit;
  children: UnitNode[];
  /** 0 for a root of the visible tree. */
  depth: number;
}

const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return a.sortOrder - b.sortOrder || collator.compare(a.name, b.name);
}

/**
 * Build the org tree from the flat list the API returns. A unit whose parent
 * is not in the list (the top of the user's scope) becomes a root; siblings
 * are ordered by `sortOrder`, then by Vietnamese name. A parent cycle in bad
 * data cannot hang the page: each unit is placed once.
 */
export function buildUnitTree(units: readonly OrgUnit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<string | null, OrgUnit[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) && u.parentId !== u.id ? u.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(u);
    childrenOf.set(parent, list);
  }
  const placed = new Set<string>();
  const grow = (parent: string | null, depth: number): UnitNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((u) => !placed.has(u.id))
      .sort(compareUnits)
      .map((unit) => {
        placed.add(unit.id);
        return { unit, depth, children: grow(unit.id, depth + 1) };
      });
  const roots = grow(null, 0);
  // Units only reachable through a cycle: show them as roots rather than lose them.
  const orphans = units.filter((u) => !placed.has(u.id)).sort(compareUnits);
  for (const unit of orphans) {
    if (placed.has(unit.id)) continue;
    placed.add(unit.id);
    roots.push({ unit, depth: 0, children: grow(unit.id, 1) });
  }
  return roots;
}

export function isAgency(kind: OrgUnitKind): boolean {
  return agencyKinds.includes(kind);
}

/** Which kinds of unit may be added under a unit of `parent` kind. */
export function childKinds(parent: OrgUnitKind): OrgUnitKind[] {
  switch (parent) {
    case "province":
      return ["department", "commune", "division", "center"];
    case "department":
    case "commune":
      return ["division", "center"];
    case "division":
    case "center":
      return [];
  }
}

/** The agency (province, department or commune) a unit belongs to: itself, or its nearest agency ancestor. */
export function agencyOf(unitId: string, byId: ReadonlyMap<string, OrgUnit>): OrgUnit | null {
  const seen = new Set<string>();
  let current = byId.get(unitId);
  while (current && !seen.has(current.id)) {
    if (isAgency(current.kind)) return current;
    seen.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return null;
}

/** Names from the root down to the unit: ["UBND tỉnh", "UBND xã Nguyệt An", "Phòng Kinh tế"]. */
export function unitPath(unitId: string, byId: ReadonlyMap<string, OrgUnit>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(unitId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names;
}

/** Every unit id of the subtree, the node itself included. */
export function subtreeIds(node: UnitNode): string[] {
  return [node.unit.id, ...node.children.flatMap(subtreeIds)];
}

/** Keep the nodes whose name matches, with their ancestors so the match stays in context. */
export function filterTree(nodes: UnitNode[], match: (u: OrgUnit) => boolean): UnitNode[] {
  return nodes.flatMap((n) => {
    const children = filterTree(n.children, match);
    return match(n.unit) || children.length > 0 ? [{ ...n, children }] : [];
  });
}
