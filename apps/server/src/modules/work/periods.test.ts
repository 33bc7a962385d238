import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../test/harness.ts";
import { createCycleApp, seedCatalog, signIn } from "../../test/work-fixtures.ts";

let t: TestApp;
let hr: Client;
beforeAll(async () => {
  ({ t } = await createCycleApp("2026-06-01"));
  await seedCatalog(t);
  hr = await signIn(t, "hr");
});
afterAll(() => t.close());

describe("periods and agency settings", () => {
  it("runs on the defaults until saved: monthly, 25th / 28th / 5th of the next month", async () => {
    const res = await hr.get("/api/v1/work/settings/nguyet-an");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      periodKind: "month",
      selfEvaluationDay: 25,
      reviewDay: 28,
      lockDay: 5,
      headConfirmRequired: false,
      version: 0,
    });
  });

  it("hr opens a month with its deadlines, the catalog in force and the rule-set version", async () => {
    const res = await hr.post("/api/v1/work/periods", { agencyId: "nguyet-an", year: 2026, number: 12 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: "month",
      label: "Tháng 12/2026",
      startsOn: "2026-12-01",
      endsOn: "2026-12-31",
      selfEvaluationDue: "2026-12-25",
      reviewDue: "2026-12-28",
      lockDue: "2027-01-05",
      catalogId: "cat-nguyet-an",
      ruleSetVersion: "nd335-2026.1",
      status: "open",
    });
    const again = await hr.post("/api/v1/work/periods", { agencyId: "nguyet-an", year: 2026, number: 12 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "DUPLICATE", details: { issues: [{ message: "Kỳ này đã được mở." }] } });
  });

  it("February's review day is clamped to the month's end", async () => {
    const res = await hr.post("/api/v1/work/periods", { agencyId: "nguyet-an", year: 2027, number: 2 });
    expect(res.json()).toMatchObject({ endsOn: "2027-02-28", reviewDue: "2027-02-28", lockDue: "2027-03-05" });
  });

  it("only hr or the head of the agency opens periods", async () => {
    for (const name of ["staff", "manager", "hr.tinh"]) {
      const user = await signIn(t, name);
      const res = await user.post("/api/v1/work/periods", { agencyId: "nguyet-an", year: 2026, number: 7 });
      // hr.tinh holds hr over the whole province, so it may; staff and manager may not.
      expect(res.statusCode).toBe(name === "hr.tinh" ? 200 : 403);
    }
    const other = await hr.post("/api/v1/work/periods", { agencyId: "so-noi-vu", year: 2026, number: 7 });
    expect(other.statusCode).toBe(403);
  });

  it("lists the agency's periods, newest first, filterable by year", async () => {
    const res = await hr.get("/api/v1/work/periods?agencyId=nguyet-an&year=2026");
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.items.map((p: { label: string }) => p.label)).toEqual(["Tháng 12/2026", "Tháng 7/2026"]);
    expect(list.total).toBe(2);
    const staffView = await (await signIn(t, "staff")).get("/api/v1/work/periods?agencyId=nguyet-an");
    expect(staffView.json().total).toBe(3);
  });

  it("a quarterly agency opens quarters; deadlines fall in the quarter's last month", async () => {
    const stale = await hr.request("PUT", "/api/v1/work/settings/nguyet-an", { version: 3, periodKind: "quarter" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual({ currentVersion: 0 });
    const saved = await hr.request("PUT", "/api/v1/work/settings/nguyet-an", {
      version: 0,
      periodKind: "quarter",
      headConfirmRequired: true,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ periodKind: "quarter", headConfirmRequired: true, version: 1 });
    const q2 = await hr.post("/api/v1/work/periods", { agencyId: "nguyet-an", year: 2026, number: 2 });
    expect(q2.statusCode).toBe(200);
    expect(q2.json()).toMatchObject({
      kind: "quarter",
      label: "Quý II/2026",
      startsOn: "2026-04-01",
      endsOn: "2026-06-30",
      selfEvaluationDue: "2026-06-25",
      reviewDue: "2026-06-28",
      lockDue: "2026-07-05",
    });
    const q5 = await hr.post("/api/v1/work/periods", { agencyId: "nguyet-an", year: 2026, number: 5 });
    expect(q5.statusCode).toBe(400);
    expect(q5.json().details.issues[0].message).toBe("Cơ quan đánh giá theo quý: số kỳ chỉ từ 1 đến 4.");
    const staff = await signIn(t, "staff");
    expect((await staff.request("PUT", "/api/v1/work/settings/nguyet-an", { version: 1, lockDay: 7 })).statusCode).toBe(
      403,
    );
  });
});
