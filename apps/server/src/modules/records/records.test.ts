import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluations, orgUnits, people, periods } from "../../db/schema.ts";
import { type Client, createTestApp, type TestApp } from "../../test/harness.ts";

/**
 * Records that decide a year: a transfer brings the old agency's months (Art. 19.1), a
 * discipline counts in its effective year unless moved with a reason (Art. 11.3), leave months,
 * and the working-day calendar hr corrects.
 */

let t: TestApp;
let hr: Client;
const YEAR = 2026;
const pad = (n: number) => String(n).padStart(2, "0");

async function seed() {
  const db = t.deps.db;
  await db.insert(orgUnits).values([
    { id: "xa-a", parentId: "thanh-hoa", kind: "commune", name: "UBND xã A", path: "/thanh-hoa/xa-a/" },
    { id: "xa-a-vp", parentId: "xa-a", kind: "division", name: "Văn phòng A", path: "/thanh-hoa/xa-a/xa-a-vp/" },
    { id: "xa-b", parentId: "thanh-hoa", kind: "commune", name: "UBND xã B", path: "/thanh-hoa/xa-b/" },
    { id: "xa-b-vp", parentId: "xa-b", kind: "division", name: "Văn phòng B", path: "/thanh-hoa/xa-b/xa-b-vp/" },
  ]);
  await db.insert(people).values({
    id: "mover",
    fullName: "Lê Văn Chuyển",
    searchText: "le van chuyen",
    unitId: "xa-a-vp",
    agencyId: "xa-a",
  });
  const period = (agency: string, month: number) => ({
    id: `${agency}-${month}`,
    agencyId: agency,
    kind: "month",
    year: YEAR,
    number: month,
    startsOn: `${YEAR}-${pad(month)}-01`,
    endsOn: `${YEAR}-${pad(month)}-28`,
    selfEvaluationDue: `${YEAR}-${pad(month)}-25`,
    reviewDue: `${YEAR}-${pad(month)}-28`,
    lockDue: `${YEAR}-${pad(month)}-28`,
    ruleSetVersion: "nd335-2026.1",
    status: "locked",
  });
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  await db.insert(periods).values(months.map((m) => period(m <= 6 ? "xa-a" : "xa-b", m)));
  await db.insert(evaluations).values(
    months.map((m) => ({
      id: `mover-${m}`,
      periodId: `${m <= 6 ? "xa-a" : "xa-b"}-${m}`,
      personId: "mover",
      unitId: m <= 6 ? "xa-a-vp" : "xa-b-vp",
      status: "confirmed",
      total: m <= 6 ? "80" : "90",
    })),
  );
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date("2026-03-02T02:00:00Z") });
  await seed();
  hr = await t.as("hr.tinh");
}, 60_000);
afterAll(() => t.close());

describe("transfers (Art. 19.1)", () => {
  it("moves the person; the new agency classifies reading the old agency's months", async () => {
    const res = await hr.post("/api/v1/year/transfers", {
      personId: "mover",
      toUnitId: "xa-b-vp",
      effectiveOn: "2026-07-01",
      documentNumber: "88/QĐ-UBND",
      documentDate: "2026-06-25",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fromAgencyId: "xa-a", toAgencyId: "xa-b", toUnitName: "Văn phòng B" });

    const b = (await hr.post("/api/v1/year/classifications", { agencyId: "xa-b", year: YEAR })).json();
    const row = (await hr.get(`/api/v1/year/classifications/${b.id}/people`)).json().items[0];
    expect(row).toMatchObject({ personId: "mover", monthsCounted: 12, average: 85, yearLevel: "good" });
    expect(row.months[0]).toMatchObject({ month: 1, score: 80, agencyId: "xa-a" });
    expect(row.months[11]).toMatchObject({ month: 12, score: 90, agencyId: "xa-b" });
    expect(row.transferredFrom).toEqual([{ agencyId: "xa-a", agencyName: "UBND xã A", effectiveOn: "2026-07-01" }]);

    const a = (await hr.post("/api/v1/year/classifications", { agencyId: "xa-a", year: YEAR })).json();
    expect((await hr.get(`/api/v1/year/classifications/${a.id}/people`)).json().total).toBe(0);
    expect((await hr.get("/api/v1/year/transfers?agencyId=xa-a")).json().total).toBe(1);
  });
});

describe("records (Art. 11.3, 20.4)", () => {
  const base = {
    personId: "mover",
    kind: "discipline",
    form: "canh_cao",
    publicDuty: true,
    effectiveOn: "2027-01-10",
    documentNumber: "3/QĐ-KL",
    documentDate: "2027-01-10",
  };

  it("counts in the effective year by default; another year needs a reason", async () => {
    const noReason = await hr.post("/api/v1/year/records", { ...base, countsInYear: 2026 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: "REASON_REQUIRED", message: "Thao tác này cần ghi rõ lý do." });
    const moved = await hr.post("/api/v1/year/records", {
      ...base,
      countsInYear: 2026,
      countsInYearReason: "Hành vi vi phạm xảy ra năm 2026, đã có quyết định kỷ luật của Đảng năm 2026.",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ countsInYear: 2026, form: "canh_cao", agencyName: "UBND xã B" });
    expect((await hr.get("/api/v1/year/records?year=2026&personId=mover")).json().total).toBe(1);
  });

  it("a discipline without a form is refused with nothing written", async () => {
    const res = await hr.post("/api/v1/year/records", { ...base, form: null });
    expect(res.statusCode).toBe(400);
    expect((await hr.get("/api/v1/year/records?personId=mover")).json().total).toBe(1);
  });

  it("forces not completed in the year it counts in, the score kept visible", async () => {
    const list = (await hr.get("/api/v1/year/classifications?agencyId=xa-b")).json();
    const row = (await hr.get(`/api/v1/year/classifications/${list.items[0].id}/people`)).json().items[0];
    expect(row).toMatchObject({ average: 85, yearLevel: "not_completed" });
    expect(row.reasons.map((r: { rule: string }) => r.rule)).toEqual(["threshold", "discipline"]);
  });

  it("leave months are replaced as a whole and validated", async () => {
    const dup = await hr.request("PUT", "/api/v1/year/leave", {
      personId: "mover",
      year: YEAR,
      months: [
        { month: 3, kind: "sick" },
        { month: 3, kind: "unpaid" },
      ],
    });
    expect(dup.statusCode).toBe(400);
    const ok = await hr.request("PUT", "/api/v1/year/leave", {
      personId: "mover",
      year: YEAR,
      months: [{ month: 3, kind: "sick" }],
    });
    expect(ok.json()).toMatchObject({ months: [{ month: 3, kind: "sick", note: null }] });
    expect(
      (await (await t.as("staff")).request("PUT", "/api/v1/year/leave", { personId: "mover", year: YEAR, months: [] }))
        .statusCode,
    ).toBe(403);
  });
});

describe("the working-day calendar (Art. 22)", () => {
  it("serves the built-in 2026 calendar and computes due dates across Tết", async () => {
    const days = (await hr.get("/api/v1/year/holidays?year=2026")).json();
    expect(days.filter((d: { kind: string }) => d.kind === "tet")).toHaveLength(9);
    expect(days[0]).toMatchObject({ date: "2026-01-01", source: "builtin" });
    const due = (await hr.get("/api/v1/year/holidays/due-date?from=2026-02-12")).json();
    expect(due).toMatchObject({ dueOn: "2026-03-02", days: 7 });
  });

  it("hr corrects a year; due dates follow the corrected data", async () => {
    const corrected = await hr.request("PUT", "/api/v1/year/holidays/2026", {
      days: [{ date: "2026-03-03", name: "Ngày nghỉ bổ sung", kind: "holiday" }],
      reason: "Thử nghiệm lịch sửa.",
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toEqual([
      { date: "2026-03-03", name: "Ngày nghỉ bổ sung", kind: "holiday", source: "custom" },
    ]);
    expect((await hr.get("/api/v1/year/holidays/due-date?from=2026-03-02&days=1")).json().dueOn).toBe("2026-03-04");
    const wrong = await hr.request("PUT", "/api/v1/year/holidays/2026", {
      days: [{ date: "2027-01-01", name: "x", kind: "holiday" }],
      reason: "x",
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      (await (await t.as("staff")).request("PUT", "/api/v1/year/holidays/2026", { days: [], reason: "x" })).statusCode,
    ).toBe(403);
  });
});
