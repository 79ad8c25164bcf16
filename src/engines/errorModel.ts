import { leakyRelu, leakyReluSlope } from '../numerics/phi.js';
import { gammaK, unitRoundoff } from '../numerics/roundoff.js';
import type { Problem } from '../problem/types.js';

/**
 * The rounding-error model of one float64 GD step (docs/theory.md §1), used to compare the float64 engine
 * against the decimal reference without a magic tolerance. Every bound is a first-principles
 * worst case in Higham's style (Accuracy and Stability of Numerical Algorithms, §3.1): a sum of k
 * terms computed in any order, each term exact, errs by at most γ_k·Σ|terms|. It holds for every
 * summation order, so it covers the tiled, SIMD and plain loops alike. It takes the update
 * Σ_i c_ji x_ik to be summed before it is added to W (W rounded once), as the engines do: a running
 * `w −= c_ji x_ik` rounds W n times and is not covered.
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

/** A per-entry bound on one float64 square-loss step on `(W, a)` (docs/theory.md §11) from the same state. */
export interface SquareStepErrorBound {
  /** m×d: bound on |W⁺_float64 − W⁺_exact|. */
  readonly W: Float64Array;
  /** m: bound on |a⁺_float64 − a⁺_exact| (zero when a is not trained). */
  readonly a: Float64Array;
  /** Bound on |L_float64 − L_exact| at the starting state. */
  readonly loss: number;
  /** Pre-activations within their error bound of 0 (the branch of φ is ambiguous there). */
  readonly kinks: readonly { readonly i: number; readonly j: number; readonly z: number; readonly bound: number }[];
}

/**
 * Bounds the error of one float64 GD step of the square loss with the second layer trained or fixed
 * (docs/theory.md §1, §11), from `(W, a)` exactly representable. `zExact[i*m + j]` are the exact
 * pre-activations rounded to doubles, used for the branch of φ and for magnitudes.
 *
 * Error chain, each link first order in u with Higham's γ_k (which covers the higher orders):
 * `z_ji` (d-term dot, `e^z_ji = γ_d Σ_k|w_jk x_ik|`) → `f_i = Σ_j a_j φ(z_ji)` (`e^f_i = Σ_j |a_j| e^z_ji +
 * γ_{m+1} Σ_j |a_j φ(z_ji)|`, the +1 for `γz`) → `g_i = −(α/n)(f_i − y_i)` (`e^g_i = (α/n)(e^f_i +
 * γ_3 (|r_i| + e^f_i))`: the subtraction, the factor `−α/n` and its product) → W: `w_jk + Σ_i g_i a_j φ'(z_ji)
 * x_ik` (`Σ_i (e^g_i + γ_3 |g_i|) |a_j| φ' |x_ik| + γ_{n+1} (|w_jk| + Σ_i |g_i a_j φ' x_ik|)`) and a:
 * `a_j + Σ_i g_i φ(z_ji)` (`Σ_i (e^g_i |φ| + |g_i| e^z_ji) + γ_{n+2} (|a_j| + Σ_i |g_i φ|)`). The loss
 * `(1/2n) Σ r_i²`, computed by squareLoss through logs: `Σ_i |r_i| e^f_i / n` plus
 * `γ_{n+4} L + 2u(2|log max|r|| + |log Σ(r/max)²| + log 2n + 3) L`. The bound itself is computed in
 * float64 and inflated by `1 + γ_{d+n+m+16}`.
 */
export function squareStepErrorBound(p: Problem, W: Float64Array, a: Float64Array, zExact: Float64Array): SquareStepErrorBound {
  const { n, d, m, X, y, gamma, lr } = p;
  const gd = gammaK(d);
  const trainA = p.trainSecondLayer === true;
  const kinks: { i: number; j: number; z: number; bound: number }[] = [];
  const ez = new Float64Array(n * m);
  const ef = new Float64Array(n);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let f = 0;
    let fAbs = 0;
    let fErr = 0;
    for (let j = 0; j < m; j++) {
      let dotAbs = 0;
      for (let k = 0; k < d; k++) dotAbs += Math.abs(W[j * d + k]! * X[i * d + k]!);
      const zb = gd * dotAbs;
      const z = zExact[i * m + j]!;
      ez[i * m + j] = zb;
      if (Math.abs(z) <= zb && zb > 0) kinks.push({ i, j, z, bound: zb });
      const phi = leakyRelu(z, gamma);
      f += a[j]! * phi;
      fAbs += Math.abs(a[j]! * phi);
      fErr += Math.abs(a[j]!) * zb;
    }
    ef[i] = fErr + gammaK(m + 1) * fAbs;
    r[i] = f - y[i]!;
  }
  const eg = new Float64Array(n);
  const g = new Float64Array(n);
  let lossErr = 0;
  let top = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    g[i] = (lr / n) * Math.abs(r[i]!);
    eg[i] = (lr / n) * (ef[i]! + gammaK(3) * (Math.abs(r[i]!) + ef[i]!));
    lossErr += (Math.abs(r[i]!) * ef[i]! + ef[i]! * ef[i]!) / n;
    top = Math.max(top, Math.abs(r[i]!));
    sq += r[i]! * r[i]!;
  }
  const L = sq / (2 * n);
  if (top > 0) {
    const logTerms = 2 * Math.abs(Math.log(top)) + Math.abs(Math.log(sq / (top * top))) + Math.log(2 * n) + 3;
    lossErr += (gammaK(n + 4) + 2 * unitRoundoff * logTerms) * L;
  }
  const inflate = 1 + gammaK(d + n + m + 16);
  const bW = new Float64Array(m * d);
  const bA = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const aj = Math.abs(a[j]!);
    for (let k = 0; k < d; k++) {
      let err = 0;
      let mag = Math.abs(W[j * d + k]!);
      for (let i = 0; i < n; i++) {
        const slope = leakyReluSlope(zExact[i * m + j]!, gamma);
        const x = Math.abs(X[i * d + k]!);
        err += (eg[i]! + gammaK(3) * g[i]!) * aj * slope * x;
        mag += g[i]! * aj * slope * x;
      }
      bW[j * d + k] = inflate * (err + gammaK(n + 1) * mag);
    }
    if (trainA) {
      let err = 0;
      let mag = aj;
      for (let i = 0; i < n; i++) {
        const phi = Math.abs(leakyRelu(zExact[i * m + j]!, gamma));
        err += eg[i]! * phi + g[i]! * (ez[i * m + j]! + unitRoundoff * phi);
        mag += g[i]! * phi;
      }
      bA[j] = inflate * (err + gammaK(n + 2) * mag);
    }
  }
  return { W: bW, a: bA, loss: inflate * lossErr, kinks };
}
