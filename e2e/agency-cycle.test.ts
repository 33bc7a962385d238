import type { Assessment } from "@thuocdo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgencyAppraisalPage } from "./pages/AgencyAppraisalPage.ts";
import { AgencySelfAssessmentPage } from "./pages/AgencySelfAssessmentPage.ts";
import { LoginPage } from "./pages/LoginPage.ts";
import { ApiSession, E2eApiError } from "./support/api.ts";
import { type E2eBrowser, launchBrowser } from "./support/browser.ts";
import { type E2eServer, startE2eServer } from "./support/server.ts";

const AGENCY = { id: "nguyet-an", name: "UBND xã Nguyệt An" };
const SCREENS = "/tmp";
const YEAR = 2027;

/**
 * A small framework (Decree 335 rules) so the journey scores every criterion by hand: Sở Nội vụ
 * appraises 1.1, 1.2 and 2.2; Sở Tài chính appraises 2.1; the bonus has no appraiser.
 */
const criteria = [
  {
    code: "1",
    name: "Tiêu chí chung",
    max: 30,
    kind: "scored" as const,
    children: [
      {
        code: "1.1",
        name: "Chấp hành chủ trương, pháp luật",
        max: 15,
        kind: "scored" as const,
        appraiserUnitId: "so-noi-vu",
        children: [],
      },
      {
        code: "1.2",
        name: "Quản lý, sử dụng công chức",
        max: 15,
        kind: "scored" as const,
        appraiserUnitId: "so-noi-vu",
        children: [],
      },
    ],
  },
  {
    code: "2",
    name: "Kết quả thực hiện nhiệm vụ",
    max: 70,
    kind: "scored" as const,
    children: [
      {
        code: "2.1",
        name: "Tỷ lệ hoàn thành kế hoạch công tác năm",
        max: 40,
        kind: "scored" as const,
        appraiserUnitId: "so-tai-chinh",
        children: [],
      },
      {
        code: "2.2",
        name: "Khoa học, công nghệ, đổi mới sáng tạo",
        max: 30,
        kind: "scored" as const,
        appraiserUnitId: "so-noi-vu",
        children: [],
      },
    ],
  },
  { code: "C", name: "Sáng kiến được công nhận", max: 5, kind: "bonus" as const, children: [] },
];

/** Self scores typed in the browser; 2.2 is declared not applicable (its 30 points leave the denominator). */
const selfScores = { "1.1": 14, "1.2": 15, "2.1": 35, C: 2 };
/** (14 + 15 + 35 + 2) ÷ (100 − 30) × 100 = 94,2857… */
const expectedSelf = (66 / 70) * 100;
/** Sở Nội vụ lowers 1.1 to 12: (12 + 15 + 35 + 2) ÷ 70 × 100 = 91,4285… */
const expectedAppraised = (64 / 70) * 100;

const twoDecimals = (n: number) =>
  new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

const conditionLabels: Record<string, string> = {
  tasksCompletedRatio: "Tỷ lệ nhiệm vụ hoàn thành",
  tasksOnTimeRatio: "Tỷ lệ nhiệm vụ đúng hạn, bảo đảm chất lượng",
  tasksExceededRatio: "Tỷ lệ nhiệm vụ vượt yêu cầu",
  subordinateNotCompleted: "Có đơn vị trực thuộc không hoàn thành nhiệm vụ",
  shortcomingsFixed: "Đã khắc phục hạn chế, thiếu sót được chỉ ra",
  violations: "Có vi phạm về công tác cán bộ, mất đoàn kết",
  forceMajeure: "Có lý do bất khả kháng",
  seriousIncident: "Để xảy ra vụ việc nghiêm trọng",
};
const conditionValues: Record<string, number | boolean> = {
  tasksCompletedRatio: 100,
  tasksOnTimeRatio: 100,
  tasksExceededRatio: 35,
  subordinateNotCompleted: false,
  shortcomingsFixed: true,
  violations: false,
  forceMajeure: false,
  seriousIncident: false,
};

const byCode = (a: Assessment, code: string) => a.criteria.find((c) => c.code === code);

describe("Đánh giá cơ quan: tự đánh giá của UBND xã Nguyệt An và thẩm định của Sở Nội vụ", () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let province: ApiSession;
  let cycleId = "";
  let assessmentId = "";

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    // The journey runs on a busy machine beside other suites: allow slow steps rather than flake.
    browser.context.setDefaultTimeout(60_000);
    // Given (through the API, as Sở Nội vụ's hr): a framework for the commune, locked into a cycle.
    province = await ApiSession.login(server.url, "hr.tinh");
    const framework = await province.call("createFramework", {
      body: {
        year: YEAR,
        name: "Bộ tiêu chí thử nghiệm cấp xã",
        groupName: "UBND cấp xã (thử nghiệm)",
        rules: "nd335",
      },
    });
    const withAgency = await province.call("setFrameworkAgencies", {
      params: { id: framework.id },
      body: { version: framework.version, agencyIds: [AGENCY.id] },
    });
    const ready = await province.call("replaceCriteria", {
      params: { id: framework.id },
      body: { version: withAgency.version, criteria },
    });
    expect(ready.issues).toEqual([]);
    const cycle = await province.call("createCycle", { body: { frameworkId: framework.id } });
    cycleId = cycle.id;
    const list = await province.call("listAssessments", { query: { cycleId } });
    assessmentId = list.items.find((a) => a.agencyId === AGENCY.id)?.id ?? "";
    expect(assessmentId).not.toBe("");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the commune scores its criteria, declares one not applicable, completes the dossier and submits", async () => {
    const { page } = browser;
    await new LoginPage(page, server.url).loginAs("hr");
    const self = new AgencySelfAssessmentPage(page);
    await self.openFromMenu();

    // Nothing is filled yet: the submit button is disabled and says why.
    await expect.poll(() => self.submitButton().isDisabled()).toBe(true);
    await page.getByText(/Chưa gửi được: hồ sơ còn thiếu \d+ nội dung/).waitFor();

    await self.scoreInline(selfScores);
    await self.markNotApplicable(
      "2.2",
      "Năm đánh giá, xã không được giao nhiệm vụ khoa học, công nghệ (giải trình kèm văn bản giao kế hoạch).",
      "van-ban-giao-ke-hoach.pdf",
    );

    const required = (await province.call("getAssessment", { params: { id: assessmentId } })).requiredConditions;
    expect(required.length).toBeGreaterThan(0);
    await self.fillConditions({
      percent: Object.fromEntries(
        required
          .filter((n) => typeof conditionValues[n] === "number")
          .map((n) => [conditionLabels[n] ?? n, conditionValues[n] as number]),
      ),
      yesNo: Object.fromEntries(
        required
          .filter((n) => typeof conditionValues[n] === "boolean")
          .map((n) => [conditionLabels[n] ?? n, conditionValues[n] as boolean]),
      ),
      proposed: "Hoàn thành xuất sắc nhiệm vụ",
    });

    for (const [kind, name] of [
      ["request_letter", "van-ban-de-nghi.pdf"],
      ["annual_report", "bao-cao-ket-qua-nam.pdf"],
      ["self_scoring_report", "bao-cao-tu-cham-diem.pdf"],
      ["evidence", "tai-lieu-minh-chung.pdf"],
      ["explanation_report", "bao-cao-giai-trinh.pdf"],
    ] as const) {
      await self.uploadDossier(kind, name);
    }

    // The total is the core's: 66 points over the 70 applicable, on the 100 scale.
    await expect.poll(() => self.selfTotal()).toBe(twoDecimals(expectedSelf));
    await page.getByText("Hồ sơ đã đủ thành phần, có thể gửi.").waitFor();
    expect(await self.gaps().count()).toBe(0);
    await page.screenshot({ path: `${SCREENS}/thuocdo-agency-self.png`, fullPage: true });

    await self.submit();
    expect(await self.status()).toBe("Đã gửi hồ sơ");

    const saved = await province.call("getAssessment", { params: { id: assessmentId } });
    expect(saved.status).toBe("submitted");
    expect(saved.proposedLevel).toBe("excellent");
    expect(byCode(saved, "2.2")?.self?.notApplicable).toBe(true);
    expect(byCode(saved, "2.2")?.self?.files.map((f) => f.name)).toEqual(["van-ban-giao-ke-hoach.pdf"]);
    expect(byCode(saved, "2.1")?.self?.score).toBe(35);
    expect(saved.totals?.self.score).toBeCloseTo(expectedSelf, 6);
    expect(saved.dossier).toHaveLength(5);
    expect(browser.errors.filter((e) => !e.includes("401"))).toEqual([]);
  }, 600_000);

  it("Sở Nội vụ sees only its criteria of the commune and appraises them", async () => {
    const current = await province.call("getCycle", { params: { id: cycleId } });
    await province.call("advanceCycle", {
      params: { id: cycleId },
      body: { version: current.version, step: "self_assessment" },
    });

    const { page } = browser;
    await browser.context.clearCookies();
    await new LoginPage(page, server.url).loginAs("appraiser");
    const appraisal = new AgencyAppraisalPage(page);
    await appraisal.openFromMenu();
    await page.getByRole("combobox", { name: "Đợt đánh giá" }).waitFor();

    // 2.1 belongs to Sở Tài chính: not shown, and refused through the API too.
    expect(await appraisal.codesOf(AGENCY.name)).toEqual(["1.1", "1.2", "2.2"]);
    expect(await appraisal.rowOf("2.2", AGENCY.name).isDisabled()).toBe(true);

    await appraisal.score(AGENCY.name, "1.1", 12, "Minh chứng về chế độ báo cáo chưa đầy đủ.");
    await appraisal.score(AGENCY.name, "1.2", 15);
    await appraisal.saveAll();
    await expect.poll(async () => (await appraisal.progress().first().textContent()) ?? "").toMatch(/đã chấm 2\//);
    await page.screenshot({ path: `${SCREENS}/thuocdo-agency-appraisal.png`, fullPage: true });

    const appraiser = await ApiSession.login(server.url, "appraiser");
    const refused = await appraiser
      .call("saveAppraisal", {
        params: { id: assessmentId },
        body: {
          scores: [
            {
              criterionId:
                byCode(await province.call("getAssessment", { params: { id: assessmentId } }), "2.1")?.criterionId ??
                "",
              score: 40,
            },
          ],
        },
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(E2eApiError);
    expect((refused as E2eApiError).status).toBe(403);

    const after = await province.call("getAssessment", { params: { id: assessmentId } });
    expect(byCode(after, "1.1")?.appraised?.score).toBe(12);
    expect(byCode(after, "1.1")?.appraised?.comment).toBe("Minh chứng về chế độ báo cáo chưa đầy đủ.");
    expect(byCode(after, "1.1")?.appraised?.byName).toBe("Đào Thị Quỳnh");
    expect(byCode(after, "1.2")?.appraised?.score).toBe(15);
    expect(byCode(after, "2.1")?.appraised).toBeNull();
    expect(after.totals?.appraised.score).toBeCloseTo(expectedAppraised, 6);
    expect(browser.errors.filter((e) => !e.includes("401") && !e.includes("403"))).toEqual([]);
  }, 600_000);

  it("lays the appraisal and the self-assessment out for a phone", async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/co-quan/tham-dinh?dot=${cycleId}`);
    await phone.getByRole("button", { name: "Mở menu" }).waitFor();
    await phone.getByLabel(`Điểm thẩm định tiêu chí 1.1 của ${AGENCY.name}`, { exact: true }).waitFor();
    await phone.screenshot({ path: `${SCREENS}/thuocdo-agency-appraisal-phone.png`, fullPage: true });
    await phone.close();

    await browser.context.clearCookies();
    const agencyPhone = await browser.context.newPage();
    await agencyPhone.setViewportSize({ width: 390, height: 844 });
    await new LoginPage(agencyPhone, server.url).loginAs("hr");
    await agencyPhone.goto(`${server.url}/co-quan/tu-danh-gia?dot=${cycleId}`);
    await agencyPhone.getByTestId("assessment-status").waitFor();
    expect(await agencyPhone.getByTestId("assessment-status").textContent()).toBe("Đã gửi hồ sơ");
    await agencyPhone.screenshot({ path: `${SCREENS}/thuocdo-agency-self-phone.png`, fullPage: true });
    await agencyPhone.close();
  }, 600_000);
});
