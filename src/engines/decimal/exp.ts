import { Decimal } from 'decimal.js';

/**
 * `e^u` correctly rounded to `D.precision` significant digits, half to even — the same Decimal
 * decimal.js's `D.exp(u)` returns — computed in binary BigInt fixed point, which is an order of
 * magnitude faster than decimal.js's own series at 40–60 digits. The losses of docs/theory.md §1
 * spend most of a decimal GD step in `exp` (one per sample), so this is the engine's hot spot.
 *
 * Method (docs/theory.md §7 states what the engine rounds; this function only replaces how):
 * 1. `u = k·ln 2 + r` with `k = round(u/ln 2)`, `|r| ≤ ln 2/2 + tiny`, `r` to F fraction bits;
 * 2. `e^{r/2^s}` by its Taylor series, then squared `s` times;
 * 3. `e^u = M·2^{k−F}`, turned into `P` decimal digits by exact BigInt scaling.
 * The truncations of steps 1–2 leave a relative error below 2^{−F+ERROR_BITS}. Ziv's rounding test
 * then decides: when the approximation lies farther than that bound from a rounding boundary (a half
 * unit of the P-th digit), its rounding is the correct one; otherwise — probability about
 * 10^{−GUARD_DIGITS} per call — the function defers to decimal.js. Arguments outside
 * ±{@link FAST_EXP_LIMIT} also defer (there 2^k would be a huge BigInt and the result may over- or
 * underflow decimal.js's range, which decimal.js handles).
 */

/** Decimal digits carried beyond the target precision: a call defers to decimal.js with probability ~10^−20. */
const GUARD_DIGITS = 20;
/** Halvings before the Taylor series: |r/2^s| < 3.4·10⁻⁴, so about 12 terms reach 2^−230. */
const HALVINGS = 10;
/**
 * Bound, in bits, on the accumulated error of the fixed-point evaluation relative to 2^−F: at most
 * 2 units from r, 1 unit per Taylor term (≤ 40) and a doubling per squaring (2^HALVINGS), so
 * (2 + 40)·2^10 < 2^16; 2^18 leaves a factor 4.
 */
const ERROR_BITS = 18;
/** |u| beyond which decimal.js computes e^u itself (k ≤ 1443: 2^k stays a small BigInt). */
export const FAST_EXP_LIMIT = 1000;

const LOG2_10 = Math.log2(10);

/** ln 2 to `bits` fraction bits (truncated), by ln 2 = 2·atanh(1/3) = 2 Σ_{j≥0} 3^{−(2j+1)}/(2j+1). */
function ln2Bits(bits: number): bigint {
  const one = 1n << BigInt(bits + 8);
  let sum = 0n;
  let power = one / 3n; // 3^{-(2j+1)}
  for (let j = 0n; power > 0n; j++) {
    sum += power / (2n * j + 1n);
    power /= 9n;
  }
  return (2n * sum) >> 8n;
}

const ln2Cache = new Map<number, bigint>();

/** ln 2 to `bits` fraction bits, computed once per width. */
function ln2(bits: number): bigint {
  let v = ln2Cache.get(bits);
  if (v === undefined) {
    v = ln2Bits(bits);
    ln2Cache.set(bits, v);
  }
  return v;
}

const pow10Cache: bigint[] = [];

function pow10(k: number): bigint {
  let v = pow10Cache[k];
  if (v === undefined) {
    v = 10n ** BigInt(k);
    pow10Cache[k] = v;
  }
  return v;
}

/** The exact value of a finite Decimal as `c·10^e` with integer c (sign included). */
function exactParts(u: Decimal): { c: bigint; e: number } {
  const [mantissa, exponent] = u.toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const fraction = mantissa.includes('.') ? mantissa.length - mantissa.indexOf('.') - 1 : 0;
  return { c: BigInt(digits), e: Number(exponent) - fraction };
}

/** floor(c·10^e·2^F): u in binary fixed point, truncated toward −∞ (error below one unit). */
function toFixedBinary(c: bigint, e: number, F: number): bigint {
  const scaled = c << BigInt(F);
  if (e >= 0) return scaled * pow10(e);
  const q = scaled / pow10(-e);
  return q * pow10(-e) > scaled ? q - 1n : q; // BigInt division truncates toward 0
}

/**
 * `e^u` rounded to `D.precision` digits half to even, equal to decimal.js's `D.exp(u)`.
 * Precondition: `D` rounds half to even (src/engines/decimal/precision.ts).
 */
export function expRounded(u: Decimal, D: Decimal.Constructor): Decimal {
  return expFixedPoint(u, D) ?? D.exp(u);
}

/**
 * The fixed-point path of {@link expRounded}: its correctly rounded result, or null where it defers
 * to decimal.js (u = 0, |u| > {@link FAST_EXP_LIMIT}, non-finite u, or Ziv's test undecided).
 */
export function expFixedPoint(u: Decimal, D: Decimal.Constructor): Decimal | null {
  if (!u.isFinite() || u.isZero() || u.abs().gt(FAST_EXP_LIMIT)) return null;
  const P = D.precision;
  const F = Math.ceil((P + GUARD_DIGITS) * LOG2_10) + ERROR_BITS;
  const { c, e } = exactParts(u);
  const uFix = toFixedBinary(c, e, F);
  const k = Math.round(u.toNumber() / Math.LN2);
  // r = u − k ln 2 with ln 2 to F + 12 fraction bits (|k| < 2^11, so k·ln 2 errs by < 2^−F).
  const r = uFix - ((BigInt(k) * ln2(F + 12)) >> 12n);
  const one = 1n << BigInt(F);
  const shift = BigInt(F + HALVINGS);
  let term = one;
  let sum = one;
  for (let j = 1n; term !== 0n; j++) {
    term = (term * r) >> shift;
    term /= j;
    sum += term;
  }
  for (let h = 0; h < HALVINGS; h++) sum = (sum * sum) >> BigInt(F);
  // e^u ≈ A = sum·2^(k−F), relative error < 2^(ERROR_BITS−F). Scale to P digits: N/Dn = A·10^(P−1−E).
  const E = Math.floor(u.toNumber() / Math.LN10); // the decimal exponent of e^u, or one too large/small
  for (const exponent of [E, E - 1, E + 1]) {
    const a = P - 1 - exponent;
    let num = sum * (a >= 0 ? pow10(a) : 1n);
    let den = a < 0 ? pow10(-a) : 1n;
    if (k >= 0) num <<= BigInt(k);
    den <<= BigInt(F - Math.min(k, 0));
    const integer = num / den;
    if (integer < pow10(P - 1) || integer >= pow10(P)) continue;
    // Ziv's test: the error of A, in units of den, is below integer·2^(ERROR_BITS−F) + 1 (of 10^P scale).
    const rem = num - integer * den;
    const bound = ((integer + 1n) * den) >> BigInt(F - ERROR_BITS);
    const distance = 2n * rem - den; // 2·(frac − 1/2)·den
    if ((distance < 0n ? -distance : distance) <= 2n * bound) return null;
    const rounded = distance > 0n ? integer + 1n : integer;
    return new D(`${rounded.toString()}e${exponent - P + 1}`);
  }
  return null;
}
