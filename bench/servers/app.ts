import { resolve } from "node:path";
import { databaseFromEnv } from "../../apps/server/src/cli/database.ts";
import { startServer } from "../../apps/server/src/server.ts";

/**
 * Thước Đo as `npm start` runs it, on the generated province, with the clock at BENCH_NOW (the
 * month-end the burst replays). Prints `{"url": …}` once it listens.
 */
const now = new Date(process.env.BENCH_NOW ?? Date.now());
const server = await startServer({
  port: 0,
  database: databaseFromEnv().config,
  demo: false,
  webDist: resolve(import.meta.dirname, "../../apps/web/dist"),
  logger: false,
  now: () => new Date(now.getTime() + performance.now()),
});
console.log(JSON.stringify({ url: server.url }));
process.once("SIGTERM", () => {
  server.close().then(() => process.exit(0));
});
