import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluations } from "../../db/schema.ts";
import type { Client, TestApp } from "../../test/harness.ts";
import {
  assign,
  createCycleApp,
  deliver,
  fullRescore,
  openPeriod,
  review,
  seedCatalog,
  signIn,
} from "../../test/work-fixtures.ts";
import { scorePeriod } from "../scoring/service.ts";
import { settleScores } from "./service.ts";

// A delivery leaves its maker's score to be settled; a review scores its maker at once and leaves
// the leaders whose d reads the maker (Art. 15.3.a). Both settle by the next read of the scores, or
// by the background timer. Either way the stored scores end up as a full re-score computes them.

let t: TestApp;
let manager: Client;
let staff: Client;
let periodId: string;
let staffLine: string;

const HEAD = "p-na-10"; // Trần Quốc Hùng, head of Phòng Kinh tế: the manager's own login
const STAFF = "p-na-12"; // Nguyễn Văn Đức, the staff login

const stored = async () =>
  new Map(
    (
      await t.deps.db
        .select({
          personId: evaluations.personId,
          total: evaluations.total,
          stale: evaluations.leadersStale,
          scoreStale: evaluations.scoreStale,
          updatedAt: evaluations.updatedAt,
          digest: evaluations.scoreDigest,
          result: evaluations.result,
        })
        .from(evaluations)
        .where(eq(evaluations.periodId, periodId))
    ).map((r) => [r.personId, r]),
  );

const totalsOf = (rows: Awaited<ReturnType<typeof stored>>) =>
  new Map([...rows].map(([personId, r]) => [personId, r.total]));

beforeAll(async () => {
  let clock: Awaited<ReturnType<typeof createCycleApp>>["clock"];
  ({ t, clock } = await createCycleApp("2026-06-01"));
  const items = await seedCatalog(t);
  manager = await signIn(t, "manager");
  staff = await signIn(t, "staff");
  periodId = (await openPeriod(await signIn(t, "hr"))).id;
  staffLine = (await assign(manager, periodId, { catalogItemId: items["DC.01"]!, quantity: 40, personId: STAFF })).id;
  // The head of the agency assigns the head of the division: nobody assigns themselves.
  await assign(await signIn(t, "head"), periodId, { catalogItemId: items["DC.05"]!, quantity: 2, personId: HEAD });
  // The head's d is the average of the division's scored people: everyone scored before the test.
  await settleScores(t.deps.db, "all");
  clock.set("2026-06-10");
});
afterAll(() => t?.close());

describe("settling scores after a write", () => {
  let firstDelivery: { id: string; version: number };

  it("leaves a delivery's score to the settle: the maker is flagged, no stored total moves yet", async () => {
    const before = await stored();
    // 30 of 40 units lift the only scored member of the division over 50: the head's d becomes full.
    firstDelivery = await deliver(staff, staffLine, { quantity: 30, deliveredOn: "2026-06-10" });
    const after = await stored();
    expect(after.get(STAFF)).toMatchObject({ total: before.get(STAFF)!.total, scoreStale: true });
    expect(after.get(HEAD)!.total).toBe(before.get(HEAD)!.total);
    const expected = await fullRescore(t, periodId);
    expect(expected.get(STAFF)).not.toBe(before.get(STAFF)!.total);
    expect(expected.get(HEAD)).not.toBe(before.get(HEAD)!.total);
  });

  it("settles before the maker reads their month: the score shown is the full re-score's, leaders too", async () => {
    const expected = await fullRescore(t, periodId);
    const res = await staff.get("/api/v1/me/month");
    expect(res.statusCode).toBe(200);
    expect(res.json().evaluation.score.total as number).toBeCloseTo(Number(expected.get(STAFF)), 6);
    const rows = await stored();
    expect(totalsOf(rows)).toEqual(expected);
    expect([...rows.values()].filter((r) => r.stale || r.scoreStale)).toEqual([]);
  });

  it("a review scores the maker at once and flags them; the head's stored d waits", async () => {
    const before = await stored();
    await review(manager, firstDelivery.id, firstDelivery.version, "fail", "Sai số liệu");
    const after = await stored();
    expect(after.get(STAFF)!.total).not.toBe(before.get(STAFF)!.total);
    expect(after.get(STAFF)).toMatchObject({ stale: true, scoreStale: false });
    expect(after.get(HEAD)!.total).toBe(before.get(HEAD)!.total);
    expect((await fullRescore(t, periodId)).get(HEAD)).not.toBe(after.get(HEAD)!.total);
  });

  it("settles before the head reads their month: the score shown is the full re-score's", async () => {
    const expected = await fullRescore(t, periodId);
    const res = await manager.get("/api/v1/me/month");
    expect(res.statusCode).toBe(200);
    const shown = res.json().evaluation.score.total as number;
    expect(shown).toBeCloseTo(Number(expected.get(HEAD)), 6);
    const rows = await stored();
    expect(totalsOf(rows)).toEqual(expected);
    expect([...rows.values()].filter((r) => r.stale || r.scoreStale)).toEqual([]);
    expect(await settleScores(t.deps.db, "all")).toBe(0);
  });

  it("settles on the division board too, once: a second read finds nothing to do", async () => {
    await deliver(staff, staffLine, { quantity: 2, deliveredOn: "2026-06-10" });
    const expected = await fullRescore(t, periodId);
    const res = await manager.get(`/api/v1/work/periods/${periodId}/board`);
    expect(res.statusCode).toBe(200);
    const head = (res.json().items as { personId: string; total: number | null }[]).find((r) => r.personId === HEAD);
    expect(head?.total).toBeCloseTo(Number(expected.get(HEAD)), 6);
    expect(await settleScores(t.deps.db, { periodIds: [periodId] })).toBe(0);
  });

  it("agrees with a full re-score when deliveries and settles run at once", async () => {
    const writes = Array.from({ length: 8 }, () =>
      deliver(staff, staffLine, { quantity: 0.5, deliveredOn: "2026-06-10" }),
    );
    const settles = Array.from({ length: 4 }, () => settleScores(t.deps.db, "all"));
    await Promise.all([...writes, ...settles]);
    await settleScores(t.deps.db, "all");
    const rows = await stored();
    expect(totalsOf(rows)).toEqual(await fullRescore(t, periodId));
    expect([...rows.values()].filter((r) => r.stale || r.scoreStale)).toEqual([]);
  });

  it("a score that stays at or above 50 does not reach the leaders: only the maker is scored again", async () => {
    const before = await stored();
    expect(Number(before.get(STAFF)!.total)).toBeGreaterThan(50);
    await deliver(staff, staffLine, { quantity: 0.5, deliveredOn: "2026-06-10" });
    expect(await settleScores(t.deps.db, { periodIds: [periodId] })).toBe(1);
    const after = await stored();
    expect(Number(after.get(STAFF)!.total)).toBeGreaterThan(Number(before.get(STAFF)!.total));
    expect(after.get(HEAD)!.total).toBe(before.get(HEAD)!.total);
    expect(totalsOf(after)).toEqual(await fullRescore(t, periodId));
  });

  it("a rescore that comes out as stored writes nothing; a result it does not recognise is stored again", async () => {
    const before = await stored();
    expect(before.get(STAFF)!.digest).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    await t.deps.db.transaction((tx) => scorePeriod(tx, periodId));
    expect(await stored()).toEqual(before);

    await t.deps.db
      .update(evaluations)
      .set({ result: { state: "no_assignment" }, scoreDigest: null })
      .where(and(eq(evaluations.periodId, periodId), eq(evaluations.personId, STAFF)));
    await t.deps.db.transaction((tx) => scorePeriod(tx, periodId));
    const after = await stored();
    expect(after.get(STAFF)).toMatchObject({ digest: before.get(STAFF)!.digest, result: before.get(STAFF)!.result });
    expect(after.get(STAFF)!.updatedAt).not.toEqual(before.get(STAFF)!.updatedAt);
    expect(after.get(HEAD)).toEqual(before.get(HEAD));
  });
});
