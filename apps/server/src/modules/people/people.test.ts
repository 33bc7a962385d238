import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("people", () => {
  it("lists the agency's people for hr, leaders first within each unit", async () => {
    const hr = await t.as("hr");
    const page = (await hr.get("/api/v1/org/people?pageSize=100")).json();
    expect(page.total).toBe(27);
    const kt = page.items.filter((p: { unitId: string }) => p.unitId === "na-kt");
    expect(kt.map((p: { leaderRole: string }) => p.leaderRole).slice(0, 3)).toEqual(["head", "deputy", "none"]);
  });

  it("sorts by a chosen column across pages, and reads includeInactive=false as false", async () => {
    const hr = await t.as("hr");
    const codes = async (order: string) =>
      (await hr.get(`/api/v1/org/people?sort=employeeCode&order=${order}&pageSize=3`))
        .json()
        .items.map((p: { employeeCode: string }) => p.employeeCode);
    expect(await codes("asc")).toEqual(["NA-01", "NA-02", "NA-03"]);
    expect(await codes("desc")).toEqual(["NA-27", "NA-26", "NA-25"]);
    const off = (await hr.get("/api/v1/org/people?includeInactive=false&pageSize=1")).json();
    const on = (await hr.get("/api/v1/org/people?includeInactive=true&pageSize=1")).json();
    expect(off.total).toBe(on.total);
  });

  it("finds people with or without diacritics", async () => {
    const hr = await t.as("hr");
    const folded = (await hr.get("/api/v1/org/people?q=trinh%20dang%20cuong")).json();
    const accented = (await hr.get(`/api/v1/org/people?q=${encodeURIComponent("Trịnh Đăng")}`)).json();
    expect(folded.items.map((p: { fullName: string }) => p.fullName)).toEqual(["Trịnh Đăng Cường"]);
    expect(accented.items.map((p: { fullName: string }) => p.fullName)).toEqual(["Trịnh Đăng Cường"]);
  });

  it("limits a manager to their division and a staff member to themselves", async () => {
    const manager = await t.as("manager");
    const mine = (await manager.get("/api/v1/org/people")).json();
    expect(mine.total).toBe(7);
    expect((await manager.get("/api/v1/org/people?unitId=na-vhxh")).statusCode).toBe(403);
    expect((await manager.get("/api/v1/org/people/p-na-17")).statusCode).toBe(403);

    const staff = await t.as("staff");
    expect((await staff.get("/api/v1/org/people/p-na-12")).json().fullName).toBe("Nguyễn Văn Đức");
    expect((await staff.get("/api/v1/org/people/p-na-13")).statusCode).toBe(403);
    expect((await staff.get("/api/v1/org/people")).statusCode).toBe(403);
  });

  it("creates and edits a person with audit, checking the position belongs to the agency", async () => {
    const hr = await t.as("hr");
    const wrongPosition = await hr.post("/api/v1/org/people", {
      fullName: "Nguyễn Thị Mới",
      unitId: "na-kt",
      positionId: "pos-so-noi-vu-ccvc",
    });
    expect(wrongPosition.statusCode).toBe(400);
    expect(wrongPosition.json().details.issues[0].message).toBe(
      "Vị trí việc làm không thuộc cơ quan của đơn vị đã chọn.",
    );

    const created = await hr.post("/api/v1/org/people", {
      employeeCode: "NA-99",
      fullName: "Nguyễn Thị Mới",
      unitId: "na-kt",
      positionId: "pos-nguyet-an-kt-nn",
      email: "moi@nguyetan.gov.vn",
    });
    expect(created.statusCode).toBe(200);
    const person = created.json();
    expect(person).toMatchObject({
      agencyId: "nguyet-an",
      unitName: "Phòng Kinh tế",
      positionName: "Nông nghiệp và phát triển nông thôn",
      leaderRole: "none",
    });

    const moved = await hr.patch(`/api/v1/org/people/${person.id}`, {
      version: 1,
      unitId: "na-vhxh",
      positionId: null,
      leaderRole: "deputy",
    });
    expect(moved.json()).toMatchObject({ unitName: "Phòng Văn hóa – Xã hội", leaderRole: "deputy", version: 2 });

    const dupCode = await hr.post("/api/v1/org/people", {
      employeeCode: "NA-99",
      fullName: "Người khác",
      unitId: "na-kt",
    });
    expect(dupCode.json().code).toBe("DUPLICATE");

    const audit = (await hr.get(`/api/v1/audit?entity=person&entityId=${person.id}`)).json();
    expect(audit.items[0]).toMatchObject({
      action: "update",
      before: { unitId: "na-kt" },
      after: { unitId: "na-vhxh", leaderRole: "deputy" },
    });
  });

  it("exports the filtered list as XLSX", async () => {
    const hr = await t.as("hr");
    const res = await hr.get("/api/v1/org/people/export?unitId=na-kt");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});
