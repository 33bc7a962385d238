import type { Locator, Page } from "playwright-core";

/** Bảng theo dõi phòng: everyone's progress, review drawer, confirm drawer, drill-down. */
export class DivisionBoardPage {
  constructor(private readonly page: Page) {}

  async openFromMenu(): Promise<void> {
    await this.page.getByRole("navigation").getByRole("link", { name: "Bảng theo dõi phòng" }).click();
    await this.page.getByRole("heading", { name: "Bảng theo dõi phòng" }).waitFor();
    await this.page.locator(".ant-table-row").first().waitFor();
  }

  row(name: string): Locator {
    return this.page.locator("tr.ant-table-row", { hasText: name });
  }

  /** The review drawer of one person (their lines, each opened onto its deliveries). */
  async openWork(name: string): Promise<Locator> {
    await this.row(name).getByRole("button", { name: "Đánh giá" }).click();
    const drawer = this.page.getByRole("dialog").filter({ hasText: `${name} —` });
    await drawer.locator(".ant-table-expanded-row").first().waitFor();
    return drawer;
  }

  /** The deliveries table under one line (by assignment id). */
  deliveriesOf(drawer: Locator, assignmentId: string): Locator {
    return drawer.locator(`tr[data-row-key="${assignmentId}"] + tr.ant-table-expanded-row`);
  }

  async pass(drawer: Locator, assignmentId: string): Promise<void> {
    await this.deliveriesOf(drawer, assignmentId).getByRole("button").filter({ hasText: /^Đạt$/ }).click();
    await this.page.locator(".ant-popconfirm").getByRole("button", { name: "Đạt" }).click();
    await this.deliveriesOf(drawer, assignmentId).locator(".ant-tag").filter({ hasText: /^Đạt$/ }).waitFor();
  }

  async fail(drawer: Locator, assignmentId: string, note: string): Promise<void> {
    await this.deliveriesOf(drawer, assignmentId)
      .getByRole("button")
      .filter({ hasText: /^Chưa đạt$/ })
      .click();
    const dialog = this.page.locator(".ant-modal").filter({ hasText: "Đánh giá chưa đạt: sai sót lớn" });
    await dialog.getByLabel("Nội dung sai sót").fill(note);
    await dialog.getByRole("button", { name: "Chưa đạt" }).click();
    await dialog.waitFor({ state: "hidden" });
    await this.deliveriesOf(drawer, assignmentId)
      .locator(".ant-tag")
      .filter({ hasText: /^Chưa đạt$/ })
      .waitFor();
  }

  async excuseDelay(drawer: Locator, assignmentId: string, who: string, why: string): Promise<void> {
    await this.deliveriesOf(drawer, assignmentId).getByRole("button", { name: "Nguyên nhân khách quan" }).click();
    const dialog = this.page.locator(".ant-modal").filter({ hasText: "Xác nhận nguyên nhân khách quan" });
    await dialog.getByLabel("Một lần chậm tiến độ").check();
    await dialog.getByLabel("Người (cơ quan) xác nhận").fill(who);
    await dialog.getByLabel("Lý do khách quan").fill(why);
    await dialog.getByRole("button", { name: "Xác nhận miễn trừ" }).click();
    await dialog.waitFor({ state: "hidden" });
    await this.deliveriesOf(drawer, assignmentId).getByText("(1 được miễn)").waitFor();
  }

  async closeDrawer(drawer: Locator): Promise<void> {
    await drawer.getByRole("button", { name: "Close" }).or(drawer.locator(".ant-drawer-close")).first().click();
    await drawer.waitFor({ state: "hidden" });
  }

  async openConfirm(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole("button", { name: `Xác nhận kết quả của ${name}` })
      .click();
    const drawer = this.page.getByRole("dialog").filter({ hasText: `Xác nhận kết quả — ${name}` });
    await drawer.getByLabel("Điểm tiêu chí I.1", { exact: true }).waitFor();
    return drawer;
  }

  /** The board's score of a person as shown ("84,12") and its exact value. */
  async scoreOf(name: string): Promise<{ text: string; exact: number }> {
    const value = this.row(name)
      .getByRole("button", { name: `Giải trình điểm của ${name}` })
      .locator(".score-value");
    return { text: (await value.textContent()) ?? "", exact: Number(await value.getAttribute("data-exact")) };
  }

  async openExplanation(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole("button", { name: `Giải trình điểm của ${name}` })
      .click();
    const drawer = this.page.getByRole("dialog").filter({ hasText: "Giải trình điểm" });
    await drawer.getByTestId("score-explanation").waitFor();
    return drawer;
  }
}
