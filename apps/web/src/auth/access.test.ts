import type { Grant } from "@thuocdo/contract";
import { describe, expect, it } from "vitest";
import { canOpen, safeNext, sortGrants } from "./access.ts";

const grant = (role: Grant["role"], orgUnitName = "UBND xã Nguyệt An"): Grant => ({
  id: `${role}-${orgUnitName}`,
  role,
  orgUnitId: "u",
  orgUnitName,
});

describe("access", () => {
  it("opens screens by role", () => {
    const hr = { grants: [grant("hr")] };
    const manager = { grants: [grant("manager")] };
    expect(canOpen(hr, "org")).toBe(true);
    expect(canOpen(manager, "org")).toBe(false);
    expect(canOpen(manager, "people")).toBe(true);
    expect(canOpen(manager, "home")).toBe(true);
    expect(canOpen({ grants: [grant("admin", "UBND tỉnh")] }, "users")).toBe(true);
    expect(canOpen(null, "audit")).toBe(false);
  });

  it("sorts grants by role order then unit", () => {
    const sorted = sortGrants([
      grant("admin"),
      grant("staff", "Phòng Kinh tế"),
      grant("hr", "Sở Nội vụ"),
      grant("hr", "An"),
    ]);
    expect(sorted.map((g) => `${g.role}:${g.orgUnitName}`)).toEqual([
      "staff:Phòng Kinh tế",
      "hr:An",
      "hr:Sở Nội vụ",
      "admin:UBND xã Nguyệt An",
    ]);
  });

  it("only returns to same-app paths after login", () => {
    expect(safeNext("/cong-chuc?q=lan")).toBe("/cong-chuc?q=lan");
    expect(safeNext("//evil.example/x")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext("/dang-nhap?next=/x")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});
