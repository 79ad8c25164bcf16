import type { Decimal } from 'decimal.js';
import { InputError, NumericalError } from '../../errors.js';

/**
 * Exact conversions between IEEE-754 doubles and decimals.
 *
 * Every finite double is `±M·2^E` with an integer `M < 2^53`, hence a finite decimal: for `E < 0`,
 * `M·2^E = (M·5^−E)·10^E`. The engine reads each double of a problem through {@link exactDecimal}, so
 * the decimal run starts from exactly the same numbers as the float64 run (docs/theory.md §1), not from their
 * shortest round-trip strings: `new Decimal(0.1)` is `0.1`, whereas the double 0.1 is
 * `0.1000000000000000055511151231257827021181583404541015625`.
 *
 * decimal.js does not round a value to `precision` when it constructs it from a string (only arithmetic
 * results are rounded; verified in exact.test.ts), so the converted values keep every digit.
 */

/** A double's exact value as `(negative ? −1 : 1) · coefficient · 10^exponent`. */
export interface ExactDecimalParts {
  /** The sign bit (true for −0 too). */
  readonly negative: boolean;
  /** Non-negative integer; 0 for ±0. Not divisible by 10 unless it is 0. */
  readonly coefficient: bigint;
  /** Power of ten; in [−1074, 0] (non-integers: −(number of binary digits after the point)). */
  readonly exponent: number;
}

const fractionBits = 52n; // explicit mantissa bits of a binary64
const fractionMask = (1n << fractionBits) - 1n;
const hiddenBit = 1n << fractionBits; // the implicit leading 1 of a normal double
const exponentMask = 0x7ffn; // 11 exponent bits
const exponentBias = 1075; // 1023 + 52: value = mantissa · 2^(biasedExponent − 1075)
const subnormalExponent = -1074; // value of a subnormal = fraction · 2^−1074

/**
 * The exact decimal expansion of a finite double, read from its bits.
 * @throws InputError (field `x`) for NaN or ±Infinity, which have no decimal value.
 */
export function exactDecimalParts(x: number): ExactDecimalParts {
  if (!Number.isFinite(x)) throw new InputError('x', `only finite doubles have a decimal value, got ${x}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> fractionBits) & exponentMask);
  let mantissa = bits & fractionMask;
  let exp2 = subnormalExponent;
  if (biased !== 0) {
    mantissa |= hiddenBit;
    exp2 = biased - exponentBias;
  }
  if (mantissa === 0n) return { negative, coefficient: 0n, exponent: 0 };
  // An odd mantissa makes the decimal coefficient below free of factors 10.
  while ((mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exp2 += 1;
  }
  if (exp2 >= 0) return { negative, coefficient: mantissa << BigInt(exp2), exponent: 0 };
  return { negative, coefficient: mantissa * 5n ** BigInt(-exp2), exponent: exp2 };
}

/**
 * The exact value of the double `x` as a Decimal of the constructor `D` (any precision: nothing is
 * rounded). −0 gives a negative zero. A double has at most 767 significant decimal digits (subnormals).
 * @throws InputError (field `x`) for NaN or ±Infinity.
 */
export function exactDecimal(x: number, D: Decimal.Constructor): Decimal {
  const p = exactDecimalParts(x);
  return new D(`${p.negative ? '-' : ''}${p.coefficient}e${p.exponent}`);
}

/** Number of binary digits of a positive BigInt. */
function bitLength(v: bigint): number {
  return v.toString(2).length;
}

/** `floor(log2(num/den))` for positive integers. */
function floorLog2Ratio(num: bigint, den: bigint): number {
  const b = bitLength(num) - bitLength(den); // num/den ∈ (2^(b−1), 2^(b+1))
  const atLeast = b >= 0 ? num >= den << BigInt(b) : num << BigInt(-b) >= den;
  return atLeast ? b : b - 1;
}

const minDoubleExponent = -1074; // the spacing of subnormals is 2^−1074
const significandBits = 53; // precision of a binary64, hidden bit included
const overflowDecade = 309; // |x| ≥ 10^309 > max double + ½ulp: rounds to ±Infinity
const underflowDecade = -325; // |x| < 10^−324 < 2^−1075 (half the least subnormal): rounds to ±0

/**
 * The double nearest to `dec` (IEEE round-half-even), computed exactly in BigInt: `toDouble(exactDecimal(x))`
 * is `x` for every finite double. Values beyond the double range round as IEEE does: to ±Infinity above
 * `2^1024 − 2^970`, to ±0 below `2^−1075`. A zero keeps its sign. ±Infinity maps to ±Infinity.
 * @throws NumericalError for NaN, which has no nearest double.
 */
export function toDouble(dec: Decimal): number {
  if (dec.isNaN()) throw new NumericalError('toDouble', 'NaN has no nearest double');
  const sign = dec.isNegative() ? -1 : 1;
  if (!dec.isFinite()) return sign * Infinity;
  if (dec.isZero()) return sign * 0;
  if (dec.e >= overflowDecade) return sign * Infinity;
  if (dec.e < underflowDecade) return sign * 0;
  // |dec| = coefficient · 10^exponent, read from decimal.js's base-1e7 words.
  const digits = dec.d.map((w, k) => (k === 0 ? String(w) : String(w).padStart(7, '0'))).join('');
  const coefficient = BigInt(digits);
  const exponent = dec.e - (digits.length - 1);
  const num = exponent >= 0 ? coefficient * 10n ** BigInt(exponent) : coefficient;
  const den = exponent >= 0 ? 1n : 10n ** BigInt(-exponent);
  // Spacing 2^u of the doubles around |dec|: 53 significant bits, or the subnormal spacing.
  const u = Math.max(floorLog2Ratio(num, den) - (significandBits - 1), minDoubleExponent);
  const scaledNum = u < 0 ? num << BigInt(-u) : num;
  const scaledDen = u < 0 ? den : den << BigInt(u);
  let r = scaledNum / scaledDen; // |dec| / 2^u, truncated; at most 2^53
  const twiceRest = 2n * (scaledNum - r * scaledDen);
  if (twiceRest > scaledDen || (twiceRest === scaledDen && (r & 1n) === 1n)) r += 1n;
  // r ≤ 2^53 and 2^u are doubles, and so is their product unless it overflows (then IEEE gives Infinity).
  return sign * Number(r) * 2 ** u;
}
