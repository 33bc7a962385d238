import type { Locator, Page } from "playwright-core";
import { pickOption } from "../support/select";

/** A minimal valid PDF: the server sniffs the content, not the name. */
export function pdfFile(name: string): { name: string; mimeType: string; buffer: Buffer } {
  const body = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  return { name, mimeType: "application/pdf", buffer: Buffer.from(body) };
}

/** "Tự đánh giá cơ quan": scores per criterion, N/A with explanation, conditions, dossier, submit. */
export class AgencySelfAssessmentPage {
  constructor(private readonly page: Page) {}

  async openFromMenu(): Promise<void> {
    await this.page.getByRole("navigation").getByRole("link", { name: "Tự đánh giá cơ quan" }).click();
    await this.page.getByRole("heading", { name: "Tự đánh giá, chấm điểm cơ quan" }).waitFor();
    await this.page.getByTestId("assessment-status").waitFor();
  }

  /** Types each leaf's self score in the table, then saves them together. */
  async scoreInline(scores: Record<string, number>): Promise<void> {
    for (const [code, value] of Object.entries(scores)) {
      const box = this.page.getByLabel(`Điểm tự chấm tiêu chí ${code}`, { exact: true });
      await box.fill(String(value).replace(".", ","));
      await box.blur();
    }
    await this.page.getByRole("button", { name: /Lưu điểm tự chấm/ }).click();
    await this.page.getByText(/Đã lưu điểm của \d+ tiêu chí/).waitFor();
  }

  /** Declares a criterion not applicable with a written explanation and one evidence file. */
  async markNotApplicable(code: string, explanation: string, evidenceName: string): Promise<void> {
    await this.page.getByRole("button", { name: `Chi tiết tiêu chí ${code}`, exact: true }).click();
    const drawer = this.page.getByRole("dialog").filter({ hasText: `Tiêu chí ${code}` });
    await drawer.getByLabel("Tiêu chí không áp dụng với cơ quan").click();
    await drawer.getByLabel("Giải trình bằng văn bản").fill(explanation);
    await drawer.locator("input[type=file]").setInputFiles(pdfFile(evidenceName));
    await drawer.getByText(evidenceName).waitFor();
    await drawer.locator(".ant-upload-list-item-done").first().waitFor();
    await drawer.getByRole("button", { name: "Lưu", exact: true }).click();
    // The drawer closes once the server has saved the criterion.
    await drawer.waitFor({ state: "hidden" }).catch(async (e: unknown) => {
      await this.page.screenshot({ path: "/tmp/thuocdo-agency-na-failed.png" });
      throw e;
    });
  }

  /** The conditions form: percentages typed, yes/no picked from the select. */
  async fillConditions(values: { percent: Record<string, number>; yesNo: Record<string, boolean>; proposed: string }) {
    for (const [label, v] of Object.entries(values.percent)) {
      await this.page.getByLabel(label, { exact: true }).fill(String(v));
    }
    for (const [label, v] of Object.entries(values.yesNo)) await this.pick(label, v ? "Có" : "Không");
    await this.pick("Mức xếp loại tự đề xuất", values.proposed);
    await this.page.getByRole("button", { name: "Lưu điều kiện và mức đề xuất" }).click();
    await this.page.getByText("Đã lưu thay đổi.").first().waitFor();
  }

  private pick(label: string, option: string): Promise<void> {
    return pickOption(this.page, this.page.getByLabel(label, { exact: true }), option);
  }

  dossierPart(kind: string): Locator {
    return this.page.getByTestId(`dossier-${kind}`);
  }

  async uploadDossier(kind: string, fileName: string): Promise<void> {
    await this.dossierPart(kind).locator("input[type=file]").setInputFiles(pdfFile(fileName));
    await this.dossierPart(kind)
      .getByRole("link", { name: new RegExp(fileName) })
      .waitFor();
  }

  gaps(): Locator {
    return this.page.getByTestId("dossier-gaps");
  }

  submitButton(): Locator {
    return this.page.getByRole("button", { name: /Gửi hồ sơ$/ });
  }

  async submit(): Promise<void> {
    await this.submitButton().click();
    await this.page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /OK|Đồng ý|Có/ })
      .click();
    await this.page.getByText("Đã gửi hồ sơ tự đánh giá.").waitFor();
  }

  selfTotal(): Promise<string> {
    return this.page
      .getByTestId("self-total")
      .locator(".score-value")
      .textContent()
      .then((t) => t ?? "");
  }

  status(): Promise<string> {
    return this.page
      .getByTestId("assessment-status")
      .textContent()
      .then((t) => t ?? "");
  }
}
