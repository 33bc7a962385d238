#!/usr/bin/env node
// Runs Biome's native binary for this platform. The `@biomejs/biome` wrapper
// lists a binary package per platform as optional dependencies, and the
// registry this project installs from serves only the Linux ones, which
// breaks `npm ci` ("missing from lock file"). So the project depends on the
// Linux binaries directly (optionalDependencies) and finds the right one here.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const pkg = `@biomejs/cli-${process.platform}-${process.arch}`;
let binary;
try {
  binary = join(dirname(require.resolve(`${pkg}/package.json`)), process.platform === "win32" ? "biome.exe" : "biome");
} catch {
  binary = undefined;
}
if (!binary || !existsSync(binary)) {
  console.error(`biome: ${pkg} is not installed for this platform; install it with npm install --no-save ${pkg}@2.6.8`);
  process.exit(1);
}
const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
process.exit(result.status ?? 1);
