import { Rational } from "./rational.ts";

/** `T` with every exact value replaced by a JS number: the shape of results on the wire. */
export type Plain<T> = T extends Rational
  ? number
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Plain<T[K]> }
      : T;

/**
 * Turns a result into plain JSON data: each `Rational` becomes the nearest JS number (well beyond
 * 6 exact decimals). This is the only place exact values are rounded, at the edge (DESIGN §3 rule 6).
 */
export function toPlain<T>(value: T): Plain<T> {
  if (value instanceof Rational) return value.toNumber() as Plain<T>;
  if (Array.isArray(value)) return value.map((v) => toPlain(v)) as Plain<T>;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = toPlain(v);
    return out as Plain<T>;
  }
  return value as Plain<T>;
}
