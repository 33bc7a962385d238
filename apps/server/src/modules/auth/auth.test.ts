import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { createTestApp, type TestApp } from "../../test/harness.ts";
import { loginPolicy } from "./service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("login", () => {
  it("opens a server-side session with an HttpOnly, SameSite=Lax cookie and a CSRF token", async () => {
    const res = await t.anonymous.post("/api/v1/auth/login", { username: "hr", password: "ThuocDo@2026" });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^td_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const body = res.json();
    expect(body.user.displayName).toBe("Lê Thị Thu Hà");
    expect(body.grants.map((g: { role: string; orgUnitName: string }) => `${g.role}@${g.orgUnitName}`)).toEqual(
      expect.arrayContaining(["hr@UBND xã Nguyệt An"]),
    );
    expect(body.csrfToken).toHaveLength(43);
  });

  it("marks the cookie Secure when served over HTTPS (behind a TLS-terminating proxy)", async () => {
    const behindProxy = await buildApp({ deps: t.deps, trustProxy: true });
    const res = await behindProxy.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json", "x-csrf-token": "login", "x-forwarded-proto": "https" },
      payload: { username: "staff", password: "ThuocDo@2026" },
    });
    await behindProxy.close();
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["set-cookie"])).toContain("Secure");
  });

  it("refuses a wrong password in Vietnamese without saying which part was wrong", async () => {
    const res = await t.anonymous.post("/api/v1/auth/login", { username: "head", password: "sai-mat-khau-1" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: "LOGIN_FAILED", message: "Tên đăng nhập hoặc mật khẩu không đúng." });
    const unknown = await t.anonymous.post("/api/v1/auth/login", { username: "khong-ton-tai", password: "x" });
    expect(unknown.json().code).toBe("LOGIN_FAILED");
  });

  it(`locks the account after ${loginPolicy.maxFailedAttempts} failures, even for the right password`, async () => {
    for (let i = 0; i < loginPolicy.maxFailedAttempts - 1; i++) {
      const res = await t.anonymous.post("/api/v1/auth/login", { username: "council", password: `sai-${i}` });
      expect(res.json().code).toBe("LOGIN_FAILED");
    }
    const last = await t.anonymous.post("/api/v1/auth/login", { username: "council", password: "sai-cuoi" });
    expect(last.statusCode).toBe(423);
    expect(last.json().code).toBe("ACCOUNT_LOCKED");
    const right = await t.anonymous.post("/api/v1/auth/login", { username: "council", password: "ThuocDo@2026" });
    expect(right.json()).toMatchObject({ code: "ACCOUNT_LOCKED", message: expect.stringContaining("tạm bị khóa") });
  });

  it("rate-limits one address that keeps failing, across usernames", async () => {
    const ip = "10.9.8.7";
    let last = 0;
    for (let i = 0; i <= loginPolicy.ipFailureLimit; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: ip,
        headers: { "content-type": "application/json", "x-csrf-token": "login" },
        payload: { username: `nobody${i}`, password: "x" },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });
});

describe("session", () => {
  it("answers 401 in Vietnamese without a session", async () => {
    const res = await t.anonymous.get("/api/v1/auth/session");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("đăng nhập") });
  });

  it("requires the session's CSRF token on unsafe methods", async () => {
    const staff = await t.as("staff");
    const forged = await staff.request("POST", "/api/v1/auth/logout", {}, { "x-csrf-token": "forged" });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe("CSRF_INVALID");
    const crossSite = await staff.request("POST", "/api/v1/auth/logout", {}, { origin: "https://evil.example" });
    expect(crossSite.json().code).toBe("CSRF_INVALID");
    const missing = await t.anonymous.request(
      "POST",
      "/api/v1/auth/login",
      { username: "a", password: "b" },
      { "x-csrf-token": "" },
    );
    expect(missing.json().code).toBe("CSRF_INVALID");
    const still = await staff.get("/api/v1/auth/session");
    expect(still.statusCode).toBe(200);
  });

  it("keeps a session on the app's clock, even when the database's clock is a month behind", async () => {
    // Idle expiry once came from the database's `now()` at creation: with the app's clock ahead
    // (a replayed month-end), the first touch set an expiry already past and the next call was 401.
    const ahead = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const later = await createTestApp({ now: () => new Date(ahead.getTime() + 20 * 60 * 1000) });
    try {
      const staff = await later.as("staff");
      expect((await staff.get("/api/v1/auth/session")).statusCode).toBe(200);
      expect((await staff.get("/api/v1/auth/session")).statusCode).toBe(200);
    } finally {
      await later.close();
    }
  });

  it("reads the sessions of requests that arrive together at once, each answered as its own user", async () => {
    const clients = await Promise.all(["hr", "staff", "manager", "head"].map((u) => t.as(u)));
    const gone = await t.as("appraiser");
    expect((await gone.post("/api/v1/auth/logout")).statusCode).toBe(200);
    const callers = Array.from({ length: 24 }, (_, i) => (i % 5 === 4 ? gone : clients[i % 5]!));
    const answers = await Promise.all(callers.map((c) => c.get("/api/v1/auth/session")));
    expect(answers.map((res) => (res.statusCode === 200 ? res.json().user.username : res.statusCode))).toEqual(
      callers.map((_, i) => (i % 5 === 4 ? 401 : ["hr", "staff", "manager", "head"][i % 5])),
    );
  });

  it("logs out by deleting the server-side session", async () => {
    const staff = await t.as("staff");
    expect((await staff.post("/api/v1/auth/logout")).statusCode).toBe(200);
    expect((await staff.get("/api/v1/auth/session")).statusCode).toBe(401);
  });
});

describe("change password", () => {
  it("checks the current password, enforces the policy, and keeps the new one", async () => {
    const manager = await t.as("manager");
    const wrong = await manager.post("/api/v1/auth/password", {
      currentPassword: "nope",
      newPassword: "MatKhauMoi123",
    });
    expect(wrong.json()).toMatchObject({ code: "WRONG_PASSWORD", message: "Mật khẩu hiện tại không đúng." });
    const weak = await manager.post("/api/v1/auth/password", {
      currentPassword: "ThuocDo@2026",
      newPassword: "abcdefgh",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.issues[0]).toEqual({
      path: ["body", "newPassword"],
      message: "Mật khẩu cần ít nhất 8 ký tự, gồm cả chữ và số.",
    });
    const ok = await manager.post("/api/v1/auth/password", {
      currentPassword: "ThuocDo@2026",
      newPassword: "MatKhauMoi123",
    });
    expect(ok.statusCode).toBe(200);
    expect((await manager.get("/api/v1/auth/session")).statusCode).toBe(200);
    await expect(t.as("manager")).rejects.toThrow(/401/);
    await expect(t.as("manager", "MatKhauMoi123")).resolves.toBeTruthy();
  });
});
