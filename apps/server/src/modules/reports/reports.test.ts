import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIVISION_HEADER_ROW } from "../../reports/division-xlsx.ts";
import { formatPoints } from "../../reports/format.ts";
import { seedDemoActivity } from "../../seed/demo-activity.ts";
import { seedDemoCatalog } from "../../seed/demo-catalog.ts";
import { createTestApp, type TestApp } from "../../test/harness.ts";
import * as evaluationRepo from "../evaluation/repo.ts";

const NOW = new Date("2026-11-22T03:00:00Z");
const MARCH = "per-nguyet-an-2026-03";
const evaluationOf = (personId: string) => `ev-${MARCH}-${personId}`;

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedDemoCatalog(t.deps);
  await seedDemoActivity(t.deps);
}, 300_000);
afterAll(() => t?.close());

const mau01 = (format: "docx" | "pdf", personId: string) =>
  `/api/v1/reports/mau01/${format}?evaluationId=${evaluationOf(personId)}`;
const summary = (unitId: string, periodId = MARCH) =>
  `/api/v1/reports/division-summary/xlsx?periodId=${periodId}&unitId=${unitId}`;

const docxText = (body: Buffer) =>
  strFromU8(unzipSync(new Uint8Array(body))["word/document.xml"]!)
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n");

/** The stored total of an evaluation, as the form must print it. */
async function storedTotal(personId: string): Promise<string> {
  const row = await evaluationRepo.findEvaluation(t.deps.db, evaluationOf(personId));
  return formatPoints(Number(row!.total));
}

describe("Mẫu 01 downloads", () => {
  it("gives the person their own form as DOCX with the stored numbers", async () => {
    const staff = await t.as("staff");
    const res = await staff.get(mau01("docx", "p-na-12"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    expect(res.headers["content-disposition"]).toContain('filename="mau-01-NA-12-2026-03.docx"');
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("Mẫu 01 - Nguyễn Văn Đức - Tháng 3 năm 2026.docx")}`,
    );
    const text = docxText(res.rawPayload);
    const lines = text.split("\n");
    expect(text).toContain("UBND XÃ NGUYỆT AN");
    expect(text).toContain("Nguyệt An, ngày");
    expect(text).toContain("Họ và tên: Nguyễn Văn Đức (mã NA-12)");
    expect(text).toContain("Đơn vị công tác: Phòng Kinh tế");
    expect(lines[lines.indexOf("Tổng điểm (I + II)") + 1]).toBe(await storedTotal("p-na-12"));
    // Phòng Kinh tế's staff are confirmed by the manager login (Trần Quốc Hùng).
    expect(text).toContain("Trần Quốc Hùng");
    expect(text).toMatch(/KTTC\.\d+/);
  });

  it("gives the manager the PDF of a person in the division, with the same total", async () => {
    const manager = await t.as("manager");
    const res = await manager.get(mau01("pdf", "p-na-14"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const dir = mkdtempSync(join(tmpdir(), "mau01-route-"));
    writeFileSync(join(dir, "f.pdf"), res.rawPayload);
    let text: string;
    try {
      text = execFileSync("pdftotext", ["-layout", join(dir, "f.pdf"), "-"], { encoding: "utf8" });
    } catch {
      return; // No poppler here: the DOCX test above covers the numbers.
    }
    const flat = text.replace(/[ \t]+/g, " ");
    expect(flat).toContain("Họ và tên: Lương Văn Sơn (mã NA-14)");
    expect(flat).toContain(`Tổng điểm (I + II) ${await storedTotal("p-na-14")}`);
  });

  it("lets hr of the agency print anyone in it, and refuses people outside the reader's scope", async () => {
    const hr = await t.as("hr");
    expect((await hr.get(mau01("docx", "p-na-05"))).statusCode).toBe(200);

    const staff = await t.as("staff");
    const other = await staff.get(mau01("docx", "p-na-13"));
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." });

    const manager = await t.as("manager");
    expect((await manager.get(mau01("pdf", "p-na-05"))).statusCode).toBe(403);

    const missing = await hr.get("/api/v1/reports/mau01/docx?evaluationId=khong-co");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("NOT_FOUND");
    expect((await t.anonymous.get(mau01("docx", "p-na-12"))).statusCode).toBe(401);
  });

  it("prints a leader's d, đ and e", async () => {
    const head = await t.as("head");
    const res = await head.get(mau01("docx", "p-na-10"));
    expect(res.statusCode).toBe(200);
    const text = docxText(res.rawPayload);
    expect(text).toContain("d) Kết quả hoạt động của cơ quan, tổ chức, đơn vị");
    expect(text).toContain("Tỷ lệ thực hiện nhiệm vụ = (a + b + c + d + đ + e) ÷ 6");
  });
});

describe("division summary XLSX", () => {
  async function read(body: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > DIVISION_HEADER_ROW) rows.push((row.values as unknown[]).slice(1));
    });
    return rows;
  }

  it("lists the division's people with their stored results for the manager", async () => {
    const manager = await t.as("manager");
    const res = await manager.get(summary("na-kt"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const rows = await read(res.rawPayload);
    const people = rows.slice(0, -2);
    expect(people.map((r) => r[0])).toEqual(["NA-10", "NA-11", "NA-12", "NA-13", "NA-14", "NA-15", "NA-16"]);
    const duc = people.find((r) => r[0] === "NA-12")!;
    const stored = await evaluationRepo.findEvaluation(t.deps.db, evaluationOf("p-na-12"));
    expect(duc[1]).toBe("Nguyễn Văn Đức");
    expect(duc[10]).toBeCloseTo(Number(stored!.total), 6);
    expect(duc[11]).toBe("Đã xác nhận");
    expect(rows.at(-2)![0]).toBe("Tổng cộng (7 người)");
    expect(rows.at(-1)![0]).toBe("Trung vị");
  });

  it("covers the whole agency for hr and refuses a division outside the manager's scope", async () => {
    const hr = await t.as("hr");
    const whole = await hr.get(summary("nguyet-an"));
    expect(whole.statusCode).toBe(200);
    expect((await read(whole.rawPayload)).length).toBe(27 + 2);

    const manager = await t.as("manager");
    expect((await manager.get(summary("na-vp"))).statusCode).toBe(403);
    const staff = await t.as("staff");
    expect((await staff.get(summary("na-kt"))).statusCode).toBe(403);
    expect((await hr.get(summary("so-noi-vu"))).statusCode).toBe(404);
  });

  it("shows the open month's people as not yet confirmed", async () => {
    const manager = await t.as("manager");
    const res = await manager.get(summary("na-kt", "per-nguyet-an-2026-11"));
    const rows = (await read(res.rawPayload)).slice(0, -2);
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r[11] === "Đang thực hiện" || r[11] === "Đã tự đánh giá")).toBe(true);
  });
});
