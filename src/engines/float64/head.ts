import { NumericalError } from '../../errors.js';
import type { MarginLossName } from '../../problem/types.js';
import { lossDerivativeAt } from './loss.js';

/**
 * The O(m·n) middle of the GD step of step.ts, whatever its dense products (docs/theory.md §1):
 * from the pre-activations to the margins, and from the margins to the per-sample coefficients of
 * the gradient. Pre-activations are stored m×n here, `Z[j·n + i] = ⟨w_j, x_i⟩`, so that every loop
 * runs along contiguous memory.
 */

/**
 * `q_i = y_i Σ_j a_j φ(z_ji)` with `φ(z) = max(z, γz)` written as `z > 0 ? z : γz` (docs/theory.md §1), into
 * `q` (length n). Then checks the margins are finite, through their sum (one comparison per step).
 *
 * @param t - the step count of the W these pre-activations belong to, for the error message
 * @throws NumericalError (`W at step t`) when a margin is not finite: W or its pre-activations left
 *   the float64 range
 */
export function computeMargins(
  q: Float64Array,
  Z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  gamma: number,
  m: number,
  n: number,
  t: number,
): void {
  q.fill(0);
  for (let j = 0; j < m; j++) {
    const aj = a[j];
    const row = j * n;
    // φ inlined for speed, on purpose; its definition is leakyRelu in src/numerics/phi.ts.
    for (let i = 0; i < n; i++) {
      const z = Z[row + i];
      q[i] += aj * (z > 0 ? z : gamma * z);
    }
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    q[i] *= y[i];
    sum += q[i];
  }
  if (!Number.isFinite(sum)) {
    const bad = q.findIndex((v) => !Number.isFinite(v));
    throw new NumericalError(
      `W at step ${t}`,
      bad >= 0
        ? `margin q[${bad}] = ${q[bad]}: the weights or their pre-activations left the float64 range`
        : 'the margins are finite but their sum overflows (margins near 1e308)',
    );
  }
}

/**
 * `g_i = scale · ℓ'(q_i) · y_i` into `g` (length n); with `scale = −lr/n` this is the factor of the
 * GD update shared by all neurons (docs/theory.md §1: `∇_{w_j} L = (1/n) Σ_i ℓ'(q_i) y_i a_j φ'(z_ji) x_i`).
 * Checks the result is finite through its sum.
 *
 * @param t - the step count of the W the margins belong to; the update would produce W at step t + 1
 * @throws NumericalError (`W at step t+1`) when `ℓ'` overflows (the exponential loss at a margin
 *   below about −709), instead of writing infinities into W
 */
export function computeSampleFactors(
  g: Float64Array,
  q: Float64Array,
  y: Float64Array,
  loss: MarginLossName,
  scale: number,
  n: number,
  t: number,
): void {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = scale * lossDerivativeAt(loss, q[i]) * y[i];
    g[i] = v;
    sum += v;
  }
  if (!Number.isFinite(sum)) {
    const bad = g.findIndex((v) => !Number.isFinite(v));
    throw new NumericalError(
      `W at step ${t + 1}`,
      bad >= 0
        ? `the update is not finite: ℓ'(q[${bad}]) = ${lossDerivativeAt(loss, q[bad])} at margin ${q[bad]} (${loss} loss)`
        : 'the per-sample update factors overflow when summed',
    );
  }
}

/**
 * `g_i = scale · (f_i − y_i)` into `g` (length n): the square loss `L = (1/n) Σ_i ½(f_i − y_i)²` on real
 * targets (docs/theory.md §1, §11), whose `∂L/∂f_i = r_i/n` with the residual `r_i = f_i − y_i`; with
 * `scale = −lr/n` this is the factor of the GD update shared by all neurons, as for the margin losses.
 *
 * @param f - the outputs `f(x_i)`, length n
 * @param t - the step count of the state the outputs belong to
 * @throws NumericalError (`W at step t+1`) when a factor is not finite
 */
export function computeResidualFactors(g: Float64Array, f: Float64Array, y: Float64Array, scale: number, n: number, t: number): void {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = scale * (f[i] - y[i]);
    g[i] = v;
    sum += v;
  }
  if (!Number.isFinite(sum)) {
    throw new NumericalError(`W at step ${t + 1}`, 'the square-loss update factors are not finite: the outputs left the float64 range');
  }
}

/**
 * `da[j] = Σ_i g_i · φ(z_ji)` (`φ(z) = z > 0 ? z : γz`, docs/theory.md §1): with `g` from
 * {@link computeResidualFactors} this is `−lr ∂L/∂a_j = −(lr/n) Σ_i r_i φ(⟨w_j, x_i⟩)`, the second-layer
 * update, read from the same pre-activations as the first-layer one (simultaneous GD on `(W, a)`).
 * No allocation.
 */
export function secondLayerUpdate(da: Float64Array, Z: Float64Array, g: Float64Array, gamma: number, m: number, n: number): void {
  for (let j = 0; j < m; j++) {
    const row = j * n;
    let s = 0;
    // φ inlined for speed, on purpose; its definition is leakyRelu in src/numerics/phi.ts.
    for (let i = 0; i < n; i++) {
      const z = Z[row + i];
      s += g[i] * (z > 0 ? z : gamma * z);
    }
    da[j] = s;
  }
}

/**
 * `target[j·n + i] += g_i · a_j · φ'(z_ji)` with `φ'(z) = 1` for `z > 0` and `γ` for `z ≤ 0`
 * (docs/theory.md §1; `φ'(0) = γ` exactly). With `g` from {@link computeSampleFactors} this adds `−lr·∇L`
 * in coefficient form: `−lr ∇_{w_j} L = Σ_i target_ji x_i`. No allocation.
 */
export function addCoefficients(
  target: Float64Array,
  Z: Float64Array,
  g: Float64Array,
  a: Float64Array,
  gamma: number,
  m: number,
  n: number,
): void {
  for (let j = 0; j < m; j++) {
    const up = a[j];
    const down = a[j] * gamma;
    const row = j * n;
    // φ' inlined for speed, on purpose; its definition is leakyReluSlope in src/numerics/phi.ts.
    for (let i = 0; i < n; i++) target[row + i] += g[i] * (Z[row + i] > 0 ? up : down);
  }
}
