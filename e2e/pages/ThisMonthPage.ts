import type { Locator, Page } from "playwright-core";

export interface DeliveryInput {
  quantity: number;
  documentNumber?: string;
  file?: string;
}

/** Tháng này: the staff member's products of the month, deliveries, live score and history. */
export class ThisMonthPage {
  constructor(private readonly page: Page) {}

  async openFromMenu(): Promise<void> {
    await this.page.getByRole("navigation").getByRole("link", { name: "Tháng này" }).click();
    await this.page.getByRole("heading", { name: /^Tháng này/ }).waitFor();
  }

  /** The row of a product line, by its assignment id (a code may be assigned twice in a month). */
  line(assignmentId: string): Locator {
    return this.page.locator(`tr.ant-table-row[data-row-key="${assignmentId}"]`);
  }

  drawer(): Locator {
    return this.page.getByRole("dialog").filter({ hasText: "Ghi nhận sản phẩm hoàn thành" });
  }

  /** Opens the delivery drawer of a line and fills it; returns the late warning shown before saving, if any. */
  async fillDelivery(assignmentId: string, input: DeliveryInput): Promise<string | null> {
    await this.line(assignmentId)
      .getByRole("button", { name: /^Ghi nhận sản phẩm hoàn thành cho / })
      .click();
    const drawer = this.drawer();
    await drawer.waitFor();
    await drawer.getByLabel("Số lượng", { exact: true }).fill(String(input.quantity));
    if (input.documentNumber) await drawer.getByLabel("Số, ký hiệu văn bản").fill(input.documentNumber);
    if (input.file) {
      await drawer.locator("input[type=file]").setInputFiles(input.file);
      await drawer.locator(".ant-upload-list-item-done").first().waitFor();
    }
    const late = drawer.getByTestId("delivery-late");
    return (await late.count()) > 0 ? ((await late.textContent()) ?? "") : null;
  }

  /** Saves the drawer and returns the toast it answered with (older toasts are let go first). */
  async saveDelivery(): Promise<string> {
    const notices = this.page.locator(".ant-message-notice");
    for (let i = 0; i < 50 && (await notices.count()) > 0; i++) await this.page.waitForTimeout(100);
    await this.drawer().getByRole("button", { name: "Lưu sản phẩm" }).click();
    const notice = notices.first();
    await notice.waitFor();
    const text = (await notice.textContent()) ?? "";
    await this.drawer().waitFor({ state: "hidden" });
    return text;
  }

  async openSelfEvaluation(): Promise<void> {
    await this.page.getByRole("button", { name: "Tự đánh giá" }).click();
    await this.page.getByRole("heading", { name: /^Tự đánh giá/ }).waitFor();
  }

  /** The live total as shown ("84,12") and the exact value behind it. */
  async total(): Promise<{ text: string; exact: number }> {
    const value = this.page.getByTestId("my-total").locator(".score-value");
    return { text: (await value.textContent()) ?? "", exact: Number(await value.getAttribute("data-exact")) };
  }
}
