import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountMenu } from "./pages/AccountMenu.ts";
import { LoginPage } from "./pages/LoginPage.ts";
import { OrgTreePage } from "./pages/OrgTreePage.ts";
import { type E2eBrowser, launchBrowser } from "./support/browser.ts";
import { type E2eServer, startE2eServer } from "./support/server.ts";

describe("Cơ cấu tổ chức (hr of UBND xã Nguyệt An)", () => {
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

  it("refuses a wrong password with a Vietnamese message", async () => {
    const login = new LoginPage(browser.page, server.url);
    await login.goto();
    await login.fill("hr", "sai-mat-khau-1");
    await login.submit();
    expect(await login.errorText()).toContain("Tên đăng nhập hoặc mật khẩu không đúng");
  });

  it("adds a division under the commune and shows it in the tree", async () => {
    const { page } = browser;
    await new LoginPage(page, server.url).loginAs("hr");
    await page.getByRole("heading", { name: /Xin chào/ }).waitFor();

    const org = new OrgTreePage(page);
    await org.openFromMenu();
    await org.select("UBND xã Nguyệt An");
    await org.addChild("Phòng Thử nghiệm", "Phòng, ban chuyên môn");

    await org.node("Phòng Thử nghiệm").waitFor();
    expect(await org.node("Phòng Thử nghiệm").isVisible()).toBe(true);
    // The new unit is selected and its details say where it belongs.
    await page.locator(".ant-descriptions").getByText("Phòng Thử nghiệm", { exact: true }).waitFor();
    await page.screenshot({ path: "/tmp/thuocdo-org-tree.png", fullPage: true });

    // It survives a reload: it came from the server, not from local state.
    await page.reload();
    await org.node("Phòng Thử nghiệm").waitFor();
    expect(browser.errors.filter((e) => !e.includes("401"))).toEqual([]);
  });

  it("lays the same screen out for a phone", async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/co-cau-to-chuc`);
    await phone.getByRole("button", { name: "Mở menu" }).waitFor();
    await phone.locator(".ant-tree .unit-name").getByText("Phòng Thử nghiệm", { exact: true }).waitFor();
    await phone.screenshot({ path: "/tmp/thuocdo-org-tree-phone.png", fullPage: true });
    await phone.close();
  });

  it("after logging out, a deep link asks to log in and then comes back to it", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/`);
    await new AccountMenu(page).signOut();

    await page.goto(`${server.url}/cong-chuc?q=nguyen`);
    await page.waitForURL(/\/dang-nhap\?next=/);
    await new LoginPage(page, server.url).loginHere("hr");
    await page.waitForURL(/\/cong-chuc\?q=nguyen/);
    await page.getByRole("heading", { name: "Công chức" }).waitFor();
  });
});
