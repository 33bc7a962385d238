import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.ts";
import type { Client, TestApp } from "../../test/harness.ts";
import {
  assign,
  createCycleApp,
  deliver,
  fullRescore,
  openPeriod,
  scores27_5,
  seedCatalog,
  signIn,
} from "../../test/work-fixtures.ts";

// A month-end: self-evaluations that arrive together are written in one transaction. Each caller
// still gets their own evaluation, scored, and a stale version still loses.

let t: TestApp;
let staff: Client;
let manager: Client;
let head: Client;
let periodId: string;

const HEAD_OF_DIVISION = "p-na-10"; // the manager's own person
const selfUrl = () => `/api/v1/work/periods/${periodId}/self-evaluation`;
const body = (version?: number) => ({
  ...(version === undefined ? {} : { version }),
  scores: scores27_5,
  selfAssessment: "Hoàn thành nhiệm vụ trong tháng.",
});

beforeAll(async () => {
  let clock: Awaited<ReturnType<typeof createCycleApp>>["clock"];
  ({ t, clock } = await createCycleApp("2026-06-02"));
  const items = await seedCatalog(t);
  staff = await signIn(t, "staff");
  manager = await signIn(t, "manager");
  head = await signIn(t, "head");
  periodId = (await openPeriod(await signIn(t, "hr"))).id;
  const line = await assign(manager, periodId, { catalogItemId: items["DC.01"]!, quantity: 4 });
  await assign(head, periodId, { catalogItemId: items["DC.05"]!, quantity: 1, personId: HEAD_OF_DIVISION });
  clock.set("2026-06-20");
  await deliver(staff, line.id, { quantity: 3, deliveredOn: "2026-06-20" });
});
afterAll(() => t?.close());

describe("self-evaluations at once", () => {
  it("answers each caller with their own evaluation, scored as a full re-score scores it", async () => {
    const [mine, theirs] = await Promise.all([
      staff.request("PUT", selfUrl(), body()),
      manager.request("PUT", selfUrl(), body()),
    ]);
    expect([mine.statusCode, theirs.statusCode]).toEqual([200, 200]);
    expect(mine.json()).toMatchObject({ personName: "Nguyễn Văn Đức", status: "submitted", selfGeneral: 27.5 });
    expect(theirs.json()).toMatchObject({ personId: HEAD_OF_DIVISION, status: "submitted", selfGeneral: 27.5 });
    const expected = await fullRescore(t, periodId);
    expect(mine.json().score.total).toBeCloseTo(Number(expected.get("p-na-12")), 6);
    // The head of the division's d reads the staff member's fresh score: settled before answering.
    expect(theirs.json().score.total).toBeCloseTo(Number(expected.get(HEAD_OF_DIVISION)), 6);
    // The answer carries the figures; the explanation line by line comes with the evaluation's read.
    expect(mine.json().score.result.explanation).toMatchObject({ assignedTotal: 4 });
    expect(mine.json().score.result.explanation).not.toHaveProperty("lines");
    const month = (await staff.get(`/api/v1/me/month?periodId=${periodId}`)).json();
    expect(month.evaluation.score.total).toBe(mine.json().score.total);
    expect(month.evaluation.score.result.explanation.lines).toHaveLength(1);
  });

  it("creates the evaluation of someone with nothing assigned yet, scored as such", async () => {
    const { evaluations: table } = await import("../../db/schema.ts");
    const { and } = await import("drizzle-orm");
    const headId = (await head.get("/api/v1/auth/session")).json().user.personId as string;
    const none = () =>
      t.deps.db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.periodId, periodId), eq(table.personId, headId)));
    expect(await none()).toEqual([]);
    const res = await head.request("PUT", selfUrl(), body());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ personId: headId, status: "submitted", version: 2 });
    expect(res.json().score).toMatchObject({ state: "no_assignment", total: null });
    expect(await none()).toHaveLength(1);
  });

  it("two submissions of one version at once: one is written, the other is told the current version", async () => {
    const version = (await staff.get(`/api/v1/me/month?periodId=${periodId}`)).json().evaluation.version;
    const answers = await Promise.all([
      staff.request("PUT", selfUrl(), body(version)),
      staff.request("PUT", selfUrl(), body(version)),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const lost = answers.find((r) => r.statusCode === 409)!;
    expect(lost.json().details.currentVersion).toBe(version + 1);
    const audit = await t.deps.db
      .select({ action: auditLog.action, actorName: auditLog.actorName })
      .from(auditLog)
      .where(eq(auditLog.entity, "evaluation"));
    expect(audit.filter((a) => a.action === "self_evaluate_update")).toHaveLength(1);
    expect(
      audit
        .filter((a) => a.action === "self_evaluate")
        .map((a) => a.actorName)
        .sort(),
    ).toEqual(["Lê Văn Thành", "Nguyễn Văn Đức", "Trần Quốc Hùng"]);
  });
});
