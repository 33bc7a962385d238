import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAgencyTemplates, TEMPLATE_QUANGNAM_ID } from "../../seed/agency-templates.ts";
import { type Client, createTestApp, type TestApp } from "../../test/harness.ts";

/**
 * Who may do what in the agency evaluation, as tables (the style of test/permissions.test.ts):
 * each role × each action, at the step where the action belongs. Mutations that are allowed
 * either succeed or reach the data (409 on a stale version); refused ones answer 403 and change
 * nothing. The group ranks Sở Tài chính and UBND xã Nguyệt An on the Quảng Nam template.
 */

let t: TestApp;
const clients = new Map<string, Client>();
const roles = ["hr.tinh", "hr", "head", "appraiser", "council", "staff"] as const;
type RoleName = (typeof roles)[number];
let frameworkId = "";
let frameworkVersion = 0;
let cycleId = "";
let cycleVersion = 0;
const code = new Map<string, string>();
const assessment = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  await seedAgencyTemplates(t.deps);
  for (const u of roles) clients.set(u, await t.as(u));
  const hr = clients.get("hr.tinh")!;
  const fw = await hr.post("/api/v1/agency/frameworks", {
    year: 2026,
    name: "Sở và xã 2026",
    groupName: "Thử quyền",
    rules: "quangnam2023",
    copyFromId: TEMPLATE_QUANGNAM_ID,
  });
  expect(fw.statusCode, fw.body).toBe(200);
  frameworkId = fw.json().id;
  for (const c of fw.json().criteria) code.set(c.code, c.id);
  const set = await hr.request("PUT", `/api/v1/agency/frameworks/${frameworkId}/agencies`, {
    version: fw.json().version,
    agencyIds: ["so-tai-chinh", "nguyet-an"],
  });
  expect(set.statusCode, set.body).toBe(200);
  frameworkVersion = set.json().version;
  const cycle = await hr.post("/api/v1/agency/cycles", { frameworkId });
  expect(cycle.statusCode, cycle.body).toBe(200);
  cycleId = cycle.json().id;
  cycleVersion = cycle.json().version;
  for (const a of (await hr.get(`/api/v1/agency/assessments?cycleId=${cycleId}`)).json().items) {
    assessment.set(a.agencyId, a.id);
  }
});
afterAll(() => t.close());

async function advance(step: string) {
  const res = await clients
    .get("hr.tinh")!
    .post(`/api/v1/agency/cycles/${cycleId}/advance`, { version: cycleVersion, step });
  expect(res.statusCode, res.body).toBe(200);
  cycleVersion = res.json().version;
}

type Probe = (c: Client) => Promise<{ statusCode: number }>;

function check(families: Record<string, Probe>, table: Record<RoleName, Record<string, number>>) {
  return async () => {
    const got: Record<string, Record<string, number>> = {};
    for (const role of roles) {
      got[role] = {};
      for (const [name, probe] of Object.entries(families))
        got[role]![name] = (await probe(clients.get(role)!)).statusCode;
    }
    expect(got).toEqual(table);
  };
}

const na = () => assessment.get("nguyet-an")!;
const stc = () => assessment.get("so-tai-chinh")!;

describe("agency evaluation permissions", () => {
  it(
    "frameworks: everyone taking part reads them; only hr over the province changes them",
    check(
      {
        "framework.read": (c) => c.get(`/api/v1/agency/frameworks/${frameworkId}`),
        "framework.write": (c) => c.patch(`/api/v1/agency/frameworks/${frameworkId}`, { version: 999, name: "Đổi" }),
        "framework.create": (c) =>
          c.post("/api/v1/agency/frameworks", {
            year: 2027,
            name: "X",
            groupName: "X",
            rules: "nd335",
            ownerUnitId: "thanh-hoa",
          }),
        "cycle.advance": (c) =>
          c.post(`/api/v1/agency/cycles/${cycleId}/advance`, { version: 999, step: "self_assessment" }),
      },
      {
        "hr.tinh": { "framework.read": 200, "framework.write": 409, "framework.create": 200, "cycle.advance": 409 },
        hr: { "framework.read": 200, "framework.write": 403, "framework.create": 403, "cycle.advance": 403 },
        head: { "framework.read": 200, "framework.write": 403, "framework.create": 403, "cycle.advance": 403 },
        appraiser: { "framework.read": 200, "framework.write": 403, "framework.create": 403, "cycle.advance": 403 },
        council: { "framework.read": 200, "framework.write": 403, "framework.create": 403, "cycle.advance": 403 },
        staff: { "framework.read": 403, "framework.write": 403, "framework.create": 403, "cycle.advance": 403 },
      },
    ),
  );

  it(
    "self-assessment: an agency reads and scores only its own dossier",
    check(
      {
        "own.read": (c) => c.get(`/api/v1/agency/assessments/${na()}`),
        "other.read": (c) => c.get(`/api/v1/agency/assessments/${stc()}`),
        "own.score": (c) =>
          c.request("PUT", `/api/v1/agency/assessments/${na()}/self`, {
            scores: [{ criterionId: code.get("I.1.2"), score: 5, fileIds: [] }],
          }),
        "other.score": (c) =>
          c.request("PUT", `/api/v1/agency/assessments/${stc()}/self`, {
            scores: [{ criterionId: code.get("I.1.2"), score: 5, fileIds: [] }],
          }),
      },
      {
        // Sở Nội vụ's hr covers the whole province (it consolidates); the commune's hr and head only the commune.
        "hr.tinh": { "own.read": 200, "other.read": 200, "own.score": 200, "other.score": 200 },
        hr: { "own.read": 200, "other.read": 403, "own.score": 200, "other.score": 403 },
        head: { "own.read": 200, "other.read": 403, "own.score": 200, "other.score": 403 },
        // The appraiser reads both, but sees only its criteria (checked below); it never self-scores.
        appraiser: { "own.read": 200, "other.read": 200, "own.score": 403, "other.score": 403 },
        council: { "own.read": 403, "other.read": 403, "own.score": 403, "other.score": 403 },
        staff: { "own.read": 403, "other.read": 403, "own.score": 403, "other.score": 403 },
      },
    ),
  );

  it("an appraiser sees only the criteria designated to its agency, and no totals", async () => {
    const res = await clients.get("appraiser")!.get(`/api/v1/agency/assessments/${na()}`);
    const codes = res.json().criteria.map((c: { code: string }) => c.code);
    expect(codes).toEqual(["I.2.1", "I.2.2", "I.2.3", "C", "T"]);
    expect(res.json()).toMatchObject({ totals: null, gaps: [], selfScore: null });
  });

  it("appraisal: only the designated appraiser (and Sở Nội vụ consolidating) scores a criterion", async () => {
    await advance("self_assessment");
    await check(
      {
        "rows.list": (c) => c.get(`/api/v1/agency/cycles/${cycleId}/appraisal`),
        "assigned.score": (c) =>
          c.request("PUT", `/api/v1/agency/assessments/${na()}/appraisal`, {
            scores: [{ criterionId: code.get("I.2.1"), score: 7, comment: "Hạng khá" }],
          }),
        "unassigned.score": (c) =>
          c.request("PUT", `/api/v1/agency/assessments/${na()}/appraisal`, {
            scores: [{ criterionId: code.get("I.1.1"), score: 7, comment: null }],
          }),
      },
      {
        "hr.tinh": { "rows.list": 200, "assigned.score": 200, "unassigned.score": 200 },
        hr: { "rows.list": 403, "assigned.score": 403, "unassigned.score": 403 },
        head: { "rows.list": 403, "assigned.score": 403, "unassigned.score": 403 },
        appraiser: { "rows.list": 200, "assigned.score": 200, "unassigned.score": 403 },
        council: { "rows.list": 403, "assigned.score": 403, "unassigned.score": 403 },
        staff: { "rows.list": 403, "assigned.score": 403, "unassigned.score": 403 },
      },
    )();
    const rows = await clients.get("appraiser")!.get(`/api/v1/agency/cycles/${cycleId}/appraisal?pageSize=200`);
    const codes = new Set(rows.json().items.map((r: { criterion: { code: string } }) => r.criterion.code));
    expect([...codes].sort()).toEqual(["C", "I.2.1", "I.2.2", "I.2.3", "T"]);
  });

  it("drafts: an agency sees its own draft, never another's", async () => {
    await advance("appraisal");
    await check(
      {
        "own.draft": (c) => c.get(`/api/v1/agency/assessments/${na()}/draft`),
        "other.draft": (c) => c.get(`/api/v1/agency/assessments/${stc()}/draft`),
      },
      {
        "hr.tinh": { "own.draft": 200, "other.draft": 200 },
        hr: { "own.draft": 200, "other.draft": 403 },
        head: { "own.draft": 200, "other.draft": 403 },
        appraiser: { "own.draft": 403, "other.draft": 403 },
        council: { "own.draft": 403, "other.draft": 403 },
        staff: { "own.draft": 403, "other.draft": 403 },
      },
    )();
  });

  it("council: only members vote; the secretariat names them", async () => {
    await advance("explanation");
    const named = await clients.get("hr.tinh")!.request("PUT", `/api/v1/agency/cycles/${cycleId}/council`, {
      version: cycleVersion,
      members: [{ userId: "u-council", present: true }],
    });
    expect(named.statusCode, named.body).toBe(200);
    cycleVersion = named.json().version;
    await check(
      {
        board: (c) => c.get(`/api/v1/agency/cycles/${cycleId}/council`),
        vote: (c) => c.request("PUT", `/api/v1/agency/assessments/${na()}/vote`, { level: "good" }),
      },
      {
        "hr.tinh": { board: 200, vote: 403 },
        hr: { board: 403, vote: 403 },
        head: { board: 403, vote: 403 },
        appraiser: { board: 403, vote: 403 },
        council: { board: 200, vote: 200 },
        staff: { board: 403, vote: 403 },
      },
    )();
  });

  it("the public page shows nothing before publication, and needs no login", async () => {
    const res = await t.anonymous.get("/api/v1/public/agency-results");
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
    expect((await t.anonymous.get(`/api/v1/agency/cycles/${cycleId}`)).statusCode).toBe(401);
    expect(frameworkVersion).toBeGreaterThan(0);
  });
});
