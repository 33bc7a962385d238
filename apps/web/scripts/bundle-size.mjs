#!/usr/bin/env node
// Reports the JavaScript (and CSS) a screen downloads: the entry chunk, plus the
// lazy chunk of the given page, with everything they import statically.
// Usage: node apps/web/scripts/bundle-size.mjs [src/pages/LoginPage.tsx]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8"));
const page = process.argv[2] ?? "src/pages/LoginPage.tsx";

const files = new Set();
function visit(key) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const dep of chunk.imports ?? []) visit(dep);
}
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
visit(entry);
if (!manifest[page]) throw new Error(`${page} is not a chunk; known: ${Object.keys(manifest).join(", ")}`);
visit(page);

let raw = 0;
let gz = 0;
for (const file of [...files].sort()) {
  const bytes = readFileSync(join(dist, file));
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  console.log(
    `${file.padEnd(48)} ${(bytes.length / 1024).toFixed(1).padStart(8)} kB  gzip ${(g / 1024).toFixed(1).padStart(7)} kB`,
  );
}
console.log(`total for entry + ${page}: ${(raw / 1024).toFixed(1)} kB, gzip ${(gz / 1024).toFixed(1)} kB`);
