import type { Locator, Page } from "playwright-core";

/** The public page of an agency's published classification (/cong-khai/xep-loai/:agencyId/:year), no login. */
export class PublicResultsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(agencyId: string, year: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/cong-khai/xep-loai/${encodeURIComponent(agencyId)}/${year}`);
    await this.title().waitFor();
  }

  title(): Locator {
    return this.page.getByTestId("public-title");
  }

  /** Body rows of the results table (antd's measure row left out). */
  rows(): Locator {
    return this.page.getByTestId("public-table").locator("tbody tr.ant-table-row");
  }

  /** Name → level text of every row on the current page. */
  async levels(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const row of await this.rows().all()) {
      const cells = await row.locator("td").allInnerTexts();
      out.set(cells[0]?.trim() ?? "", cells.at(-1)?.trim() ?? "");
    }
    return out;
  }

  async search(text: string): Promise<void> {
    await this.page.getByPlaceholder("Tìm theo họ tên hoặc đơn vị").fill(text);
  }
}
