import type { OrgUnit, OrgUnitKind } from "@thuocdo/contract";
import { describe, expect, it } from "vitest";
import { agencyOf, buildUnitTree, childKinds, filterTree, subtreeIds, unitPath } from "./tree.ts";

const unit = (id: string, parentId: string | null, kind: OrgUnitKind, name: string, sortOrder = 0): OrgUnit => ({
  id,
  parentId,
  kind,
  name,
  sortOrder,
  code: null,
  version: 1,
});

const units = [
  unit("kt", "xa", "division", "Phòng Kinh tế"),
  unit("vhxh", "xa", "division", "Phòng Văn hóa - Xã hội"),
  unit("tinh", null, "province", "UBND tỉnh"),
  unit("snv", "tinh", "department", "Sở Nội vụ", 1),
  unit("xa", "tinh", "commune", "UBND xã Nguyệt An", 2),
  unit("ccvc", "snv", "division", "Phòng Công chức, viên chức"),
  unit("dvhc", "xa", "center", "Trung tâm Phục vụ hành chính công", -1),
];
const byId = new Map(units.map((u) => [u.id, u]));

describe("buildUnitTree", () => {
  it("nests units under their parents, ordered by sortOrder then Vietnamese name", () => {
    const [root, ...others] = buildUnitTree(units);
    expect(others).toEqual([]);
    expect(root?.unit.id).toBe("tinh");
    expect(root?.children.map((c) => c.unit.id)).toEqual(["snv", "xa"]);
    const xa = root?.children[1];
    expect(xa?.depth).toBe(1);
    expect(xa?.children.map((c) => c.unit.name)).toEqual([
      "Trung tâm Phục vụ hành chính công",
      "Phòng Kinh tế",
      "Phòng Văn hóa - Xã hội",
    ]);
  });

  it("makes the top of a partial scope a root", () => {
    const scoped = units.filter((u) => ["xa", "kt"].includes(u.id));
    expect(buildUnitTree(scoped).map((n) => [n.unit.id, n.children.map((c) => c.unit.id)])).toEqual([["xa", ["kt"]]]);
  });

  it("does not loop or lose units on a parent cycle", () => {
    const cyclic = [unit("a", "b", "division", "A"), unit("b", "a", "division", "B")];
    const tree = buildUnitTree(cyclic);
    expect(tree.flatMap(subtreeIds).sort()).toEqual(["a", "b"]);
  });

  it("returns nothing for nothing", () => {
    expect(buildUnitTree([])).toEqual([]);
  });
});

describe("unit helpers", () => {
  it("finds the agency of a division, and an agency is its own", () => {
    expect(agencyOf("kt", byId)?.id).toBe("xa");
    expect(agencyOf("xa", byId)?.id).toBe("xa");
    expect(agencyOf("ccvc", byId)?.id).toBe("snv");
    expect(agencyOf("missing", byId)).toBeNull();
  });

  it("limits child kinds by parent kind", () => {
    expect(childKinds("province")).toEqual(["department", "commune", "division", "center"]);
    expect(childKinds("commune")).toEqual(["division", "center"]);
    expect(childKinds("division")).toEqual([]);
  });

  it("gives the path from the root", () => {
    expect(unitPath("kt", byId)).toEqual(["UBND tỉnh", "UBND xã Nguyệt An", "Phòng Kinh tế"]);
  });

  it("filters keeping ancestors of matches", () => {
    const hit = filterTree(buildUnitTree(units), (u) => u.name.includes("Kinh tế"));
    expect(hit.flatMap(subtreeIds)).toEqual(["tinh", "xa", "kt"]);
  });
});
