import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const names = (units: { name: string }[]) => units.map((u) => u.name);

describe("org tree", () => {
  it("shows each user their subtree plus its spine, never a sibling subtree", async () => {
    const manager = await t.as("manager");
    const seen = names((await manager.get("/api/v1/org/units")).json());
    expect(seen).toEqual(["UBND tỉnh Thanh Hóa", "UBND xã Nguyệt An", "Phòng Kinh tế"]);
    const hrTinh = await t.as("hr.tinh");
    expect((await hrTinh.get("/api/v1/org/units")).json()).toHaveLength(15);
  });

  it("lets hr add, rename and delete a division, writing an audit row for each change", async () => {
    const hr = await t.as("hr");
    const created = await hr.post("/api/v1/org/units", {
      parentId: "nguyet-an",
      kind: "division",
      name: "Phòng Thử nghiệm",
      code: "NA-TN",
    });
    expect(created.statusCode).toBe(200);
    const unit = created.json();
    expect(unit).toMatchObject({ parentId: "nguyet-an", kind: "division", name: "Phòng Thử nghiệm", version: 1 });

    const renamed = await hr.patch(`/api/v1/org/units/${unit.id}`, { version: 1, name: "Phòng Chuyển đổi số" });
    expect(renamed.json()).toMatchObject({ name: "Phòng Chuyển đổi số", version: 2 });

    const stale = await hr.patch(`/api/v1/org/units/${unit.id}`, { version: 1, name: "Tên cũ" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "CONFLICT", details: { currentVersion: 2 } });

    expect((await hr.delete(`/api/v1/org/units/${unit.id}`)).statusCode).toBe(200);

    const audit = (await hr.get(`/api/v1/audit?entity=org_unit&entityId=${unit.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(["delete", "update", "create"]);
    expect(audit.items[1]).toMatchObject({
      actorName: "Lê Thị Thu Hà",
      before: { name: "Phòng Thử nghiệm" },
      after: { name: "Phòng Chuyển đổi số" },
    });
  });

  it("refuses to delete a unit that still has people, naming what is in use", async () => {
    const hr = await t.as("hr");
    const res = await hr.delete("/api/v1/org/units/na-kt");
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "IN_USE", details: { people: 7 } });
  });

  it("refuses a kind that cannot sit under the parent, and duplicate sibling names", async () => {
    const hr = await t.as("hr");
    const wrongKind = await hr.post("/api/v1/org/units", { parentId: "na-kt", kind: "division", name: "Tổ con" });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().details.issues[0].message).toBe("Loại đơn vị không phù hợp với đơn vị cấp trên.");
    const dup = await hr.post("/api/v1/org/units", { parentId: "nguyet-an", kind: "division", name: "phòng kinh tế" });
    expect(dup.json().code).toBe("DUPLICATE");
  });

  it("keeps hr of one agency out of another agency", async () => {
    const hr = await t.as("hr");
    const res = await hr.post("/api/v1/org/units", { parentId: "so-noi-vu", kind: "division", name: "Phòng Lạ" });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("FORBIDDEN");
  });

  it("moves a subtree and rewrites the scope paths below it", async () => {
    const hrTinh = await t.as("hr.tinh");
    const team = (
      await hrTinh.post("/api/v1/org/units", { parentId: "so-tu-phap", kind: "division", name: "Phòng Bổ trợ tư pháp" })
    ).json();
    const moved = await hrTinh.patch(`/api/v1/org/units/${team.id}`, { version: 1, parentId: "so-tai-chinh" });
    expect(moved.json()).toMatchObject({ parentId: "so-tai-chinh" });
    const into = await hrTinh.patch("/api/v1/org/units/so-tai-chinh", { version: 1, parentId: team.id });
    expect(into.statusCode).toBe(400);
  });
});

describe("positions", () => {
  it("lists an agency's positions for its managers and lets hr manage them", async () => {
    const manager = await t.as("manager");
    const list = (await manager.get("/api/v1/org/positions?agencyId=nguyet-an")).json();
    expect(list).toHaveLength(16);
    expect(
      (await manager.post("/api/v1/org/positions", { agencyId: "nguyet-an", code: "X", name: "Y" })).statusCode,
    ).toBe(403);

    const hr = await t.as("hr");
    const created = (
      await hr.post("/api/v1/org/positions", { agencyId: "nguyet-an", code: "VH-TDTT", name: "Thể dục thể thao" })
    ).json();
    expect(created).toMatchObject({ code: "VH-TDTT", version: 1 });
    const dup = await hr.post("/api/v1/org/positions", { agencyId: "nguyet-an", code: "vh-tdtt", name: "Trùng" });
    expect(dup.json().code).toBe("DUPLICATE");
    const inUse = await hr.delete("/api/v1/org/positions/pos-nguyet-an-kt-tc");
    expect(inUse.json()).toMatchObject({ code: "IN_USE", details: { people: 2 } });
    expect((await hr.delete(`/api/v1/org/positions/${created.id}`)).statusCode).toBe(200);
  });
});
