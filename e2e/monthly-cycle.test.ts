import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Period } from "@thuocdo/contract";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AccountMenu } from "./pages/AccountMenu.ts";
import { DivisionBoardPage } from "./pages/DivisionBoardPage.ts";
import { LoginPage } from "./pages/LoginPage.ts";
import { SelfEvaluationPage } from "./pages/SelfEvaluationPage.ts";
import { ThisMonthPage } from "./pages/ThisMonthPage.ts";
import { ApiSession, E2eApiError } from "./support/api.ts";
import { type E2eBrowser, launchBrowser } from "./support/browser.ts";
import { runCalcCli } from "./support/calc.ts";
import type { E2eServer } from "./support/server.ts";
import { startE2eServerOnSnapshot } from "./support/snapshot.ts";

const STAFF = { personId: "p-na-12", name: "Nguyễn Văn Đức" };
const AGENCY = "nguyet-an";
const SCREENS = "/tmp";

/** Vietnamese 2-decimal display, the same as the screens. */
const twoDecimals = (n: number) =>
  new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

/** Today in Vietnam (the server's clock for deadlines and delivery dates). */
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

/** The month to run: the current one, or the previous one on the 1st (a delivery must be able to be late). */
function journeyMonth(): { year: number; number: number } {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  if (d > 1) return { year: y, number: m };
  return m === 1 ? { year: y - 1, number: 12 } : { year: y, number: m - 1 };
}

/** The products of the journey (Nghĩa Lâm catalog loaded into Nguyệt An) and how each is handled. */
const lines = {
  onTime: { code: "DC.05", coefficient: 12, quantity: 1, delivered: 1 },
  late: { code: "DC.09", coefficient: 9, quantity: 1, delivered: 1 },
  failed: { code: "KTDC.03", coefficient: 6, quantity: 3, delivered: 2 },
  undone: { code: "DC.01", coefficient: 1, quantity: 2, delivered: 0 },
} as const;
type LineName = keyof typeof lines;

const selfScores = {
  "I.1": 4.5,
  "I.2": 5,
  "II.1": 2.25,
  "II.2": 2.5,
  "II.3": 2.5,
  "II.4": 2,
  "III.1": 1.5,
  "III.2": 2,
  "III.3": 2.25,
  "III.4": 2,
} as const;
/** The manager confirms the self scores but raises III.1 from 1,5 to 2. */
const confirmedScores = { ...selfScores, "III.1": 2 } as const;
const sum = (s: Record<string, number>) => Object.values(s).reduce((a, b) => a + b, 0);

describe("Chu kỳ tháng: giao, nộp, đánh giá, xác nhận (Phòng Kinh tế, UBND xã Nguyệt An)", () => {
  let server: E2eServer;
  let browser: E2eBrowser;
  let files: string;
  let period: Period;
  const ids = {} as Record<LineName, string>;

  beforeAll(async () => {
    server = await startE2eServerOnSnapshot();
    browser = await launchBrowser();
    files = mkdtempSync(join(tmpdir(), "thuocdo-evidence-"));
    writeFileSync(join(files, "bao-cao.pdf"), "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    writeFileSync(
      join(files, "anh-chup.png"),
      Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "base64",
      ),
    );
  });

  // A failed step leaves a picture of the screen it failed on.
  afterEach(async (context) => {
    if (context.task.result?.state === "fail")
      await browser?.page.screenshot({ path: `${SCREENS}/thuocdo-monthly-cycle-failure.png`, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it("sets up the month through the API: hr opens the period, the manager assigns four products", async () => {
    const hr = await ApiSession.login(server.url, "hr");
    const { year, number } = journeyMonth();
    try {
      period = await hr.call("openPeriod", { body: { agencyId: AGENCY, year, number } });
    } catch (e) {
      if (!(e instanceof E2eApiError)) throw e;
      const found = await hr.call("listPeriods", { query: { agencyId: AGENCY, year, page: 1, pageSize: 50 } });
      const existing = found.items.find((p) => p.number === number && p.kind === "month");
      if (!existing) throw e;
      period = existing;
    }
    expect(period.status).toBe("open");
    expect(period.catalogId).toBeTruthy();

    const manager = await ApiSession.login(server.url, "manager");
    for (const [name, line] of Object.entries(lines) as [LineName, (typeof lines)[LineName]][]) {
      const found = await manager.call("listCatalogItems", {
        params: { id: period.catalogId ?? "" },
        query: { q: line.code, page: 1, pageSize: 20 },
      });
      const item = found.items.find((i) => i.code === line.code);
      expect(item?.coefficient, line.code).toBe(line.coefficient);
      const created = await manager.call("createAssignments", {
        params: { id: period.id },
        body: {
          target: { kind: "people", personIds: [STAFF.personId] },
          catalogItemId: item?.id ?? "",
          quantity: line.quantity,
          // The late product was due on the period's first day; the others at its end.
          deadline: name === "late" ? period.startsOn : period.endsOn,
          source: "planned",
        },
      });
      ids[name] = created.items[0]?.id ?? "";
    }
    expect(Object.values(ids).every(Boolean)).toBe(true);
  });

  it("staff records three deliveries with evidence, sees a delay at once, and self-evaluates (Mẫu 01)", async () => {
    const { page } = browser;
    await new LoginPage(page, server.url).loginAs("staff");
    const month = new ThisMonthPage(page);
    await month.openFromMenu();
    for (const id of Object.values(ids)) await month.line(id).waitFor();

    expect(
      await month.fillDelivery(ids.onTime, {
        quantity: 1,
        documentNumber: "101/BC-KT",
        file: join(files, "bao-cao.pdf"),
      }),
    ).toBeNull();
    expect(await month.saveDelivery()).toContain("Đã ghi nhận sản phẩm hoàn thành");

    const lateWarning = await month.fillDelivery(ids.late, {
      quantity: 1,
      documentNumber: "102/TTr-KT",
      file: join(files, "anh-chup.png"),
    });
    expect(lateWarning).toMatch(/Nộp sau thời hạn .*chậm \d+ ngày/);
    expect(await month.saveDelivery()).toMatch(/nộp chậm \d+ ngày, tính 1 lần chậm tiến độ/);
    await month.line(ids.late).getByText("Chậm tiến độ").waitFor();

    await month.fillDelivery(ids.failed, { quantity: 2, file: join(files, "bao-cao.pdf") });
    await month.saveDelivery();
    await month.line(ids.failed).getByText("Chờ đánh giá").waitFor();

    await month.openSelfEvaluation();
    const form = new SelfEvaluationPage(page);
    await form.fill(selfScores, "Hoàn thành các báo cáo được giao; một báo cáo nộp chậm do chờ số liệu.");
    expect(await form.liveTotal()).toBe(twoDecimals(sum(selfScores)));
    await page.screenshot({ path: `${SCREENS}/thuocdo-self-evaluation.png`, fullPage: true });
    await form.submit();
    await page.screenshot({ path: `${SCREENS}/thuocdo-this-month.png`, fullPage: true });
    expect(browser.errors.filter((e) => !e.includes("401"))).toEqual([]);
  });

  it("manager fails one product, excuses a delay, and wins a confirmation only after a conflict", async () => {
    const { page } = browser;
    await new AccountMenu(page).signOut();
    await new LoginPage(page, server.url).loginAs("manager");

    const board = new DivisionBoardPage(page);
    await board.openFromMenu();
    await board.row(STAFF.name).getByText("Đã nộp", { exact: true }).waitFor();

    const work = await board.openWork(STAFF.name);
    await board.pass(work, ids.onTime);
    await board.pass(work, ids.late);
    await board.excuseDelay(work, ids.late, "Chủ tịch UBND xã Lê Văn Thành", "Chờ số liệu của Chi cục Thống kê");
    await board.fail(work, ids.failed, "Số liệu diện tích đất sai so với bản đồ địa chính");
    await page.screenshot({ path: `${SCREENS}/thuocdo-review.png`, fullPage: true });
    await board.closeDrawer(work);

    // Two managers confirm at once: the drawer is open here when another session confirms first.
    const confirm = await board.openConfirm(STAFF.name);
    const other = await ApiSession.login(server.url, "manager");
    const current = await other.call("getPersonEvaluation", { params: { id: period.id, personId: STAFF.personId } });
    await other.call("confirmEvaluation", {
      params: { id: current.id },
      body: { version: current.version, scores: selfScores, comment: "Xác nhận từ phiên khác." },
    });
    await confirm.getByRole("button", { name: "Xác nhận", exact: true }).click();
    const conflict = page.locator(".ant-modal-confirm");
    await conflict.locator(".ant-modal-confirm-title", { hasText: "Dữ liệu đã được người khác thay đổi" }).waitFor();
    await page.screenshot({ path: `${SCREENS}/thuocdo-conflict.png` });
    await conflict.getByRole("button", { name: "Tải lại" }).click();
    await conflict.waitFor({ state: "hidden" });

    // After the reload the drawer shows the other confirmation; this manager raises III.1 and confirms again.
    await confirm.getByText("Lãnh đạo đã xác nhận").first().waitFor();
    const box = confirm.getByLabel("Điểm tiêu chí III.1", { exact: true });
    await box.fill("2");
    await box.blur();
    await confirm.getByLabel("Nhận xét của lãnh đạo").fill("Hoàn thành tốt; cần kiểm tra kỹ số liệu trước khi trình.");
    await confirm.getByRole("button", { name: "Xác nhận", exact: true }).click();
    await page.locator(".ant-message-notice", { hasText: "Đã xác nhận kết quả" }).waitFor();
    await confirm.waitFor({ state: "hidden" });
    await board.row(STAFF.name).getByText("Lãnh đạo đã xác nhận").waitFor();
    expect(browser.errors.filter((e) => !e.includes("401") && !e.includes("409"))).toEqual([]);
  });

  it("shows the period's total equal to the calculator CLI on the same inputs, with its explanation", async () => {
    const { page } = browser;
    const board = new DivisionBoardPage(page);
    const shown = await board.scoreOf(STAFF.name);

    // The document of the month: every line of the person in the period (the demo's own lines of the
    // month included), with what was delivered, failed and excused, and the confirmed general points.
    const manager = await ApiSession.login(server.url, "manager");
    const recorded = await manager.call("listAssignments", {
      params: { id: period.id },
      query: { personId: STAFF.personId, page: 1, pageSize: 200 },
    });
    const byId = new Map(recorded.items.map((a) => [a.id, a]));
    // The journey's own lines are there exactly as the journey made them.
    for (const name of Object.keys(lines) as LineName[]) {
      expect(byId.get(ids[name])).toMatchObject({
        coefficient: lines[name].coefficient,
        quantity: lines[name].quantity,
        deliveredQuantity: lines[name].delivered,
      });
    }
    const delivery = (name: LineName) => byId.get(ids[name])?.deliveries[0];
    expect(delivery("late")).toMatchObject({ delays: 1, excusedDelays: 1, failedReviews: 0, reviewStatus: "passed" });
    expect(delivery("failed")).toMatchObject({ delays: 0, failedReviews: 1, excusedFailedReviews: 0 });
    expect(delivery("onTime")).toMatchObject({ delays: 0, failedReviews: 0, reviewStatus: "passed" });

    const document = {
      kind: "period",
      ruleSet: period.ruleSetVersion,
      leaderRole: "none",
      general: sum(confirmedScores),
      assignments: recorded.items.map((a) => ({
        id: a.id,
        coefficient: a.coefficient,
        quantity: a.quantity,
        source: a.source,
      })),
      deliveries: recorded.items.flatMap((a) =>
        a.deliveries.map((d) => ({
          assignment: a.id,
          quantity: d.quantity,
          failedReviews: d.failedReviews,
          excusedFailedReviews: d.excusedFailedReviews,
          delays: d.delays,
          excusedDelays: d.excusedDelays,
        })),
      ),
    };
    const cli = await runCalcCli(document);
    expect(typeof cli.total).toBe("number");
    expect(shown.text).toBe(twoDecimals(cli.total as number));
    expect(shown.exact).toBeCloseTo(cli.total as number, 6);

    // One click from the number: the explanation, whose total is the same.
    const explanation = await board.openExplanation(STAFF.name);
    expect(await explanation.getByTestId("explain-total").locator(".score-value").textContent()).toBe(shown.text);
    const whyOf = (name: LineName) =>
      explanation.locator(`tr[data-row-key="${ids[name]}"] + tr.ant-table-expanded-row`);
    await whyOf("failed").getByText("Chưa đạt chất lượng (sai sót lớn về nội dung) 1 lần, miễn 0 lần").waitFor();
    await whyOf("late").getByText("Chậm tiến độ 1 lần, miễn 1 lần do nguyên nhân khách quan → tính 0 lần").waitFor();
    await page.screenshot({ path: `${SCREENS}/thuocdo-explanation.png`, fullPage: true });
    await board.closeDrawer(explanation);
    await page.screenshot({ path: `${SCREENS}/thuocdo-board.png`, fullPage: true });
  });

  it("shows the staff member's month, with the same total, on a phone", async () => {
    const phone = await launchBrowser({ viewport: { width: 390, height: 844 } });
    try {
      await new LoginPage(phone.page, server.url).loginAs("staff");
      await phone.page.goto(`${server.url}/thang-nay?periodId=${period.id}`);
      const month = new ThisMonthPage(phone.page);
      await phone.page.getByTestId("my-total").waitFor();
      const board = await ApiSession.login(server.url, "manager").then((m) =>
        m.call("getPersonEvaluation", { params: { id: period.id, personId: STAFF.personId } }),
      );
      expect((await month.total()).text).toBe(twoDecimals(board.score.total ?? Number.NaN));
      await phone.page.getByRole("button", { name: "Mở menu" }).waitFor();
      await phone.page.screenshot({ path: `${SCREENS}/thuocdo-this-month-phone.png`, fullPage: true });
      expect(phone.errors.filter((e) => !e.includes("401"))).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
