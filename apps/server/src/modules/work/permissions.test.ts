import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../test/harness.ts";
import { assign, createCycleApp, deliver, openPeriod, seedCatalog, signIn } from "../../test/work-fixtures.ts";

// Who may do what on Nguyễn Văn Đức's (p-na-12, Phòng Kinh tế) work: the division's manager, the
// commune's head and hr; never the staff themselves, an appraiser, or anyone outside the commune.
let t: TestApp;
let manager: Client;
let staff: Client;
let periodId: string;
let items: Record<string, string>;

beforeAll(async () => {
  ({ t } = await createCycleApp("2026-06-05"));
  items = await seedCatalog(t);
  manager = await signIn(t, "manager");
  staff = await signIn(t, "staff");
  periodId = (await openPeriod(await signIn(t, "hr"))).id;
});
afterAll(() => t.close());

type Action = (user: Client) => Promise<number>;

const actions: Record<string, Action> = {
  assign: async (user) =>
    (
      await user.post(`/api/v1/work/periods/${periodId}/assignments`, {
        target: { kind: "people", personIds: ["p-na-12"] },
        catalogItemId: items["DC.01"],
        quantity: 1,
      })
    ).statusCode,
  review: async (user) => {
    const line = await assign(manager, periodId, { catalogItemId: items["DC.01"]!, quantity: 1 });
    const d = await deliver(staff, line.id, { quantity: 1, deliveredOn: "2026-06-05" });
    return (await user.post(`/api/v1/work/deliveries/${d.id}/review`, { outcome: "pass", version: d.version }))
      .statusCode;
  },
  extend: async (user) => {
    const line = await assign(manager, periodId, {
      catalogItemId: items["DC.01"]!,
      quantity: 1,
      deadline: "2026-06-10",
    });
    return (
      await user.post(`/api/v1/work/assignments/${line.id}/extension`, {
        version: line.version,
        newDeadline: "2026-06-12",
        reason: "Gia hạn",
      })
    ).statusCode;
  },
  board: async (user) => (await user.get(`/api/v1/work/periods/${periodId}/board?unitId=na-kt`)).statusCode,
  readEvaluation: async (user) =>
    (await user.get(`/api/v1/work/periods/${periodId}/people/p-na-12/evaluation`)).statusCode,
};

const table: [user: string, expected: Record<keyof typeof actions, number>][] = [
  ["staff", { assign: 403, review: 403, extend: 403, board: 403, readEvaluation: 200 }],
  ["manager", { assign: 200, review: 200, extend: 200, board: 200, readEvaluation: 200 }],
  ["head", { assign: 200, review: 200, extend: 200, board: 200, readEvaluation: 200 }],
  ["hr", { assign: 200, review: 200, extend: 200, board: 200, readEvaluation: 200 }],
  ["appraiser", { assign: 403, review: 403, extend: 403, board: 403, readEvaluation: 403 }],
  ["council", { assign: 403, review: 403, extend: 403, board: 403, readEvaluation: 403 }],
];

describe("permissions on a staff member's work", () => {
  for (const [username, expected] of table) {
    it(`${username}: ${JSON.stringify(expected)}`, async () => {
      const user = username === "manager" ? manager : username === "staff" ? staff : await signIn(t, username);
      const got: Record<string, number> = {};
      for (const [name, action] of Object.entries(actions)) got[name] = await action(user);
      expect(got).toEqual(expected);
    });
  }

  it("a manager sees only their own division's board; nobody reviews their own delivery", async () => {
    expect((await manager.get(`/api/v1/work/periods/${periodId}/board?unitId=na-vp`)).statusCode).toBe(403);
    const head = await signIn(t, "head");
    const own = await assign(head, periodId, { catalogItemId: items["DC.01"]!, quantity: 1, personId: "p-na-10" });
    const d = await deliver(manager, own.id, { quantity: 1, deliveredOn: "2026-06-05" });
    const self = await manager.post(`/api/v1/work/deliveries/${d.id}/review`, { outcome: "pass", version: d.version });
    expect(self.statusCode).toBe(403);
    expect(
      (await head.post(`/api/v1/work/deliveries/${d.id}/review`, { outcome: "pass", version: d.version })).statusCode,
    ).toBe(200);
  });
});
