import { vi } from "./vi/index.ts";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the catalogue, checked at compile time: `t("org.addUnit")`. */
export type MessageKey = Leaves<typeof vi>;
export type MessageParams = Record<string, string | number | null | undefined>;

const flat = new Map<string, string>();
for (const [ns, messages] of Object.entries(vi)) {
  for (const [key, text] of Object.entries(messages)) flat.set(`${ns}.${key}`, text);
}

const numberFormat = new Intl.NumberFormat("vi-VN");
const pluralRules = new Intl.PluralRules("vi-VN");

/** Vietnamese number format: 1.234.567,5 */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/**
 * A small ICU MessageFormat subset: `{name}` and
 * `{n, plural, =0 {…} one {…} other {… # …}}`. Vietnamese has no grammatical
 * plural, but `=0` gives natural "no items" wording. Numbers are formatted vi-VN.
 */
export function formatMessage(template: string, params: MessageParams = {}): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = matchingBrace(template, open);
    if (close < 0) {
      out += template.slice(open);
      break;
    }
    out += renderPlaceholder(template.slice(open + 1, close), params);
    i = close + 1;
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === "{") depth++;
    else if (s[j] === "}" && --depth === 0) return j;
  }
  return -1;
}

function renderValue(v: MessageParams[string]): string {
  if (v === null || v === undefined) return "";
  return typeof v === "number" ? formatNumber(v) : v;
}

function renderPlaceholder(body: string, params: MessageParams): string {
  const parts = body.split(",");
  const name = parts[0]?.trim() ?? "";
  if (parts.length < 3 || parts[1]?.trim() !== "plural") return renderValue(params[name]);
  const value = Number(params[name] ?? 0);
  const options = parsePluralOptions(parts.slice(2).join(","));
  const chosen = options.get(`=${value}`) ?? options.get(pluralRules.select(value)) ?? options.get("other") ?? "";
  return formatMessage(chosen.replaceAll("#", formatNumber(value)), params);
}

function parsePluralOptions(s: string): Map<string, string> {
  const options = new Map<string, string>();
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf("{", i);
    if (open < 0) break;
    const selector = s.slice(i, open).trim();
    const close = matchingBrace(s, open);
    if (close < 0) break;
    options.set(selector, s.slice(open + 1, close));
    i = close + 1;
  }
  return options;
}

/** The Vietnamese text of a key, with parameters filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = flat.get(key);
  // Only reachable when a key is built from an unchecked string; show the key instead of crashing.
  if (template === undefined) return key;
  return params ? formatMessage(template, params) : template;
}

const TZ = "Asia/Ho_Chi_Minh";
const dateParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(value: string | Date): Record<string, string> | null {
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of dateParts.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** dd/mm/yyyy in Vietnam time. A plain `yyyy-mm-dd` date is shown as is, without a time-zone shift. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-");
    return `${d}/${m}/${y}`;
  }
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : "";
}

/** dd/mm/yyyy HH:mm in Vietnam time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : "";
}

/** 5 MB → "5 MB" in Vietnamese number format. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(bytes)} B`;
}

/** Case- and diacritic-insensitive text for client-side filters ("Nguyệt" matches "nguyet"). */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}
