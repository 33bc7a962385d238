import { describe, expect, it } from "vitest";
import { flagsOf } from "./workStatus.ts";

const clean = {
  reviewStatus: "passed" as const,
  delays: 0,
  excusedDelays: 0,
  failedReviews: 0,
  excusedFailedReviews: 0,
};
const line = (patch: Partial<Parameters<typeof flagsOf>[0]> = {}) => ({
  quantity: 2,
  handedBack: 0,
  remainingQuantity: 0,
  deliveredQuantity: 2,
  overdue: false,
  deliveries: [clean],
  ...patch,
});

describe("flagsOf", () => {
  it("marks a fully delivered, passed line as done only", () => {
    expect(flagsOf(line())).toEqual(["done"]);
  });

  it("shows waiting, late and failed while they still count", () => {
    const d = { ...clean, reviewStatus: "failed" as const, failedReviews: 1, delays: 2, excusedDelays: 1 };
    expect(flagsOf(line({ deliveries: [d, { ...clean, reviewStatus: "pending" }] }))).toEqual([
      "done",
      "waiting",
      "late",
      "failed",
    ]);
  });

  it("drops late and failed once excused as objective causes", () => {
    const d = { ...clean, failedReviews: 1, excusedFailedReviews: 1, delays: 1, excusedDelays: 1 };
    expect(flagsOf(line({ deliveries: [d] }))).toEqual(["done"]);
  });

  it("keeps a handed-back line not done, and an empty overdue line overdue", () => {
    expect(flagsOf(line({ handedBack: 1, remainingQuantity: 0, deliveredQuantity: 1 }))).toEqual(["handedBack"]);
    expect(flagsOf(line({ deliveredQuantity: 0, remainingQuantity: 2, overdue: true, deliveries: [] }))).toEqual([
      "overdue",
    ]);
  });
});
