/**
 * Exact rational numbers on BigInt.
 *
 * Scores are sums of products of decimal inputs (coefficients like 1.6, scores like 89.995),
 * divided by totals like 58. Binary floats drift on the first of those steps (0.1 + 0.2), and a
 * fixed decimal scale cannot hold 49/58 exactly. A reduced fraction can, so every rule computes on
 * `Rational` and only the edge (JSON output, display) turns it into a JS number or a string.
 *
 * Values are immutable and always normalised: `den > 0` and `gcd(num, den) = 1`, so two equal
 * values have equal fields.
 */
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  /** `num / den`, normalised. A zero denominator is a programming error: rules check totals first. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError("Rational: zero denominator");
    let m = n;
    if (d < 0n) {
      m = -m;
      d = -d;
    }
    return Rational.reduced(m, d);
  }

  /** `num / den` for a positive `den`: the one place values are normalised. */
  private static reduced(num: bigint, den: bigint): Rational {
    if (den === 1n) return new Rational(num, 1n);
    if (num === 0n) return Rational.ZERO;
    const g = gcd(num < 0n ? -num : num, den);
    return g === 1n ? new Rational(num, den) : new Rational(num / g, den / g);
  }

  /**
   * The exact value of the decimal a JS number prints as (its shortest round-trip string), so
   * `from(0.1)` is 1/10, not the binary double 0.1000000000000000055….
   */
  static from(value: number): Rational {
    if (Number.isSafeInteger(value)) return new Rational(BigInt(value), 1n);
    if (!Number.isFinite(value)) throw new RangeError(`Rational: not a finite number: ${value}`);
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
    if (!match) throw new RangeError(`Rational: cannot read ${value}`);
    const [, sign, whole, fraction = "", exponent = "0"] = match;
    const digits = BigInt(`${sign}${whole}${fraction}`);
    const scale = Number(exponent) - fraction.length;
    return scale >= 0 ? Rational.of(digits * 10n ** BigInt(scale)) : Rational.of(digits, 10n ** BigInt(-scale));
  }

  static sum(values: readonly Rational[]): Rational {
    return values.reduce((acc, v) => acc.add(v), Rational.ZERO);
  }

  static min(a: Rational, b: Rational): Rational {
    return a.cmp(b) <= 0 ? a : b;
  }

  static max(a: Rational, b: Rational): Rational {
    return a.cmp(b) >= 0 ? a : b;
  }

  // Scores sum many values over one denominator (credits in tenths, totals over A): adding
  // numerators then skips two multiplications and, over 1, the gcd.
  add(other: Rational): Rational {
    if (other.num === 0n) return this;
    if (this.num === 0n) return other;
    if (this.den === other.den) return Rational.reduced(this.num + other.num, this.den);
    return Rational.reduced(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    if (other.num === 0n) return this;
    if (this.den === other.den) return Rational.reduced(this.num - other.num, this.den);
    return Rational.reduced(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  // Most deliveries have no deduction: their credits multiply by 0 and 1, which need no arithmetic.
  mul(other: Rational): Rational {
    if (this.num === 0n || other.num === 0n) return Rational.ZERO;
    if (other.den === 1n && other.num === 1n) return this;
    if (this.den === 1n && this.num === 1n) return other;
    return Rational.reduced(this.num * other.num, this.den * other.den);
  }

  /** Throws on a zero divisor; callers that divide by data (A, a denominator) check it first. */
  div(other: Rational): Rational {
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  /** -1, 0 or 1. */
  cmp(other: Rational): -1 | 0 | 1 {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  eq(other: Rational): boolean {
    return this.cmp(other) === 0;
  }

  lt(other: Rational): boolean {
    return this.cmp(other) < 0;
  }

  lte(other: Rational): boolean {
    return this.cmp(other) <= 0;
  }

  gt(other: Rational): boolean {
    return this.cmp(other) > 0;
  }

  gte(other: Rational): boolean {
    return this.cmp(other) >= 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  /** The largest integer ≤ this value (towards −∞, unlike BigInt division which truncates). */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /**
   * The nearest JS number. Goes through a 20-digit decimal string so the result is the double
   * closest to the exact value (far beyond the 6 decimals the API promises), and exact decimals
   * such as 89.995 come back as the same literal.
   */
  toNumber(): number {
    // Both parts exact as doubles: IEEE division rounds the quotient correctly, at a fraction of
    // the cost of the decimal expansion below (a province's explanations hold millions of values).
    if (this.den <= MAX_EXACT && this.num <= MAX_EXACT && this.num >= -MAX_EXACT) {
      return Number(this.num) / Number(this.den);
    }
    const negative = this.num < 0n;
    const n = negative ? -this.num : this.num;
    const whole = n / this.den;
    const fraction = ((n % this.den) * 10n ** 20n) / this.den;
    return Number(`${negative ? "-" : ""}${whole}.${fraction.toString().padStart(20, "0")}`);
  }

  /**
   * A decimal string with `digits` places, rounded half away from zero — the rounding people
   * expect on a printed form (84.12355 → "84.12" at 2, "84.1236" at 4). For display only.
   */
  toFixed(digits: number): string {
    const scale = 10n ** BigInt(digits);
    const negative = this.num < 0n;
    const n = negative ? -this.num : this.num;
    const scaled = (2n * n * scale + this.den) / (2n * this.den);
    const text = scaled.toString().padStart(digits + 1, "0");
    const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
    return negative && scaled !== 0n ? `-${body}` : body;
  }

  /**
   * JSON carries the nearest number, as `toPlain` does: `JSON.stringify` of a result rounds at the
   * edge by itself, without first copying the whole result into plain objects.
   */
  toJSON(): number {
    return this.toNumber();
  }

  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`;
  }
}

/** Of two non-negative values; both within doubles' exact range (nearly always here), on doubles. */
function gcd(a: bigint, b: bigint): bigint {
  if (a <= MAX_EXACT && b <= MAX_EXACT) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return x === 0 ? 1n : BigInt(x);
  }
  let x = a;
  let y = b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x === 0n ? 1n : x;
}

/** Shorthand for `Rational.from`, for data modules and tests. */
export const r = (value: number): Rational => Rational.from(value);
