import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogPage } from "./pages/CatalogPage.ts";
import { LoginPage } from "./pages/LoginPage.ts";
import { type E2eBrowser, launchBrowser } from "./support/browser.ts";
import { type E2eServer, startE2eServer } from "./support/server.ts";

const csv = readFileSync(
  new URL("../apps/server/src/seed/data/nghialam-qd283-2026-catalog.csv", import.meta.url),
  "utf8",
);

/** The real file with two rows spoiled: a blank task and an unknown group. */
function spoiled(): Buffer {
  const lines = csv.split("\n");
  const i = lines.findIndex((l) => l.startsWith("PL_III_dung_chung,DC.02,"));
  const j = lines.findIndex((l) => l.startsWith("PL_III_dung_chung,DC.04,"));
  lines[i] = lines[i]!.replace(",N2,", ",N9,");
  lines[j] = lines[j]!.replace(/^(PL_III_dung_chung,DC\.04,[^,]*,)("[^"]*"|[^,]*)/, "$1");
  return Buffer.from(lines.join("\n"));
}

describe("Danh mục sản phẩm (hr of UBND xã Nguyệt An)", () => {
  let server: E2eServer;
  let browser: E2eBrowser;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the demo catalog in force with its decision and computed coefficients", async () => {
    const { page } = browser;
    await new LoginPage(page, server.url).loginAs("hr");
    const catalog = new CatalogPage(page);
    await catalog.openFromMenu();
    await catalog.version(1).getByText("283/QĐ-UBND", { exact: false }).waitFor();
    expect(await catalog.version(1).textContent()).toContain("Đang áp dụng");
    await catalog.search("thong bao, giay moi");
    await catalog.item("DC.27").waitFor();
    // 8 points ÷ 5 (standard unit) = 1,6 — shown in Vietnamese format, never typed.
    expect(await catalog.item("DC.27").textContent()).toContain("1,6");
  });

  it("makes a new version, previews a file with bad lines and imports only the good rows", async () => {
    const { page } = browser;
    const catalog = new CatalogPage(page);
    await catalog.newVersion();
    await catalog.version(2).waitFor();
    expect(await catalog.version(2).textContent()).toContain("Dự thảo");

    const dialog = await catalog.importFile("danh-muc-sua.csv", spoiled());
    const summary = dialog.getByTestId("import-summary");
    expect(await summary.textContent()).toContain("371 dòng: 369 dòng hợp lệ, 2 dòng lỗi");
    await dialog.getByText("Nhóm “N9” không hợp lệ", { exact: false }).waitFor();
    await dialog.getByText("Ô trống: cần ghi nhiệm vụ.").waitFor();
    await dialog.getByRole("button", { name: "Sửa tệp rồi tải lại" }).waitFor();
    await page.screenshot({ path: "/tmp/thuocdo-catalog-import.png", fullPage: true });

    await dialog.getByRole("button", { name: /Chỉ nhập các dòng hợp lệ/ }).click();
    await page.getByText("Đã nhập 369 sản phẩm.").waitFor();
    await catalog.version(2).getByRole("cell", { name: "369", exact: true }).waitFor();
    expect(browser.errors.filter((e) => !e.includes("401"))).toEqual([]);
  });
});
