import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { hashPassword } from "../../lib/password.ts";
import { createTestApp, type TestApp } from "../../test/harness.ts";
import { type GenerateResult, generateProvince } from "./generate.ts";
import { GEN_PASSWORD } from "./shape.ts";

const options = { people: 24, agencies: 3, months: 2, seed: 7, year: 2026, concurrency: 1 };

const rows = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** What two runs must agree on: every delivery and every stored total, in id order. */
const fingerprint = async (db: Db) =>
  rows<{ deliveries: string; totals: string }>(
    db,
    sql`select
      (select md5(string_agg(id || ':' || quantity || ':' || delivered_on || ':' || delays || ':' || failed_reviews, ',' order by id))
         from deliveries where id like 'g-%') as deliveries,
      (select md5(string_agg(id || ':' || coalesce(total::text, '-'), ',' order by id))
         from evaluations where id like 'g-%') as totals`,
  );

let t: TestApp;
let result: GenerateResult;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date("2026-02-26T09:00:00+07:00") });
  result = await generateProvince(t.database.db, options, await hashPassword(GEN_PASSWORD));
});
afterAll(() => t.close());

describe("npm run gen", () => {
  it("writes the province its options describe", async () => {
    expect(result.rows).toMatchObject({
      org_units: 1 + 3 + 3 * 4,
      people: 24,
      // One login per person, one hr per agency, and the province's.
      users: 24 + 3 + 1,
      catalogs: 3,
      catalog_items: 3 * 40,
      periods: 3 * 2,
      evaluations: 24 * 2,
    });
    const [counted] = await rows<{ assignments: number; deliveries: number }>(
      t.database.db,
      sql`select (select count(*)::int from assignments where id like 'g-%') as assignments,
                 (select count(*)::int from deliveries where id like 'g-%') as deliveries`,
    );
    expect(counted).toEqual({ assignments: result.rows.assignments, deliveries: result.rows.deliveries });
    // ~8.5 lines of 3–5 units per person-month, most units delivered one by one.
    expect(result.rows.deliveries! / (24 * 2)).toBeGreaterThan(20);
    expect(result.rows.deliveries! / (24 * 2)).toBeLessThan(45);
  });

  it("confirms every month but the last, and scores every evaluation through the scoring module", async () => {
    const byMonth = await rows<{ number: number; period: string; evaluation: string; count: number; scored: number }>(
      t.database.db,
      sql`select p.number, p.status as period, e.status as evaluation, count(*)::int as count,
                 count(*) filter (where e.result->>'state' = 'scored' and e.total is not null)::int as scored
          from evaluations e join periods p on p.id = e.period_id
          where p.id like 'g-%' group by p.number, p.status, e.status order by p.number, e.status`,
    );
    const january = byMonth.filter((r) => r.number === 1);
    expect(january).toEqual([{ number: 1, period: "locked", evaluation: "confirmed", count: 24, scored: 24 }]);
    const february = byMonth.filter((r) => r.number === 2);
    expect(february.every((r) => r.period === "open" && ["draft", "submitted"].includes(r.evaluation))).toBe(true);
    expect(february.reduce((n, r) => n + r.scored, 0)).toBe(24);
  });

  it("gives the same rows and the same totals for the same options", async () => {
    const again = await createTestApp();
    try {
      await generateProvince(again.database.db, options, "not-a-login");
      expect(await fingerprint(again.database.db)).toEqual(await fingerprint(t.database.db));
    } finally {
      await again.close();
    }
  });

  it("refuses to run twice on one database, in Vietnamese, leaving the first province as it was", async () => {
    const before = await fingerprint(t.database.db);
    await expect(generateProvince(t.database.db, options, "x")).rejects.toThrow(/đã có tỉnh sinh sẵn/);
    expect(await fingerprint(t.database.db)).toEqual(before);
  });

  it("lets a generated civil servant sign in and find the open month's products", async () => {
    const staff = await t.as("a001.0005", GEN_PASSWORD);
    const month = (await staff.get("/api/v1/me/month")).json();
    expect(month.period).toMatchObject({ year: 2026, number: 2, status: "open" });
    expect(month.assignments.length).toBeGreaterThanOrEqual(7);
  });
});
