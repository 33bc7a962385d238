import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { levelNames } from "@thuocdo/contract";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluations, files, grants, orgUnits, people, periods, users } from "../../db/schema.ts";
import { YEAR_HEADER_ROW } from "../../reports/year-xlsx.ts";
import { type Client, createTestApp, type TestApp } from "../../test/harness.ts";

const docxLines = (body: Buffer) =>
  strFromU8(unzipSync(new Uint8Array(body))["word/document.xml"]!)
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));

const nameOf = (id: string) => `Công chức ${id.slice(3)}`;

/**
 * Golden end-to-end year (issue #5 checks): a division of 12 with known monthly scores, one
 * maternity leave, one new hire in August, one reprimand, four candidates for excellent of whom
 * the quota keeps one. The page (API) must show the levels the calculator CLI computes from the
 * same numbers; then the Art. 21 workflow runs to publication and a petition.
 */

const run = promisify(execFile);
const root = new URL("../../../../../", import.meta.url).pathname;
const cli = async (document: unknown) => {
  const child = run(process.execPath, ["--import", "tsx", "apps/server/src/cli/main.ts", "calc"], {
    cwd: root,
    encoding: "utf8",
  });
  child.child.stdin?.end(JSON.stringify(document));
  return JSON.parse((await child).stdout);
};

const AGENCY = "xa-tn";
const DIVISION = "tn-kt";
const YEAR = 2026;
const months = (from: number, scores: number[]) => scores.map((score, i) => ({ month: from + i, score }));
const flat = (score: number) => months(1, Array(12).fill(score));

/** The division: person id → confirmed monthly scores (and what makes them special). */
const division: Record<string, { months: { month: number; score: number }[]; note: string }> = {
  "tn-01": { months: months(1, [96, 94, 95, 95, 96, 94, 95, 95, 95, 95, 95, 95]), note: "candidate, kept" },
  "tn-02": { months: flat(94), note: "candidate, cut" },
  "tn-03": { months: flat(93), note: "candidate, cut" },
  "tn-04": { months: months(1, [91, 93, 91, 93, 91, 93, 91, 93, 91, 93, 91, 93]), note: "candidate, cut" },
  "tn-05": { months: months(1, [84, 86, 85, 85, 85]), note: "maternity leave from June" },
  "tn-06": { months: months(8, [91, 91, 91, 91, 91]), note: "new hire in August" },
  "tn-07": { months: flat(88), note: "reprimand (khiển trách) in October" },
  "tn-08": { months: flat(80), note: "good" },
  "tn-09": { months: flat(75), note: "good" },
  "tn-10": { months: flat(72.5), note: "good" },
  "tn-11": { months: flat(60), note: "completed" },
  "tn-12": { months: flat(45), note: "not completed" },
};
const expected: Record<string, string> = {
  "tn-01": "excellent",
  "tn-02": "good",
  "tn-03": "good",
  "tn-04": "good",
  "tn-05": "good",
  "tn-06": "unclassified",
  "tn-07": "not_completed",
  "tn-08": "good",
  "tn-09": "good",
  "tn-10": "good",
  "tn-11": "completed",
  "tn-12": "not_completed",
};
const ids = Object.keys(division);

/**
 * The clock: Saturday 14/02/2026, the first day of Tết. Sessions compare their database-stamped
 * creation time with this clock, so it must lie before the real date the suite runs on.
 */
const now = new Date("2026-02-14T02:00:00Z");
let t: TestApp;
let hr: Client;
let head: Client;
let staff: Client;
let classificationId: string;

async function seedDivision() {
  const db = t.deps.db;
  await db.insert(orgUnits).values([
    { id: AGENCY, parentId: "thanh-hoa", kind: "commune", name: "UBND xã Thử Nghiệm", path: `/thanh-hoa/${AGENCY}/` },
    {
      id: DIVISION,
      parentId: AGENCY,
      kind: "division",
      name: "Phòng Kinh tế",
      path: `/thanh-hoa/${AGENCY}/${DIVISION}/`,
    },
  ]);
  await db.insert(people).values(
    ids.map((id, i) => ({
      id,
      fullName: `Công chức ${String(i + 1).padStart(2, "0")}`,
      searchText: `cong chuc ${i + 1}`,
      unitId: DIVISION,
      agencyId: AGENCY,
      leaderRole: "none",
    })),
  );
  const pad = (n: number) => String(n).padStart(2, "0");
  await db.insert(periods).values(
    Array.from({ length: 12 }, (_, i) => ({
      id: `tn-p${i + 1}`,
      agencyId: AGENCY,
      kind: "month",
      year: YEAR,
      number: i + 1,
      startsOn: `${YEAR}-${pad(i + 1)}-01`,
      endsOn: `${YEAR}-${pad(i + 1)}-28`,
      selfEvaluationDue: `${YEAR}-${pad(i + 1)}-25`,
      reviewDue: `${YEAR}-${pad(i + 1)}-28`,
      lockDue: `${YEAR}-${pad(i + 1)}-28`,
      ruleSetVersion: "nd335-2026.1",
      status: "locked",
    })),
  );
  await db.insert(evaluations).values(
    ids.flatMap((personId) =>
      division[personId]!.months.map((m) => ({
        id: `tn-e-${personId}-${m.month}`,
        periodId: `tn-p${m.month}`,
        personId,
        unitId: DIVISION,
        status: "confirmed",
        total: String(m.score),
        ruleSetVersion: "nd335-2026.1",
      })),
    ),
  );
  await db.insert(files).values({
    id: "tn-minutes",
    sha256: "x",
    size: 10,
    mime: "application/pdf",
    name: "bien-ban.pdf",
    unitPath: `/thanh-hoa/${AGENCY}/`,
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  await seedDivision();
  const admin = await t.as("admin");
  const [headUser] = await t.deps.db.select().from(users).where(eq(users.username, "head"));
  await t.deps.db.insert(grants).values({ id: "tn-head-grant", userId: headUser!.id, role: "head", orgUnitId: AGENCY });
  const created = await admin.post("/api/v1/admin/users", {
    username: "tn.staff",
    displayName: "Công chức 02",
    personId: "tn-02",
    password: "ThuocDo@2026",
  });
  expect(created.statusCode, created.body).toBe(200);
  await t.deps.db
    .insert(grants)
    .values({ id: "tn-staff-grant", userId: created.json().id, role: "staff", orgUnitId: DIVISION });
  hr = await t.as("hr.tinh");
  head = await t.as("head");
  staff = await t.as("tn.staff");
  // The leave and the reprimand, recorded by hr.
  expect(
    (
      await hr.request("PUT", "/api/v1/year/leave", {
        personId: "tn-05",
        year: YEAR,
        months: [6, 7, 8, 9, 10, 11, 12].map((month) => ({ month, kind: "maternity" })),
      })
    ).statusCode,
  ).toBe(200);
  const reprimand = await hr.post("/api/v1/year/records", {
    personId: "tn-07",
    kind: "discipline",
    form: "khien_trach",
    publicDuty: true,
    effectiveOn: "2026-10-15",
    documentNumber: "12/QĐ-UBND",
    documentDate: "2026-10-15",
  });
  expect(reprimand.statusCode).toBe(200);
  expect(reprimand.json()).toMatchObject({ countsInYear: 2026, form: "khien_trach" });
}, 60_000);
afterAll(() => t.close());

/** What the calculator CLI says for the division: computeYear per person, then the quota. */
async function calculator(): Promise<Record<string, string>> {
  const years = await Promise.all(
    ids.map((id) =>
      cli({
        kind: "year",
        months: division[id]!.months,
        leave: id === "tn-05" ? "maternity" : "none",
        monthsWorked: division[id]!.months.length,
        discipline: id === "tn-07" ? [{ form: "khien_trach", publicDuty: true }] : [],
      }),
    ),
  );
  const quota = await cli({
    kind: "quota",
    people: ids.map((id, i) => ({ id, score: years[i].average ?? 0, level: years[i].level })),
  });
  return quota.levels;
}

describe("golden year: a division of 12 (Art. 11, 17.3, 20)", () => {
  let fromCli: Record<string, string>;
  beforeAll(async () => {
    fromCli = await calculator();
  }, 120_000);

  it("hr opens the year; the live list shows the calculator's levels", async () => {
    const opened = await hr.post("/api/v1/year/classifications", { agencyId: AGENCY, year: YEAR });
    expect(opened.statusCode).toBe(200);
    classificationId = opened.json().id;
    expect(opened.json()).toMatchObject({ status: "open", quotaRate: 0.2, agencyLevelSource: "none" });

    const res = await hr.get(`/api/v1/year/classifications/${classificationId}/people?pageSize=50`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().items as { personId: string; proposedLevel: string }[];
    const page = Object.fromEntries(rows.map((r) => [r.personId, r.proposedLevel]));
    expect(fromCli).toEqual(expected);
    expect(page).toEqual(fromCli);
  });

  it("shows each reason: threshold, leave, unclassified cause, forced by the record", async () => {
    const rows = (await hr.get(`/api/v1/year/classifications/${classificationId}/people?pageSize=50`)).json().items;
    const byId = Object.fromEntries(rows.map((r: { personId: string }) => [r.personId, r]));
    expect(byId["tn-05"]).toMatchObject({ leave: "maternity", monthsCounted: 5, average: 85, yearLevel: "good" });
    expect(byId["tn-05"].months[6]).toMatchObject({ month: 7, score: null, leave: "maternity" });
    expect(byId["tn-06"].reasons[0]).toMatchObject({
      rule: "unclassified",
      cause: "months_worked_below_min",
      monthsWorked: 5,
    });
    expect(byId["tn-07"]).toMatchObject({ average: 88, yearLevel: "not_completed" });
    expect(byId["tn-07"].reasons.map((r: { rule: string }) => r.rule)).toEqual(["threshold", "discipline"]);
    expect(byId["tn-07"].reasons[1].recordId).toBeTruthy();
    expect(byId["tn-04"]).toMatchObject({
      average: 92,
      yearLevel: "excellent",
      proposedLevel: "good",
      quotaOutcome: "cut",
    });
    expect(byId["tn-04"].reasons.at(-1)).toMatchObject({ rule: "quota_cut", allowed: 1 });
  });

  it("shows the quota computation: G = 4, E = 4, ⌊0.2·8/1.2⌋ = 1, three cut", async () => {
    const quota = (await hr.get(`/api/v1/year/classifications/${classificationId}/quota`)).json();
    const staffGroup = quota.groups.find((g: { name: string }) => g.name === "Công chức");
    expect(staffGroup).toMatchObject({ good: 4, excellent: 4, rate: 0.2, reading: "final", allowed: 1 });
    expect(staffGroup.cut).toEqual(["tn-02", "tn-03", "tn-04"]);
    expect(quota.agency).toMatchObject({ good: 7, excellent: 1, allowed: 1, cut: [] });
  });

  it("filters, sorts and paginates the list", async () => {
    const res = await hr.get(
      `/api/v1/year/classifications/${classificationId}/people?level=good&sort=average&order=desc&pageSize=3`,
    );
    expect(res.json().total).toBe(7);
    expect(res.json().items.map((r: { personId: string }) => r.personId)).toEqual(["tn-02", "tn-03", "tn-04"]);
  });
});

describe("the official outputs show the calculator's levels", () => {
  it("the classification table (XLSX)", async () => {
    const res = await hr.get(`/api/v1/reports/classification-table/xlsx?classificationId=${classificationId}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const levels: Record<string, unknown> = {};
    book.worksheets[0]!.eachRow((row, n) => {
      if (n > YEAR_HEADER_ROW) {
        const values = (row.values as unknown[]).slice(1);
        levels[values[1] as string] = values[19];
      }
    });
    for (const id of ids) expect(levels[nameOf(id)], id).toBe(levelNames[expected[id] as keyof typeof levelNames]);
  });

  it("the decision draft with its annex (DOCX)", async () => {
    const res = await hr.get(`/api/v1/reports/classification-decision/docx?classificationId=${classificationId}`);
    expect(res.statusCode).toBe(200);
    const lines = docxLines(res.rawPayload);
    expect(lines).toContain("Về việc xếp loại chất lượng công chức năm 2026");
    for (const id of ids) {
      const at = lines.indexOf(nameOf(id));
      expect(lines[at + 4], id).toBe(levelNames[expected[id] as keyof typeof levelNames]);
    }
    expect(lines.join("\n")).toContain("Hoàn thành xuất sắc nhiệm vụ: 1; Hoàn thành tốt nhiệm vụ: 7");
  });

  it("Mẫu 02 (DOCX and PDF) of one person: 12 months, average, level and why", async () => {
    const docx = await hr.get(`/api/v1/reports/mau02/docx?classificationId=${classificationId}&personId=tn-07`);
    expect(docx.statusCode).toBe(200);
    const text = docxLines(docx.rawPayload).join("\n");
    expect(text).toContain("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC");
    expect(text).toContain("88,00");
    expect(text).toContain("Xếp loại: Không hoàn thành nhiệm vụ");
    expect(text).toContain("Bị kỷ luật khiển trách");
    const pdf = await staff.get(`/api/v1/reports/mau02/pdf?classificationId=${classificationId}&personId=tn-02`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(
      (await staff.get(`/api/v1/reports/mau02/pdf?classificationId=${classificationId}&personId=tn-03`)).statusCode,
    ).toBe(403);
  });

  it("the implementation report (DOCX) fills the figures from data", async () => {
    const saved = await hr.request("PUT", `/api/v1/year/report-narrative?agencyId=${AGENCY}&year=${YEAR}`, {
      version: 0,
      documentNumber: "15",
      sections: { assessment: "Công tác đánh giá đã đi vào nền nếp." },
      signerTitle: "CHỦ TỊCH",
      signerName: "Nguyễn Văn A",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, documentNumber: "15" });
    const res = await hr.get(`/api/v1/reports/implementation-report/docx?agencyId=${AGENCY}&year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    const text = docxLines(res.rawPayload).join("\n");
    expect(text).toContain("Số: 15/BC-UBND");
    expect(text).toContain("IV. Đánh giá chung\nCông tác đánh giá đã đi vào nền nếp.");
    expect(text).toContain("130/130 phiếu đã được xác nhận");
    expect(text).toContain("Nguyễn Văn A");
  });

  it("dashboards: the agency's distribution and the province page", async () => {
    const agency = (await head.get(`/api/v1/dashboards/agency?agencyId=${AGENCY}&year=${YEAR}`)).json();
    expect(agency.distribution).toEqual({ excellent: 1, good: 7, completed: 1, not_completed: 2, unclassified: 1 });
    expect(agency.trend[0]).toMatchObject({ month: 1, confirmed: 11, expected: 11 });
    expect(agency.trend[7]).toMatchObject({ month: 8, confirmed: 11, expected: 11 });
    expect(agency.divisions).toEqual([expect.objectContaining({ unitId: DIVISION, people: 12 })]);
    const province = (await hr.get(`/api/v1/dashboards/province?year=${YEAR}&sort=people&order=desc`)).json();
    const row = province.rows.find((r: { agencyId: string }) => r.agencyId === AGENCY);
    expect(row).toMatchObject({ status: "open", source: "live", people: 12, classified: 11, excellentShare: 1 / 7 });
    expect((await staff.get(`/api/v1/dashboards/province?year=${YEAR}`)).statusCode).toBe(403);
  });
});

describe("permissions (Art. 21 roles)", () => {
  const c = () => `/api/v1/year/classifications/${classificationId}`;
  const record = {
    personId: "tn-01",
    kind: "degradation",
    effectiveOn: "2026-01-01",
    documentNumber: "1",
    documentDate: "2026-01-01",
  };
  const cases: [
    who: string,
    what: string,
    method: "GET" | "POST" | "PUT",
    path: () => string,
    body: unknown,
    status: number,
  ][] = [
    ["staff", "opens a year", "POST", () => "/api/v1/year/classifications", { agencyId: AGENCY, year: 2027 }, 403],
    ["head", "opens a year", "POST", () => "/api/v1/year/classifications", { agencyId: AGENCY, year: 2027 }, 403],
    [
      "hr (another commune)",
      "opens a year",
      "POST",
      () => "/api/v1/year/classifications",
      { agencyId: AGENCY, year: 2027 },
      403,
    ],
    ["tn.staff", "reads the quota", "GET", () => `${c()}/quota`, undefined, 403],
    ["manager (another commune)", "reads the year", "GET", () => c(), undefined, 403],
    ["hr.tinh", "decides", "POST", () => `${c()}/decisions`, { version: 1, number: "1/QĐ", date: "2026-12-10" }, 403],
    [
      "tn.staff",
      "self-proposes for someone else",
      "PUT",
      () => `${c()}/people/tn-03/self-proposal`,
      { level: "good" },
      403,
    ],
    ["staff", "records a degradation conclusion", "POST", () => "/api/v1/year/records", record, 403],
    ["tn.staff", "reads own year", "GET", () => `${c()}/people/tn-02`, undefined, 200],
    ["tn.staff", "reads a colleague's year", "GET", () => `${c()}/people/tn-03`, undefined, 403],
    ["hr.tinh", "reads the quota", "GET", () => `${c()}/quota`, undefined, 200],
  ];
  it.each(cases)("%s %s → %#", async (who, _what, method, path, body, status) => {
    const user = who === "tn.staff" ? staff : await t.as(who.split(" ")[0]!);
    const res = await user.request(method, path(), body);
    expect(res.statusCode, res.body).toBe(status);
  });

  it("the public page needs no login but shows nothing before publication", async () => {
    expect((await t.anonymous.get(`/api/v1/public/classifications/${AGENCY}/${YEAR}`)).statusCode).toBe(404);
  });
});

describe("ties at the cut wait for the head (Art. 20.5)", () => {
  it("a tie blocks the proposal until the head records an order", async () => {
    await t.deps.db
      .update(evaluations)
      .set({ total: "95" })
      .where(and(eq(evaluations.personId, "tn-02"), eq(evaluations.status, "confirmed")));
    await t.deps.db.update(evaluations).set({ total: "96" }).where(eq(evaluations.id, "tn-e-tn-02-1"));
    await t.deps.db.update(evaluations).set({ total: "94" }).where(eq(evaluations.id, "tn-e-tn-02-2"));
    const rows = (await hr.get(`/api/v1/year/classifications/${classificationId}/people?pageSize=50`)).json().items;
    const tied = rows.filter((r: { proposedLevel: string | null }) => r.proposedLevel === null);
    expect(tied.map((r: { personId: string }) => r.personId).sort()).toEqual(["tn-01", "tn-02"]);
    const header = (await hr.get(`/api/v1/year/classifications/${classificationId}`)).json();
    expect(header.pendingTies).toBe(1);

    await hr.post(`/api/v1/year/classifications/${classificationId}/minutes`, {
      unitId: DIVISION,
      meetingDate: "2026-12-08",
      fileId: "tn-minutes",
    });
    const blocked = await hr.post(`/api/v1/year/classifications/${classificationId}/proposal`, {
      version: header.version + 1,
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: "TIES_PENDING" });

    const groupId = (await hr.get(`/api/v1/year/classifications/${classificationId}/quota`))
      .json()
      .groups.find((g: { tie: unknown }) => g.tie).scope;
    const decided = await head.request("PUT", `/api/v1/year/classifications/${classificationId}/tie-breaks`, {
      scope: groupId,
      order: ["tn-02", "tn-01"],
      reason: "Đồng chí Công chức 02 chủ trì nhiều nhiệm vụ khó hơn trong năm.",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const group = decided.json().groups.find((g: { scope: string }) => g.scope === groupId);
    expect(group.tie).toMatchObject({
      personIds: ["tn-01", "tn-02"],
      seats: 1,
      decided: true,
      decidedByName: expect.any(String),
    });
    const after = (await hr.get(`/api/v1/year/classifications/${classificationId}/people?pageSize=50`)).json().items;
    const levelOf = (id: string) => after.find((r: { personId: string }) => r.personId === id);
    expect(levelOf("tn-02")).toMatchObject({ proposedLevel: "excellent", quotaOutcome: "kept_by_decision" });
    expect(levelOf("tn-01")).toMatchObject({ proposedLevel: "good", quotaOutcome: "cut_by_decision" });
  });
});

describe("workflow to publication (Art. 21) and petitions (Art. 22)", () => {
  it("self-proposal, proposal, decision, publication, public page and notices", async () => {
    const self = await staff.request(
      "PUT",
      `/api/v1/year/classifications/${classificationId}/people/tn-02/self-proposal`,
      {
        level: "excellent",
        selfReport: "Hoàn thành 100% nhiệm vụ được giao.",
      },
    );
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json().row).toMatchObject({ selfProposedLevel: "excellent", proposedLevel: "excellent" });

    let c = (await hr.get(`/api/v1/year/classifications/${classificationId}`)).json();
    const proposed = await hr.post(`/api/v1/year/classifications/${classificationId}/proposal`, {
      version: c.version,
      note: "Phòng Nội vụ đề xuất.",
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().status).toBe("proposed");

    c = proposed.json();
    const decided = await head.post(`/api/v1/year/classifications/${classificationId}/decisions`, {
      version: c.version,
      number: "45/QĐ-UBND",
      date: "2026-12-10",
      signer: "Chủ tịch UBND xã",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().decisions[0]).toMatchObject({
      number: "45/QĐ-UBND",
      active: true,
      counts: { excellent: 1, good: 7 },
    });

    const published = await head.post(`/api/v1/year/classifications/${classificationId}/publish`, {
      version: decided.json().version,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe("published");

    const open = await t.anonymous.get(`/api/v1/public/classifications/${AGENCY}/${YEAR}`);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({
      decisionNumber: "45/QĐ-UBND",
      counts: { excellent: 1, good: 7, completed: 1 },
    });
    expect(open.json().rows).toHaveLength(12);
    expect(open.json().rows[0]).not.toHaveProperty("average");
    expect((await t.anonymous.get(`/api/v1/public/classifications?year=${YEAR}`)).json()).toEqual([
      expect.objectContaining({ agencyId: AGENCY, year: YEAR }),
    ]);

    const notices = (await staff.get("/api/v1/notifications")).json();
    expect(notices.items[0].title).toBe(
      "Kết quả xếp loại chất lượng năm 2026 của bạn: Hoàn thành xuất sắc nhiệm vụ (Quyết định số 45/QĐ-UBND).",
    );
    const mine = (await staff.get(`/api/v1/me/year?year=${YEAR}`)).json();
    expect(mine.published).toMatchObject({ level: "excellent", decisionNumber: "45/QĐ-UBND" });
  });

  it("petitions are due 7 working days later, across Tết for a paper one", async () => {
    const paper = await hr.post("/api/v1/year/petitions", {
      classificationId,
      personId: "tn-03",
      content: "Đề nghị xem xét lại việc áp tỷ lệ.",
      receivedOn: "2026-02-12",
    });
    expect(paper.statusCode, paper.body).toBe(200);
    expect(paper.json()).toMatchObject({
      receivedOn: "2026-02-12",
      dueOn: "2026-03-02",
      status: "pending",
      overdue: false,
    });

    const own = await staff.post("/api/v1/year/petitions", {
      classificationId,
      content: "Tôi đề nghị xem lại điểm tháng 2.",
    });
    expect(own.statusCode, own.body).toBe(200);
    // Filed on Saturday 14/02, during Tết (14–22/02): 23–27/02, 02/03, 03/03 are the seven working days.
    expect(own.json()).toMatchObject({ receivedOn: "2026-02-14", dueOn: "2026-03-03", overdue: false });
    const again = await staff.post("/api/v1/year/petitions", { classificationId, content: "Lần hai." });
    expect(again.json()).toMatchObject({ code: "DUPLICATE" });

    const answer = await head.post(`/api/v1/year/petitions/${own.json().id}/answer`, {
      version: own.json().version,
      outcome: "rejected",
      answer: "Điểm tháng 2 đã được xác nhận đúng quy định.",
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: "answered", outcome: "rejected", answeredOn: "2026-02-14" });
    const twice = await head.post(`/api/v1/year/petitions/${own.json().id}/answer`, {
      version: answer.json().version,
      outcome: "accepted",
      answer: "x",
    });
    expect(twice.json()).toMatchObject({ code: "PETITION_CLOSED" });
  });

  it("a re-classification replaces the decision, needs a reason and keeps history (Art. 21.3)", async () => {
    const petition = (await hr.get(`/api/v1/year/petitions?classificationId=${classificationId}&status=pending`)).json()
      .items[0];
    const c = (await hr.get(`/api/v1/year/classifications/${classificationId}`)).json();
    const noReason = await head.post(`/api/v1/year/classifications/${classificationId}/decisions`, {
      version: c.version,
      number: "52/QĐ-UBND",
      date: "2026-12-20",
    });
    expect(noReason.json()).toMatchObject({ code: "REASON_REQUIRED" });
    const again = await head.post(`/api/v1/year/classifications/${classificationId}/decisions`, {
      version: c.version,
      number: "52/QĐ-UBND",
      date: "2026-12-20",
      reason: "Xem xét lại theo kiến nghị.",
      petitionId: petition.id,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().status).toBe("decided");
    expect(again.json().decisions.map((d: { number: string; active: boolean }) => [d.number, d.active])).toEqual([
      ["45/QĐ-UBND", false],
      ["52/QĐ-UBND", true],
    ]);
    expect((await hr.get(`/api/v1/year/petitions/${petition.id}`)).json().decisionId).toBe(
      again.json().decisions[1].id,
    );
    // Until the new decision is published, the public page keeps the published one.
    expect((await t.anonymous.get(`/api/v1/public/classifications/${AGENCY}/${YEAR}`)).json().decisionNumber).toBe(
      "45/QĐ-UBND",
    );
  });

  it("exports the decided year and the monthly results for the national database, and logs it (Art. 26.1.d)", async () => {
    const annual = await hr.get(`/api/v1/year/national-export?agencyId=${AGENCY}&year=${YEAR}&kind=annual&format=csv`);
    expect(annual.statusCode, annual.body).toBe(200);
    const lines = annual.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "agency_code,agency_name,employee_code,full_name,year,months_counted,average_score,level,decision_number,decision_date,rule_set_version",
    );
    expect(lines).toHaveLength(13);
    expect(lines.find((l) => l.includes("Công chức 07"))).toContain(
      ",12,88.00,not_completed,52/QĐ-UBND,2026-12-20,nd335-2026.1",
    );
    const monthly = await hr.get(
      `/api/v1/year/national-export?agencyId=${AGENCY}&year=${YEAR}&kind=monthly&format=json&month=8`,
    );
    expect(monthly.json()).toMatchObject({ schema: "thuocdo-national-1", kind: "monthly" });
    expect(monthly.json().records).toHaveLength(11);
    const log = (await hr.get(`/api/v1/year/national-exports?agencyId=${AGENCY}`)).json();
    expect(log.items.map((e: { kind: string; format: string; rows: number }) => [e.kind, e.format, e.rows])).toEqual([
      ["monthly", "json", 11],
      ["annual", "csv", 12],
    ]);
    expect(
      (await staff.get(`/api/v1/year/national-export?agencyId=${AGENCY}&year=${YEAR}&kind=annual&format=csv`))
        .statusCode,
    ).toBe(403);
  });
});
