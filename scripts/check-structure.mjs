#!/usr/bin/env node
// Fails when the server's layout drifts from DESIGN.md §6: each module under
// apps/server/src/modules/<area>/ uses only the closed file vocabulary, and
// only repo files (plus the db/ and test/ infrastructure) import Drizzle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const modules = join(root, "apps/server/src/modules");
const vocabulary = new Set(["routes.ts", "schema.ts", "service.ts", "repo.ts", "policy.ts"]);
const problems = [];

for (const area of readdirSync(modules)) {
  const dir = join(modules, area);
  if (!statSync(dir).isDirectory()) {
    problems.push(`${relative(root, dir)}: modules/ holds only folders, one per area`);
    continue;
  }
  for (const file of readdirSync(dir)) {
    if (!vocabulary.has(file) && !file.endsWith(".test.ts")) {
      problems.push(
        `${relative(root, join(dir, file))}: not in the module vocabulary (${[...vocabulary].join(", ")}, *.test.ts)`,
      );
    }
  }
}

function* walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|tsx)$/.test(entry)) yield path;
  }
}

// Seeds may keep their bulk SQL in a `*-repo.ts` beside them (e.g. seed/activity-repo.ts).
const drizzleAllowed = (path) =>
  path.endsWith("/repo.ts") ||
  (path.includes("/src/seed/") && path.endsWith("-repo.ts")) ||
  path.includes("/src/db/") ||
  path.includes("/src/test/") ||
  path.endsWith(".test.ts");
for (const file of walk(join(root, "apps/server/src"))) {
  if (!drizzleAllowed(file) && /from "drizzle-orm/.test(readFileSync(file, "utf8"))) {
    problems.push(`${relative(root, file)}: imports Drizzle; SQL lives in repo.ts files only`);
  }
}
for (const file of walk(join(root, "packages/core/src"))) {
  if (file.endsWith(".test.ts")) continue;
  const text = readFileSync(file, "utf8");
  const bad = [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]).filter((s) => !s.startsWith(".") && s !== "zod");
  if (bad.length > 0)
    problems.push(`${relative(root, file)}: the core depends on nothing but zod (found ${bad.join(", ")})`);
}

if (problems.length > 0) {
  console.error(`check-structure: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("check-structure: ok");
