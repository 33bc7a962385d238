import type { ClassificationRow } from "@thuocdo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClassificationPage } from "./pages/ClassificationPage.ts";
import { LoginPage } from "./pages/LoginPage.ts";
import { PublicResultsPage } from "./pages/PublicResultsPage.ts";
import { ApiSession, tinyPdf } from "./support/api.ts";
import { type E2eBrowser, launchBrowser } from "./support/browser.ts";
import { type E2eServer, startE2eServer } from "./support/server.ts";

const AGENCY = "nguyet-an";
const YEAR = 2026;
const levelText: Record<string, string> = {
  excellent: "Hoàn thành xuất sắc nhiệm vụ",
  good: "Hoàn thành tốt nhiệm vụ",
  completed: "Hoàn thành nhiệm vụ",
  not_completed: "Không hoàn thành nhiệm vụ",
  unclassified: "Chưa xếp loại",
};

/** Every row of the classification (all pages). */
async function allRows(api: ApiSession, id: string): Promise<ClassificationRow[]> {
  const rows: ClassificationRow[] = [];
  for (let page = 1; ; page++) {
    const res = await api.call("classificationPeople", { params: { id }, query: { page, pageSize: 200 } });
    rows.push(...res.items);
    if (rows.length >= res.total || res.items.length === 0) return rows;
  }
}

/**
 * Through the API, what comes before the head's decision (Art. 21): hr opens the year of UBND xã
 * Nguyệt An (a year of demo activity), the head orders any tie at the quota cut, hr records the
 * Party committee's opinion for the leaders, uploads the meeting minutes and proposes.
 */
async function prepareProposal(baseUrl: string): Promise<string> {
  const hr = await ApiSession.login(baseUrl, "hr");
  const head = await ApiSession.login(baseUrl, "head");
  const opened = await hr.call("openClassification", { body: { agencyId: AGENCY, year: YEAR } });
  const quota = await hr.call("classificationQuota", { params: { id: opened.id } });
  for (const c of [...quota.groups, quota.agency]) {
    if (c.tie && !c.tie.decided) {
      await head.call("recordTieBreak", {
        params: { id: opened.id },
        body: { scope: c.scope, order: c.tie.personIds, reason: "Thứ tự theo kết quả thực hiện nhiệm vụ trọng tâm." },
      });
    }
  }
  for (const row of await allRows(hr, opened.id)) {
    if (row.partyOpinionRequired && !row.partyOpinionRecorded) {
      await hr.call("setPartyOpinion", {
        params: { id: opened.id, personId: row.personId },
        body: { opinion: "Đảng ủy thống nhất với mức đề xuất.", date: "2026-12-08" },
      });
    }
  }
  const fileId = await hr.uploadFile(AGENCY, "bien-ban-hop.pdf", tinyPdf(), "application/pdf");
  await hr.call("addMinutes", {
    params: { id: opened.id },
    body: { unitId: AGENCY, meetingDate: "2026-12-05", fileId },
  });
  const current = await hr.call("getClassification", { params: { id: opened.id } });
  await hr.call("propose", {
    params: { id: opened.id },
    body: { version: current.version, note: "Đề xuất theo danh sách." },
  });
  return opened.id;
}

describe("Công khai kết quả xếp loại (người đứng đầu UBND xã Nguyệt An)", () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let classificationId: string;

  beforeAll(async () => {
    // A year of demo work (January to this month, confirmed and locked): levels come from real scores.
    server = await startE2eServer({ demoActivity: true });
    browser = await launchBrowser();
    classificationId = await prepareProposal(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the head decides and publishes from the workflow tab", async () => {
    const { page } = browser;
    await new LoginPage(page, server.url).loginAs("head");
    const screen = new ClassificationPage(page, server.url);
    await screen.open(AGENCY, YEAR);
    await screen.status().filter({ hasText: "Đã đề xuất" }).waitFor();
    await screen.openWorkflowTab();
    await screen.decide("125/QĐ-UBND", "15/12/2026", "Chủ tịch UBND xã");
    await screen.status().filter({ hasText: "Đã quyết định" }).waitFor();
    await screen.publish();
    await screen.status().filter({ hasText: "Đã công khai" }).waitFor();
    expect(await screen.publicLink().getAttribute("href")).toBe(`/cong-khai/xep-loai/${AGENCY}/${YEAR}`);
    await page.screenshot({ path: "/tmp/thuocdo-publication-workflow.png", fullPage: true });
    expect(browser.errors.filter((e) => !e.includes("401"))).toEqual([]);
  });

  it("the public page shows the decided levels to anyone, without logging in", async () => {
    const hr = await ApiSession.login(server.url, "hr");
    const decided = await allRows(hr, classificationId);
    const c = await hr.call("getClassification", { params: { id: classificationId } });
    expect(c.status).toBe("published");
    const active = c.decisions.find((d) => d.active);
    expect(active?.number).toBe("125/QĐ-UBND");
    expect(active?.date).toBe("2026-12-15");
    expect(active?.signer).toBe("Chủ tịch UBND xã");

    // A fresh context: no cookie, no session.
    const anonymous = await browser.context.browser()?.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    const page = anonymous ? await anonymous.newPage() : await browser.context.newPage();
    if (!anonymous) await browser.context.clearCookies();
    const pub = new PublicResultsPage(page, server.url);
    await pub.open(AGENCY, YEAR);
    expect(page.url()).toContain(`/cong-khai/xep-loai/${AGENCY}/${YEAR}`);
    expect(await pub.title().textContent()).toBe(`UBND xã Nguyệt An — kết quả xếp loại năm ${YEAR}`);
    await page.getByText("Theo quyết định số 125/QĐ-UBND ngày 15/12/2026.").waitFor();

    expect(decided.length).toBeGreaterThan(0);
    expect(decided.some((r) => r.decidedLevel === "good" || r.decidedLevel === "excellent")).toBe(true);
    expect(await pub.rows().count()).toBe(Math.min(decided.length, 50));
    const shown = await pub.levels();
    for (const row of decided.slice(0, 50)) {
      if (!shown.has(row.fullName)) continue;
      expect(shown.get(row.fullName), row.fullName).toBe(levelText[row.decidedLevel ?? "unclassified"]);
    }
    // Every decided row is on the page (first page sorted as the server sends it).
    const names = new Set(decided.map((r) => r.fullName));
    for (const name of shown.keys()) expect(names.has(name), name).toBe(true);

    // The search narrows the list without a round trip (diacritics optional).
    const first = decided[0] as ClassificationRow;
    await pub.search(first.fullName.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D"));
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=public-table] tbody tr.ant-table-row").length <= n,
      decided.filter((r) => r.fullName === first.fullName).length,
    );
    expect((await pub.levels()).get(first.fullName)).toBe(levelText[first.decidedLevel ?? "unclassified"]);
    await page.screenshot({ path: "/tmp/thuocdo-publication-public.png", fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await pub.search("");
    await page.screenshot({ path: "/tmp/thuocdo-publication-public-phone.png", fullPage: true });
    await page.close();
    await anonymous?.close();
  });
});
