import type { Locator, Page } from "playwright-core";
import { pickOption } from "../support/select";

/** Cơ cấu tổ chức: the org tree, the details card and the add/edit dialogs. */
export class OrgTreePage {
  constructor(private readonly page: Page) {}

  /** Opens the screen from the side menu, as a user would. */
  async openFromMenu(): Promise<void> {
    await this.page.getByRole("navigation").getByRole("link", { name: "Cơ cấu tổ chức" }).click();
    await this.page.getByRole("heading", { name: "Cơ cấu tổ chức" }).waitFor();
    await this.page.locator(".ant-tree").waitFor();
  }

  /** The tree node whose name is exactly `name`. */
  node(name: string): Locator {
    return this.page.locator(".ant-tree .unit-name").getByText(name, { exact: true });
  }

  async select(name: string): Promise<void> {
    await this.node(name).click();
    await this.page.getByText("Thông tin đơn vị").waitFor();
  }

  /** Adds a child under the selected unit; `kind` is the Vietnamese label of the unit kind. */
  async addChild(name: string, kind?: string): Promise<void> {
    await this.page.getByRole("button", { name: "Thêm đơn vị trực thuộc" }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.waitFor();
    if (kind) {
      await pickOption(this.page, dialog.getByLabel("Loại đơn vị"), kind);
    }
    await dialog.getByLabel("Tên đơn vị").fill(name);
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });
  }

  detailsName(): Locator {
    return this.page.locator(".ant-descriptions").getByRole("cell").nth(1);
  }
}
