import {
  type ClassifiedLevel,
  computePeriod,
  computeYear,
  generalPoints,
  type LeaderRole,
  Rational,
  ruleSetById,
  ruleSetFor,
} from "@thuocdo/core";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, deliveries, evaluations, people, periods } from "../db/schema.ts";
import { periodMembers } from "../modules/scoring/repo.ts";
import { decimal, evaluatedBy } from "../modules/scoring/service.ts";
import { createTestApp, type TestApp } from "../test/harness.ts";
import { demoMonths, seedDemoActivity } from "./demo-activity.ts";
import { seedDemoCatalog } from "./demo-catalog.ts";
import { NGUYET_AN_ID } from "./demo-data.ts";
import { rngFor } from "./random.ts";

/** A fixed "now": 22/11/2026, so January–October are locked and November is open. */
const NOW = new Date("2026-11-22T03:00:00Z");

let t: TestApp;
let seconds = 0;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedDemoCatalog(t.deps);
  const started = performance.now();
  expect(await seedDemoActivity(t.deps)).toBe(true);
  seconds = (performance.now() - started) / 1000;
  console.info(`demo activity loaded in ${seconds.toFixed(1)} s`);
}, 300_000);
afterAll(() => t?.close());

type StoredResult = { state: string; exactTotal?: string };
const exact = (stored: unknown): Rational | null => {
  const s = stored as StoredResult | null;
  if (s?.state !== "scored" || !s.exactTotal) return null;
  const [num, den = "1"] = s.exactTotal.split("/");
  return Rational.of(BigInt(num!), BigInt(den));
};

describe("demo months from the clock", () => {
  it("locks the months before the current one and leaves the current one open", () => {
    expect(demoMonths(NOW)).toEqual({ locked: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], open: 11, today: "2026-11-22" });
    expect(demoMonths(new Date("2027-02-01T00:00:00Z")).locked).toHaveLength(12);
    expect(demoMonths(new Date("2027-02-01T00:00:00Z")).open).toBeNull();
    expect(demoMonths(new Date("2025-12-31T00:00:00Z"))).toMatchObject({ locked: [], open: null });
  });

  it("draws the same numbers for the same seed", () => {
    const a = rngFor("p-na-12", 3);
    const b = rngFor("p-na-12", 3);
    const c = rngFor("p-na-12", 4);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
  });
});

describe("a demo year in Nguyệt An", () => {
  it("loads once", async () => {
    expect(await seedDemoActivity(t.deps)).toBe(false);
    expect(seconds).toBeGreaterThan(0);
  });

  it("has every active person evaluated and confirmed in every locked month, and an open November", async () => {
    const db = t.deps.db;
    const active = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.agencyId, NGUYET_AN_ID), eq(people.active, true)));
    const rows = await db
      .select({
        number: periods.number,
        periodStatus: periods.status,
        personId: evaluations.personId,
        status: evaluations.status,
      })
      .from(evaluations)
      .innerJoin(periods, eq(periods.id, evaluations.periodId))
      .where(eq(periods.agencyId, NGUYET_AN_ID));
    for (let month = 1; month <= 10; month++) {
      const ofMonth = rows.filter((r) => r.number === month);
      expect(ofMonth.every((r) => r.periodStatus === "locked" && r.status === "confirmed")).toBe(true);
      expect(new Set(ofMonth.map((r) => r.personId))).toEqual(new Set(active.map((p) => p.id)));
    }
    const november = rows.filter((r) => r.number === 11);
    expect(november).toHaveLength(active.length);
    expect(november.every((r) => r.periodStatus === "open" && (r.status === "draft" || r.status === "submitted"))).toBe(
      true,
    );
  });

  it("stores totals equal to the core's on the stored inputs", async () => {
    const db = t.deps.db;
    const periodRows = await db.select().from(periods).where(eq(periods.agencyId, NGUYET_AN_ID));
    let checked = 0;
    for (const period of periodRows) {
      const ruleSet = ruleSetById(period.ruleSetVersion);
      if (!ruleSet.ok) throw new Error(period.ruleSetVersion);
      const evs = await db.select().from(evaluations).where(eq(evaluations.periodId, period.id));
      const lines = await db.select().from(assignments).where(eq(assignments.periodId, period.id));
      const done = await db
        .select()
        .from(deliveries)
        .where(
          inArray(
            deliveries.assignmentId,
            lines.map((l) => l.id),
          ),
        );
      const members = await periodMembers(db, [period.id]);
      const storedTotal = new Map(evs.map((e) => [e.personId, exact(e.result)]));
      for (const ev of evs) {
        const scores = (ev.confirmedScores ?? ev.selfScores) as Record<string, number> | null;
        const general = scores ? generalPoints(scores) : null;
        const role = ev.leaderRole as LeaderRole;
        const self = members.find((m) => m.id === ev.id)!;
        const own = lines.filter((l) => l.personId === ev.personId);
        const computed = computePeriod(ruleSet.value, {
          leaderRole: role,
          general: general?.ok ? general.value : Rational.ZERO,
          assignments: own.map((l) => ({
            id: l.id,
            coefficient: decimal(l.coefficient),
            quantity: decimal(l.quantity),
            source: l.source as "planned" | "adhoc" | "taken_over",
          })),
          deliveries: done
            .filter((d) => own.some((l) => l.id === d.assignmentId))
            .map((d) => ({
              assignment: d.assignmentId,
              quantity: decimal(d.quantity),
              failedReviews: d.failedReviews,
              excusedFailedReviews: d.excusedFailedReviews,
              delays: d.delays,
              excusedDelays: d.excusedDelays,
            })),
          leader:
            role === "none"
              ? null
              : {
                  subordinateScores: evaluatedBy(self, members).flatMap((m) => storedTotal.get(m.personId) ?? []),
                  organizing: ev.organizing ? decimal(ev.organizing) : Rational.ONE,
                  unity: ev.unity ? decimal(ev.unity) : Rational.ONE,
                  organizingReason: ev.organizingReason,
                  unityReason: ev.unityReason,
                },
        });
        expect(computed.ok).toBe(true);
        if (!computed.ok) continue;
        expect(storedTotal.get(ev.personId)?.eq(computed.value.total)).toBe(true);
        expect(ev.total).toBe(computed.value.total.toFixed(6));
        checked++;
      }
    }
    expect(checked).toBe(27 * 11);
  });

  it("spreads the yearly averages over all four levels, with one person below 50 in several months", async () => {
    const rows = await t.deps.db
      .select({ personId: evaluations.personId, month: periods.number, result: evaluations.result })
      .from(evaluations)
      .innerJoin(periods, eq(periods.id, evaluations.periodId))
      .where(and(eq(periods.agencyId, NGUYET_AN_ID), eq(evaluations.status, "confirmed")));
    const ruleSet = ruleSetFor({ year: 2026, month: 12 });
    if (!ruleSet.ok) throw new Error("rule set");
    const byPerson = new Map<string, { month: number; score: Rational }[]>();
    for (const r of rows) {
      const score = exact(r.result);
      if (score) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), { month: r.month, score }]);
    }
    const levels = new Map<string, ClassifiedLevel | "unclassified">();
    for (const [personId, months] of byPerson) {
      const year = computeYear(ruleSet.value, {
        months,
        leave: "none",
        monthsWorked: months.length,
        discipline: [],
        degradation: false,
        corruptionInUnit: false,
        leaderRole: "none",
        agencyLevel: null,
      });
      levels.set(personId, year.level as ClassifiedLevel);
    }
    const count = (level: string) => [...levels.values()].filter((l) => l === level).length;
    expect(count("excellent")).toBeGreaterThanOrEqual(3);
    expect(count("good")).toBeGreaterThanOrEqual(12);
    expect(count("completed")).toBeGreaterThanOrEqual(2);
    expect(count("not_completed")).toBe(1);
    expect(levels.get("p-na-22")).toBe("not_completed");
    const below50 = byPerson.get("p-na-22")!.filter((m) => m.score.lt(Rational.of(50))).length;
    expect(below50).toBeGreaterThanOrEqual(5);
  });

  it("records deliveries with delays, failed reviews, excuses and hand-backs", async () => {
    const db = t.deps.db;
    const all = await db.select().from(deliveries);
    expect(all.filter((d) => d.delays > 0).length).toBeGreaterThan(50);
    expect(all.filter((d) => d.delays > 1).length).toBeGreaterThan(0);
    expect(all.filter((d) => d.failedReviews > 0).length).toBeGreaterThan(20);
    expect(all.filter((d) => d.excusedDelays > 0).length).toBeGreaterThan(5);
    expect(all.filter((d) => d.excusedFailedReviews > 0).length).toBeGreaterThan(0);
    const handedBack = await db.select().from(assignments).where(eq(assignments.handedBack, "1.0000"));
    expect(handedBack.length).toBeGreaterThan(0);
    expect(handedBack[0]!.handedBackReason).toBeTruthy();
  });
});
