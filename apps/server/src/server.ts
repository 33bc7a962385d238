import { join } from "node:path";
import { buildApp } from "./app.ts";
import { makeDeps } from "./context.ts";
import { lockDataDir } from "./db/data-dir-lock.ts";
import { type DatabaseConfig, openDatabase } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { startAgencyReminderTimer } from "./modules/agency-cycle-reminders/service.ts";
import { startReminderTimer } from "./modules/notifications/service.ts";
import { startSettleTimer } from "./modules/scoring-settle/service.ts";
import { seedAgencyTemplates } from "./seed/agency-templates.ts";
import { seedDemo } from "./seed/demo.ts";
import { seedDemoActivity } from "./seed/demo-activity.ts";
import { seedDemoCatalog } from "./seed/demo-catalog.ts";

export interface StartOptions {
  port?: number;
  host?: string;
  database: DatabaseConfig;
  /** Load the demo province on first start (idempotent). */
  demo?: boolean;
  /** With `demo`: also a generated year of Nguyệt An's monthly cycle (default on; journeys that need a clean month turn it off). */
  demoActivity?: boolean;
  webDist?: string;
  /** Where uploaded files live; defaults to <dataDir>/files for PGlite, a temporary folder for memory. */
  filesDir?: string;
  /** Pino level ("info" logs every request), or false for none. */
  logger?: boolean | string;
  /** Apply migrations at start (default); `--no-migrate` turns it off for operators who migrate separately. */
  migrate?: boolean;
  trustProxy?: boolean;
  /** The clock: benchmarks replay a month-end on data generated for a fixed year. */
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  demoLoaded: boolean;
}

/**
 * Opens the database, migrates it, loads the demo data once, and serves the
 * API and the web app. Used by `npm start`, by tests and by benchmarks.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const release = options.database.kind === "pglite" ? lockDataDir(options.database.dataDir) : () => {};
  try {
    const database = await openDatabase(
      options.database.kind === "pglite"
        ? { kind: "pglite", dataDir: join(options.database.dataDir, "pglite") }
        : options.database,
    );
    if (options.migrate !== false) await migrate(database);
    const filesDir =
      options.filesDir ?? (options.database.kind === "pglite" ? join(options.database.dataDir, "files") : undefined);
    const deps = makeDeps(database, { filesDir, now: options.now });
    const demoLoaded = options.demo ? await seedDemo(deps) : false;
    if (options.demo) await seedDemoCatalog(deps);
    if (options.demo && options.demoActivity !== false) await seedDemoActivity(deps);
    await seedAgencyTemplates(deps, { demo: options.demo ?? false });
    const app = await buildApp({
      deps,
      webDist: options.webDist,
      logger: options.logger,
      trustProxy: options.trustProxy,
    });
    await app.listen({ port: options.port ?? 3000, host: options.host ?? "127.0.0.1" });
    // Reminders the day before each deadline; idempotent, so every instance may run it.
    const stopReminders = startReminderTimer(deps, (error) => app.log.error({ err: error }, "reminders failed"));
    const stopAgencyReminders = startAgencyReminderTimer(deps, (error) =>
      app.log.error({ err: error }, "agency reminders failed"),
    );
    const stopSettling = startSettleTimer(deps.db, (error) => app.log.error({ err: error }, "settling scores failed"));
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : options.port;
    return {
      url: `http://${options.host ?? "127.0.0.1"}:${port}`,
      demoLoaded,
      close: async () => {
        stopReminders();
        stopAgencyReminders();
        await app.close();
        await stopSettling();
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
