import { readFileSync } from "node:fs";
import { Rational } from "@thuocdo/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../lib/csv.ts";
import { DEMO_CATALOG_ID, seedDemoCatalog } from "../../seed/demo-catalog.ts";
import { type Client, createTestApp, type TestApp } from "../../test/harness.ts";
import { divisionKey, parseSection, readRows } from "./schema.ts";
import { catalogInForce, coefficientOf } from "./service.ts";

const CSV_TEXT = readFileSync(new URL("../../seed/data/nghialam-qd283-2026-catalog.csv", import.meta.url), "utf8");

let t: TestApp;
let hr: Client;
let head: Client;
let staff: Client;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoCatalog(t.deps)).toBe(true);
  hr = await t.as("hr");
  head = await t.as("head");
  staff = await t.as("staff");
});
afterAll(() => t.close());

/** Code search is a substring search ("DC.27" also finds "KTDC.27"): pick the exact code. */
async function itemByCode(user: Client, catalogId: string, code: string) {
  const res = (await user.get(`/api/v1/catalogs/${catalogId}/items?q=${encodeURIComponent(code)}`)).json();
  return res.items.find((i: { code: string }) => i.code === code);
}

function multipart(file: Buffer, filename: string) {
  const boundary = "----thuocdo-catalog";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(user: Client, url: string, file: Buffer, filename = "danh-muc.csv") {
  const { payload, headers } = multipart(file, filename);
  return t.app.inject({
    method: "POST",
    url,
    payload,
    headers: { ...headers, cookie: user.cookie!, "x-csrf-token": user.csrf },
  });
}

/** The real file with six rows spoiled in six different ways; returns the file and each spoiled line. */
function corruptedCsv() {
  const [header, ...records] = parseCsv(CSV_TEXT);
  const lineOf = (code: string) => records.find((r) => r.fields[1] === code)!.line;
  const spoil: Record<string, (f: string[]) => string[]> = {
    "QL.03": (f) => f.map((v, i) => (i === 3 ? "" : v)),
    "DC.02": (f) => f.map((v, i) => (i === 6 ? "N9" : v)),
    "DC.04": (f) => f.map((v, i) => (i === 8 ? "abc" : v)),
    "DC.16": (f) => f.map((v, i) => (i === 9 ? "0.7" : v)),
    "KTDC.03": (f) => f.map((v, i) => (i === 1 ? "QL.01" : v)),
    "HCC.02": (f) => f.slice(0, 6),
  };
  const lines = Object.fromEntries(Object.keys(spoil).map((code) => [code, lineOf(code)]));
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const text = [header!, ...records]
    .map((r) => (spoil[r.fields[1]!] ?? ((f: string[]) => f))(r.fields).map(quote).join(","))
    .join("\r\n");
  return { file: Buffer.from(`\uFEFF${text}\r\n`), lines };
}

describe("CSV and row reading", () => {
  it("parses quoted fields with commas, doubled quotes and line breaks, with or without BOM", () => {
    const text = 'a,b,c\r\n1,"x, y","he said ""hi"""\n2,"two\nlines",z\n\n3;4,5,6\n';
    for (const src of [text, `\uFEFF${text}`]) {
      const records = parseCsv(src);
      expect(records.map((r) => r.line)).toEqual([1, 2, 3, 6]);
      expect(records[1]!.fields).toEqual(["1", "x, y", 'he said "hi"']);
      expect(records[2]!.fields).toEqual(["2", "two\nlines", "z"]);
    }
    expect(parseCsv("Mã;Điểm\nDC.01;5,5\n")[1]!.fields).toEqual(["DC.01", "5,5"]);
  });

  it("reads the Nghĩa Lâm sheet names and matches division names however they are written", () => {
    expect(["PL_II_lanh_dao", "PL_III_dung_chung", "PL_IV_rieng_phong", "Riêng của phòng"].map(parseSection)).toEqual([
      "leadership",
      "shared",
      "division",
      "division",
    ]);
    expect(divisionKey("Văn phòng HĐND-UBND")).toBe(divisionKey("Văn phòng HĐND và UBND"));
    expect(divisionKey("Phòng Văn hóa - Xã hội")).toBe(divisionKey("Phòng Văn hóa – Xã hội"));
  });

  it("checks a band, a rounded coefficient and a missing unit quantity", () => {
    const headers = ["code", "task", "output", "group", "point_band", "points", "coefficient"];
    const row = (n: number, cells: string[]) => ({
      row: n,
      cells: Object.fromEntries(headers.map((h, i) => [h, cells[i]!])),
    });
    const { valid, issues } = readRows(
      {
        headers,
        rows: [
          row(2, ["A.1", "Việc", "Sản phẩm", "N1", "1-10", "7", "2.33"]),
          row(3, ["A.2", "Việc", "Sản phẩm", "N2", "11-50", "60", "20"]),
        ],
      },
      { standardPoints: Rational.of(3), existingCodes: new Set() },
    );
    expect(valid.map((v) => [v.code, v.unitQuantity])).toEqual([["A.1", "1"]]);
    expect(issues).toEqual([{ row: 3, column: "points", message: "Điểm 60 nằm ngoài khung điểm 11-50." }]);
  });
});

describe("the demo catalog (Nghĩa Lâm QĐ 283 in Nguyệt An)", () => {
  it("loads once, as approved version 1 with its decision", async () => {
    expect(await seedDemoCatalog(t.deps)).toBe(false);
    const list = (await hr.get("/api/v1/catalogs?agencyId=nguyet-an")).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: DEMO_CATALOG_ID,
      versionNo: 1,
      status: "approved",
      decisionNumber: "283/QĐ-UBND",
      decisionDate: "2026-05-31",
      decisionSigner: "Lê Văn Thành",
      effectiveFrom: "2026-06-01",
      effectiveTo: null,
      standardUnitName: "Soạn thảo văn bản hành chính đơn giản",
      standardPoints: 5,
      itemCount: 371,
    });
  });

  it("computes coefficients exactly: DC.27 = 8 ÷ 5 = 1.6", async () => {
    expect(await itemByCode(staff, DEMO_CATALOG_ID, "DC.27")).toMatchObject({
      code: "DC.27",
      points: 8,
      coefficient: 1.6,
      complexityGroup: "N1",
    });
    const row = await catalogInForce(t.deps.db, "nguyet-an", "2026-06-15");
    expect(row?.id).toBe(DEMO_CATALOG_ID);
    expect(coefficientOf({ points: "8.0000" }, row!).eq(Rational.of(8, 5))).toBe(true);
    expect(await catalogInForce(t.deps.db, "nguyet-an", "2026-05-31")).toBeUndefined();
  });

  it("maps each position to its division's products, leaders to QL.*, everyone to DC.*", async () => {
    const kt = (await hr.get("/api/v1/org/positions/pos-nguyet-an-kt-tc/catalog-items")).json();
    expect(kt.catalogId).toBe(DEMO_CATALOG_ID);
    expect(kt.codes.filter((c: string) => c.startsWith("KTTC."))).toHaveLength(21);
    expect(kt.codes.filter((c: string) => c.startsWith("DC."))).toHaveLength(62);
    expect(kt.codes.some((c: string) => c.startsWith("QL.") || c.startsWith("HCC."))).toBe(false);
    const lead = (await hr.get("/api/v1/org/positions/pos-nguyet-an-ql-tp/catalog-items")).json();
    expect(lead.codes.filter((c: string) => c.startsWith("QL."))).toHaveLength(18);
    expect(lead.items.find((i: { code: string }) => i.code === "QL.09")).toMatchObject({ points: 65, coefficient: 13 });
  });
});

describe("import into a draft", () => {
  let draftId: string;
  const count = async () => (await hr.get(`/api/v1/catalogs/${draftId}/items?pageSize=1`)).json().total;

  it("creates a draft (one at a time per agency)", async () => {
    const body = {
      agencyId: "nguyet-an",
      name: "Danh mục thử nghiệm",
      standardUnitName: "Soạn thảo văn bản hành chính đơn giản",
      standardPoints: 5,
    };
    const res = await hr.post("/api/v1/catalogs", body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ versionNo: 2, status: "draft", itemCount: 0 });
    draftId = res.json().id;
    const again = await hr.post("/api/v1/catalogs", body);
    expect(again.statusCode).toBe(400);
    expect(again.json().details.reason).toBe("draft_exists");
    // Drafts are not shown to the people who only read the catalog in force.
    expect((await staff.get("/api/v1/catalogs?agencyId=nguyet-an")).json()).toHaveLength(1);
    expect((await staff.get(`/api/v1/catalogs/${draftId}`)).statusCode).toBe(403);
  });

  it("previews the real file: every row good, counted per section and group, divisions matched", async () => {
    const res = await upload(hr, `/api/v1/catalogs/${draftId}/import/preview`, Buffer.from(CSV_TEXT));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      totalRows: 371,
      goodRows: 371,
      badRows: 0,
      issues: [],
      bySection: { leadership: 18, shared: 62, division: 291 },
      byGroup: { N1: 16, N2: 159, N3: 178, N4: 18 },
      unmatchedDivisions: [],
      imported: 0,
    });
    expect(await count()).toBe(0);
  });

  it("lists each bad line of a corrupted copy with its reason and writes nothing in 'all' mode", async () => {
    const { file, lines } = corruptedCsv();
    const preview = (await upload(hr, `/api/v1/catalogs/${draftId}/import/preview`, file)).json();
    expect(preview).toMatchObject({ totalRows: 371, goodRows: 365, badRows: 6 });
    const at = (code: string) => preview.issues.filter((i: { row: number }) => i.row === lines[code]);
    expect(at("QL.03")).toEqual([{ row: lines["QL.03"], column: "task", message: "Ô trống: cần ghi nhiệm vụ." }]);
    expect(at("DC.02")).toEqual([
      { row: lines["DC.02"], column: "group", message: "Nhóm “N9” không hợp lệ: chỉ nhận N1, N2, N3, N4 hoặc N5." },
    ]);
    expect(at("DC.04")).toEqual([{ row: lines["DC.04"], column: "points", message: "Điểm “abc” không phải là số." }]);
    expect(at("DC.16")).toEqual([
      {
        row: lines["DC.16"],
        column: "coefficient",
        message: "Hệ số quy đổi ghi 0,7 nhưng điểm ÷ điểm chuẩn = 3 ÷ 5 = 0,6.",
      },
    ]);
    expect(at("KTDC.03")).toEqual([{ row: lines["KTDC.03"], column: "code", message: "Trùng mã “QL.01” với dòng 2." }]);
    expect(at("HCC.02")[0]).toEqual({
      row: lines["HCC.02"],
      column: null,
      message: "Dòng bị cắt cụt: chỉ có 6/11 cột.",
    });

    const all = await upload(hr, `/api/v1/catalogs/${draftId}/import?mode=all`, file);
    expect(all.statusCode).toBe(422);
    expect(all.json().code).toBe("IMPORT_INVALID");
    expect(new Set(all.json().details.rows.map((r: { row: number }) => r.row))).toEqual(new Set(Object.values(lines)));
    expect(await count()).toBe(0);
  });

  it("writes only the good rows in 'good_rows' mode, in one go", async () => {
    const { file } = corruptedCsv();
    const res = await upload(hr, `/api/v1/catalogs/${draftId}/import?mode=good_rows`, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 365, badRows: 6 });
    expect(await count()).toBe(365);
    expect(await itemByCode(hr, draftId, "DC.16")).toBeUndefined();
    expect(await itemByCode(hr, draftId, "DC.27")).toMatchObject({ coefficient: 1.6 });
  });

  it("then takes the fixed file, replacing the draft's items, with divisions matched to units", async () => {
    const res = await upload(hr, `/api/v1/catalogs/${draftId}/import?mode=all&replace=true`, Buffer.from(CSV_TEXT));
    expect(res.json().imported).toBe(371);
    expect(await count()).toBe(371);
    const byDivision = async (unit: string) =>
      (await hr.get(`/api/v1/catalogs/${draftId}/items?section=division&divisionUnitId=${unit}&pageSize=1`)).json()
        .total;
    expect(await byDivision("na-kt")).toBe(136);
    expect(await byDivision("na-vhxh")).toBe(71);
    expect(await byDivision("na-vp")).toBe(42);
    expect(await byDivision("na-hcc")).toBe(42);
  });

  it("imports the XLSX template with Vietnamese headers; duplicates of the draft's codes are refused", async () => {
    const template = await hr.get("/api/v1/catalogs/import-template");
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      "Phần",
      "Mã",
      "Phòng, đơn vị",
      "Nhiệm vụ",
      "Chi tiết công việc",
      "Sản phẩm đầu ra",
      "Nhóm",
      "Khung điểm",
      "Điểm",
      "Số lượng quy đổi",
      "Ghi chú",
    ]);
    const upload2 = new ExcelJS.Workbook();
    const ws = upload2.addWorksheet("Danh mục");
    ws.addRow(wb.worksheets[0]!.getRow(1).values as string[]);
    ws.addRow([
      "Riêng của phòng",
      "KT.99",
      "Phòng Kinh tế",
      "Thẩm định hồ sơ hỗ trợ",
      "",
      "Tờ trình",
      "N3",
      "51-100",
      60,
      "",
      "",
    ]);
    ws.addRow(["Dùng chung", "DC.01", "", "Soạn thảo văn bản", "", "Văn bản", "N1", "", 5, 1, ""]);
    const file = Buffer.from(await upload2.xlsx.writeBuffer());
    const res = await upload(hr, `/api/v1/catalogs/${draftId}/import?mode=good_rows`, file, "mau.xlsx");
    expect(res.json()).toMatchObject({ imported: 1, badRows: 1 });
    expect(res.json().issues).toEqual([{ row: 3, column: "Mã", message: "Mã “DC.01” đã có trong dự thảo." }]);
    expect(await itemByCode(hr, draftId, "KT.99")).toMatchObject({
      divisionUnitId: "na-kt",
      points: 60,
      coefficient: 12,
      unitQuantity: 1,
    });
  });

  it("refuses a file that is neither CSV nor XLSX, and one without the required columns", async () => {
    const pdf = await upload(hr, `/api/v1/catalogs/${draftId}/import/preview`, Buffer.from("%PDF-1.7 ..."), "a.pdf");
    expect(pdf.statusCode).toBe(422);
    const noColumns = await upload(hr, `/api/v1/catalogs/${draftId}/import/preview`, Buffer.from("a,b\n1,2\n"));
    expect(noColumns.json()).toMatchObject({ code: "FILE_INVALID", details: { reason: "missing_columns" } });
  });

  it("deletes the draft", async () => {
    expect((await hr.delete(`/api/v1/catalogs/${draftId}`)).statusCode).toBe(200);
    expect((await hr.get(`/api/v1/catalogs/${draftId}`)).statusCode).toBe(404);
  });
});

describe("search, filters, sorting, export", () => {
  const items = (query: string) => staff.get(`/api/v1/catalogs/${DEMO_CATALOG_ID}/items?${query}`);

  it("finds the same items with or without diacritics", async () => {
    const withMarks = (await items(`q=${encodeURIComponent("Soạn thảo")}`)).json();
    const without = (await items("q=soan%20thao")).json();
    expect(withMarks.total).toBeGreaterThan(0);
    expect(without.total).toBe(withMarks.total);
    expect(without.items.map((i: { code: string }) => i.code)).toContain("DC.01");
  });

  it("filters by group and section, sorts and paginates on the server", async () => {
    expect((await items("group=N4&pageSize=1")).json().total).toBe(18);
    expect((await items("section=leadership&pageSize=1")).json().total).toBe(18);
    const top = (await items("sort=points&order=desc&pageSize=3")).json();
    expect(top.items[0].points).toBe(Math.max(...top.items.map((i: { points: number }) => i.points)));
    expect(top.items[0].complexityGroup).toBe("N4");
    const page2 = (await items("pageSize=10&page=2")).json();
    expect(page2).toMatchObject({ total: 371, page: 2, pageSize: 10 });
    expect(page2.items[0].code).toBe("QL.11");
  });

  it("exports the filtered items to Excel with the coefficient shown", async () => {
    const res = await staff.get(`/api/v1/catalogs/${DEMO_CATALOG_ID}/items/export?section=shared`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(63);
    const header = ws.getRow(1).values as string[];
    const dc27 = ws.getRows(2, 62)!.find((r) => r.getCell(2).value === "DC.27")!;
    expect(dc27.getCell(header.indexOf("Hệ số quy đổi")).value).toBe(1.6);
  });
});

describe("versions, proposals and mappings", () => {
  let approvedProposal: string;
  let v2: string;

  it("takes a product proposed from outside the catalog and shows the maker the outcome (Art. 13.3)", async () => {
    const proposal = {
      task: "Tổng hợp số liệu thiệt hại do thiên tai",
      output: "Báo cáo nhanh thiệt hại",
      complexityGroup: "N2",
      points: 30,
      reason: "Phát sinh trong mùa mưa bão, chưa có trong danh mục.",
    };
    const a = await staff.post("/api/v1/catalog-proposals", proposal);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ agencyId: "nguyet-an", personName: "Nguyễn Văn Đức", status: "pending" });
    const b = await staff.post("/api/v1/catalog-proposals", { ...proposal, task: "Chụp ảnh hội nghị" });
    const list = (await hr.get("/api/v1/catalog-proposals?agencyId=nguyet-an&status=pending")).json();
    expect(list.total).toBe(2);

    const approve = await hr.post(`/api/v1/catalog-proposals/${a.json().id}/decide`, {
      version: a.json().version,
      decision: "approved",
    });
    expect(approve.json()).toMatchObject({ status: "approved", decidedByName: "Lê Thị Thu Hà" });
    approvedProposal = a.json().id;
    const noReason = await hr.post(`/api/v1/catalog-proposals/${b.json().id}/decide`, {
      version: b.json().version,
      decision: "refused",
    });
    expect(noReason.statusCode).toBe(400);
    await hr.post(`/api/v1/catalog-proposals/${b.json().id}/decide`, {
      version: b.json().version,
      decision: "refused",
      note: "Đã có trong DC.24.",
    });
    const mine = (await staff.get("/api/v1/catalog-proposals?mine=true")).json();
    expect(mine.items.map((p: { status: string; decisionNote: string | null }) => [p.status, p.decisionNote])).toEqual(
      expect.arrayContaining([
        ["approved", null],
        ["refused", "Đã có trong DC.24."],
      ]),
    );
    // Staff cannot decide.
    expect(
      (await staff.post(`/api/v1/catalog-proposals/${b.json().id}/decide`, { version: 1, decision: "approved" }))
        .statusCode,
    ).toBe(403);
  });

  it("keeps an approved version read-only", async () => {
    const item = await itemByCode(hr, DEMO_CATALOG_ID, "DC.27");
    const res = await hr.patch(`/api/v1/catalogs/${DEMO_CATALOG_ID}/items/${item.id}`, { points: 10 });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.reason).toBe("catalog_locked");
  });

  it("makes a new version from the approved one plus the approved proposals", async () => {
    const res = await hr.post("/api/v1/catalogs/next-version", { agencyId: "nguyet-an" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ versionNo: 2, status: "draft", itemCount: 372, standardPoints: 5 });
    v2 = res.json().id;
    const added = (await hr.get(`/api/v1/catalogs/${v2}/items?q=DX.01`)).json().items[0];
    expect(added).toMatchObject({
      task: "Tổng hợp số liệu thiệt hại do thiên tai",
      section: "division",
      divisionUnitId: "na-kt",
      points: 30,
      coefficient: 6,
    });
    const proposals = (await hr.get("/api/v1/catalog-proposals?agencyId=nguyet-an&status=approved")).json();
    expect(proposals.items.find((p: { id: string }) => p.id === approvedProposal).includedInCatalogId).toBe(v2);
  });

  it("edits the draft; approving it leaves the old version's items and coefficients unchanged", async () => {
    const item = await itemByCode(hr, v2, "DC.27");
    const edited = await hr.patch(`/api/v1/catalogs/${v2}/items/${item.id}`, { points: 10 });
    expect(edited.json()).toMatchObject({ points: 10, coefficient: 2 });
    const added = await hr.post(`/api/v1/catalogs/${v2}/items`, {
      section: "shared",
      code: "DC.99",
      task: "Cập nhật dữ liệu lên hệ thống",
      output: "Dữ liệu cập nhật",
      complexityGroup: "N1",
      points: 4,
    });
    expect(added.json()).toMatchObject({ coefficient: 0.8, unitQuantity: 1 });
    const dup = await hr.post(`/api/v1/catalogs/${v2}/items`, {
      section: "shared",
      code: "dc.99",
      task: "Trùng mã, khác chữ hoa",
      output: "Dữ liệu",
      complexityGroup: "N1",
      points: 4,
    });
    expect(dup.statusCode).toBe(409);

    const catalog = (await hr.get(`/api/v1/catalogs/${v2}`)).json();
    const decision = {
      version: catalog.version,
      decisionNumber: "412/QĐ-UBND",
      decisionDate: "2026-11-20",
      decisionSigner: "Lê Văn Thành",
      effectiveFrom: "2026-12-01",
    };
    expect((await staff.post(`/api/v1/catalogs/${v2}/approve`, decision)).statusCode).toBe(403);
    const early = await head.post(`/api/v1/catalogs/${v2}/approve`, {
      ...decision,
      effectiveFrom: "2026-05-01",
      decisionDate: "2026-04-30",
    });
    expect(early.statusCode).toBe(400);
    const approved = await head.post(`/api/v1/catalogs/${v2}/approve`, decision);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", decisionNumber: "412/QĐ-UBND", itemCount: 373 });

    const versions = (await staff.get("/api/v1/catalogs?agencyId=nguyet-an")).json();
    expect(
      versions.map((v: { versionNo: number; status: string; effectiveTo: string | null }) => [
        v.versionNo,
        v.status,
        v.effectiveTo,
      ]),
    ).toEqual([
      [2, "approved", null],
      [1, "superseded", "2026-11-30"],
    ]);
    expect(await itemByCode(staff, DEMO_CATALOG_ID, "DC.27")).toMatchObject({ points: 8, coefficient: 1.6 });
    expect((await staff.get(`/api/v1/catalogs/${DEMO_CATALOG_ID}/items?pageSize=1`)).json().total).toBe(371);

    expect((await catalogInForce(t.deps.db, "nguyet-an", "2026-11-30"))?.id).toBe(DEMO_CATALOG_ID);
    expect((await catalogInForce(t.deps.db, "nguyet-an", "2026-12-01"))?.id).toBe(v2);
    const inForce = (await staff.get("/api/v1/catalogs/in-force?agencyId=nguyet-an&date=2026-12-15")).json();
    expect(inForce.id).toBe(v2);
  });

  it("maps a position to item codes of the catalog and refuses unknown codes", async () => {
    const url = "/api/v1/org/positions/pos-nguyet-an-kt-nn/catalog-items";
    const bad = await hr.request("PUT", url, { codes: ["KTNN.01", "KHONG.CO"] });
    expect(bad.statusCode).toBe(400);
    const ok = await hr.request("PUT", url, { codes: ["KTNN.02", "KTNN.01", "DC.27"] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().codes).toEqual(["DC.27", "KTNN.01", "KTNN.02"]);
    const manager = await t.as("manager");
    expect((await manager.get(url)).json().codes).toEqual(["DC.27", "KTNN.01", "KTNN.02"]);
    expect((await manager.request("PUT", url, { codes: [] })).statusCode).toBe(403);
  });

  it("records every change in the audit log", async () => {
    const audit = async (entity: string) =>
      (await hr.get(`/api/v1/audit?entity=${entity}&pageSize=200`))
        .json()
        .items.map((e: { action: string }) => e.action);
    const catalogActions = await audit("catalog");
    for (const action of ["create", "import", "delete", "approve", "supersede"])
      expect(catalogActions).toContain(action);
    const items = await audit("catalog_item");
    expect(items).toEqual(expect.arrayContaining(["create", "update"]));
    expect(await audit("catalog_proposal")).toEqual(expect.arrayContaining(["create", "approve", "refuse"]));
    expect(await audit("position_items")).toContain("update");
  });
});
