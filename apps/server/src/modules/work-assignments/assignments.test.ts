import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../test/harness.ts";
import { assign, createCycleApp, deliver, openPeriod, seedCatalog, signIn } from "../../test/work-fixtures.ts";

let t: TestApp;
let manager: Client;
let staff: Client;
let periodId: string;
let items: Record<string, string>;

beforeAll(async () => {
  ({ t } = await createCycleApp("2026-06-03"));
  items = await seedCatalog(t);
  manager = await signIn(t, "manager");
  staff = await signIn(t, "staff");
  periodId = (await openPeriod(await signIn(t, "hr"))).id;
});
afterAll(() => t.close());

const url = () => `/api/v1/work/periods/${periodId}/assignments`;

describe("assign (manager)", () => {
  it("snapshots the coefficient points ÷ standard points and counts the line in A", async () => {
    const line = await assign(manager, periodId, {
      catalogItemId: items["DC.05"]!,
      quantity: 2,
      deadline: "2026-06-20",
    });
    expect(line).toMatchObject({
      personId: "p-na-12",
      itemCode: "DC.05",
      itemName: "Báo cáo định kỳ",
      coefficient: 12,
      quantity: 2,
      converted: 24,
      source: "planned",
      deadline: "2026-06-20",
      remainingQuantity: 2,
      overdue: false,
    });
    const month = (await staff.get(`/api/v1/me/month?periodId=${periodId}`)).json();
    expect(month.summary.assignedConverted).toBe(24);
    expect(month.evaluation.score).toMatchObject({ state: "scored", generalSource: "none" });
  });

  it("ad-hoc work adds to the credits, not to A (Art. 18.1.d)", async () => {
    const line = await assign(manager, periodId, { catalogItemId: items["DC.27"]!, quantity: 4, source: "adhoc" });
    expect(line).toMatchObject({ source: "adhoc", coefficient: 1.6, converted: 6.4 });
    const board = (await manager.get(`/api/v1/work/periods/${periodId}/board`)).json();
    const row = board.items.find((r: { personId: string }) => r.personId === "p-na-12");
    expect(row).toMatchObject({ assignedConverted: 24, extraConverted: 6.4, lines: 2 });
  });

  it("bulk by position gives each holder in scope the line; by unit everyone but the manager", async () => {
    const byPosition = await manager.post(url(), {
      target: { kind: "position", positionId: "pos-nguyet-an-kt-tc" },
      catalogItemId: items["DC.01"]!,
      quantity: 5,
    });
    expect(byPosition.statusCode).toBe(200);
    expect(
      byPosition
        .json()
        .items.map((a: { personId: string }) => a.personId)
        .sort(),
    ).toEqual(["p-na-12", "p-na-13"]);
    const byUnit = await manager.post(url(), {
      target: { kind: "unit", unitId: "na-kt" },
      catalogItemId: items["DC.09"]!,
      quantity: 1,
    });
    expect(byUnit.statusCode).toBe(200);
    const people = byUnit.json().items.map((a: { personId: string }) => a.personId);
    expect(people).toHaveLength(6);
    expect(people).not.toContain("p-na-10");
  });

  it("the board shows each person's converted load beside the division's median", async () => {
    const board = (await manager.get(`/api/v1/work/periods/${periodId}/board`)).json();
    expect(board.unitId).toBe("na-kt");
    const loads = Object.fromEntries(
      board.items.map((r: { personId: string; assignedConverted: number }) => [r.personId, r.assignedConverted]),
    );
    expect(loads).toMatchObject({ "p-na-10": 0, "p-na-11": 9, "p-na-12": 38, "p-na-13": 14, "p-na-14": 9 });
    // Loads > 0: 9, 9, 9, 9, 14, 38 → median (9 + 9) / 2.
    expect(board.medianAssignedConverted).toBe(9);
    expect(board.totals.people).toBe(7);
  });

  it("splits a team product into shares whose converted total equals the product (Art. 18.1.b)", async () => {
    const bad = await manager.post(`/api/v1/work/periods/${periodId}/team-assignments`, {
      catalogItemId: items["DC.09"]!,
      quantity: 1,
      shares: [
        { personId: "p-na-12", quantity: 0.5 },
        { personId: "p-na-14", quantity: 0.4 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues[0].message).toBe(
      "Tổng quy đổi các phần (8,1000) phải bằng quy đổi của sản phẩm (9,0000).",
    );
    const good = await manager.post(`/api/v1/work/periods/${periodId}/team-assignments`, {
      catalogItemId: items["DC.09"]!,
      quantity: 1,
      shares: [
        { personId: "p-na-12", quantity: 0.6 },
        { personId: "p-na-14", quantity: 0.4 },
      ],
    });
    expect(good.statusCode).toBe(200);
    const shares = good.json().items;
    expect(shares.map((s: { converted: number }) => s.converted).sort()).toEqual([3.6, 5.4]);
    expect(new Set(shares.map((s: { teamGroupId: string }) => s.teamGroupId)).size).toBe(1);
  });

  it("hands back units: they stay in A and count as not done", async () => {
    const line = await assign(manager, periodId, { catalogItemId: items["DC.01"]!, quantity: 4, personId: "p-na-15" });
    const tooMany = await manager.post(`/api/v1/work/assignments/${line.id}/hand-back`, {
      version: line.version,
      quantity: 5,
      reason: "Chuyển cho đồng chí khác",
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().details.issues[0].message).toBe("Số lượng trả lại vượt phần chưa hoàn thành (4).");
    const res = await manager.post(`/api/v1/work/assignments/${line.id}/hand-back`, {
      version: line.version,
      quantity: 4,
      reason: "Chuyển cho đồng chí khác",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      handedBack: 4,
      remainingQuantity: 0,
      handedBackReason: "Chuyển cho đồng chí khác",
    });
    const ev = (await manager.get(`/api/v1/work/periods/${periodId}/people/p-na-15/evaluation`)).json();
    // A = 1·9 (DC.09) + 4·1 (handed back) = 13, nothing done: a = b = c = 0.
    expect(ev.score.result.explanation.assignedTotal).toBe(13);
    expect(ev.score.result.a).toBe(0);
  });

  it("refuses the manager outside their division, the staff, and assigning to oneself", async () => {
    const outside = await manager.post(url(), {
      target: { kind: "people", personIds: ["p-na-07"] },
      catalogItemId: items["DC.01"]!,
      quantity: 1,
    });
    expect(outside.statusCode).toBe(403);
    const byStaff = await staff.post(url(), {
      target: { kind: "people", personIds: ["p-na-13"] },
      catalogItemId: items["DC.01"]!,
      quantity: 1,
    });
    expect(byStaff.statusCode).toBe(403);
    const self = await manager.post(url(), {
      target: { kind: "people", personIds: ["p-na-10"] },
      catalogItemId: items["DC.01"]!,
      quantity: 1,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().details.issues[0].message).toBe(
      "Không tự giao nhiệm vụ cho chính mình; cấp trên trực tiếp giao.",
    );
    // The head of the commune assigns to the division's head.
    const head = await signIn(t, "head");
    const toHead = await head.post(url(), {
      target: { kind: "people", personIds: ["p-na-10"] },
      catalogItemId: items["DC.05"]!,
      quantity: 1,
    });
    expect(toHead.statusCode).toBe(200);
  });

  it("rejects an item outside the period's catalog, and a quantity below what is done", async () => {
    const wrong = await manager.post(url(), {
      target: { kind: "people", personIds: ["p-na-12"] },
      catalogItemId: "no-such-item",
      quantity: 1,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.issues[0].message).toBe("Sản phẩm không thuộc danh mục đang áp dụng cho kỳ này.");
    const line = await assign(manager, periodId, { catalogItemId: items["DC.01"]!, quantity: 3 });
    await deliver(staff, line.id, { quantity: 2, deliveredOn: "2026-06-03" });
    const shrink = await manager.patch(`/api/v1/work/assignments/${line.id}`, { version: line.version, quantity: 1 });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().details.issues[0].message).toBe(
      "Số lượng giao không được nhỏ hơn phần đã hoàn thành và đã trả lại (2).",
    );
    const del = await manager.delete(`/api/v1/work/assignments/${line.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe("IN_USE");
  });

  it("lists the period's lines in scope, filterable and paginated", async () => {
    const res = await manager.get(`${url()}?personId=p-na-12&sort=converted&order=desc&pageSize=2`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.items).toHaveLength(2);
    expect(page.items[0].converted).toBeGreaterThanOrEqual(page.items[1].converted);
  });
});
