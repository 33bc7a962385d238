import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CATALOG_ID, seedDemoCatalog } from "../../seed/demo-catalog.ts";
import { type Client, createTestApp, type TestApp } from "../../test/harness.ts";

/**
 * Who may do what with catalogs, as one table: each demo role × each route
 * family, on Nguyệt An (approved demo catalog) and Sở Nội vụ (a draft made
 * by the provincial hr). Mutations are probed so that nothing changes: an
 * authorised edit of an approved catalog answers 400 (locked), of a draft
 * with a stale version 409, a mapping to an unknown code 400 — and an
 * unauthorised one 403.
 */

let t: TestApp;
const clients = new Map<string, Client>();
const targets = {
  na: { agency: "nguyet-an", catalog: DEMO_CATALOG_ID, position: "pos-nguyet-an-kt-tc", proposal: "" },
  snv: { agency: "so-noi-vu", catalog: "", position: "pos-so-noi-vu-ccvc", proposal: "" },
};
type Target = (typeof targets)[keyof typeof targets];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCatalog(t.deps);
  for (const u of ["admin", "hr", "hr.tinh", "head", "manager", "staff", "appraiser", "council"])
    clients.set(u, await t.as(u));
  const province = clients.get("hr.tinh")!;
  const draft = await province.post("/api/v1/catalogs", {
    agencyId: "so-noi-vu",
    name: "Danh mục Sở Nội vụ",
    standardUnitName: "Văn bản hành chính",
    standardPoints: 100,
  });
  targets.snv.catalog = draft.json().id;
  const proposal = { task: "Việc mới", output: "Sản phẩm mới", complexityGroup: "N2", points: 20 };
  targets.na.proposal = (await clients.get("staff")!.post("/api/v1/catalog-proposals", proposal)).json().id;
  targets.snv.proposal = (await province.post("/api/v1/catalog-proposals", proposal)).json().id;
});
afterAll(() => t.close());

const families: Record<string, (c: Client, x: Target) => Promise<{ statusCode: number }>> = {
  "catalog.list": (c, x) => c.get(`/api/v1/catalogs?agencyId=${x.agency}`),
  "catalog.items": (c, x) => c.get(`/api/v1/catalogs/${x.catalog}/items`),
  "catalog.edit": (c, x) => c.patch(`/api/v1/catalogs/${x.catalog}`, { version: 999, name: "Đổi tên" }),
  "catalog.approve": (c, x) =>
    c.post(`/api/v1/catalogs/${x.catalog}/approve`, {
      version: 999,
      decisionNumber: "1/QĐ",
      decisionDate: "2027-01-01",
      decisionSigner: "Người ký",
      effectiveFrom: "2027-01-01",
    }),
  "mapping.read": (c, x) => c.get(`/api/v1/org/positions/${x.position}/catalog-items`),
  "mapping.write": (c, x) =>
    c.request("PUT", `/api/v1/org/positions/${x.position}/catalog-items`, { codes: ["KHONG.CO"] }),
  "proposal.decide": (c, x) =>
    c.post(`/api/v1/catalog-proposals/${x.proposal}/decide`, { version: 999, decision: "approved" }),
};

const denied = { na: 403, snv: 403 };
const noAccess = Object.fromEntries(Object.keys(families).map((f) => [f, denied]));

// role → family → status on Nguyệt An, on Sở Nội vụ
const table: Record<string, Record<string, { na: number; snv: number }>> = {
  admin: {
    ...noAccess,
    "catalog.list": { na: 200, snv: 200 },
    "catalog.items": { na: 200, snv: 200 },
    "mapping.read": { na: 200, snv: 200 },
  },
  hr: {
    "catalog.list": { na: 200, snv: 403 },
    "catalog.items": { na: 200, snv: 403 },
    "catalog.edit": { na: 400, snv: 403 },
    "catalog.approve": { na: 400, snv: 403 },
    "mapping.read": { na: 200, snv: 403 },
    "mapping.write": { na: 400, snv: 403 },
    "proposal.decide": { na: 409, snv: 403 },
  },
  "hr.tinh": {
    "catalog.list": { na: 200, snv: 200 },
    "catalog.items": { na: 200, snv: 200 },
    "catalog.edit": { na: 400, snv: 409 },
    "catalog.approve": { na: 400, snv: 409 },
    "mapping.read": { na: 200, snv: 200 },
    "mapping.write": { na: 400, snv: 400 },
    "proposal.decide": { na: 409, snv: 409 },
  },
  head: {
    ...noAccess,
    "catalog.list": { na: 200, snv: 403 },
    "catalog.items": { na: 200, snv: 403 },
    "catalog.approve": { na: 400, snv: 403 },
    "mapping.read": { na: 200, snv: 403 },
  },
  manager: {
    ...noAccess,
    "catalog.list": { na: 200, snv: 403 },
    "catalog.items": { na: 200, snv: 403 },
    "mapping.read": { na: 200, snv: 403 },
  },
  staff: {
    ...noAccess,
    "catalog.list": { na: 200, snv: 403 },
    "catalog.items": { na: 200, snv: 403 },
  },
  appraiser: noAccess,
  council: noAccess,
};

describe("catalog permissions", () => {
  for (const [role, row] of Object.entries(table)) {
    for (const [family, expected] of Object.entries(row)) {
      it(`${role} → ${family}`, async () => {
        const client = clients.get(role)!;
        const actual = {
          na: (await families[family]!(client, targets.na)).statusCode,
          snv: (await families[family]!(client, targets.snv)).statusCode,
        };
        expect(actual).toEqual(expected);
      });
    }
  }

  it("keeps a draft from those who only read the catalog in force, even inside the agency", async () => {
    const draft = await clients.get("hr")!.post("/api/v1/catalogs/next-version", { agencyId: "nguyet-an" });
    expect(draft.statusCode).toBe(200);
    for (const role of ["manager", "staff"])
      expect((await clients.get(role)!.get(`/api/v1/catalogs/${draft.json().id}/items`)).statusCode).toBe(403);
    expect((await clients.get("head")!.get(`/api/v1/catalogs/${draft.json().id}/items`)).statusCode).toBe(200);
  });

  it("lets staff see only their own proposals, hr all of the agency's", async () => {
    const mine = (await clients.get("staff")!.get("/api/v1/catalog-proposals?agencyId=nguyet-an")).json();
    const all = (await clients.get("hr")!.get("/api/v1/catalog-proposals?agencyId=nguyet-an")).json();
    expect(mine.items.every((p: { personName: string }) => p.personName === "Nguyễn Văn Đức")).toBe(true);
    expect(all.total).toBeGreaterThanOrEqual(mine.total);
    expect((await clients.get("staff")!.get("/api/v1/catalog-proposals?agencyId=so-noi-vu")).statusCode).toBe(403);
  });
});
