import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { databaseFromEnv } from "./cli/database.ts";
import { DEMO_PASSWORD, demoLogins } from "./seed/demo-data.ts";
import { startServer } from "./server.ts";

/**
 * `npm start`: one server on 127.0.0.1:3000 with an embedded PGlite database
 * under ./data, or PostgreSQL when DATABASE_URL is set.
 */
const root = fileURLToPath(new URL("../../..", import.meta.url));
const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? "127.0.0.1";
const database = databaseFromEnv(env);
const args = new Set(process.argv.slice(2));

const server = await startServer({
  port,
  host,
  database: database.config,
  demo: env.DEMO !== "0" && !args.has("--no-demo"),
  migrate: !args.has("--no-migrate"),
  webDist: resolve(root, "apps/web/dist"),
  filesDir: resolve(root, env.FILES_DIR ?? join(env.DATA_DIR ?? "data", "files")),
  logger: env.LOG === "0" ? false : (env.LOG ?? "warn"),
  trustProxy: env.TRUST_PROXY === "1",
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

const lines = [
  "",
  `Thước Đo đang chạy tại ${server.url}`,
  `Cơ sở dữ liệu: ${database.label}`,
  server.demoLoaded ? "Đã nạp dữ liệu mẫu (lần chạy đầu)." : "Dữ liệu đã có sẵn, không nạp lại dữ liệu mẫu.",
  "",
  `Tài khoản dùng thử (mật khẩu chung: ${DEMO_PASSWORD}):`,
  ...demoLogins.map((l) => `  ${l.username.padEnd(10)} ${l.description}`),
  "",
];
console.log(lines.join("\n"));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
