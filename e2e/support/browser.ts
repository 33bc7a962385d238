import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Flags Debian's Chromium needs here (a container: no sandbox, no GPU), and nothing phoning home. */
export const chromiumArgs = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A Vietnamese desktop: what the journeys and the web benchmark see. */
export const desktopContext = {
  locale: "vi-VN",
  timezoneId: "Asia/Ho_Chi_Minh",
  viewport: { width: 1366, height: 860 },
};

/** Debian's Chromium, headless, with a throwaway profile; nothing phones home. */
export interface E2eBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed page scripts seen so far: a journey should end with none. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<E2eBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "thuocdo-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: chromiumArgs,
    ...desktopContext,
    viewport: options.viewport ?? desktopContext.viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
