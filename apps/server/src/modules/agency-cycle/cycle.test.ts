import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAgencyTemplates } from "../../seed/agency-templates.ts";
import { type Client, createTestApp, type TestApp } from "../../test/harness.ts";
import { sendAgencyReminders } from "../agency-cycle-reminders/service.ts";

/**
 * The whole yearly cycle (issue #6): three departments and two communes, known scores, one N/A
 * criterion, one bonus, one penalty, one serious incident, one PAR rank `kha` blocking excellent,
 * and the quota (25% by recorded exception) cutting one agency — the results must equal the
 * calculator's (`thuocdo calc`, kinds `agency` and `quota`).
 */

/** The real clock, except while the reminders run "two days before the appraisal deadline". */
let now: Date | null = null;
let t: TestApp;
let hrTinh: Client;
let hrXa: Client;
let appraiser: Client;
let council: Client;
beforeAll(async () => {
  t = await createTestApp({ now: () => now ?? new Date() });
  await seedAgencyTemplates(t.deps);
  hrTinh = await t.as("hr.tinh");
  hrXa = await t.as("hr");
  appraiser = await t.as("appraiser");
  council = await t.as("council");
});
afterAll(() => t.close());

const root = new URL("../../../../../", import.meta.url).pathname;
const cli = (document: unknown) =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "apps/server/src/cli/main.ts", "calc"], {
      cwd: root,
      input: JSON.stringify(document),
      encoding: "utf8",
    }),
  );

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function upload(user: Client, unitId: string, name: string): Promise<string> {
  const boundary = "----tdagency";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  const res = await t.app.inject({
    method: "POST",
    url: `/api/v1/files?unitId=${unitId}`,
    payload: Buffer.concat([Buffer.from(head), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      cookie: user.cookie!,
      "x-csrf-token": user.csrf,
    },
  });
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

const put = (c: Client, url: string, body: unknown) => c.request("PUT", url, body);

/** The framework: two scored groups (appraised by Sở Nội vụ, Sở Tư pháp, Sở Tài chính, and Sở Nội vụ's hr), a bonus, a penalty. */
const tree = [
  {
    code: "A",
    name: "Kết quả thực hiện nhiệm vụ",
    max: 60,
    kind: "scored",
    children: [
      { code: "A1", name: "Cải cách hành chính", max: 30, kind: "scored", appraiserUnitId: "so-noi-vu", children: [] },
      {
        code: "A2",
        name: "Văn bản quy phạm pháp luật",
        max: 30,
        kind: "scored",
        appraiserUnitId: "so-tu-phap",
        children: [],
      },
    ],
  },
  {
    code: "B",
    name: "Phối hợp, đầu tư",
    max: 40,
    kind: "scored",
    children: [
      {
        code: "B1",
        name: "Quyết toán vốn đầu tư",
        max: 20,
        kind: "scored",
        appraiserUnitId: "so-tai-chinh",
        children: [],
      },
      { code: "B2", name: "Phối hợp giải quyết công việc", max: 20, kind: "scored", children: [] },
    ],
  },
  { code: "C", name: "Điểm cộng", max: 5, kind: "bonus", appraiserUnitId: "so-noi-vu", children: [] },
  { code: "T", name: "Điểm trừ", max: 10, kind: "penalty", appraiserUnitId: "so-noi-vu", children: [] },
];

type Scores = Record<"A1" | "A2" | "B1" | "B2" | "C" | "T", number | "na">;
interface Case {
  agencyId: string;
  self: Scores;
  conditions: { parRank: string; seriousIncident: boolean };
  expect: { score: number; computed: string; level: string };
}

let communeId = "";
const cases = (): Case[] => [
  // 100 points, PAR tốt: excellent, first of the two candidates — kept.
  {
    agencyId: "so-noi-vu",
    self: { A1: 30, A2: 30, B1: 20, B2: 20, C: 0, T: 0 },
    conditions: { parRank: "tot", seriousIncident: false },
    expect: { score: 100, computed: "excellent", level: "excellent" },
  },
  // 94 + bonus 2 = 96, excellent: cut by the quota (one seat for five agencies at 25%).
  {
    agencyId: "so-tai-chinh",
    self: { A1: 28, A2: 29, B1: 19, B2: 18, C: 2, T: 0 },
    conditions: { parRank: "tot", seriousIncident: false },
    expect: { score: 96, computed: "excellent", level: "good" },
  },
  // Self 95, appraised A1 29 → 94; PAR khá blocks excellent (Quảng Nam Art. 5.1.a).
  {
    agencyId: "so-tu-phap",
    self: { A1: 30, A2: 30, B1: 18, B2: 17, C: 0, T: 0 },
    conditions: { parRank: "kha", seriousIncident: false },
    expect: { score: 94, computed: "good", level: "good" },
  },
  // 95 − penalty 3 = 92; a serious incident lowers excellent to good (Art. 5.2).
  {
    agencyId: "nguyet-an",
    self: { A1: 30, A2: 30, B1: 18, B2: 17, C: 0, T: 3 },
    conditions: { parRank: "tot", seriousIncident: true },
    expect: { score: 92, computed: "good", level: "good" },
  },
  // B2 not applicable: 65 ÷ 80 × 100 = 81.25.
  {
    agencyId: communeId,
    self: { A1: 25, A2: 25, B1: 15, B2: "na", C: 0, T: 0 },
    conditions: { parRank: "tot", seriousIncident: false },
    expect: { score: 81.25, computed: "good", level: "good" },
  },
];

let frameworkId = "";
let cycleId = "";
let version = 0;
const ids = new Map<string, string>();
const assessmentOf = new Map<string, string>();
const agencyClient = (agencyId: string) => (agencyId === "nguyet-an" ? hrXa : hrTinh);

async function advance(step: string) {
  const res = await hrTinh.post(`/api/v1/agency/cycles/${cycleId}/advance`, { version, step });
  expect(res.statusCode, res.body).toBe(200);
  version = res.json().version;
  return res.json();
}

describe("the yearly agency cycle", () => {
  it("builds the group: a second commune, a framework with the strict tree, five agencies", async () => {
    const admin = await t.as("admin");
    const unit = await admin.post("/api/v1/org/units", {
      parentId: "thanh-hoa",
      kind: "commune",
      code: "XB",
      name: "UBND xã Xuân Bình",
    });
    expect(unit.statusCode, unit.body).toBe(200);
    communeId = unit.json().id;

    const created = await hrTinh.post("/api/v1/agency/frameworks", {
      year: 2026,
      name: "Bộ tiêu chí thử nghiệm 2026",
      groupName: "Sở và xã (thử nghiệm)",
      rules: "quangnam2023",
      quotaRate: 0.2,
      exceptionRate: 0.25,
      exceptionGranted: true,
      exceptionReference: "Văn bản 12/UBND-NC",
    });
    expect(created.statusCode, created.body).toBe(200);
    frameworkId = created.json().id;

    // An unbalanced tree is refused whole, with the parent and the numbers.
    const bad = structuredClone(tree);
    bad[0]!.children[0]!.max = 25;
    const refused = await put(hrTinh, `/api/v1/agency/frameworks/${frameworkId}/criteria`, {
      version: created.json().version,
      criteria: bad,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "FRAMEWORK_INVALID",
      message: expect.stringContaining("tổng điểm tiêu chí con"),
      details: {
        issues: expect.arrayContaining([
          expect.objectContaining({ code: "children_max_mismatch", details: { max: 60, childrenSum: 55 } }),
        ]),
      },
    });

    const saved = await put(hrTinh, `/api/v1/agency/frameworks/${frameworkId}/criteria`, {
      version: created.json().version,
      criteria: tree,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const c of saved.json().criteria) ids.set(c.code, c.id);
    const agencies = await put(hrTinh, `/api/v1/agency/frameworks/${frameworkId}/agencies`, {
      version: saved.json().version,
      agencyIds: ["so-noi-vu", "so-tai-chinh", "so-tu-phap", "nguyet-an", communeId],
    });
    expect(agencies.statusCode, agencies.body).toBe(200);
    expect(agencies.json()).toMatchObject({ issues: [], totals: { base: 100, bonusMax: 5, penaltyMax: 10 } });
  });

  it("opens the cycle with the regulation's deadlines and locks the framework", async () => {
    const res = await hrTinh.post("/api/v1/agency/cycles", { frameworkId, quorum: null });
    expect(res.statusCode, res.body).toBe(200);
    cycleId = res.json().id;
    version = res.json().version;
    expect(res.json()).toMatchObject({
      step: "self_assessment",
      deadlines: {
        selfAssessment: "2026-11-30",
        appraisal: "2026-12-05",
        explanation: "2026-12-10",
        council: "2026-12-15",
      },
      agencyCount: 5,
    });
    const edit = await hrTinh.patch(`/api/v1/agency/frameworks/${frameworkId}`, { version: 99, name: "Đổi" });
    expect(edit.json().code).toBe("FRAMEWORK_LOCKED");
    const list = await hrTinh.get(`/api/v1/agency/assessments?cycleId=${cycleId}&pageSize=10`);
    for (const a of list.json().items) assessmentOf.set(a.agencyId, a.id);
    expect(assessmentOf.size).toBe(5);
  });

  it("takes each agency's self-assessment; the dossier check blocks an incomplete submission", async () => {
    for (const c of cases()) {
      const client = agencyClient(c.agencyId);
      const id = assessmentOf.get(c.agencyId)!;
      const early = await client.post(`/api/v1/agency/assessments/${id}/submit`);
      expect(early.statusCode).toBe(422);
      expect(early.json().code).toBe("DOSSIER_INCOMPLETE");
      expect(early.json().details.gaps.map((g: { code: string }) => g.code)).toEqual(
        expect.arrayContaining([
          "request_letter",
          "annual_report",
          "self_scoring_report",
          "score_missing",
          "proposed_level_missing",
        ]),
      );

      const evidence = await upload(client, c.agencyId, "minh-chung.pdf");
      const scores = (Object.entries(c.self) as [keyof Scores, number | "na"][]).map(([code, value]) =>
        value === "na"
          ? {
              criterionId: ids.get(code)!,
              score: null,
              notApplicable: true,
              naExplanation: "UBND tỉnh không giao nhiệm vụ này.",
              fileIds: [evidence],
            }
          : { criterionId: ids.get(code)!, score: value, note: null, fileIds: value > 0 ? [evidence] : [] },
      );
      let last = await put(client, `/api/v1/agency/assessments/${id}/self`, { scores });
      expect(last.statusCode, last.body).toBe(200);
      const kinds = ["request_letter", "annual_report", "self_scoring_report", "evidence"];
      if (Object.values(c.self).includes("na")) kinds.push("explanation_report");
      for (const kind of kinds) {
        const fileId = await upload(client, c.agencyId, `${kind}.pdf`);
        last = await client.post(`/api/v1/agency/assessments/${id}/dossier`, { kind, fileId });
        expect(last.statusCode, last.body).toBe(200);
      }
      const updated = await client.patch(`/api/v1/agency/assessments/${id}`, {
        version: last.json().version,
        conditions: c.conditions,
        proposedLevel: c.expect.computed,
      });
      expect(updated.statusCode, updated.body).toBe(200);
      const submitted = await client.post(`/api/v1/agency/assessments/${id}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json()).toMatchObject({ status: "submitted", gaps: [] });
    }
    const late = await hrXa.request("PUT", `/api/v1/agency/assessments/${assessmentOf.get("nguyet-an")}/self`, {
      scores: [{ criterionId: ids.get("A1"), score: 1, fileIds: [] }],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: "STEP_LOCKED", message: "Bước này đã khóa; không thể thay đổi." });
  });

  it("sends reminders before the appraisal deadline once", async () => {
    await advance("self_assessment");
    now = new Date("2026-12-03T03:00:00Z");
    const first = await sendAgencyReminders(t.deps);
    const again = await sendAgencyReminders(t.deps);
    now = null;
    expect(first).toBeGreaterThan(0);
    expect(again).toBe(0);
    const notices = await appraiser.get("/api/v1/notifications");
    expect(notices.json().items.map((n: { title: string }) => n.title)).toContainEqual(
      expect.stringContaining("cần thẩm định"),
    );
  });

  it("lets each appraiser score only its criteria, and shows progress", async () => {
    const rows = await appraiser.get(`/api/v1/agency/cycles/${cycleId}/appraisal?pageSize=200`);
    expect(rows.statusCode).toBe(200);
    const codes = new Set(rows.json().items.map((r: { criterion: { code: string } }) => r.criterion.code));
    expect([...codes].sort()).toEqual(["A1", "C", "T"]);
    expect(rows.json().total).toBe(15);

    const stp = assessmentOf.get("so-tu-phap")!;
    const ok = await put(appraiser, `/api/v1/agency/assessments/${stp}/appraisal`, {
      scores: [{ criterionId: ids.get("A1"), score: 29, comment: "Chậm một báo cáo CCHC." }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      ok
        .json()
        .criteria.map((c: { code: string }) => c.code)
        .sort(),
    ).toEqual(["A1", "C", "T"]);
    expect(ok.json().totals).toBeNull();
    const tooHigh = await put(appraiser, `/api/v1/agency/assessments/${stp}/appraisal`, {
      scores: [{ criterionId: ids.get("A1"), score: 31, comment: null }],
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { issues: [{ path: ["scores", 0, "score"], message: "Điểm không vượt quá điểm tối đa 30." }] },
    });
    const notMine = await put(appraiser, `/api/v1/agency/assessments/${stp}/appraisal`, {
      scores: [{ criterionId: ids.get("A2"), score: 1, comment: null }],
    });
    expect(notMine.statusCode).toBe(403);

    const progress = await hrTinh.get(`/api/v1/agency/cycles/${cycleId}/appraisal/progress`);
    const snv = progress.json().find((p: { appraiserUnitId: string | null }) => p.appraiserUnitId === "so-noi-vu");
    expect(snv).toMatchObject({ criteria: 3, expected: 15, done: 1 });
  });

  it("sends the drafts: an agency sees its own, self vs appraised, provisional level and rank", async () => {
    await advance("appraisal");
    const mine = await hrXa.get(`/api/v1/agency/assessments/${assessmentOf.get("nguyet-an")}/draft`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      selfScore: 92,
      score: 92,
      level: "good",
      rank: 4,
      groupSize: 5,
      explanationDue: "2026-12-10",
    });
    const stp = await hrTinh.get(`/api/v1/agency/assessments/${assessmentOf.get("so-tu-phap")}/draft`);
    const a1 = stp.json().rows.find((r: { code: string }) => r.code === "A1");
    expect(a1).toMatchObject({ self: 30, appraised: 29, comment: "Chậm một báo cáo CCHC." });
    expect(stp.json()).toMatchObject({ selfScore: 95, score: 94, level: "good", rank: 3 });
    expect((await hrXa.get(`/api/v1/agency/assessments/${assessmentOf.get("so-tai-chinh")}/draft`)).statusCode).toBe(
      403,
    );

    const explained = await put(
      hrXa,
      `/api/v1/agency/assessments/${assessmentOf.get("nguyet-an")}/explanations/${ids.get("T")}`,
      {
        text: "Đã khắc phục vi phạm trong quý IV.",
        fileIds: [],
      },
    );
    expect(explained.statusCode, explained.body).toBe(200);
  });

  it("holds the council vote: members only, one vote each, majority of those present", async () => {
    await advance("explanation");
    const setCouncil = await put(hrTinh, `/api/v1/agency/cycles/${cycleId}/council`, {
      version,
      members: [{ userId: "u-council", present: true }],
    });
    expect(setCouncil.statusCode, setCouncil.body).toBe(200);
    version = setCouncil.json().version;
    const board = await council.get(`/api/v1/agency/cycles/${cycleId}/council`);
    expect(board.json()).toMatchObject({ quorum: 1, presentCount: 1, quorumMet: true });
    for (const c of cases()) {
      const id = assessmentOf.get(c.agencyId)!;
      // A first, mistaken vote is changed: one vote per member stays.
      await put(council, `/api/v1/agency/assessments/${id}/vote`, { level: "completed" });
      const vote = await put(council, `/api/v1/agency/assessments/${id}/vote`, { level: c.expect.computed });
      expect(vote.statusCode, vote.body).toBe(200);
      expect(vote.json()).toMatchObject({ majorityLevel: c.expect.computed, myVote: c.expect.computed });
      expect(vote.json().ballots).toHaveLength(1);
    }
    expect(
      (await put(hrTinh, `/api/v1/agency/assessments/${assessmentOf.get("nguyet-an")}/vote`, { level: "good" }))
        .statusCode,
    ).toBe(403);
  });

  it("closes the council: results equal the calculator (agency) and the quota calculator", async () => {
    const closed = await advance("council");
    expect(closed.step).toBe("decision");
    const res = await hrTinh.get(`/api/v1/agency/cycles/${cycleId}/results`);
    expect(res.statusCode).toBe(200);
    const results = res.json().results as {
      agencyId: string;
      score: number;
      computedLevel: string;
      level: string;
      quotaOutcome: string | null;
      rank: number;
      flags: string[];
    }[];
    const appraisedA1: Record<string, number> = { "so-tu-phap": 29 };
    const people = [];
    for (const c of cases()) {
      const r = results.find((x) => x.agencyId === c.agencyId)!;
      const score = (code: keyof Scores) =>
        code === "A1" && appraisedA1[c.agencyId] !== undefined ? appraisedA1[c.agencyId]! : c.self[code];
      const leaf = (code: "A1" | "A2" | "B1" | "B2", max: number) =>
        score(code) === "na" ? { id: code, max, notApplicable: true } : { id: code, max, score: score(code) };
      const document = {
        kind: "agency",
        year: 2026,
        rules: "quangnam2023",
        criteria: [
          { id: "A", max: 60, children: [leaf("A1", 30), leaf("A2", 30)] },
          { id: "B", max: 40, children: [leaf("B1", 20), leaf("B2", 20)] },
          { id: "C", bonus: true, max: 5, score: score("C") },
          { id: "T", penalty: true, max: 10, score: score("T") },
        ],
        conditions: c.conditions,
      };
      const calc = cli(document);
      expect(r.score).toBeCloseTo(calc.score, 9);
      expect(r.score).toBeCloseTo(c.expect.score, 9);
      expect(r.computedLevel).toBe(calc.level);
      expect(r.computedLevel).toBe(c.expect.computed);
      people.push({ id: c.agencyId, score: calc.score, level: calc.level });
    }
    const quota = cli({ kind: "quota", year: 2026, rate: 0.25, people });
    expect(quota.allowed).toBe(1);
    expect(quota.cut).toEqual(["so-tai-chinh"]);
    for (const c of cases()) {
      const r = results.find((x) => x.agencyId === c.agencyId)!;
      expect(r.level).toBe(quota.levels[c.agencyId]);
      expect(r.level).toBe(c.expect.level);
    }
    expect(results.find((r) => r.agencyId === "so-tai-chinh")).toMatchObject({
      quotaOutcome: "cut",
      flags: expect.arrayContaining(["quota_cut"]),
    });
    expect(results.map((r) => [r.agencyId, r.rank])).toEqual([
      ["so-noi-vu", 1],
      ["so-tai-chinh", 2],
      ["so-tu-phap", 3],
      ["nguyet-an", 4],
      [communeId, 5],
    ]);
    expect(res.json().quota).toMatchObject({ allowed: 1, rate: 0.25, exception: true });
  });

  it("records the decision, publishes, and shows only published results to the public", async () => {
    expect((await t.anonymous.get("/api/v1/public/agency-results?year=2026")).json().total).toBe(0);
    const early = await hrTinh.post(`/api/v1/agency/cycles/${cycleId}/advance`, { version, step: "decision" });
    expect(early.statusCode).toBe(400);
    const decisionFile = await upload(hrTinh, "thanh-hoa", "quyet-dinh.pdf");
    const decided = await put(hrTinh, `/api/v1/agency/cycles/${cycleId}/decision`, {
      version,
      number: "123/QĐ-UBND",
      date: "2026-12-25",
      signer: "Chủ tịch UBND tỉnh",
      fileId: decisionFile,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    version = decided.json().version;
    await advance("decision");
    const pub = await t.anonymous.get("/api/v1/public/agency-results?year=2026");
    expect(pub.statusCode).toBe(200);
    expect(pub.json().total).toBe(5);
    expect(pub.json().items[0]).toMatchObject({
      agencyName: "Sở Nội vụ",
      score: 100,
      level: "excellent",
      rank: 1,
      decisionNumber: "123/QĐ-UBND",
    });
    const notices = await hrXa.get("/api/v1/notifications");
    expect(notices.json().items.map((n: { title: string }) => n.title)).toContainEqual(
      expect.stringContaining("Hoàn thành tốt nhiệm vụ"),
    );
    const locked = await hrTinh.request("PUT", `/api/v1/agency/cycles/${cycleId}/decision`, {
      version,
      number: "1",
      date: "2026-12-26",
    });
    expect(locked.json().code).toBe("STEP_LOCKED");
  });

  it("produces the reports: ranking XLSX and DOCX, score sheet DOCX and PDF, minutes, annex, dashboard", async () => {
    const xlsx = await hrTinh.get(`/api/v1/agency/cycles/${cycleId}/reports/ranking?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    for (const url of [
      `/api/v1/agency/cycles/${cycleId}/reports/ranking?format=docx`,
      `/api/v1/agency/cycles/${cycleId}/reports/minutes`,
      `/api/v1/agency/cycles/${cycleId}/reports/annex`,
      `/api/v1/agency/assessments/${assessmentOf.get("nguyet-an")}/reports/score-sheet?format=docx`,
    ]) {
      const res = await hrTinh.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toContain("wordprocessingml");
    }
    const sheet = await hrXa.get(
      `/api/v1/agency/assessments/${assessmentOf.get("nguyet-an")}/reports/score-sheet?format=pdf`,
    );
    expect(sheet.statusCode).toBe(200);
    expect(sheet.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const dash = await hrTinh.get("/api/v1/agency/dashboard?year=2026");
    expect(dash.statusCode).toBe(200);
    expect(dash.json().levels).toEqual({ excellent: 1, good: 4, completed: 0, not_completed: 0 });
    // B1 loses 1 + 2 + 2 + 5 = 10 points over five agencies; B2 (N/A at the commune) 2 + 3 + 3 = 8 over four.
    expect(dash.json().criteria[0]).toMatchObject({ code: "B1", applicable: 5, pointsLost: 10, lossRate: 0.1 });
    expect(dash.json().criteria.find((c: { code: string }) => c.code === "B2")).toMatchObject({
      applicable: 4,
      pointsLost: 8,
    });
  });
});
