import type { Locator, Page } from "playwright-core";

/** Xếp loại cuối năm (/xep-loai): the list, the quota tab and the Art. 21 workflow tab. */
export class ClassificationPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(agencyId: string, year: number, tab?: "quota" | "workflow"): Promise<void> {
    const query = new URLSearchParams({ coQuan: agencyId, nam: String(year), ...(tab ? { tab } : {}) });
    await this.page.goto(`${this.baseUrl}/xep-loai?${query}`);
    await this.page.getByRole("heading", { name: "Xếp loại cuối năm" }).waitFor();
  }

  /** Opens the workflow tab from the tab bar, as a user would. */
  async openWorkflowTab(): Promise<void> {
    await this.page.getByRole("tab", { name: "Quy trình, quyết định" }).click();
    await this.page.getByText("Quyết định xếp loại", { exact: true }).waitFor();
  }

  /** The head's decision: number, signer and date (dd/mm/yyyy, typed), then "Ban hành quyết định". */
  async decide(number: string, date: string, signer: string): Promise<void> {
    await this.page.getByLabel("Số quyết định").fill(number);
    await this.page.getByLabel("Người ký").fill(signer);
    const dateInput = this.page.getByLabel("Ngày quyết định");
    await dateInput.click();
    await dateInput.fill(date);
    // Tab commits the typed date and closes the picker (Enter would submit the form at once).
    await dateInput.press("Tab");
    await this.page.getByRole("button", { name: "Ban hành quyết định" }).click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Ban hành quyết định" }).click();
    await this.page.getByText("Đã ghi nhận quyết định xếp loại.").waitFor();
  }

  /** "Công khai kết quả" and its confirmation dialog. */
  async publish(): Promise<void> {
    await this.page.getByRole("button", { name: "Công khai kết quả" }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Công khai kết quả" }).click();
    await this.page.getByText("Đã công khai kết quả và gửi thông báo.").waitFor();
  }

  publicLink(): Locator {
    return this.page.getByTestId("public-link");
  }

  status(): Locator {
    return this.page.locator(".ant-tag").filter({ hasText: /^(Đang xếp loại|Đã đề xuất|Đã quyết định|Đã công khai)$/ });
  }
}
