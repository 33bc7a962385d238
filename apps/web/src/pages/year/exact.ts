/**
 * The exact average the API sends as "numerator/denominator" (e.g. "1009481/12000"), written out
 * with `digits` decimals, truncated (never rounded up: 89,9999… stays below 90 on screen too).
 * Plain integers are accepted; anything else gives null.
 */
export function exactDecimal(fraction: string | null | undefined, digits = 6, markRest = true): string | null {
  if (!fraction) return null;
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(fraction.trim());
  if (!m) return null;
  let num = BigInt(m[1] as string);
  const den = BigInt(m[2] ?? "1");
  if (den === 0n) return null;
  const negative = num < 0n;
  if (negative) num = -num;
  const whole = num / den;
  let rest = num % den;
  let decimals = "";
  for (let i = 0; i < digits; i++) {
    rest *= 10n;
    decimals += String(rest / den);
    rest %= den;
  }
  const text = digits > 0 ? `${whole},${decimals}` : String(whole);
  return `${negative ? "-" : ""}${text}${rest === 0n || !markRest ? "" : "…"}`;
}
