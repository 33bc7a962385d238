import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appraiserAgencies,
  seedAgencyTemplates,
  TEMPLATE_ND335_ID,
  TEMPLATE_QUANGNAM_ID,
} from "../../seed/agency-templates.ts";
import { type Client, createTestApp, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let hr: Client;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedAgencyTemplates(t.deps)).toBe(true);
  expect(await seedAgencyTemplates(t.deps)).toBe(false);
  hr = await t.as("hr.tinh");
});
afterAll(() => t.close());

async function uploadXlsx(id: string, content: Buffer) {
  const boundary = "----tdframework";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tieu-chi.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return t.app.inject({
    method: "POST",
    url: `/api/v1/agency/frameworks/${id}/import`,
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      cookie: hr.cookie!,
      "x-csrf-token": hr.csrf,
    },
  });
}

describe("criteria frameworks", () => {
  it("ships two templates that pass the strict check, with the appraising agencies of Article 10", async () => {
    const nd = (await hr.get(`/api/v1/agency/frameworks/${TEMPLATE_ND335_ID}`)).json();
    expect(nd).toMatchObject({ isTemplate: true, rules: "nd335", issues: [], totals: { base: 100 } });
    const top = nd.criteria.filter((c: { depth: number }) => c.depth === 0);
    expect(top.map((c: { max: number }) => c.max)).toEqual([30, 70]);
    expect(nd.criteria.filter((c: { parentId: string }) => c.parentId === top[0].id)).toHaveLength(3);
    expect(nd.criteria.filter((c: { parentId: string }) => c.parentId === top[1].id)).toHaveLength(8);

    const qn = (await hr.get(`/api/v1/agency/frameworks/${TEMPLATE_QUANGNAM_ID}`)).json();
    expect(qn).toMatchObject({
      isTemplate: true,
      rules: "quangnam2023",
      issues: [],
      totals: { base: 100, bonusMax: 5, penaltyMax: 10 },
    });
    expect(qn.description).toContain("Mẫu minh họa");
    const appraisers = new Set(
      qn.criteria.map((c: { appraiserUnitId: string | null }) => c.appraiserUnitId).filter(Boolean),
    );
    expect([...appraisers].sort()).toEqual(appraiserAgencies.map((a) => a.id).sort());
    const units = (await hr.get("/api/v1/org/units")).json();
    expect(units.find((u: { id: string }) => u.id === "thanh-tra-tinh")).toMatchObject({
      kind: "department",
      name: "Thanh tra tỉnh",
    });
  });

  it("edits node by node, reports an unbalanced parent, moves and deletes", async () => {
    const fw = (
      await hr.post("/api/v1/agency/frameworks", { year: 2026, name: "Bộ thử", groupName: "Nhóm thử", rules: "nd335" })
    ).json();
    let res = await hr.post(`/api/v1/agency/frameworks/${fw.id}/criteria`, { code: "A", name: "Nhóm A", max: 100 });
    const a = res.json().criteria[0].id;
    res = await hr.post(`/api/v1/agency/frameworks/${fw.id}/criteria`, {
      code: "A1",
      name: "Một",
      max: 60,
      parentId: a,
    });
    res = await hr.post(`/api/v1/agency/frameworks/${fw.id}/criteria`, {
      code: "A2",
      name: "Hai",
      max: 30,
      parentId: a,
      position: 0,
    });
    expect(res.json().criteria.map((c: { code: string }) => c.code)).toEqual(["A", "A2", "A1"]);
    expect(res.json().issues).toContainEqual({
      code: "children_max_mismatch",
      criterionId: a,
      details: { max: 100, childrenSum: 90 },
    });
    const a1 = res.json().criteria.find((c: { code: string }) => c.code === "A1").id;
    res = await hr.patch(`/api/v1/agency/criteria/${a1}`, { max: 70 });
    expect(res.json().issues.filter((i: { code: string }) => i.code !== "no_agencies")).toEqual([]);
    const dup = await hr.post(`/api/v1/agency/frameworks/${fw.id}/criteria`, { code: "a1", name: "Trùng", max: 1 });
    expect(dup.json().code).toBe("DUPLICATE");
    const nested = await hr.post(`/api/v1/agency/frameworks/${fw.id}/criteria`, {
      code: "B",
      name: "Cộng",
      max: 5,
      kind: "bonus",
      parentId: a,
    });
    expect(nested.statusCode).toBe(400);
    res = await hr.post(`/api/v1/agency/criteria/${a1}/move`, { parentId: null, position: 0 });
    expect(res.json().criteria.map((c: { code: string; depth: number }) => [c.code, c.depth])).toEqual([
      ["A1", 0],
      ["A", 0],
      ["A2", 1],
    ]);
    const loop = await hr.post(`/api/v1/agency/criteria/${a}/move`, {
      parentId: res.json().criteria[2].id,
      position: 0,
    });
    expect(loop.statusCode).toBe(400);
    res = await hr.delete(`/api/v1/agency/criteria/${a}`);
    expect(res.json().criteria.map((c: { code: string }) => c.code)).toEqual(["A1"]);
  });

  it("exports a tree to XLSX and imports it back; a bad file writes nothing", async () => {
    const copy = (
      await hr.post("/api/v1/agency/frameworks", {
        year: 2026,
        name: "Từ mẫu Quảng Nam",
        groupName: "Sở, ban, ngành",
        rules: "quangnam2023",
        copyFromId: TEMPLATE_QUANGNAM_ID,
      })
    ).json();
    const exported = await hr.get(`/api/v1/agency/frameworks/${TEMPLATE_QUANGNAM_ID}/export`);
    expect(exported.statusCode).toBe(200);
    const target = (
      await hr.post("/api/v1/agency/frameworks", { year: 2026, name: "Nhập", groupName: "G", rules: "nd335" })
    ).json();
    const imported = await uploadXlsx(target.id, exported.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    const strip = (
      list: { code: string; max: number; kind: string; depth: number; appraiserUnitId: string | null }[],
    ) => list.map(({ code, max, kind, depth, appraiserUnitId }) => ({ code, max, kind, depth, appraiserUnitId }));
    expect(strip(imported.json().criteria)).toEqual(strip(copy.criteria));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    sheet.getRow(3).getCell(5).value = 7; // I.1 max 30 → 7: its children no longer add up
    sheet.getRow(4).getCell(8).value = "KHONGCO";
    const bad = await uploadXlsx(target.id, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: "IMPORT_INVALID",
      details: { rows: [{ row: 4, column: "Mã cơ quan thẩm định", message: "Không tìm thấy cơ quan có mã KHONGCO." }] },
    });
    sheet.getRow(4).getCell(8).value = "VPUB";
    const unbalanced = await uploadXlsx(target.id, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(unbalanced.json().code).toBe("FRAMEWORK_INVALID");
    const after = (await hr.get(`/api/v1/agency/frameworks/${target.id}`)).json();
    expect(strip(after.criteria)).toEqual(strip(copy.criteria));
  });

  it("locks a framework in use; a new version is an editable copy", async () => {
    const fw = (
      await hr.post("/api/v1/agency/frameworks", {
        year: 2026,
        name: "Xã 2026",
        groupName: "UBND cấp xã",
        rules: "nd335",
        copyFromId: TEMPLATE_ND335_ID,
      })
    ).json();
    const withAgencies = await hr.request("PUT", `/api/v1/agency/frameworks/${fw.id}/agencies`, {
      version: fw.version,
      agencyIds: ["nguyet-an"],
    });
    expect(withAgencies.statusCode, withAgencies.body).toBe(200);
    const template = await hr.post("/api/v1/agency/cycles", { frameworkId: TEMPLATE_ND335_ID });
    expect(template.statusCode).toBe(400);
    expect((await hr.post("/api/v1/agency/cycles", { frameworkId: fw.id })).statusCode).toBe(200);
    const locked = await hr.post(`/api/v1/agency/frameworks/${fw.id}/criteria`, { code: "X", name: "X", max: 1 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({
      code: "FRAMEWORK_LOCKED",
      message: expect.stringContaining("phiên bản mới"),
    });
    const next = await hr.post(`/api/v1/agency/frameworks/${fw.id}/versions`);
    expect(next.json()).toMatchObject({
      versionNo: 2,
      previousVersionId: fw.id,
      status: "draft",
      locked: false,
      agencies: [{ id: "nguyet-an" }],
    });
    expect(next.json().criteria).toHaveLength(fw.criteria.length);
  });
});

describe("the demo year", () => {
  it("opens the 2026 cycles for the departments and the commune on the templates", async () => {
    const demo = await createTestApp();
    try {
      expect(await seedAgencyTemplates(demo.deps, { demo: true })).toBe(true);
      const cycles = (await (await demo.as("hr.tinh")).get("/api/v1/agency/cycles?year=2026")).json();
      expect(cycles.items.map((c: { groupName: string; agencyCount: number }) => [c.groupName, c.agencyCount])).toEqual(
        [
          ["Sở, ban, ngành", 8],
          ["UBND cấp xã", 1],
        ],
      );
      const own = (await (await demo.as("hr")).get("/api/v1/agency/assessments?year=2026")).json();
      expect(own.items.map((a: { agencyId: string }) => a.agencyId)).toEqual(["nguyet-an"]);
    } finally {
      await demo.close();
    }
  });
});
