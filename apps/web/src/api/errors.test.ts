import { describe, expect, it } from "vitest";
import { ApiError, errorFromResponse, filenameFromDisposition } from "./client.ts";
import { errorMessage, fieldErrors, importIssues } from "./errors.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("errorFromResponse", () => {
  it("keeps code, message, details and status of the API error body", async () => {
    const e = await errorFromResponse(json(409, { code: "CONFLICT", message: "Đã đổi", details: { version: 3 } }));
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.message, e.status, e.details]).toEqual(["CONFLICT", "Đã đổi", 409, { version: 3 }]);
  });

  it("turns an unknown code or a non-JSON body into UNKNOWN", async () => {
    expect((await errorFromResponse(json(418, { code: "TEAPOT", message: "x" }))).code).toBe("UNKNOWN");
    const html = await errorFromResponse(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect([html.code, html.status]).toEqual(["UNKNOWN", 502]);
  });
});

describe("errorMessage", () => {
  it("maps codes to the Vietnamese catalogue", () => {
    expect(errorMessage(new ApiError("LOGIN_FAILED", "", 401))).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(errorMessage(new ApiError("ACCOUNT_LOCKED", "", 423))).toMatch(/bị khóa/);
    expect(errorMessage(new ApiError("RATE_LIMITED", "", 429))).toMatch(/thử lại sau/);
    expect(errorMessage(new ApiError("NETWORK", "", 0))).toMatch(/kết nối/);
  });

  it("falls back to the server's message, then to the status, for unknown codes", () => {
    expect(errorMessage(new ApiError("UNKNOWN", "Máy chủ bận", 503))).toBe("Máy chủ bận");
    expect(errorMessage(new ApiError("UNKNOWN", "", 502))).toContain("502");
  });

  it("explains non-API errors without leaking English", () => {
    expect(errorMessage(new TypeError("x is undefined"))).toMatch(/ngoài dự kiến/);
  });
});

describe("fieldErrors", () => {
  it("groups VALIDATION_FAILED issues by field path", () => {
    const e = new ApiError("VALIDATION_FAILED", "", 400, {
      issues: [
        { path: ["name"], message: "Quá dài" },
        { path: ["name"], message: "Trùng" },
        { path: ["items", 0, "code"], message: "Thiếu mã" },
        { path: [], message: "Toàn bộ" },
        { bogus: true },
      ],
    });
    expect(fieldErrors(e)).toEqual([
      { name: ["name"], errors: ["Quá dài", "Trùng"] },
      { name: ["items", 0, "code"], errors: ["Thiếu mã"] },
    ]);
  });

  it("ignores other errors", () => {
    expect(fieldErrors(new ApiError("CONFLICT", "", 409, { issues: [{ path: ["a"], message: "b" }] }))).toEqual([]);
    expect(fieldErrors(new Error("x"))).toEqual([]);
  });
});

describe("importIssues", () => {
  it("returns the bad rows sorted by row and column", () => {
    const e = new ApiError("IMPORT_INVALID", "", 422, {
      rows: [
        { row: 7, column: "Họ và tên", message: "Bắt buộc" },
        { row: 3, column: null, message: "Dòng trống" },
        { row: 7, column: "Email", message: "Sai định dạng" },
        { row: "x", message: "bad" },
      ],
    });
    expect(importIssues(e).map((r) => `${r.row}/${r.column ?? "-"}`)).toEqual(["3/-", "7/Email", "7/Họ và tên"]);
  });
});

describe("filenameFromDisposition", () => {
  it("prefers the RFC 5987 UTF-8 name", () => {
    const h =
      "attachment; filename=\"cong-chuc.xlsx\"; filename*=UTF-8''Danh%20s%C3%A1ch%20c%C3%B4ng%20ch%E1%BB%A9c.xlsx";
    expect(filenameFromDisposition(h, "f.xlsx")).toBe("Danh sách công chức.xlsx");
    expect(filenameFromDisposition('attachment; filename="mau.xlsx"', "f.xlsx")).toBe("mau.xlsx");
    expect(filenameFromDisposition(null, "f.xlsx")).toBe("f.xlsx");
  });
});
