import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as("staff");
});
afterAll(() => t.close());

const root = new URL("../../../../../", import.meta.url).pathname;
const cli = (document: unknown) =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "apps/server/src/cli/main.ts", "calc"], {
      cwd: root,
      input: JSON.stringify(document),
      encoding: "utf8",
    }),
  );

/** decree-335.md §10 T1: A = 58, total 84.1236. */
const period = {
  kind: "period",
  leaderRole: "none",
  general: 27.5,
  assignments: [
    { id: "DC.01", coefficient: 1, quantity: 10, source: "planned" },
    { id: "DC.05", coefficient: 12, quantity: 1, source: "planned" },
    { id: "DC.09", coefficient: 9, quantity: 2, source: "planned" },
    { id: "KTDC.03", coefficient: 6, quantity: 3, source: "planned" },
  ],
  deliveries: [
    { assignment: "DC.01", quantity: 1, failedReviews: 1, excusedFailedReviews: 0, delays: 0, excusedDelays: 0 },
    { assignment: "DC.01", quantity: 9, failedReviews: 0, excusedFailedReviews: 0, delays: 0, excusedDelays: 0 },
    { assignment: "DC.05", quantity: 1, failedReviews: 0, excusedFailedReviews: 0, delays: 1, excusedDelays: 0 },
    { assignment: "DC.09", quantity: 1, failedReviews: 0, excusedFailedReviews: 0, delays: 0, excusedDelays: 0 },
    { assignment: "KTDC.03", quantity: 1, failedReviews: 0, excusedFailedReviews: 0, delays: 2, excusedDelays: 0 },
    { assignment: "KTDC.03", quantity: 2, failedReviews: 0, excusedFailedReviews: 0, delays: 0, excusedDelays: 0 },
  ],
};

const year = {
  kind: "year",
  months: [84.12, 86.4, 88.75, 90.1, 91.3, 89.6, 92.0, 90.5, 88.2, 91.8, 93.1, 90.4].map((score, i) => ({
    month: i + 1,
    score,
  })),
  leave: "none",
  monthsWorked: 12,
  discipline: [],
  degradation: false,
  corruptionInUnit: false,
  leaderRole: "none",
  agencyLevel: null,
};

const quota = {
  kind: "quota",
  rate: 0.2,
  reading: "final",
  people: [
    ...Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, score: 99 - i, level: "excellent" })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `g${i}`, score: 80, level: "good" })),
  ],
};

const agency = {
  kind: "agency",
  rules: "quangnam2023",
  criteria: [
    {
      id: "1",
      max: 30,
      children: [
        { id: "1.1", max: 15, score: 14 },
        { id: "1.2", max: 15, score: 13 },
      ],
    },
    {
      id: "2",
      max: 70,
      children: [
        { id: "2.1", max: 60, score: 55 },
        { id: "2.2", max: 10, notApplicable: true },
      ],
    },
    { id: "B", max: 5, bonus: true, score: 3 },
  ],
  conditions: { parRank: "kha", seriousIncident: false },
};

describe("POST /api/v1/calc/{kind}", () => {
  it.each([
    ["period", period],
    ["year", year],
    ["quota", quota],
    ["agency", agency],
  ])("%s: the HTTP result equals the CLI's on the same document", async (kind, document) => {
    const res = await staff.post(`/api/v1/calc/${kind}`, document);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(cli(document));
  });

  it("period T1 total is 84.1236 to six decimals; year T2 averages 89.68917 and stays good", async () => {
    expect((await staff.post("/api/v1/calc/period", period)).json().total).toBeCloseTo(84.123563, 6);
    const y = (await staff.post("/api/v1/calc/year", year)).json();
    expect(y.average).toBeCloseTo(89.689167, 6);
    expect(y.level).toBe("good");
    const q = (await staff.post("/api/v1/calc/quota", quota)).json();
    expect(q.allowed).toBe(5);
    expect(q.cut).toEqual(["e5", "e6", "e7", "e8", "e9"]);
    const a = (await staff.post("/api/v1/calc/agency", agency)).json();
    expect(a.level).toBe("good");
  });

  it("a body without kind takes it from the path; a contradicting kind is refused", async () => {
    const { kind: _kind, ...rest } = quota;
    expect((await staff.post("/api/v1/calc/quota", rest)).json().allowed).toBe(5);
    const wrong = await staff.post("/api/v1/calc/quota", year);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe("CALC_INVALID");
  });

  it("invalid input answers 400 CALC_INVALID with a Vietnamese message per issue", async () => {
    const res = await staff.post("/api/v1/calc/period", { ...period, assignments: [], deliveries: [] });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("CALC_INVALID");
    expect(body.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệ]/);
    expect(body.details[0].code).toBe("ERR_NO_ASSIGNMENT");
  });
});
