import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journal } from "../db/migrate.ts";
import { type Client, createTestApp, type TestApp } from "./harness.ts";

/** Bad input never crashes and never half-writes: 4xx with `{code, message, details}` in Vietnamese. */
let t: TestApp;
let hr: Client;
beforeAll(async () => {
  t = await createTestApp();
  hr = await t.as("hr");
});
afterAll(() => t.close());

const unitCount = async () => (await hr.get("/api/v1/org/units")).json().length as number;

describe("bad input", () => {
  it("malformed JSON → 400 MALFORMED_JSON", async () => {
    const res = await hr.request("POST", "/api/v1/org/units", "{ parentId: ", { "content-type": "application/json" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: "MALFORMED_JSON", message: "Nội dung gửi lên không đúng định dạng JSON." });
  });

  it("wrong content type → 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const res = await hr.request("POST", "/api/v1/org/units", "name=x", { "content-type": "text/plain" });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("empty and overlong fields → 400 with a Vietnamese message per field", async () => {
    const before = await unitCount();
    const res = await hr.post("/api/v1/org/units", {
      parentId: "nguyet-an",
      kind: "division",
      name: "  ",
      code: "x".repeat(41),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra lại các trường được đánh dấu.",
      details: {
        issues: expect.arrayContaining([
          { path: ["body", "name"], message: "Không được để trống." },
          { path: ["body", "code"], message: "Tối đa 40 ký tự." },
        ]),
      },
    });
    expect(await unitCount()).toBe(before);
  });

  it("missing required field and wrong type", async () => {
    const res = await hr.post("/api/v1/org/people", { unitId: "na-kt", leaderRole: "boss" });
    expect(res.json().details.issues).toEqual(
      expect.arrayContaining([
        { path: ["body", "fullName"], message: "Trường này là bắt buộc." },
        { path: ["body", "leaderRole"], message: "Giá trị không nằm trong danh sách cho phép." },
      ]),
    );
  });

  it("unknown ids → 404 NOT_FOUND", async () => {
    const res = await hr.patch("/api/v1/org/units/khong-co", { version: 1, name: "X" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "NOT_FOUND", message: "Không tìm thấy dữ liệu yêu cầu." });
    expect((await hr.get("/api/v1/org/people/khong-co")).statusCode).toBe(404);
    expect((await hr.get("/api/v1/khong-co-duong-dan")).json().code).toBe("NOT_FOUND");
  });

  it("an oversized body → 413", async () => {
    const res = await hr.post("/api/v1/org/units", {
      parentId: "nguyet-an",
      kind: "division",
      name: "x".repeat(2_000_000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("a failing step rolls back the whole change (no half-written person)", async () => {
    const before = (await hr.get("/api/v1/audit?entity=person")).json().total;
    const res = await hr.post("/api/v1/org/people", { fullName: "A", unitId: "na-kt", positionId: "khong-co" });
    expect(res.statusCode).toBe(400);
    expect((await hr.get("/api/v1/audit?entity=person")).json().total).toBe(before);
  });
});

describe("audit log", () => {
  it("is append-only in the database itself", async () => {
    await expect(t.database.exec("update audit_log set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.database.exec("delete from audit_log")).rejects.toThrow(/append-only/);
  });
});

describe("health and API description", () => {
  it("reports status, database kind and schema version", async () => {
    const res = await t.anonymous.get("/api/health");
    expect(res.json()).toMatchObject({
      status: "ok",
      database: process.env.TEST_DB === "postgres" ? "postgres" : "pglite",
      schemaVersion: journal().entries.at(-1)!.tag,
      migrations: journal().entries.length,
    });
  });

  it("serves an OpenAPI description of every route", async () => {
    const res = await t.anonymous.get("/api/docs/json");
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/v1/auth/login",
      "/api/v1/org/units/{id}",
      "/api/v1/org/people/import",
      "/api/v1/calc/period",
      "/api/health",
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
  });

  it("sends security headers", async () => {
    const res = await t.anonymous.get("/api/health");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });
});
