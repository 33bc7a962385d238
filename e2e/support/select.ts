import type { Locator, Page } from "playwright-core";

/**
 * Picks an option of an Ant Design select and waits for its dropdown to finish closing.
 * A closing dropdown still sits over the fields below it for the length of its animation,
 * so clicking the next select straight away lands on the old option list instead.
 */
export async function pickOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  // Closed dropdowns stay in the page (hidden): pick from the one just opened.
  const open = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").last();
  await open.locator(`.ant-select-item-option[title="${option}"]`).click();
  await open.waitFor({ state: "hidden" });
}
