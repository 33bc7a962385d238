/**
 * How scores read on screen (DESIGN §3 rule 6): the core computes exactly and the API sends the
 * nearest JS number; screens show 2 decimals in the Vietnamese format (84,12) and keep the exact
 * value within reach (up to 6 decimals) for the "why is my score this?" tooltip.
 */
const twoDecimals = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const exact = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 4, maximumFractionDigits: 6 });
const quantity = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat("vi-VN", {
  style: "percent",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** 84.1234 → "84,12". */
export function formatScore(value: number): string {
  return twoDecimals.format(value);
}

/** 84.123456789 → "84,123457": at least 4, at most 6 decimals. */
export function formatExact(value: number): string {
  return exact.format(value);
}

/** Quantities and coefficients: as many decimals as they have, up to 4 (1,5; 12; 0,3333). */
export function formatQuantity(value: number): string {
  return quantity.format(value);
}

/** A ratio (a, b, c, d, đ, e) as a percentage: 0.9375 → "93,75 %". */
export function formatRatio(value: number): string {
  return percent.format(value);
}

/**
 * The median of a list (the division's converted load), or null for none: the middle value,
 * or the mean of the two middle ones.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
