#!/usr/bin/env node
// Fails when the Drizzle schema has changes that no committed migration
// captures: drizzle-kit generates into a scratch copy of the migrations and
// must find nothing to do.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// drizzle-kit resolves --out against the working directory, so the scratch copy stays inside the repo.
const scratch = "node_modules/.cache/thuocdo-migrations-check";
rmSync(join(root, scratch), { recursive: true, force: true });
mkdirSync(join(root, scratch), { recursive: true });
try {
  cpSync(join(root, "apps/server/drizzle"), join(root, scratch), { recursive: true });
  const output = execFileSync(
    join(root, "node_modules/.bin/drizzle-kit"),
    ["generate", "--dialect", "postgresql", "--schema", "apps/server/src/db/schema*.ts", "--out", scratch],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  if (!output.includes("No schema changes")) {
    console.error("check-migrations: the schema changed without a migration; run `npm run db:generate` and commit it.");
    process.exit(1);
  }
  console.log("check-migrations: ok");
} finally {
  rmSync(join(root, scratch), { recursive: true, force: true });
}
