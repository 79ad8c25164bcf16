import { InputError, NumericalError } from '../../errors.js';
import { leakyRelu, leakyReluSlope } from '../../numerics/phi.js';
import { marginLoss } from '../../problem/marginLoss.js';
import type { Problem } from '../../problem/types.js';
import { checkProblemShape } from './engine.js';
import { lossDerivativeAt, meanLoss } from './loss.js';

/**
 * Plain float64 loops for one GD step, written to be read against docs/theory.md §1 line by line. They are
 * the specification the fast engines (`primal.ts`, `dual.ts`) are tested against, and they allocate
 * freely. W is always m×d row-major, like `Problem.W0`.
 */

function checkWeights(p: Problem, W: Float64Array): void {
  checkProblemShape(p);
  if (!(W instanceof Float64Array) || W.length !== p.m * p.d) {
    throw new InputError('W', `expected a Float64Array of length m·d = ${p.m * p.d}, got ${W instanceof Float64Array ? W.length : typeof W}`);
  }
}

/**
 * The pre-activations `Z[i·m + j] = ⟨w_j, x_i⟩`, n×m row-major.
 * @throws InputError when W is not m×d
 */
export function preactivations(p: Problem, W: Float64Array): Float64Array {
  checkWeights(p, W);
  const { n, d, m, X } = p;
  const Z = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += W[j * d + k] * X[i * d + k];
      Z[i * m + j] = z;
    }
  }
  return Z;
}

/**
 * The margins `q_i = y_i f(x_i; W) = y_i Σ_j a_j φ(⟨w_j, x_i⟩)`, length n.
 * @throws InputError when W is not m×d
 * @throws NumericalError when a margin is not finite
 */
export function margins(p: Problem, W: Float64Array): Float64Array {
  const Z = preactivations(p, W);
  const { n, m, a, y, gamma } = p;
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < m; j++) f += a[j] * leakyRelu(Z[i * m + j], gamma);
    q[i] = y[i] * f;
    if (!Number.isFinite(q[i])) throw new NumericalError('margins', `q[${i}] = ${q[i]} is not finite`);
  }
  return q;
}

/**
 * The empirical risk `L(W) = (1/n) Σ_i ℓ(q_i)` (docs/theory.md §1); may underflow to 0, and is `+Infinity`
 * only when L itself exceeds the float64 range.
 * @throws InputError when W is not m×d
 * @throws NumericalError when a margin is not finite
 */
export function lossOf(p: Problem, W: Float64Array): number {
  return meanLoss(marginLoss(p.loss), margins(p, W));
}

/**
 * `∇L(W)`, m×d: `∇_{w_j} L = (1/n) Σ_i ℓ'(q_i) · y_i · a_j · φ'(⟨w_j, x_i⟩) · x_i` (docs/theory.md §1).
 * @throws InputError when W is not m×d
 * @throws NumericalError when a margin or a gradient entry is not finite (ℓ' overflows for the
 *   exponential loss at margins below about −709)
 */
export function gradientOf(p: Problem, W: Float64Array): Float64Array {
  const q = margins(p, W);
  const Z = preactivations(p, W);
  const { n, d, m, X, y, a, gamma } = p;
  const loss = marginLoss(p.loss);
  const G = new Float64Array(m * d);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < d; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        s += lossDerivativeAt(loss, q[i]) * y[i] * a[j] * leakyReluSlope(Z[i * m + j], gamma) * X[i * d + k];
      }
      G[j * d + k] = s / n;
      if (!Number.isFinite(G[j * d + k])) {
        throw new NumericalError('gradient', `entry (${j}, ${k}) = ${G[j * d + k]} is not finite`);
      }
    }
  }
  return G;
}

/**
 * One GD step from W: `W − α ∇L(W)` with the problem's step size `α = lr` (docs/theory.md §1). W is not modified.
 * @throws InputError when W is not m×d
 * @throws NumericalError when the gradient or the new weights are not finite
 */
export function stepFrom(p: Problem, W: Float64Array): Float64Array {
  const G = gradientOf(p, W);
  const next = new Float64Array(W.length);
  for (let k = 0; k < W.length; k++) {
    next[k] = W[k] - p.lr * G[k];
    if (!Number.isFinite(next[k])) throw new NumericalError('W', `entry ${k} of the step is not finite`);
  }
  return next;
}

/**
 * The outputs `f(x_i) = Σ_j a_j φ(⟨w_j, x_i⟩)` for a given second layer `a` (docs/theory.md §1), length n.
 * @throws InputError when W is not m×d or a is not of length m
 */
export function outputsOf(p: Problem, W: Float64Array, a: Float64Array): Float64Array {
  if (!(a instanceof Float64Array) || a.length !== p.m) throw new InputError('a', `expected a Float64Array of length m = ${p.m}`);
  const Z = preactivations(p, W);
  const { n, m, gamma } = p;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += a[j] * leakyRelu(Z[i * m + j], gamma);
    f[i] = s;
  }
  return f;
}

/**
 * The gradient of the square loss `L = (1/n) Σ_i ½(f(x_i) − y_i)²` in `(W, a)` (docs/theory.md §1, §11):
 * `∇_{w_j} L = (1/n) Σ_i r_i a_j φ'(z_ji) x_i` and `∂L/∂a_j = (1/n) Σ_i r_i φ(z_ji)`, `r_i = f(x_i) − y_i`.
 * Plain loops, the specification of the fast engines' square-loss step.
 * @throws NumericalError when an entry is not finite
 */
export function squareGradientOf(p: Problem, W: Float64Array, a: Float64Array): { W: Float64Array; a: Float64Array } {
  const f = outputsOf(p, W, a);
  const Z = preactivations(p, W);
  const { n, d, m, X, y, gamma } = p;
  const GW = new Float64Array(m * d);
  const Ga = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (f[i] - y[i]) * leakyRelu(Z[i * m + j], gamma);
    Ga[j] = s / n;
    for (let k = 0; k < d; k++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += (f[i] - y[i]) * a[j] * leakyReluSlope(Z[i * m + j], gamma) * X[i * d + k];
      GW[j * d + k] = g / n;
    }
  }
  for (const v of [...GW, ...Ga]) if (!Number.isFinite(v)) throw new NumericalError('gradient', 'a square-loss gradient entry is not finite');
  return { W: GW, a: Ga };
}
