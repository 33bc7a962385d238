import type { Locator, Page } from "playwright-core";

/** "Thẩm định tiêu chí": the appraiser's criteria across agencies, scores and comments. */
export class AgencyAppraisalPage {
  constructor(private readonly page: Page) {}

  async openFromMenu(): Promise<void> {
    await this.page.getByRole("navigation").getByRole("link", { name: "Thẩm định tiêu chí" }).click();
    await this.page.getByRole("heading", { name: "Thẩm định tiêu chí được giao" }).waitFor();
    await this.page.locator(".ant-table-row").first().waitFor();
  }

  /** The criterion codes of the rows shown for one agency, in order. */
  async codesOf(agency: string): Promise<string[]> {
    const rows = this.page.locator(".ant-table-row").filter({ hasText: agency });
    return rows.locator("[data-code]").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.code ?? ""));
  }

  rowOf(code: string, agency: string): Locator {
    return this.page.getByLabel(`Điểm thẩm định tiêu chí ${code} của ${agency}`, { exact: true });
  }

  async score(agency: string, code: string, value: number, comment?: string): Promise<void> {
    const box = this.rowOf(code, agency);
    await box.fill(String(value).replace(".", ","));
    await box.blur();
    if (comment) await this.page.getByLabel(`Nhận xét tiêu chí ${code} của ${agency}`, { exact: true }).fill(comment);
  }

  async saveAll(): Promise<void> {
    await this.page.getByRole("button", { name: /Lưu các dòng đã sửa/ }).click();
    await this.page.getByText(/Đã lưu điểm thẩm định của \d+ dòng/).waitFor();
  }

  progress(): Locator {
    return this.page.getByTestId("appraisal-progress");
  }
}
