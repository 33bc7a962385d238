import { calc } from "@thuocdo/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../test/harness.ts";
import {
  assign,
  type Clock,
  createCycleApp,
  deliver,
  openPeriod,
  review,
  scores27_5,
  seedCatalog,
  signIn,
} from "../../test/work-fixtures.ts";

// decree-335.md §10 T1 reproduced through the API: the stored total equals the core's `calc` on the
// same inputs (84.1236…), and T1-obj (the DC.05 delay excused) gives 85.3305…
let t: TestApp;
let clock: Clock;
let manager: Client;
let staff: Client;
let periodId: string;
let evaluationId: string;

const t1Document = {
  kind: "period" as const,
  leaderRole: "none" as const,
  general: 27.5,
  assignments: [
    { id: "dc01", coefficient: 1, quantity: 10, source: "planned" as const },
    { id: "dc05", coefficient: 12, quantity: 1, source: "planned" as const },
    { id: "dc09", coefficient: 9, quantity: 2, source: "planned" as const },
    { id: "ktdc03", coefficient: 6, quantity: 3, source: "planned" as const },
  ],
  deliveries: [
    { assignment: "dc01", quantity: 9, failedReviews: 0, excusedFailedReviews: 0, delays: 0, excusedDelays: 0 },
    { assignment: "dc01", quantity: 1, failedReviews: 1, excusedFailedReviews: 0, delays: 0, excusedDelays: 0 },
    { assignment: "dc05", quantity: 1, failedReviews: 0, excusedFailedReviews: 0, delays: 1, excusedDelays: 0 },
    { assignment: "dc09", quantity: 1, failedReviews: 0, excusedFailedReviews: 0, delays: 0, excusedDelays: 0 },
    { assignment: "ktdc03", quantity: 2, failedReviews: 0, excusedFailedReviews: 0, delays: 0, excusedDelays: 0 },
    { assignment: "ktdc03", quantity: 1, failedReviews: 0, excusedFailedReviews: 0, delays: 2, excusedDelays: 0 },
  ],
};

let dc05Delivery: { id: string; version: number };

beforeAll(async () => {
  ({ t, clock } = await createCycleApp("2026-06-01"));
  const items = await seedCatalog(t);
  const hr = await signIn(t, "hr");
  manager = await signIn(t, "manager");
  staff = await signIn(t, "staff");
  periodId = (await openPeriod(hr)).id;

  const dc01 = await assign(manager, periodId, {
    catalogItemId: items["DC.01"]!,
    quantity: 10,
    deadline: "2026-06-20",
  });
  const dc05 = await assign(manager, periodId, { catalogItemId: items["DC.05"]!, quantity: 1, deadline: "2026-06-15" });
  const dc09 = await assign(manager, periodId, { catalogItemId: items["DC.09"]!, quantity: 2, deadline: "2026-06-25" });
  const ktdc = await assign(manager, periodId, {
    catalogItemId: items["KTDC.03"]!,
    quantity: 3,
    deadline: "2026-06-12",
  });

  clock.set("2026-06-10");
  const k1 = await deliver(staff, ktdc.id, { quantity: 2, deliveredOn: "2026-06-10" });
  await review(manager, k1.id, k1.version, "pass");

  clock.set("2026-06-13");
  const ext = await manager.post(`/api/v1/work/assignments/${ktdc.id}/extension`, {
    version: ktdc.version,
    newDeadline: "2026-06-14",
    reason: "Chờ số liệu đo đạc",
  });
  expect(ext.statusCode).toBe(200);

  clock.set("2026-06-16");
  const k2 = await deliver(staff, ktdc.id, { quantity: 1, deliveredOn: "2026-06-16" });
  expect(k2).toMatchObject({ delays: 2, daysLate: 2 });
  await review(manager, k2.id, k2.version, "pass");
  const d5 = await deliver(staff, dc05.id, { quantity: 1, deliveredOn: "2026-06-16" });
  expect(d5).toMatchObject({ delays: 1, daysLate: 1 });
  dc05Delivery = await review(manager, d5.id, d5.version, "pass");

  clock.set("2026-06-19");
  const a = await deliver(staff, dc01.id, { quantity: 9, deliveredOn: "2026-06-18" });
  await review(manager, a.id, a.version, "pass");
  const b = await deliver(staff, dc01.id, { quantity: 1, deliveredOn: "2026-06-19" });
  const failed = await review(manager, b.id, b.version, "fail", "Sai căn cứ pháp lý");
  await review(manager, b.id, failed.version, "pass");
  const c = await deliver(staff, dc09.id, { quantity: 1, deliveredOn: "2026-06-19" });
  await review(manager, c.id, c.version, "pass");

  clock.set("2026-06-24");
  const self = await staff.request("PUT", `/api/v1/work/periods/${periodId}/self-evaluation`, {
    scores: scores27_5,
    selfAssessment: "Hoàn thành cơ bản các nhiệm vụ được giao.",
  });
  expect(self.statusCode).toBe(200);
  evaluationId = self.json().id;
  clock.set("2026-06-27");
  const confirmed = await manager.post(`/api/v1/evaluations/${evaluationId}/confirm`, {
    version: self.json().version,
    scores: scores27_5,
    comment: "Đồng ý với kết quả tự đánh giá.",
  });
  expect(confirmed.statusCode).toBe(200);
});
afterAll(() => t.close());

describe("T1 through the API (decree-335.md §10)", () => {
  it("stores the same period total as core calc on the same inputs: 84.1236…", async () => {
    const expected = calc(t1Document);
    expect(expected.ok).toBe(true);
    if (!expected.ok || expected.value.kind !== "period") return;
    const res = await staff.get(`/api/v1/evaluations/${evaluationId}`);
    expect(res.statusCode).toBe(200);
    const ev = res.json();
    expect(ev.status).toBe("confirmed");
    expect(ev.confirmedGeneral).toBe(27.5);
    expect(ev.score).toMatchObject({
      state: "scored",
      generalSource: "confirmed",
      level: "good",
      ruleSetVersion: "nd335-2026.1",
    });
    expect(ev.score.total).toBe(expected.value.total);
    expect(ev.score.total.toFixed(4)).toBe("84.1236");
    expect(ev.score.result).toMatchObject({
      a: expected.value.a,
      b: expected.value.b,
      c: expected.value.c,
      taskPoints: expected.value.taskPoints,
      total: expected.value.total,
    });
    expect(ev.score.result.explanation.assignedTotal).toBe(58);
    // The lines are worked out again on read: the same credits, line by line, as the calculator's.
    const credits = (lines: { quantityCredit: number; qualityCredit: number; progressCredit: number }[]) =>
      lines.map((l) => [l.quantityCredit, l.qualityCredit, l.progressCredit]);
    expect(credits(ev.score.result.explanation.lines)).toEqual(credits(expected.value.explanation.lines));
  });

  it("the stored row keeps the numbers, to 6 decimals in its column, and not the lines", async () => {
    const { evaluations } = await import("../../db/schema.ts");
    const { eq } = await import("drizzle-orm");
    const [row] = await t.deps.db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
    expect(row!.total).toBe("84.123563");
    expect(row!.ruleSetVersion).toBe("nd335-2026.1");
    const stored = row!.result as { result: { total: number; explanation: Record<string, unknown> } };
    expect(stored.result.total.toFixed(4)).toBe("84.1236");
    expect(stored.result.explanation.assignedTotal).toBe(58);
    expect(stored.result.explanation).not.toHaveProperty("lines");
  });

  it("my month shows the lines, the late and failed deliveries and the live score", async () => {
    const res = await staff.get(`/api/v1/me/month?periodId=${periodId}`);
    expect(res.statusCode).toBe(200);
    const month = res.json();
    expect(month.summary).toMatchObject({
      assignedConverted: 58,
      deliveredConverted: 49,
      lines: 4,
      done: 3,
      late: 2,
      failed: 1,
      waitingReview: 0,
    });
    expect(month.evaluation.score.total.toFixed(4)).toBe("84.1236");
    const dc09 = month.assignments.find((a: { itemCode: string }) => a.itemCode === "DC.09");
    expect(dc09).toMatchObject({
      quantity: 2,
      deliveredQuantity: 1,
      remainingQuantity: 1,
      coefficient: 9,
      converted: 18,
    });
  });

  it("T1-obj: excusing the DC.05 delay as an objective cause gives 85.3305…", async () => {
    const res = await manager.post(`/api/v1/work/deliveries/${dc05Delivery.id}/excuse`, {
      version: dc05Delivery.version,
      kind: "delay",
      confirmedBy: "Chủ tịch UBND xã",
      reason: "Hệ thống báo cáo của tỉnh gián đoạn",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ delays: 1, excusedDelays: 1 });
    const variant = calc({
      ...t1Document,
      deliveries: t1Document.deliveries.map((d) => (d.assignment === "dc05" ? { ...d, excusedDelays: 1 } : d)),
    });
    if (!variant.ok || variant.value.kind !== "period") throw new Error("calc failed");
    const ev = (await staff.get(`/api/v1/evaluations/${evaluationId}`)).json();
    expect(ev.score.total).toBe(variant.value.total);
    expect(ev.score.total.toFixed(4)).toBe("85.3305");
  });
});
