import { describe, expect, it } from "vitest";
import { buildUrl } from "./url.ts";

describe("buildUrl", () => {
  it("fills path parameters and drops empty or false query values", () => {
    expect(buildUrl("/api/v1/org/units/:id", { id: "a/b" })).toBe("/api/v1/org/units/a%2Fb");
    expect(buildUrl("/p", undefined, { q: "Nguyệt An", includeInactive: false, unitId: "", page: 2 })).toBe(
      "/p?q=Nguy%E1%BB%87t+An&page=2",
    );
    expect(buildUrl("/p", undefined, { includeInactive: true })).toBe("/p?includeInactive=true");
  });

  it("refuses a missing path parameter", () => {
    expect(() => buildUrl("/x/:id", {})).toThrow(/id/);
  });
});
