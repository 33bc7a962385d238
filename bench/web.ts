import { constants, gzipSync } from "node:zlib";
import { endpoints, workLinks } from "@thuocdo/contract";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumArgs, desktopContext } from "../e2e/support/browser.ts";
import { type Readiness, readinessProbe } from "./web/readiness.ts";

/** The login route of apps/web (auth/access.ts `paths.login`); the web app is not a project bench can import. */
const loginPath = "/dang-nhap";

/** Measure 5: what the first page costs to download, and how soon two pages can be used. */
export interface WebMeasures {
  /** Gzip (level 9) sizes of the scripts and stylesheets the login page loads, summed. */
  firstPageJsGzipBytes: number;
  firstPageCssGzipBytes: number;
  /** Milliseconds from navigation start, one per run, each in a fresh context (cold cache). */
  loginTtiMs: number[];
  thisMonthTtiMs: number[];
}

export interface WebOptions {
  baseUrl: string;
  username: string;
  password: string;
  runs?: number;
  chromiumPath?: string;
}

/**
 * The login form is usable once its username field and submit button are shown and enabled; its
 * session check may still be on the way (the form works meanwhile).
 */
const loginReady: Readiness = { usable: ["#username", "button[type=submit]"], busy: [] };

/**
 * Tháng này is usable once its heading and product table are rendered and no spinner is left, and
 * no API call has been in flight for a while: the history card asks for its data only after the
 * month has rendered, and that call is part of the page too.
 */
const thisMonthReady: Readiness = {
  usable: [".work-page .page-head h3", ".work-page tr.ant-table-row"],
  busy: [".work-page .ant-spin-spinning"],
  apiQuietMs: 500,
};

const TIMEOUT_MS = 30_000;

export async function measureWeb(opts: WebOptions): Promise<WebMeasures> {
  const runs = opts.runs ?? 5;
  const browser = await chromium.launch({
    executablePath: opts.chromiumPath ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: chromiumArgs,
  });
  try {
    const bytes = await firstPageBytes(browser, opts.baseUrl);
    const loginTtiMs: number[] = [];
    const thisMonthTtiMs: number[] = [];
    // Alternate the two pages so a slow spell of the (shared) machine does not land on one of them only.
    for (let i = 0; i < runs; i++) {
      loginTtiMs.push(await inFreshContext(browser, (c) => timeToUsable(c, opts.baseUrl + loginPath, loginReady)));
      thisMonthTtiMs.push(
        await inFreshContext(browser, async (c) => {
          await logIn(c, opts);
          return timeToUsable(c, opts.baseUrl + workLinks.myMonth, thisMonthReady);
        }),
      );
    }
    return { ...bytes, loginTtiMs, thisMonthTtiMs };
  } finally {
    await browser.close();
  }
}

/** A new context has its own empty HTTP cache and cookie jar: every run starts cold and signed out. */
async function inFreshContext<T>(browser: Browser, use: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext(desktopContext);
  try {
    return await use(context);
  } finally {
    await context.close();
  }
}

/**
 * Signs in through the API, not the form: the form would warm the cache with the scripts Tháng này
 * shares with the login page. The context keeps the session cookie.
 */
async function logIn(context: BrowserContext, opts: WebOptions): Promise<void> {
  const res = await context.request.post(opts.baseUrl + endpoints.login.path, {
    headers: { "x-csrf-token": "login" },
    data: { username: opts.username, password: opts.password },
  });
  if (!res.ok()) throw new Error(`login ${opts.username}: ${res.status()} ${await res.text()}`);
}

/** Opens `url` and answers the page's own `performance.now()` when it first became usable. */
async function timeToUsable(context: BrowserContext, url: string, readiness: Readiness): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(readinessProbe(readiness));
  await page.goto(url, { waitUntil: "commit" });
  return usableAt(page);
}

async function usableAt(page: Page): Promise<number> {
  const at = await page
    .waitForFunction(() => (window as { benchUsableAt?: number }).benchUsableAt, undefined, { timeout: TIMEOUT_MS })
    .catch((cause: unknown) => {
      // The usual cause: a user with no open period has no product table (seed the demo activity).
      throw new Error(`${page.url()} was not usable after ${TIMEOUT_MS} ms`, { cause });
    });
  return Math.round((await at.jsonValue()) as number);
}

/**
 * Everything of type script or stylesheet the login page loads until the network is idle (its lazy
 * route chunk included, chunks of signed-in screens not), each body gzipped at level 9 here, so the
 * number does not depend on how the server compresses.
 */
async function firstPageBytes(browser: Browser, baseUrl: string) {
  return inFreshContext(browser, async (context) => {
    const page = await context.newPage();
    const sizes = new Map<string, Promise<{ type: string; gzip: number }>>();
    page.on("response", (res) => {
      const type = res.request().resourceType();
      if ((type !== "script" && type !== "stylesheet") || sizes.has(res.url())) return;
      const gzip = res.body().then((body) => gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length);
      sizes.set(
        res.url(),
        gzip.then((n) => ({ type, gzip: n })),
      );
    });
    await page.addInitScript(readinessProbe(loginReady));
    await page.goto(baseUrl + loginPath, { waitUntil: "commit" });
    await usableAt(page);
    await page.waitForLoadState("networkidle");
    const loaded = await Promise.all(sizes.values());
    const sum = (type: string) => loaded.filter((r) => r.type === type).reduce((n, r) => n + r.gzip, 0);
    return { firstPageJsGzipBytes: sum("script"), firstPageCssGzipBytes: sum("stylesheet") };
  });
}
