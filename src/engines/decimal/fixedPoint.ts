import type { Decimal } from 'decimal.js';
import { NumericalError } from '../../errors.js';
import { exactDecimalParts } from './exact.js';
import { DECIMAL_EXPONENT_LIMIT } from './precision.js';

/**
 * Exact sums of products in BigInt fixed point, rounded once.
 *
 * A number is held as `coef·10^exp` with a BigInt coefficient ({@link Scaled}). Products are exact
 * (multiply the coefficients, add the exponents); sums are exact (bring the terms to the smallest
 * exponent, add the coefficients). The only rounding is {@link roundedSum}: the exact value of a sum,
 * optionally divided by a positive integer, rounded once to the target precision, half to even
 * ({@link roundToScaled}, in BigInt; decimal.js only receives the rounded result).
 * So a dot product computed here is the correctly rounded value of the exact dot product.
 *
 * This is several times faster than the same sums in decimal.js (which rounds after every operation
 * and keeps its digits in base-1e7 arrays), and more accurate; `npm run bench` measures a whole step.
 */

/** The exact number `coef·10^exp`. */
export interface Scaled {
  readonly coef: bigint;
  readonly exp: number;
}

/** Exact zero. */
export const ZERO: Scaled = { coef: 0n, exp: 0 };

/**
 * Largest difference of exponents (decimal orders of magnitude between the last digits) that an exact
 * sum aligns directly: aligning shifts coefficients by up to 10^SPREAD_LIMIT (≈ 16 600 bits), a few
 * microseconds. Any two doubles are within 1 400 orders (10^308 down to the last digit of 2^−1074),
 * so the problem data always align; wider sums take the exact-rounding path of {@link roundedSum}
 * that never builds the huge shifted coefficients.
 */
export const SPREAD_LIMIT = 5000;

const powersOfTen: bigint[] = [1n];

/** 10^k as a BigInt, k ≥ 0 (cached up to {@link SPREAD_LIMIT}). */
export function pow10(k: number): bigint {
  if (k > SPREAD_LIMIT) return 10n ** BigInt(k);
  let p = powersOfTen[k];
  if (p === undefined) {
    p = 10n ** BigInt(k);
    powersOfTen[k] = p;
  }
  return p;
}

/** The exact value of a finite double (see exact.ts). */
export function scaledFromDouble(x: number): Scaled {
  const p = exactDecimalParts(x);
  return { coef: p.negative ? -p.coefficient : p.coefficient, exp: p.exponent };
}

/**
 * The exact value of a finite Decimal, read from decimal.js's base-1e7 words `d` (first word unpadded)
 * and the exponent `e` of its leading digit.
 * @throws NumericalError (quantity `what`) for NaN or ±Infinity.
 */
export function scaledFromDecimal(x: Decimal, what = 'value'): Scaled {
  if (!x.isFinite()) throw new NumericalError(what, `non-finite decimal ${x.toString()}`);
  const words = x.d;
  if (words[0] === 0) return ZERO;
  let digits = String(words[0]);
  const leading = digits.length;
  for (let k = 1; k < words.length; k++) digits += String(words[k]).padStart(7, '0');
  const coef = BigInt(digits);
  return { coef: x.s < 0 ? -coef : coef, exp: x.e - (leading - 1) - 7 * (words.length - 1) };
}

/** The exact product `a·b`. */
export function times(a: Scaled, b: Scaled): Scaled {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

/** The exact product `a·k` with an integer `k`. */
export function timesInteger(a: Scaled, k: bigint): Scaled {
  return { coef: a.coef * k, exp: a.exp };
}

/** Numbers on a common scale: entry `k` is exactly `coefs[k]·10^exp`. */
export interface AlignedVector {
  readonly coefs: readonly bigint[];
  readonly exp: number;
}

/**
 * `xs` brought exactly to their smallest exponent, or `undefined` when that would shift some entry by
 * more than {@link SPREAD_LIMIT} orders of magnitude (the caller then works term by term).
 */
export function align(xs: readonly Scaled[]): AlignedVector | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x.coef === 0n) continue;
    if (x.exp < lo) lo = x.exp;
    if (x.exp > hi) hi = x.exp;
  }
  if (lo === Infinity) return { coefs: xs.map(() => 0n), exp: 0 };
  if (hi - lo > SPREAD_LIMIT) return undefined;
  return { coefs: xs.map((x) => (x.coef === 0n ? 0n : x.coef * pow10(x.exp - lo))), exp: lo };
}

/** The exact dot product `Σ_k u_k v_k` of two aligned vectors of equal length. */
export function dotAligned(u: AlignedVector, v: AlignedVector): Scaled {
  let s = 0n;
  const a = u.coefs;
  const b = v.coefs;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return { coef: s, exp: u.exp + v.exp };
}

/**
 * Doubles on one binary scale: entry `k` is exactly `coefs[k]·2^exp2`. The problem's data are doubles,
 * whose exact decimal expansions run to ~54 digits (≈ 180 bits) for entries near 1, while their binary
 * form needs 53 bits plus the row's spread of exponents: dot products with it multiply far smaller
 * BigInts, and only the final sum is brought to a decimal scale (see {@link dotMixed}).
 */
export interface BinaryAlignedVector {
  readonly coefs: readonly bigint[];
  readonly exp2: number;
}

const doubleView = new DataView(new ArrayBuffer(8));

/** A finite double as the exact `m·2^e` (m an integer with no trailing zero bits; m = 0 for ±0). */
export function binaryParts(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  doubleView.setFloat64(0, x);
  const hi = doubleView.getUint32(0);
  const lo = doubleView.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074; // subnormal: m·2^-1074
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return { m: hi >>> 31 === 1 ? -m : m, e };
}

/** Finite doubles brought exactly to their smallest binary exponent. */
export function alignDoubles(xs: readonly number[]): BinaryAlignedVector {
  const parts = xs.map(binaryParts);
  let lo = Infinity;
  for (const p of parts) if (p.m !== 0n && p.e < lo) lo = p.e;
  if (lo === Infinity) return { coefs: xs.map(() => 0n), exp2: 0 };
  return { coefs: parts.map((p) => (p.m === 0n ? 0n : p.m << BigInt(p.e - lo))), exp2: lo };
}

const powersOfFive: bigint[] = [1n];

function pow5(k: number): bigint {
  let p = powersOfFive[k];
  if (p === undefined) {
    p = 5n ** BigInt(k);
    powersOfFive[k] = p;
  }
  return p;
}

/**
 * The exact dot product of a decimal-scaled vector and a binary-scaled one of equal length, as a
 * {@link Scaled}: `Σ u_k v_k · 10^u.exp · 2^v.exp2`, with `2^−j = 5^j·10^−j` turning the binary scale
 * into a decimal one by one multiplication.
 */
export function dotMixed(u: AlignedVector, v: BinaryAlignedVector): Scaled {
  let s = 0n;
  const a = u.coefs;
  const b = v.coefs;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  if (v.exp2 >= 0) return { coef: s << BigInt(v.exp2), exp: u.exp };
  return { coef: s * pow5(-v.exp2), exp: u.exp + v.exp2 };
}

/** The exact sum, or `undefined` when its terms span more than {@link SPREAD_LIMIT} orders. */
export function exactSum(terms: readonly Scaled[]): Scaled | undefined {
  const aligned = align(terms);
  if (aligned === undefined) return undefined;
  let s = 0n;
  for (const c of aligned.coefs) s += c;
  return { coef: s, exp: aligned.exp };
}

/** The exact sum, however many orders its terms span (cost grows with the span). */
export function exactSumUnbounded(terms: readonly Scaled[]): Scaled {
  let lo = Infinity;
  for (const t of terms) if (t.coef !== 0n && t.exp < lo) lo = t.exp;
  if (lo === Infinity) return ZERO;
  let s = 0n;
  for (const t of terms) if (t.coef !== 0n) s += t.coef * pow10(t.exp - lo);
  return { coef: s, exp: lo };
}

const log10Of2 = Math.log10(2);
/** Slack below `(bits − 1)·log10 2` so that a floating-point rounding cannot overestimate the digit count. */
const DIGIT_ESTIMATE_SLACK = 1e-6;

/** Below this, `Number(a)` is finite and its log10 within a few ulps of the BigInt's. */
const NUMBER_ESTIMATE_LIMIT = 1e300;

/**
 * Number of decimal digits of a non-zero BigInt's magnitude. Below 10^300 from `Number(a)`: the floor of
 * its log10 is the digit count D, or D − 1 or D − 2 when rounding moved it across a power of ten, so
 * at most two comparisons with powers of ten finish it. Above, from the bit length (hex conversion is a
 * few times cheaper than decimal): `2^(bits−1) ≤ |v|` gives a lower bound, and comparisons finish it.
 */
export function digitLength(v: bigint): number {
  const a = v < 0n ? -v : v;
  const approx = Number(a);
  let k: number;
  if (approx < NUMBER_ESTIMATE_LIMIT) {
    k = Math.max(1, Math.floor(Math.log10(approx)));
  } else {
    const hex = a.toString(16);
    const bits = hex.length * 4 - (Math.clz32(parseInt(hex[0]!, 16)) - 28);
    k = Math.floor((bits - 1) * log10Of2 - DIGIT_ESTIMATE_SLACK) + 1; // ≤ the true digit count
  }
  while (a >= pow10(k)) k++;
  return k;
}

/** Extra digits kept before the final rounding of a quotient, so its first discarded digit is exact. */
const QUOTIENT_EXTRA_DIGITS = 2;

/**
 * `x / divisor` (divisor a positive integer) rounded once to `p` significant digits, half to even:
 * a coefficient of at most p digits (p + 1 when rounding up reaches the next power of ten, 10^p).
 * Exact zero gives zero.
 *
 * With divisor 1 the discarded digits of the coefficient decide. Otherwise the quotient is taken to at
 * least p + 2 digits by BigInt division, and a non-zero remainder is remembered as "sticky": the exact
 * value then lies strictly between the truncated quotient and the next integer, which is all that
 * half-even rounding needs to know about it (below, at, or above the midpoint).
 */
export function roundToScaled(x: Scaled, p: number, divisor = 1n): Scaled {
  if (x.coef === 0n) return ZERO;
  const negative = x.coef < 0n;
  const a = negative ? -x.coef : x.coef;
  let q = a;
  let exp = x.exp;
  let sticky = false;
  if (divisor !== 1n) {
    const g = Math.max(0, p + QUOTIENT_EXTRA_DIGITS + digitLength(divisor) - digitLength(a));
    const scaled = a * pow10(g);
    q = scaled / divisor;
    sticky = scaled - q * divisor !== 0n;
    exp -= g;
  }
  const drop = digitLength(q) - p; // digits to discard
  if (drop > 0) {
    const unit = pow10(drop);
    const head = q / unit;
    const rest = q - head * unit;
    const half = unit / 2n;
    const up = rest > half || (rest === half && (sticky || (head & 1n) === 1n));
    q = up ? head + 1n : head;
    exp += drop;
  }
  return { coef: negative ? -q : q, exp };
}

/**
 * The Decimal of `D` with the value of `x`, exactly (decimal.js does not round on construction) except
 * for decimal.js's range: a leading digit beyond 10^9e15 gives ±Infinity, below 10^−9e15 gives 0.
 */
export function toDecimal(x: Scaled, D: Decimal.Constructor): Decimal {
  return x.coef === 0n ? new D(0) : new D(`${x.coef}e${x.exp}`);
}

/**
 * `x` with decimal.js's range applied as {@link toDecimal} would: 0 below 10^−9e15.
 * @throws NumericalError (quantity `what`) above 10^9e15, where decimal.js would give ±Infinity.
 */
export function withinDecimalRange(x: Scaled, what: string): Scaled {
  if (x.coef === 0n) return x;
  if (x.exp > -DECIMAL_EXPONENT_LIMIT && x.exp + RANGE_CHECK_DIGITS < DECIMAL_EXPONENT_LIMIT) return x;
  const lead = x.exp + digitLength(x.coef) - 1;
  if (lead > DECIMAL_EXPONENT_LIMIT) throw new NumericalError(what, `beyond decimal.js's range (10^${lead})`);
  return lead < -DECIMAL_EXPONENT_LIMIT ? ZERO : x;
}

/**
 * Coefficient length the shortcut of {@link withinDecimalRange} assumes: it is given rounded values, of at
 * most MAX_DIGITS + 1 = 1001 digits, far below.
 */
const RANGE_CHECK_DIGITS = 1e6;

/** `x / divisor` rounded once to `D.precision` significant digits, half to even, as a Decimal of `D`. */
export function roundScaled(x: Scaled, D: Decimal.Constructor, divisor = 1n): Decimal {
  return toDecimal(roundToScaled(x, D.precision, divisor), D);
}

/**
 * `(Σ terms) / divisor` rounded once to `p` significant digits, half to even: the correctly rounded
 * value of the exact expression. `divisor` is a positive integer (n for a mean).
 */
export function roundedSumScaled(terms: readonly Scaled[], p: number, divisor = 1n): Scaled {
  const exact = exactSum(terms);
  return exact === undefined ? roundWideSum(terms, p, divisor) : roundToScaled(exact, p, divisor);
}

/** {@link roundedSumScaled} to `D.precision` digits, as a Decimal of `D`. */
export function roundedSum(terms: readonly Scaled[], D: Decimal.Constructor, divisor = 1n): Decimal {
  return toDecimal(roundedSumScaled(terms, D.precision, divisor), D);
}

/**
 * {@link roundedSumScaled} for terms spanning more than {@link SPREAD_LIMIT} orders of magnitude
 * (margins whose `e^{−q}` differ by thousands of decades, say), still correctly rounded, without
 * building the huge aligned coefficients.
 *
 * Sort the terms by size, `|t| < 10^top(t)`. Split them into a head (the largest) and a tail whose total
 * is provably below `10^f`, `f = min exp(head) − digits(divisor) − p − 1`. The exact head `H` is a
 * non-zero multiple of `10^min exp(head)`; every boundary where the rounded quotient changes (a midpoint,
 * a representable value, a power of ten) lies, in numerator units, on a multiple of `10^f`. As
 * `|tail| < 10^f`, `H + tail` and `H + sign(tail)·10^(f−1)` round alike, so the tail is needed only
 * through its sign, which a recursive call gives exactly (a correctly rounded sum keeps the sign and
 * is zero only when the sum is). When the head sums to 0 the result is the tail's, by recursion.
 * If no such split exists the sum is computed exactly however wide it is.
 */
export function roundWideSum(terms: readonly Scaled[], p: number, divisor = 1n): Scaled {
  const nonzero = terms
    .filter((t) => t.coef !== 0n)
    .map((t) => ({ t, top: t.exp + digitLength(t.coef) }))
    .sort((u, v) => v.top - u.top);
  if (nonzero.length === 0) return ZERO;
  const margin = digitLength(divisor) + p + 1;
  let headExp = Infinity;
  for (let k = 1; k < nonzero.length; k++) {
    headExp = Math.min(headExp, nonzero[k - 1]!.t.exp);
    const f = headExp - margin;
    // |Σ tail| < (number of tail terms)·10^top(first tail term) ≤ 10^f
    if (nonzero[k]!.top + digitLength(BigInt(nonzero.length - k)) > f) continue;
    const head = exactSumUnbounded(nonzero.slice(0, k).map((u) => u.t));
    const tail = nonzero.slice(k).map((u) => u.t);
    if (head.coef === 0n) return roundedSumScaled(tail, p, divisor);
    const tailCoef = roundedSumScaled(tail, p).coef;
    const tailSign = tailCoef > 0n ? 1n : tailCoef < 0n ? -1n : 0n;
    const extended: Scaled = { coef: head.coef * pow10(head.exp - (f - 1)) + tailSign, exp: f - 1 };
    return roundToScaled(extended, p, divisor);
  }
  return roundToScaled(exactSumUnbounded(terms), p, divisor);
}
