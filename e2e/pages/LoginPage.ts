import type { Page } from "playwright-core";

export const DEMO_PASSWORD = "ThuocDo@2026";

/** The login screen (/dang-nhap), driven the way a person would: labels and button names. */
export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/dang-nhap`);
    await this.page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
  }

  async fill(username: string, password: string): Promise<void> {
    await this.page.getByLabel("Tên đăng nhập").fill(username);
    await this.page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  }

  async submit(): Promise<void> {
    await this.page.getByRole("button", { name: "Đăng nhập" }).click();
  }

  /** Logs in and waits for the signed-in frame (the account button in the header). */
  async loginAs(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.goto();
    await this.fill(username, password);
    await this.submit();
    await this.page.getByTestId("user-menu").waitFor();
  }

  /** Logs in on the page the app redirected to (it keeps `?next=`), without navigating first. */
  async loginHere(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
    await this.fill(username, password);
    await this.submit();
    await this.page.getByTestId("user-menu").waitFor();
  }

  errorText(): Promise<string> {
    return this.page
      .getByTestId("login-error")
      .textContent()
      .then((t) => t ?? "");
  }
}
