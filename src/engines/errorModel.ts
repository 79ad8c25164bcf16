import { leakyRelu, leakyReluSlope } from '../numerics/phi.js';
import { gammaK, unitRoundoff } from '../numerics/roundoff.js';
import type { Problem } from '../problem/types.js';

/**
 * The rounding-error model of one float64 GD step (docs/theory.md §1), used to compare the float64 engine
 * against the decimal reference without a magic tolerance. Every bound is a first-principles
 * worst case in Higham's style (Accuracy and Stability of Numerical Algorithms, §3.1): a sum of k
 * terms computed in any order, each term exact, errs by at most γ_k·Σ|terms|. It holds for every
 * summation order, so it covers the tiled, SIMD and plain loops alike.
 */

// Defined in src/numerics/roundoff.ts; re-exported for the public API and existing importers.
export { gammaK, unitRoundoff } from '../numerics/roundoff.js';

/**
 * Relative error of one evaluation of ℓ'(q) at an exactly given q: V8's `Math.exp` (an fdlibm port)
 * is within 1 ulp (2u); the logistic form −1/(1 + e^q) adds one addition and one division (2u).
 */
export const lossDerivativeRoundings = 4;

/**
 * Roundings in a gradient coefficient (1/n)·ℓ'(q_i)·y_i·a_j·φ'(z_ij) and its product with x_ik:
 * the reciprocal 1/n, three products and the product with x_ik, plus one spare for an engine
 * that folds lr into the coefficient.
 */
export const coefficientRoundings = 6;

/** A per-entry bound on |float64 step − exact step| from the same W, and the kinks it could not bound. */
export interface StepErrorBound {
  /** m×d: the bound on |W⁺_float64 − W⁺_exact| entry by entry (same layout as W). */
  readonly W: Float64Array;
  /** m×d: the bound on |∇L_float64 − ∇L_exact| entry by entry, before the update. */
  readonly gradient: Float64Array;
  /** Bound on |L_float64(W) − L_exact(W)|. */
  readonly loss: number;
  /**
   * Pre-activations within their own error bound of 0: there the float64 engine may take the other
   * branch of φ, and the step bound does not cover that branch. Listed, never hidden.
   */
  readonly kinks: readonly { readonly i: number; readonly j: number; readonly z: number; readonly bound: number }[];
}

/**
 * Bounds the error of one float64 GD step from `W` (exactly representable, so both engines start from
 * the same point). `zExact[i*m + j]` are the exact pre-activations ⟨w_j, x_i⟩ rounded to doubles (from
 * the decimal engine), used only to decide which branch of φ the exact step takes.
 *
 * Error chain (docs/theory.md §1 notation): z_ij (d-term dot) → q_i (m-term sum, propagated z errors) →
 * ℓ'(q_i) (relative error e^{Δq}−1 plus {@link lossDerivativeRoundings}) → g_jk (n-term sum) →
 * W − lr·g (two roundings). The bound is itself computed in float64; its own relative error is below
 * γ_{d+n+m+16} and it is inflated by that factor.
 */
export function float64StepErrorBound(p: Problem, W: Float64Array, zExact: Float64Array): StepErrorBound {
  const { n, d, m, X, y, a, gamma, lr } = p;
  const gd = gammaK(d);
  const gm = gammaK(m + 2);
  const gn = gammaK(n + coefficientRoundings);
  const kinks: { i: number; j: number; z: number; bound: number }[] = [];
  const absC = new Float64Array(n * m); // |c_ij|, the exact-step coefficient magnitude
  const relC = new Float64Array(n); // relative error of ℓ'(q_i) in the float64 step
  let lossBound = 0;
  let lossSum = 0;
  for (let i = 0; i < n; i++) {
    let q = 0;
    let qAbs = 0;
    let qErr = 0;
    for (let j = 0; j < m; j++) {
      let dotAbs = 0;
      for (let k = 0; k < d; k++) dotAbs += Math.abs(W[j * d + k]! * X[i * d + k]!);
      const zBound = gd * dotAbs;
      const z = zExact[i * m + j]!;
      if (Math.abs(z) <= zBound && zBound > 0) kinks.push({ i, j, z, bound: zBound });
      const slope = leakyReluSlope(z, gamma);
      const phi = leakyRelu(z, gamma);
      q += a[j]! * phi;
      qAbs += Math.abs(a[j]! * phi);
      qErr += Math.abs(a[j]!) * slope * zBound;
      absC[i * m + j] = Math.abs(a[j]!) * slope;
    }
    q *= y[i]!;
    qErr += gm * qAbs;
    const ell = p.loss === 'exp' ? Math.exp(-q) : Math.log1p(Math.exp(-q));
    const dEll = p.loss === 'exp' ? Math.exp(-q) : 1 / (1 + Math.exp(q));
    // |Δ log ℓ'| ≤ |Δq| for both losses (|ℓ''/ℓ'| ≤ 1), and likewise |Δ log ℓ| ≤ |Δq|.
    relC[i] = Math.expm1(qErr) + lossDerivativeRoundings * unitRoundoff;
    lossBound += ell * (Math.expm1(qErr) + lossDerivativeRoundings * unitRoundoff);
    lossSum += ell;
    for (let j = 0; j < m; j++) absC[i * m + j]! *= dEll / n;
  }
  lossBound = lossBound / n + gammaK(n + 1) * (lossSum / n);
  const bound = new Float64Array(m * d);
  const gradient = new Float64Array(m * d);
  const inflate = 1 + gammaK(d + n + m + 16);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < d; k++) {
      let gErr = 0;
      let gAbs = 0;
      for (let i = 0; i < n; i++) {
        const t = absC[i * m + j]! * Math.abs(X[i * d + k]!);
        gAbs += t;
        gErr += t * ((1 + relC[i]!) * (1 + gn) - 1);
      }
      const next = Math.abs(W[j * d + k]!) + lr * gAbs;
      gradient[j * d + k] = inflate * (gErr + unitRoundoff * gAbs);
      bound[j * d + k] = inflate * (lr * gErr + 2 * unitRoundoff * (lr * gAbs + next));
    }
  }
  return { W: bound, gradient, loss: inflate * lossBound, kinks };
}

/**
 * Bound on the decimal engine's own error in one step, relative to the magnitudes involved: each sum
 * in its chain (dot, margin, ℓ', gradient, update: five) is rounded once to `digits` significant
 * digits (relative error ≤ ½·10^{1−digits}), and ℓ' carries decimal.js's exp error (< 1 ulp); 10^{3−digits}
 * covers the chain with room for the exp and the conversions.
 */
export function decimalRelativeError(digits: number): number {
  return 10 ** (3 - digits);
}
