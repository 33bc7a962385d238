#!/usr/bin/env node
// Checks the typed Vietnamese catalogue of apps/web (STYLE.md §11):
//  - every key the code names ("area.key" string literals, `t("…")` calls) exists in the catalogue;
//  - every catalogue key is used somewhere, either literally or through a dynamic
//    `area.${…}` template (e.g. t(`roles.${role}`)), which marks the whole area as used.
// Plain Node, no dependencies: the catalogue files are read as text with a small tokenizer.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const webSrc = join(root, "apps/web/src");
const catalogueDir = join(webSrc, "i18n/vi");

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Remove comments while keeping strings intact. */
function stripComments(src) {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const n = src[i + 1];
    if (c === "/" && n === "/") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "/" && n === "*") {
      i = src.indexOf("*/", i + 2);
      i = i < 0 ? src.length : i + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      const end = skipString(src, i);
      out += src.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function skipString(src, start) {
  const quote = src[start];
  let i = start + 1;
  while (i < src.length && src[i] !== quote) i += src[i] === "\\" ? 2 : 1;
  return i + 1;
}

/**
 * Parse `export const <area> = { key: "text", … } as const;` blocks into
 * area → keys. Nested objects are not used by the catalogue and are rejected.
 */
function parseCatalogueFile(file) {
  const src = stripComments(readFileSync(file, "utf8"));
  const areas = new Map();
  const re = /export\s+const\s+([A-Za-z_$][\w$]*)\s*=\s*\{/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const area = m[1];
    const keys = new Set();
    let i = re.lastIndex;
    for (;;) {
      while (/[\s,]/.test(src[i] ?? "")) i++;
      if (src[i] === "}" || i >= src.length) break;
      let key;
      if (src[i] === '"' || src[i] === "'") {
        const end = skipString(src, i);
        key = src.slice(i + 1, end - 1);
        i = end;
      } else {
        const km = /^[A-Za-z_$][\w$]*/.exec(src.slice(i));
        if (!km) throw new Error(`${relative(root, file)}: cannot read a key near "${src.slice(i, i + 30)}"`);
        key = km[0];
        i += key.length;
      }
      while (/\s/.test(src[i])) i++;
      if (src[i] !== ":") throw new Error(`${relative(root, file)}: expected ":" after key "${key}"`);
      i++;
      while (/\s/.test(src[i])) i++;
      if (src[i] !== '"' && src[i] !== "'" && src[i] !== "`")
        throw new Error(`${relative(root, file)}: ${area}.${key} must be a string literal (the catalogue is flat)`);
      if (keys.has(key)) throw new Error(`${relative(root, file)}: duplicate key ${area}.${key}`);
      keys.add(key);
      i = skipString(src, i);
    }
    areas.set(area, keys);
  }
  return areas;
}

// The areas the catalogue index actually exports (vi/index.ts lists them).
const indexSrc = readFileSync(join(catalogueDir, "index.ts"), "utf8");
const listed = new Set(
  [...(/export const vi = \{([\s\S]*?)\}/.exec(indexSrc)?.[1] ?? "").matchAll(/([A-Za-z_$][\w$]*)/g)].map((m) => m[1]),
);

const catalogue = new Map();
for (const file of walk(catalogueDir).filter((f) => f.endsWith(".ts") && !f.endsWith("index.ts"))) {
  for (const [area, keys] of parseCatalogueFile(file)) {
    if (!listed.has(area)) continue;
    if (catalogue.has(area)) throw new Error(`area "${area}" is defined twice`);
    catalogue.set(area, keys);
  }
}
const problems = [];
for (const area of listed)
  if (!catalogue.has(area)) problems.push(`area "${area}" is listed in vi/index.ts but not defined`);

const allKeys = new Set([...catalogue].flatMap(([area, keys]) => [...keys].map((k) => `${area}.${k}`)));
const used = new Set();
const dynamicAreas = new Set();
const areaNames = [...catalogue.keys()].join("|");
const literalKey = new RegExp(`^(${areaNames})\\.[A-Za-z_$][\\w$]*$`);

const codeFiles = walk(webSrc).filter(
  (f) => /\.(ts|tsx)$/.test(f) && !f.startsWith(catalogueDir) && !/\.test\.tsx?$/.test(f),
);
for (const file of codeFiles) {
  const src = stripComments(readFileSync(file, "utf8"));
  const where = relative(root, file);
  // Any string literal shaped like "area.key" is a key reference.
  for (const m of src.matchAll(/(["'])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) {
    const text = m[2];
    if (!literalKey.test(text)) continue;
    if (allKeys.has(text)) used.add(text);
    else problems.push(`${where}: key "${text}" is not in the catalogue`);
  }
  // t("…") with something that is not an area key at all (a typo in the area name).
  for (const m of src.matchAll(/\bt\(\s*(["'])([^"'\n]+)\1/g)) {
    if (!allKeys.has(m[2]) && !literalKey.test(m[2])) problems.push(`${where}: t("${m[2]}") names no catalogue key`);
  }
  // `area.${…}` templates use the area dynamically; TypeScript checks those keys exist.
  for (const m of src.matchAll(/`([A-Za-z_$][\w$]*)\.\$\{/g)) {
    if (catalogue.has(m[1])) dynamicAreas.add(m[1]);
  }
}

const unused = [...allKeys].filter((k) => !used.has(k) && !dynamicAreas.has(k.split(".")[0]));
for (const k of unused) problems.push(`unused key "${k}"`);

if (problems.length > 0) {
  console.error(`check-i18n: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(
  `check-i18n: ${allKeys.size} keys in ${catalogue.size} areas, all used` +
    (dynamicAreas.size ? ` (dynamic areas: ${[...dynamicAreas].sort().join(", ")})` : ""),
);
