import { Decimal } from 'decimal.js';
import { NumericalError } from '../../errors.js';
import type { MarginLossName } from '../../problem/types.js';
import { expRounded } from './exp.js';
import { decimalConstructor } from './precision.js';

/**
 * The losses of docs/theory.md §1 as functions of one margin `u`, in decimal.js: the only transcendental
 * functions the engine evaluates (`exp`, `ln`, each correctly rounded: `ln` by decimal.js, `exp` by
 * exp.ts, which returns exactly decimal.js's `exp` and is faster).
 *
 * Each function returns a Decimal of the given constructor `D`, rounded once to `D.precision` from a
 * value computed with {@link LOSS_GUARD_DIGITS} extra digits. The exponential loss and its derivative
 * are single correctly rounded `exp` calls, hence correctly rounded. The logistic formulas chain a few
 * operations at the guard precision, whose error (a few units in the guard digits) can change the final
 * rounding only when the exact value lies within about 10^−9 of an ulp of a rounding midpoint.
 *
 * Range (decimal.js exponents stop at 10^±9e15): `e^{−u}` is 0 for `u > 2.07e16` (and decimal.js
 * returns 0 directly for `u ≥ 1e18`), so the loss underflows to exactly 0 while its logarithm
 * ({@link logLossValue}, {@link logMeanLoss}) stays finite. `e^{−u}` overflows for `u < −2.07e16`;
 * then the loss is not finite and the functions throw NumericalError rather than return Infinity.
 */

/**
 * Digits carried beyond the target precision inside the loss formulas: the logistic formulas lose at
 * most a couple of units in their last place, so 10 guard digits leave the final rounding wrong only on
 * inputs within ~10^−9 ulp of a midpoint.
 */
export const LOSS_GUARD_DIGITS = 10;

/** `x` rounded once to `D.precision` significant digits, as a Decimal of `D`. */
function roundTo(D: Decimal.Constructor, x: Decimal): Decimal {
  return new D(x).toSignificantDigits(D.precision, Decimal.ROUND_HALF_EVEN);
}

/** The guard-digit constructor for a target constructor `D`. */
function guarded(D: Decimal.Constructor): Decimal.Constructor {
  return decimalConstructor(D.precision + LOSS_GUARD_DIGITS);
}

function finite(x: Decimal, what: string, u: Decimal): Decimal {
  if (!x.isFinite()) throw new NumericalError(what, `not finite at margin u = ${u.toString()} (e^{-u} overflows decimal.js)`);
  return x;
}

/**
 * `log(1 + t)` for `0 ≤ t ≤ 1`, to `G.precision` digits without the cancellation of `1 + t`.
 * Small `t` (below 10^−(P/2+1)): `t − t²/2`, whose relative truncation error is below `t²/3 < 10^−P−2`.
 * Otherwise `ln(1 + t)` with `−exponent(t) + 2` extra digits, so that forming `1 + t` loses none of `t`.
 */
export function log1p(t: Decimal, G: Decimal.Constructor): Decimal {
  if (t.isZero()) return new G(0);
  const P = G.precision;
  if (t.e < -Math.ceil(P / 2) - 1) {
    const tg = new G(t);
    return tg.minus(tg.times(tg).div(2));
  }
  const H = decimalConstructor(P - t.e + 2);
  return new G(H.ln(new H(t).plus(1))).toSignificantDigits(P, Decimal.ROUND_HALF_EVEN);
}

/**
 * `ℓ(u)` of docs/theory.md §1: `e^{−u}` (exp) or `log(1 + e^{−u})` (logistic), the latter evaluated as
 * `log1p(e^{−u})` for `u ≥ 0` and `−u + log1p(e^{u})` for `u < 0` (no overflow, no cancellation).
 * @throws NumericalError when the loss overflows decimal.js (u < −2.07e16).
 */
export function lossValue(kind: MarginLossName, u: Decimal, D: Decimal.Constructor): Decimal {
  if (kind === 'exp') return finite(expRounded(u.neg(), D), 'loss', u);
  const G = guarded(D);
  const ug = new G(u);
  const value = ug.gte(0) ? log1p(expRounded(ug.neg(), G), G) : ug.neg().plus(log1p(expRounded(ug, G), G));
  return roundTo(D, finite(value, 'loss', u));
}

/**
 * `ℓ'(u)`: `−e^{−u}` (exp) or `−1/(1 + e^{u})` (logistic), the latter as `−t/(1+t)` with `t = e^{−u}`
 * for `u ≥ 0`. Always in [−1, 0) for logistic; may underflow to 0 for huge u.
 * @throws NumericalError when `e^{−u}` overflows decimal.js (exp loss, u < −2.07e16).
 */
export function lossDerivativeValue(kind: MarginLossName, u: Decimal, D: Decimal.Constructor): Decimal {
  if (kind === 'exp') return finite(expRounded(u.neg(), D), 'loss derivative', u).neg();
  const G = guarded(D);
  const ug = new G(u);
  if (ug.gte(0)) {
    const t = expRounded(ug.neg(), G);
    return roundTo(D, t.div(t.plus(1)).neg());
  }
  return roundTo(D, new G(1).div(expRounded(ug, G).plus(1)).neg());
}

/**
 * `log ℓ(u)`, finite for every finite u with finite loss (also where `ℓ(u)` underflows to 0):
 * exp: `−u`; logistic: `−u + log(log1p(t)/t)` with `t = e^{−u}` for `u ≥ 0` (→ `−u` when t underflows),
 * `log(ℓ(u))` for `u < 0` (there `ℓ(u) > log 2`).
 */
export function logLossValue(kind: MarginLossName, u: Decimal, D: Decimal.Constructor): Decimal {
  if (kind === 'exp') return roundTo(D, u.neg());
  const G = guarded(D);
  const ug = new G(u);
  if (ug.lt(0)) return roundTo(D, G.ln(lossValue(kind, ug, G)));
  const t = expRounded(ug.neg(), G);
  if (t.isZero()) return roundTo(D, ug.neg());
  return roundTo(D, ug.neg().plus(G.ln(log1p(t, G).div(t))));
}

/**
 * `log L = log((1/n) Σ_i ℓ(q_i))` (docs/theory.md §1 numerics: log-sum-exp) from the margins `q`, computed as
 * `M + log Σ_i e^{log ℓ(q_i) − M} − log n` with `M = max_i log ℓ(q_i)`, so no exponential overflows
 * or underflows the sum to 0: the result is finite whenever every `ℓ(q_i)` is, even when `L` itself is
 * below decimal.js's smallest number. Rounded once to `D.precision` from guard precision.
 */
export function logMeanLoss(kind: MarginLossName, q: readonly Decimal[], D: Decimal.Constructor): Decimal {
  const G = guarded(D);
  const logs = q.map((u) => logLossValue(kind, u, G));
  let M = logs[0]!;
  for (const v of logs) if (v.gt(M)) M = v;
  let sum = new G(0);
  for (const v of logs) sum = sum.plus(expRounded(v.minus(M), G));
  return roundTo(D, M.plus(G.ln(sum)).minus(G.ln(q.length)));
}
