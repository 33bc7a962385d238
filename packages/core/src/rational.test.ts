import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Rational, r } from "./rational.ts";

// DESIGN §3 rule 6: no rounding inside the computation; exact values, rounded only at the edge.
describe("Rational.from reads the decimal a number prints as", () => {
  it.each([
    [0.1, "1/10"],
    [0.25, "1/4"],
    [89.995, "17999/200"],
    [1.6, "8/5"],
    [-2.5, "-5/2"],
    [70, "70"],
    [1e-7, "1/10000000"],
    [1.5e-7, "3/20000000"],
    [1e21, "1000000000000000000000"],
    [0, "0"],
  ])("%s → %s", (value, expected) => {
    expect(r(value).toString()).toBe(expected);
  });

  it("rejects non-finite numbers", () => {
    expect(() => r(Number.NaN)).toThrow(RangeError);
    expect(() => r(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("arithmetic is exact", () => {
  it("10 × 0.1 sums to exactly 1 (floats give 0.9999999999999999)", () => {
    const tenths = Array.from({ length: 10 }, () => r(0.1));
    expect(Rational.sum(tenths).eq(Rational.ONE)).toBe(true);
    expect(Rational.sum(tenths).toNumber()).toBe(1);
  });

  it("0.1 + 0.2 is 0.3", () => {
    expect(r(0.1).add(r(0.2)).eq(r(0.3))).toBe(true);
  });

  it("divides and compares without drift", () => {
    expect(r(49).div(r(58)).mul(r(58)).eq(r(49))).toBe(true);
    expect(r(89.995).lt(r(90))).toBe(true);
    expect(r(90).gte(r(90))).toBe(true);
  });

  it("floors towards −∞", () => {
    expect(Rational.of(7, 2).floor()).toBe(3n);
    expect(Rational.of(-7, 2).floor()).toBe(-4n);
    expect(Rational.of(6, 3).floor()).toBe(2n);
    expect(Rational.of(-6, 3).floor()).toBe(-2n);
  });

  it("refuses a zero denominator", () => {
    expect(() => Rational.ONE.div(Rational.ZERO)).toThrow(RangeError);
  });
});

describe("edge conversions", () => {
  it("toNumber is the nearest double", () => {
    expect(Rational.of(49, 58).toNumber()).toBe(49 / 58);
    expect(Rational.of(-1, 3).toNumber()).toBe(-1 / 3);
    expect(r(89.68917).toNumber()).toBe(89.68917);
  });

  it.each([
    [Rational.of(29275, 348), 2, "84.12"],
    [Rational.of(29275, 348), 4, "84.1236"],
    [r(89.995), 2, "90.00"],
    [r(0.125), 2, "0.13"],
    [r(-0.125), 2, "-0.13"],
    [r(-0.001), 2, "0.00"],
    [r(5), 0, "5"],
  ])("toFixed(%s, %i) = %s, half away from zero", (value, digits, expected) => {
    expect(value.toFixed(digits)).toBe(expected);
  });
});

describe("properties", () => {
  const decimal = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 1000);

  test.prop([decimal])("from(x).toNumber() round-trips", (x) => {
    expect(r(x).toNumber()).toBe(x === 0 ? 0 : x);
  });

  test.prop([decimal, decimal, decimal])("add is commutative and associative", (x, y, z) => {
    expect(
      r(x)
        .add(r(y))
        .eq(r(y).add(r(x))),
    ).toBe(true);
    expect(
      r(x)
        .add(r(y))
        .add(r(z))
        .eq(r(x).add(r(y).add(r(z)))),
    ).toBe(true);
  });

  test.prop([decimal, decimal.filter((y) => y !== 0)])("(x / y) × y = x", (x, y) => {
    expect(r(x).div(r(y)).mul(r(y)).eq(r(x))).toBe(true);
  });

  // The shortcuts (0, 1, one denominator, gcd on doubles) must give the fields the textbook
  // formula gives after reduction, also past doubles' exact range (the BigInt gcd).
  const part = fc.oneof(fc.bigInt({ min: -50n, max: 50n }), fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }));
  const fraction = fc
    .tuple(
      part,
      part.filter((d) => d !== 0n),
    )
    .map(([n, d]) => Rational.of(n, d))
    .chain((x) => fc.constantFrom(x, Rational.ZERO, Rational.ONE, Rational.of(x.num + 1n, x.den)));
  const fields = (x: Rational) => [x.num, x.den];

  test.prop([fraction, fraction])("operations are normalised like the textbook formula", (x, y) => {
    expect(fields(x.add(y))).toEqual(fields(Rational.of(x.num * y.den + y.num * x.den, x.den * y.den)));
    expect(fields(x.sub(y))).toEqual(fields(Rational.of(x.num * y.den - y.num * x.den, x.den * y.den)));
    expect(fields(x.mul(y))).toEqual(fields(Rational.of(x.num * y.num, x.den * y.den)));
  });

  test.prop([fraction])("JSON carries the nearest number", (x) => {
    expect(JSON.stringify({ x })).toBe(JSON.stringify({ x: x.toNumber() }));
  });
});
