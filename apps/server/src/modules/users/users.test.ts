import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as("admin");
});
afterAll(() => t.close());

describe("user administration", () => {
  it("lists every demo login with its scoped grants", async () => {
    const users = (await admin.get("/api/v1/admin/users")).json();
    expect(users.map((u: { username: string }) => u.username)).toEqual([
      "admin",
      "appraiser",
      "council",
      "head",
      "hr",
      "hr.tinh",
      "manager",
      "staff",
    ]);
    const manager = users.find((u: { username: string }) => u.username === "manager");
    expect(
      manager.grants.map((g: { role: string; orgUnitName: string }) => `${g.role}@${g.orgUnitName}`).sort(),
    ).toEqual(["manager@Phòng Kinh tế", "staff@Phòng Kinh tế"]);
  });

  it("creates a user who must change the initial password, grants a scoped role, and the role works", async () => {
    const created = await admin.post("/api/v1/admin/users", {
      username: "Tran.Quang",
      displayName: "Trịnh Văn Quang",
      personId: "p-na-15",
      password: "KhoiTao2026",
    });
    expect(created.statusCode).toBe(200);
    const user = created.json();
    expect(user).toMatchObject({ username: "tran.quang", grants: [], active: true });

    const grant = await admin.post(`/api/v1/admin/users/${user.id}/grants`, { role: "manager", orgUnitId: "na-vhxh" });
    expect(grant.json()).toMatchObject({ role: "manager", orgUnitName: "Phòng Văn hóa – Xã hội" });
    const dup = await admin.post(`/api/v1/admin/users/${user.id}/grants`, { role: "manager", orgUnitId: "na-vhxh" });
    expect(dup.json().code).toBe("DUPLICATE");

    const quang = await t.as("tran.quang", "KhoiTao2026");
    const session = (await quang.get("/api/v1/auth/session")).json();
    expect(session.user.mustChangePassword).toBe(true);
    expect((await quang.get("/api/v1/org/people?unitId=na-vhxh")).statusCode).toBe(200);
    expect((await quang.get("/api/v1/org/people?unitId=na-kt")).statusCode).toBe(403);

    expect((await admin.delete(`/api/v1/admin/grants/${grant.json().id}`)).statusCode).toBe(200);
    expect((await quang.get("/api/v1/org/people?unitId=na-vhxh")).statusCode).toBe(403);

    const audit = (await admin.get("/api/v1/audit?entity=grant")).json();
    expect(audit.items.slice(0, 2).map((a: { action: string }) => a.action)).toEqual(["revoke", "grant"]);
  });

  it("deactivating a user ends their sessions; resetting a password forces a change", async () => {
    const staff = await t.as("staff");
    const users = (await admin.get("/api/v1/admin/users")).json();
    const target = users.find((u: { username: string }) => u.username === "staff");
    const off = await admin.patch(`/api/v1/admin/users/${target.id}`, { version: target.version, active: false });
    expect(off.json().active).toBe(false);
    expect((await staff.get("/api/v1/auth/session")).statusCode).toBe(401);
    await expect(t.as("staff")).rejects.toThrow(/401/);

    const on = await admin.patch(`/api/v1/admin/users/${target.id}`, { version: off.json().version, active: true });
    expect(on.json().active).toBe(true);
    expect(
      (await admin.post(`/api/v1/admin/users/${target.id}/password`, { password: "DatLai2026x" })).statusCode,
    ).toBe(200);
    const again = await t.as("staff", "DatLai2026x");
    expect((await again.get("/api/v1/auth/session")).json().user.mustChangePassword).toBe(true);
  });

  it("refuses duplicate usernames, weak passwords, and an admin revoking their own admin role", async () => {
    const dup = await admin.post("/api/v1/admin/users", { username: "hr", displayName: "X", password: "MatKhau2026" });
    expect(dup.json().code).toBe("DUPLICATE");
    const weak = await admin.post("/api/v1/admin/users", { username: "moi", displayName: "X", password: "123" });
    expect(weak.statusCode).toBe(400);
    const self = (await admin.get("/api/v1/auth/session")).json().grants[0];
    const res = await admin.delete(`/api/v1/admin/grants/${self.id}`);
    expect(res.statusCode).toBe(403);
  });

  it("a locked account can be unlocked by an admin", async () => {
    for (let i = 0; i < 5; i++)
      await t.anonymous.post("/api/v1/auth/login", { username: "appraiser", password: `sai${i}` });
    const users = (await admin.get("/api/v1/admin/users")).json();
    const target = users.find((u: { username: string }) => u.username === "appraiser");
    expect(target.lockedUntil).not.toBeNull();
    await admin.patch(`/api/v1/admin/users/${target.id}`, { version: target.version, unlock: true });
    await expect(t.as("appraiser")).resolves.toBeTruthy();
  });
});
