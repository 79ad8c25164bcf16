import type { Decimal } from 'decimal.js';
import { MARGIN_GUARD_DIGITS, type DecimalContext } from './context.js';
import {
  align,
  dotMixed,
  roundedSum,
  roundedSumScaled,
  scaledFromDecimal,
  times,
  timesInteger,
  toDecimal,
  withinDecimalRange,
  type Scaled,
} from './fixedPoint.js';
import { lossDerivativeValue, lossValue } from './losses.js';
import { decimalConstructor } from './precision.js';

/**
 * docs/theory.md §1 with every sum of products formed exactly in BigInt fixed point (fixedPoint.ts) and
 * rounded once. Where the roundings are, given W (whose entries are exact, whatever their digits):
 *
 * - pre-activation `z_ji = ⟨w_j, x_i⟩`: exact; the returned value is it correctly rounded. Its sign,
 *   hence `φ'(z_ji)` (1 for z > 0, γ for z ≤ 0), is the sign of the exact value.
 * - margin `q_i = y_i Σ_j a_j φ'(z_ji) z_ji` (= `y_i Σ_j a_j φ(z_ji)`, as `φ(z) = φ'(z)·z`): exact from
 *   the exact z; returned correctly rounded to `digits`, and to `digits + MARGIN_GUARD_DIGITS` for ℓ, ℓ'.
 * - `c_i = ℓ'(q_i)`: decimal.js exp on the guarded margin, rounded to `digits` (losses.ts). These n
 *   numbers are the only inexact inputs of the gradient.
 * - gradient entry `(a_j/n) Σ_i c_i y_i φ'(z_ji) x_ik`: exact given the c_i, correctly rounded once.
 * - step `w_jk − α·(a_j/n) Σ_i (…)`: the update is fused, exact given the c_i, and rounded once
 *   (not `w − α·round(g)`), so the new W is the correctly rounded exact GD step from the rounded c_i.
 * - loss `(1/n) Σ ℓ(q_i)`: each ℓ(q_i) rounded to `digits + MARGIN_GUARD_DIGITS`, their mean exact, rounded once.
 * - `‖W‖_F`: `Σ w²` correctly rounded at `digits + MARGIN_GUARD_DIGITS`, then a correctly rounded sqrt.
 *
 * Internally W is a list of {@link Scaled} (m×d row-major); {@link stepScaled} iterates without ever
 * building decimal.js values for W, and gives exactly the entries {@link stepFixed} gives.
 */

/** What is exact about W: its entries, and each pre-activation as an exact sum of terms. */
interface ExactPreactivations {
  /** Entries of W, m×d. */
  readonly W: readonly Scaled[];
  /** `[i*m + j]`: terms summing exactly to `z_ji` (one term when row j aligns, d terms otherwise). */
  readonly z: readonly (readonly Scaled[])[];
  /** `[i*m + j]`: whether the exact `z_ji` is > 0 (then φ' = 1, else γ). */
  readonly positive: readonly boolean[];
}

/** W's entries read exactly. */
export function scaledWeights(W: readonly Decimal[]): Scaled[] {
  return W.map((v, idx) => scaledFromDecimal(v, `W[${idx}]`));
}

/** Weights in fixed point as Decimals of `ctx.D` (exact: they already have at most `digits` digits). */
export function decimalWeights(ctx: DecimalContext, w: readonly Scaled[]): Decimal[] {
  return w.map((v) => toDecimal(v, ctx.D));
}

function exactPreactivations(ctx: DecimalContext, w: readonly Scaled[]): ExactPreactivations {
  const { n, d, m, fixed, D } = ctx;
  const z: Scaled[][] = new Array(n * m);
  const positive: boolean[] = new Array(n * m);
  for (let j = 0; j < m; j++) {
    const row = w.slice(j * d, (j + 1) * d);
    const aligned = align(row);
    for (let i = 0; i < n; i++) {
      let terms: Scaled[];
      let pos: boolean;
      if (aligned !== undefined) {
        const t = dotMixed(aligned, fixed.xRows[i]!);
        terms = [t];
        pos = t.coef > 0n;
      } else {
        terms = row.map((wk, k) => times(wk, fixed.x[i * d + k]!));
        pos = roundedSum(terms, D).gt(0);
      }
      z[i * m + j] = terms;
      positive[i * m + j] = pos;
    }
  }
  return { W: w, z, positive };
}

/** Terms summing exactly to `q_i = y_i Σ_j a_j φ'(z_ji) z_ji`. */
function marginTerms(ctx: DecimalContext, pre: ExactPreactivations, i: number): Scaled[] {
  const { m, fixed } = ctx;
  const out: Scaled[] = [];
  const yi = BigInt(fixed.y[i]!);
  for (let j = 0; j < m; j++) {
    const factor = fixed.aPhiPrime[2 * j + (pre.positive[i * m + j] ? 0 : 1)]!;
    for (const t of pre.z[i * m + j]!) out.push(timesInteger(times(factor, t), yi));
  }
  return out;
}

/** Pre-activations `z[i*m + j] = ⟨w_j, x_i⟩`, each correctly rounded (docs/theory.md §1). */
export function preactivationsFixed(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  return exactPreactivations(ctx, scaledWeights(W)).z.map((terms) => roundedSum(terms, ctx.D));
}

/** Margins `q_i = y_i f(x_i; W)` (docs/theory.md §1), each correctly rounded. */
export function marginsFixed(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const pre = exactPreactivations(ctx, scaledWeights(W));
  return Array.from({ length: ctx.n }, (_, i) => roundedSum(marginTerms(ctx, pre, i), ctx.D));
}

/** The guard-precision constructor for margins and losses fed onward. */
function guarded(ctx: DecimalContext): Decimal.Constructor {
  return decimalConstructor(ctx.digits + MARGIN_GUARD_DIGITS);
}

/** Margins rounded to `digits + MARGIN_GUARD_DIGITS` (the input of ℓ and ℓ'). */
function guardedMargins(ctx: DecimalContext, pre: ExactPreactivations): Decimal[] {
  const G = guarded(ctx);
  return Array.from({ length: ctx.n }, (_, i) => roundedSum(marginTerms(ctx, pre, i), G));
}

/** Empirical risk `L = (1/n) Σ_i ℓ(q_i)` (docs/theory.md §1): mean of the guarded ℓ(q_i), rounded once. */
export function lossFixed(ctx: DecimalContext, W: readonly Decimal[]): Decimal {
  const G = guarded(ctx);
  const ell = guardedMargins(ctx, exactPreactivations(ctx, scaledWeights(W))).map((q) =>
    scaledFromDecimal(lossValue(ctx.loss, q, G), 'loss'),
  );
  return roundedSum(ell, ctx.D, BigInt(ctx.n));
}

/** Guarded margins of W, for log L (losses.logMeanLoss). */
export function guardedMarginsFixed(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  return guardedMargins(ctx, exactPreactivations(ctx, scaledWeights(W)));
}

/** `c_i = ℓ'(q_i)` (docs/theory.md §1), rounded to `digits` from the guarded margin. */
export function lossDerivativeFixed(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  return lossDerivativeOf(ctx, exactPreactivations(ctx, scaledWeights(W)));
}

function lossDerivativeOf(ctx: DecimalContext, pre: ExactPreactivations): Decimal[] {
  return guardedMargins(ctx, pre).map((q) => lossDerivativeValue(ctx.loss, q, ctx.D));
}

/**
 * For every (j, k), terms summing exactly to `S_jk = Σ_i c_i y_i φ'(z_ji) x_ik`, so that
 * `∇_{w_jk} L = a_j S_jk / n` (docs/theory.md §1).
 */
function gradientSums(ctx: DecimalContext, pre: ExactPreactivations): Scaled[][] {
  const { d, m, fixed } = ctx;
  const c = lossDerivativeOf(ctx, pre).map((ci, i) => scaledFromDecimal(ci, `loss derivative at point ${i}`));
  const S: Scaled[][] = new Array(m * d);
  for (let j = 0; j < m; j++) {
    // κ_ji = c_i y_i φ'(z_ji), exact.
    const kappa = c.map((ci, i) => timesInteger(times(ci, fixed.phiPrime[pre.positive[i * m + j] ? 0 : 1]), BigInt(fixed.y[i]!)));
    const aligned = align(kappa);
    for (let k = 0; k < d; k++) {
      S[j * d + k] =
        aligned !== undefined
          ? [dotMixed(aligned, fixed.xCols[k]!)]
          : kappa.map((kap, i) => times(kap, fixed.x[i * d + k]!));
    }
  }
  return S;
}

/** `∇L` (docs/theory.md §1), m×d row-major, each entry correctly rounded given the c_i. */
export function gradientFixed(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const { d, fixed, D } = ctx;
  const n = BigInt(ctx.n);
  const S = gradientSums(ctx, exactPreactivations(ctx, scaledWeights(W)));
  return S.map((terms, idx) => {
    const aj = fixed.aPhiPrime[2 * Math.floor(idx / d)]!; // a_j · 1
    return roundedSum(
      terms.map((t) => times(aj, t)),
      D,
      n,
    );
  });
}

/**
 * One GD step `W − α ∇L(W)` (docs/theory.md §1) on fixed-point weights, fused: entry (j,k) is
 * `(n·w_jk − α a_j S_jk) / n` rounded once to `digits`, with decimal.js's range (0 below 10^−9e15).
 * @throws NumericalError when an entry leaves decimal.js's range upward, or ℓ' is not finite.
 */
export function stepScaled(ctx: DecimalContext, w: readonly Scaled[]): Scaled[] {
  const { d, fixed, digits } = ctx;
  const n = BigInt(ctx.n);
  const pre = exactPreactivations(ctx, w);
  const S = gradientSums(ctx, pre);
  return S.map((terms, idx) => {
    const factor = fixed.minusLrA[Math.floor(idx / d)]!;
    const next = roundedSumScaled([timesInteger(w[idx]!, n), ...terms.map((t) => times(factor, t))], digits, n);
    return withinDecimalRange(next, `W[${idx}]`);
  });
}

/** One GD step `W − α ∇L(W)` (docs/theory.md §1), as {@link stepScaled}. */
export function stepFixed(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  return decimalWeights(ctx, stepScaled(ctx, scaledWeights(W)));
}

/** Frobenius norm `‖W‖_F` (docs/theory.md §2). */
export function normWFixed(ctx: DecimalContext, W: readonly Decimal[]): Decimal {
  const squares = scaledWeights(W).map((s) => times(s, s));
  return new ctx.D(roundedSum(squares, guarded(ctx))).sqrt();
}
