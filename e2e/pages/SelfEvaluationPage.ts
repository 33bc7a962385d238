import type { Page } from "playwright-core";

/** Mẫu 01: the ten sub-criteria self-scored, the self-assessment, submit. */
export class SelfEvaluationPage {
  constructor(private readonly page: Page) {}

  async fill(scores: Record<string, number>, assessment: string): Promise<void> {
    for (const [code, value] of Object.entries(scores)) {
      const box = this.page.getByLabel(`Điểm tiêu chí ${code}`, { exact: true });
      await box.fill(String(value).replace(".", ","));
      await box.blur();
    }
    await this.page.getByLabel("Tự nhận xét").fill(assessment);
  }

  liveTotal(): Promise<string> {
    return this.page
      .getByTestId("general-total")
      .locator(".score-value")
      .textContent()
      .then((t) => t ?? "");
  }

  async submit(): Promise<void> {
    await this.page.getByRole("button", { name: "Gửi tự đánh giá" }).click();
    await this.page.getByRole("heading", { name: /^Tháng này/ }).waitFor();
  }
}
