import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff.ts";

describe("diffSnapshots", () => {
  it("lists only changed fields, skipping bookkeeping ones", () => {
    expect(
      diffSnapshots(
        { name: "Phòng Kinh tế", code: "KT", version: 1, updatedAt: "a" },
        { name: "Phòng Kinh tế - Hạ tầng", code: "KT", version: 2, updatedAt: "b" },
      ),
    ).toEqual([{ field: "name", before: "Phòng Kinh tế", after: "Phòng Kinh tế - Hạ tầng" }]);
  });

  it("shows a creation and a deletion field by field", () => {
    expect(diffSnapshots(null, { name: "A", active: true })).toEqual([
      { field: "name", before: null, after: "A" },
      { field: "active", before: null, after: "true" },
    ]);
    expect(diffSnapshots({ name: "A" }, null)).toEqual([{ field: "name", before: "A", after: null }]);
  });

  it("never shows secrets and renders nested values as JSON", () => {
    expect(diffSnapshots({ passwordHash: "x" }, { passwordHash: "y" })).toEqual([]);
    expect(diffSnapshots({ tags: ["a"] }, { tags: ["a", "b"] })).toEqual([
      { field: "tags", before: '["a"]', after: '["a","b"]' },
    ]);
  });

  it("handles scalar snapshots", () => {
    expect(diffSnapshots("cũ", "mới")).toEqual([{ field: "", before: "cũ", after: "mới" }]);
    expect(diffSnapshots(undefined, undefined)).toEqual([]);
  });
});
