import type { Decimal } from 'decimal.js';
import type { DecimalContext } from './context.js';
import { lossDerivativeValue, lossValue } from './losses.js';

/**
 * docs/theory.md §1 in plain decimal.js, every operation rounded to `ctx.digits` (half to even), each formula
 * evaluated in the order it is written. Slow and direct: this is the reading copy that the fixed-point
 * arithmetic (fixed.ts) is tested against. Matrices are row-major: `W[j*d + k]`, `X[i*d + k]`.
 */

/** Pre-activations `z[i*m + j] = ⟨w_j, x_i⟩` (docs/theory.md §1), summed over k in order. */
export function preactivationsPlain(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const { D, n, d, m, X } = ctx;
  const z: Decimal[] = new Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = new D(0);
      for (let k = 0; k < d; k++) s = s.plus(W[j * d + k]!.times(X[i * d + k]!));
      z[i * m + j] = s;
    }
  }
  return z;
}

/** Leaky ReLU `φ(z) = max(z, γz)` (docs/theory.md §1), for `0 ≤ γ ≤ 1`: z when z > 0, γz otherwise. */
function phi(ctx: DecimalContext, z: Decimal): Decimal {
  return z.gt(0) ? z : ctx.gamma.times(z);
}

/** `φ'(z)`: 1 for z > 0, γ for z ≤ 0 (docs/theory.md §1 convention; so `φ'(0) = γ`). */
function phiPrime(ctx: DecimalContext, z: Decimal): Decimal {
  return z.gt(0) ? new ctx.D(1) : ctx.gamma;
}

/** Margins `q_i = y_i f(x_i; W)`, `f(x; W) = Σ_j a_j φ(⟨w_j, x⟩)` (docs/theory.md §1). */
export function marginsPlain(ctx: DecimalContext, W: readonly Decimal[], z = preactivationsPlain(ctx, W)): Decimal[] {
  const { D, n, m, a, y } = ctx;
  const q: Decimal[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let f = new D(0);
    for (let j = 0; j < m; j++) f = f.plus(a[j]!.times(phi(ctx, z[i * m + j]!)));
    q[i] = y[i]!.times(f);
  }
  return q;
}

/** Empirical risk `L = (1/n) Σ_i ℓ(q_i)` (docs/theory.md §1). */
export function lossPlain(ctx: DecimalContext, W: readonly Decimal[], q = marginsPlain(ctx, W)): Decimal {
  let s = new ctx.D(0);
  for (const qi of q) s = s.plus(lossValue(ctx.loss, qi, ctx.D));
  return s.div(ctx.n);
}

/** `ℓ'(q_i)` for every i (docs/theory.md §1). */
export function lossDerivativePlain(ctx: DecimalContext, W: readonly Decimal[], q = marginsPlain(ctx, W)): Decimal[] {
  return q.map((qi) => lossDerivativeValue(ctx.loss, qi, ctx.D));
}

/** `∇_{w_j} L = (1/n) Σ_i ℓ'(q_i) · y_i · a_j · φ'(⟨w_j, x_i⟩) · x_i` (docs/theory.md §1), m×d row-major. */
export function gradientPlain(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const { D, n, d, m, X, y, a } = ctx;
  const z = preactivationsPlain(ctx, W);
  const c = lossDerivativePlain(ctx, W, marginsPlain(ctx, W, z));
  const g: Decimal[] = new Array(m * d);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < d; k++) {
      let s = new D(0);
      for (let i = 0; i < n; i++) {
        s = s.plus(c[i]!.times(y[i]!).times(a[j]!).times(phiPrime(ctx, z[i * m + j]!)).times(X[i * d + k]!));
      }
      g[j * d + k] = s.div(n);
    }
  }
  return g;
}

/** One GD step `W − α ∇L(W)` (docs/theory.md §1). */
export function stepPlain(ctx: DecimalContext, W: readonly Decimal[]): Decimal[] {
  const g = gradientPlain(ctx, W);
  return W.map((w, idx) => w.minus(ctx.lr.times(g[idx]!)));
}

/** Frobenius norm `‖W‖_F = sqrt(Σ w²)` (docs/theory.md §2). */
export function normWPlain(ctx: DecimalContext, W: readonly Decimal[]): Decimal {
  let s = new ctx.D(0);
  for (const w of W) s = s.plus(w.times(w));
  return s.sqrt();
}
