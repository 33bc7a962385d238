import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "./harness.ts";

/**
 * Who may do what, as one table: each demo role × each route family, on a
 * target inside the role's scope and one outside it. Mutations are probed
 * with a stale version, so an authorised call answers 409 (it reached the
 * data) and an unauthorised one 403 — and nothing changes.
 */

let t: TestApp;
const clients = new Map<string, Client>();
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ["admin", "hr", "head", "manager", "staff", "appraiser", "council"]) clients.set(u, await t.as(u));
});
afterAll(() => t.close());

/** A unit and a person of that unit, per scope. */
const targets = {
  kt: { unit: "na-kt", person: "p-na-13", agency: "nguyet-an", position: "pos-nguyet-an-kt-tc" },
  vhxh: { unit: "na-vhxh", person: "p-na-20", agency: "nguyet-an", position: "pos-nguyet-an-vh-nv" },
  snv: { unit: "snv-ccvc", person: "p-snv-04", agency: "so-noi-vu", position: "pos-so-noi-vu-ccvc" },
} as const;
type Target = keyof typeof targets;

const families: Record<string, (c: Client, x: (typeof targets)[Target]) => Promise<{ statusCode: number }>> = {
  "units.read": (c) => c.get("/api/v1/org/units"),
  "units.write": (c, x) => c.patch(`/api/v1/org/units/${x.unit}`, { version: 999, name: "Đổi tên" }),
  "positions.read": (c, x) => c.get(`/api/v1/org/positions?agencyId=${x.agency}`),
  "positions.write": (c, x) => c.patch(`/api/v1/org/positions/${x.position}`, { version: 999, name: "Đổi tên" }),
  "people.read": (c, x) => c.get(`/api/v1/org/people?unitId=${x.unit}`),
  "people.readOne": (c, x) => c.get(`/api/v1/org/people/${x.person}`),
  "people.write": (c, x) => c.patch(`/api/v1/org/people/${x.person}`, { version: 999, title: "Chuyên viên" }),
  "users.admin": (c) => c.get("/api/v1/admin/users"),
  "audit.read": (c) => c.get("/api/v1/audit"),
  "calc.run": (c) => c.post("/api/v1/calc/quota", { rate: 0.2, reading: "final", people: [] }),
};

// role → family → [status on kt, status on vhxh, status on snv]
const table: Record<string, Record<string, [number, number, number]>> = {
  admin: {
    "units.read": [200, 200, 200],
    "units.write": [409, 409, 409],
    "positions.read": [200, 200, 200],
    "positions.write": [409, 409, 409],
    "people.read": [200, 200, 200],
    "people.readOne": [200, 200, 200],
    "people.write": [409, 409, 409],
    "users.admin": [200, 200, 200],
    "audit.read": [200, 200, 200],
    "calc.run": [200, 200, 200],
  },
  hr: {
    "units.read": [200, 200, 200],
    "units.write": [409, 409, 403],
    "positions.read": [200, 200, 403],
    "positions.write": [409, 409, 403],
    "people.read": [200, 200, 403],
    "people.readOne": [200, 200, 403],
    "people.write": [409, 409, 403],
    "users.admin": [403, 403, 403],
    "audit.read": [200, 200, 200],
    "calc.run": [200, 200, 200],
  },
  head: {
    "units.read": [200, 200, 200],
    "units.write": [403, 403, 403],
    "positions.read": [200, 200, 403],
    "positions.write": [403, 403, 403],
    "people.read": [200, 200, 403],
    "people.readOne": [200, 200, 403],
    "people.write": [403, 403, 403],
    "users.admin": [403, 403, 403],
    "audit.read": [403, 403, 403],
    "calc.run": [200, 200, 200],
  },
  manager: {
    "units.read": [200, 200, 200],
    "units.write": [403, 403, 403],
    "positions.read": [200, 200, 403],
    "positions.write": [403, 403, 403],
    "people.read": [200, 403, 403],
    "people.readOne": [200, 403, 403],
    "people.write": [403, 403, 403],
    "users.admin": [403, 403, 403],
    "audit.read": [403, 403, 403],
    "calc.run": [200, 200, 200],
  },
  staff: {
    "units.read": [200, 200, 200],
    "units.write": [403, 403, 403],
    "positions.read": [403, 403, 403],
    "positions.write": [403, 403, 403],
    "people.read": [403, 403, 403],
    "people.readOne": [403, 403, 403],
    "people.write": [403, 403, 403],
    "users.admin": [403, 403, 403],
    "audit.read": [403, 403, 403],
    "calc.run": [200, 200, 200],
  },
  appraiser: {
    "units.read": [200, 200, 200],
    "units.write": [403, 403, 403],
    "positions.read": [403, 403, 403],
    "positions.write": [403, 403, 403],
    "people.read": [403, 403, 403],
    "people.readOne": [403, 403, 403],
    "people.write": [403, 403, 403],
    "users.admin": [403, 403, 403],
    "audit.read": [403, 403, 403],
    "calc.run": [200, 200, 200],
  },
  council: {
    "units.read": [200, 200, 200],
    "units.write": [403, 403, 403],
    "positions.read": [403, 403, 403],
    "positions.write": [403, 403, 403],
    "people.read": [403, 403, 403],
    "people.readOne": [403, 403, 403],
    "people.write": [403, 403, 403],
    "users.admin": [403, 403, 403],
    "audit.read": [403, 403, 403],
    "calc.run": [200, 200, 200],
  },
};

const order: Target[] = ["kt", "vhxh", "snv"];
const cases = Object.entries(table).flatMap(([role, row]) =>
  Object.entries(row).flatMap(([family, statuses]) =>
    order.map((target, i) => ({ role, family, target, expected: statuses[i]! })),
  ),
);

describe("permissions: role × route family × scope", () => {
  it.each(cases)("$role $family on $target → $expected", async ({ role, family, target, expected }) => {
    const res = await families[family]!(clients.get(role)!, targets[target]);
    expect(res.statusCode).toBe(expected);
  });

  it("lets a staff member read their own record", async () => {
    expect((await clients.get("staff")!.get("/api/v1/org/people/p-na-12")).statusCode).toBe(200);
  });

  it("answers 401 to every protected family without a session", async () => {
    for (const [family, probe] of Object.entries(families)) {
      const res = await probe(t.anonymous, targets.kt);
      expect(res.statusCode, family).toBe(401);
    }
  });
});
