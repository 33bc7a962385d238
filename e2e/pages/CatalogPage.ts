import type { Locator, Page } from "playwright-core";

/** Danh mục sản phẩm: versions, items table, the import dialog. */
export class CatalogPage {
  constructor(private readonly page: Page) {}

  async openFromMenu(): Promise<void> {
    await this.page.getByRole("navigation").getByRole("link", { name: "Danh mục sản phẩm" }).click();
    await this.page.getByRole("heading", { name: "Danh mục sản phẩm/công việc quy đổi" }).waitFor();
  }

  /** The row of version `n` in the versions table. */
  version(n: number): Locator {
    return this.page
      .locator(".ant-table-row")
      .filter({ has: this.page.getByRole("cell", { name: `v${n}`, exact: true }) });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole("searchbox", { name: /Tìm theo mã/ }).fill(text);
  }

  /** The items-table row of the product with this exact code. */
  item(code: string): Locator {
    return this.page
      .locator(".ant-table-row")
      .filter({ has: this.page.getByRole("cell", { name: code, exact: true }) });
  }

  async newVersion(): Promise<void> {
    await this.page.getByRole("button", { name: "Tạo phiên bản mới" }).click();
  }

  /** Opens the import dialog and hands it a file; the dialog checks it at once. */
  async importFile(name: string, content: Buffer): Promise<Locator> {
    await this.page.getByRole("button", { name: "Nhập từ tệp" }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: content });
    await dialog.getByTestId("import-summary").waitFor();
    return dialog;
  }
}
