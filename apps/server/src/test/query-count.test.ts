import type { Board, Classification, ClassificationRow, QuotaView } from "@thuocdo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "./harness.ts";
import { HEADCOUNT_YEAR, type HeadcountAgency, seedHeadcount } from "./headcount-fixtures.ts";

/**
 * No N+1 on the list pages (issue #7): each page runs the same number of SQL statements for an
 * agency of 10 people as for one of 100. The session lookup of each request is counted too; it is
 * the same for both. Each page is also checked to list everyone, so equal counts mean something.
 */

// 2 August 2026: July's self-evaluation and review deadlines have passed, so the board also lists
// the late self-evaluations, confirmations and reviews.
const now = new Date("2026-08-02T05:00:00Z");

let t: TestApp;
let hr: Client;
const agencies: { size: number; agency: HeadcountAgency; classificationId: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  hr = await t.as("hr.tinh");
  for (const [id, size] of [
    ["hc-small", 10],
    ["hc-large", 100],
  ] as const) {
    const agency = await seedHeadcount(t, id, size);
    const opened = await hr.post("/api/v1/year/classifications", { agencyId: id, year: HEADCOUNT_YEAR });
    if (opened.statusCode !== 200) throw new Error(`open classification: ${opened.statusCode} ${opened.body}`);
    agencies.push({ size, agency, classificationId: opened.json().id });
  }
}, 120_000);
afterAll(() => t.close());

type Agency = (typeof agencies)[number];

interface Page<Body> {
  name: string;
  url(a: Agency): string;
  /** How many people the response shows… */
  shown(body: Body): number;
  /** …and how many it should: everyone, unless told otherwise. */
  expected?(a: Agency): Promise<number>;
}

const sum = (counts: Partial<Record<string, number>>) =>
  Object.values(counts).reduce<number>((n, c) => n + (c ?? 0), 0);
const peopleUrl = (a: Agency) => `/api/v1/year/classifications/${a.classificationId}/people?pageSize=200`;

/** Types each page's body; the list then holds them side by side (methods compare bivariantly). */
const listPage = <Body>(p: Page<Body>): Page<unknown> => p;

const pages = [
  listPage<Board>({
    name: "division board",
    url: (a) => `/api/v1/work/periods/${a.agency.periodId}/board?unitId=${a.agency.divisionId}&pageSize=200`,
    shown: (b) => (b.total === b.items.length ? b.items.length : -1),
  }),
  listPage<Classification>({
    name: "classification (counts and workflow)",
    url: (a) => `/api/v1/year/classifications/${a.classificationId}`,
    shown: (b) => sum(b.counts),
  }),
  listPage<{ items: ClassificationRow[] }>({
    name: "classification people with levels and reasons",
    url: peopleUrl,
    shown: (b) => (b.items.every((r) => r.reasons.length > 0) ? b.items.length : -1),
  }),
  listPage<QuotaView>({
    name: "classification quota panel",
    url: (a) => `/api/v1/year/classifications/${a.classificationId}/quota`,
    shown: (b) => b.agency.good + b.agency.excellent,
    // The agency-wide step weighs those their group left good or excellent (a pending tie as good).
    expected: async (a) => {
      const rows: ClassificationRow[] = (await hr.get(peopleUrl(a))).json().items;
      return rows.filter(
        (r) => r.proposedLevel === null || r.proposedLevel === "good" || r.proposedLevel === "excellent",
      ).length;
    },
  }),
];

async function measure(page: Page<unknown>, a: Agency) {
  const { result, queries } = await t.countQueries(() => hr.get(page.url(a)));
  expect(result.statusCode, result.body).toBe(200);
  return { queries, shown: page.shown(result.json()), expected: page.expected ? await page.expected(a) : a.size };
}

describe("list pages run a fixed number of queries whatever the headcount", () => {
  it.each(pages)("$name", async (page) => {
    const [small, large] = agencies as [Agency, Agency];
    const a = await measure(page, small);
    const b = await measure(page, large);
    expect({ small: a.shown, large: b.shown }).toEqual({ small: a.expected, large: b.expected });
    expect(b.expected).toBeGreaterThan(a.expected);
    expect(a.queries).toBeGreaterThan(0);
    expect(b.queries).toBe(a.queries);
  });
});
