import type { Page } from "playwright-core";

/** The account menu at the top right: the user's roles, change password, sign out. */
export class AccountMenu {
  constructor(private readonly page: Page) {}

  /**
   * Signs out and waits for the login page. The item is clicked as an event on the item itself,
   * not at its coordinates: a screen still loading grows under the open menu, the menu is placed
   * again, and a click aimed at where "Đăng xuất" was a moment ago lands on the page instead.
   */
  async signOut(): Promise<void> {
    await this.page.getByTestId("user-menu").click();
    await this.page.getByRole("menuitem", { name: "Đăng xuất" }).dispatchEvent("click");
    await this.page.waitForURL(/\/dang-nhap/);
  }
}
