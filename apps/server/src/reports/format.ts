/**
 * How official outputs write numbers and dates: vi-VN separators (87,50), points with two
 * decimals (DESIGN §3 rule 6: exact inside, two decimals shown), dates as Decree 30/2020 writes
 * them ("ngày 05 tháng 3 năm 2026", a leading zero for days below 10 and for months 1 and 2).
 */

const pointsFormat = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const decimalFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });

/** Points and credits: two decimals, "87,50". */
export const formatPoints = (value: number): string => pointsFormat.format(value);

/** Quantities and coefficients as entered: up to four decimals, no trailing zeros, "12,5". */
export const formatDecimal = (value: number): string => decimalFormat.format(value);

/** A ratio as a percentage with two decimals: 0.9333… → "93,33%". */
export const formatPercent = (ratio: number): string => `${pointsFormat.format(ratio * 100)}%`;

/** A value or the dash official tables use for "not applicable". */
export const orDash = <T>(value: T | null | undefined, format: (v: T) => string): string =>
  value === null || value === undefined ? "–" : format(value);

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * "ngày 05 tháng 3 năm 2026" from an ISO date (YYYY-MM-DD…); without a date, the blanks a form
 * leaves to fill by hand. Decree 30/2020 Appendix I: days below 10 and months 1, 2 take a zero.
 */
export function vietnameseDate(iso: string | null | undefined): string {
  if (!iso) return "ngày … tháng … năm …";
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** "dd/mm/yyyy" from an ISO date, the way every screen and list shows dates. */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

const romanQuarters = ["I", "II", "III", "IV"] as const;

export interface PeriodRef {
  kind: "month" | "quarter";
  year: number;
  /** Month 1–12 or quarter 1–4. */
  number: number;
}

/** "Tháng 3 năm 2026" or "Quý I năm 2026". */
export function periodLabel(period: PeriodRef): string {
  return period.kind === "quarter"
    ? `Quý ${romanQuarters[period.number - 1]} năm ${period.year}`
    : `Tháng ${period.number} năm ${period.year}`;
}

const localGovernment =
  /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:xã|phường|thị trấn|đặc khu|thị xã|huyện|quận|thành phố|tỉnh)\s+/iu;

/**
 * The place in the date line ("Nguyệt An, ngày …"; Decree 30/2020 Appendix I: the locality where
 * the agency sits): the nearest commune or province at or above the agency, without its
 * "UBND xã" prefix. `chain` runs from the agency up to the root.
 */
export function placeName(chain: readonly { kind: string; name: string }[]): string {
  const locality = chain.find((u) => u.kind === "commune" || u.kind === "province") ?? chain[0];
  return locality ? locality.name.replace(localGovernment, "") : "";
}
