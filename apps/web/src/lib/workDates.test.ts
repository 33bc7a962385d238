import { describe, expect, it } from "vitest";
import { daysLate, deadlineInForce, todayIso } from "./workDates.ts";

describe("work dates", () => {
  it("counts calendar days after the deadline, never negative", () => {
    expect(daysLate("2026-06-10", "2026-06-10")).toBe(0);
    expect(daysLate("2026-06-10", "2026-06-09")).toBe(0);
    expect(daysLate("2026-06-10", "2026-06-13")).toBe(3);
    expect(daysLate("2026-06-30", "2026-07-02")).toBe(2);
    expect(daysLate(null, "2026-07-02")).toBe(0);
  });

  it("uses the latest extension when there is one", () => {
    expect(deadlineInForce({ deadline: "2026-06-10", extendedDeadline: null })).toBe("2026-06-10");
    expect(deadlineInForce({ deadline: "2026-06-10", extendedDeadline: "2026-06-20" })).toBe("2026-06-20");
  });

  it("takes today in Vietnam time", () => {
    // 18:00 UTC on 30/06 is already 01/07 in Hà Nội.
    expect(todayIso(new Date("2026-06-30T18:00:00Z"))).toBe("2026-07-01");
  });
});
