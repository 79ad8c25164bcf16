import { NumericalError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';

/** What {@link gradientCoefficients} reads from a problem. */
export type CoefficientInputs = Pick<Problem, 'n' | 'm' | 'y' | 'a' | 'gamma' | 'loss'>;

/**
 * The per-(i, j) coefficients of the gradient, between the two dense products of a GD step
 * (THEORY §1): from the pre-activations `Z[i*m+j] = ⟨w_j, x_i⟩`,
 * `q_i = y_i Σ_j a_j φ(z_ij)` and `C[i*m+j] = (1/n) ℓ'(q_i) y_i a_j φ'(z_ij)`, so that
 * `∇_{w_j} L = Σ_i C[i*m+j] x_i`. φ'(0) = γ (THEORY §1 convention). ℓ' is evaluated stably:
 * `−e^{−q}` (exp) and `−1/(1 + e^{q})` (logistic, which never overflows). O(n·m), no allocation.
 *
 * @param Z - n×m pre-activations (read)
 * @param C - n×m output (written)
 * @returns the empirical risk `L(W) = (1/n) Σ_i ℓ(q_i)` at the W that produced Z (may underflow to 0)
 * @throws NumericalError when a margin or a loss derivative is not finite (an overflowing W or e^{−q})
 */
export function gradientCoefficients(p: CoefficientInputs, Z: Float64Array, C: Float64Array): number {
  const { n, m, y, a, gamma } = p;
  const exp = p.loss === 'exp';
  const invN = 1 / n;
  let lossSum = 0;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    let f = 0;
    for (let j = 0; j < m; j++) {
      const z = Z[row + j];
      f += a[j] * (z > 0 ? z : gamma * z);
    }
    const yi = y[i];
    const q = yi * f;
    if (!Number.isFinite(q)) throw new NumericalError(`margin q[${i}]`, `not finite (${q}): the weights overflowed`);
    let dLoss: number;
    if (exp) {
      const e = Math.exp(-q);
      if (!Number.isFinite(e)) throw new NumericalError(`loss derivative at q[${i}] = ${q}`, 'e^{-q} overflows float64');
      dLoss = -e;
      lossSum += e;
    } else {
      // ℓ(q) = log(1 + e^{−q}) = max(−q, 0) + log1p(e^{−|q|}), finite for every finite q.
      lossSum += Math.max(-q, 0) + Math.log1p(Math.exp(-Math.abs(q)));
      dLoss = -1 / (1 + Math.exp(q));
    }
    const g = dLoss * yi * invN;
    for (let j = 0; j < m; j++) C[row + j] = g * a[j] * (Z[row + j] > 0 ? 1 : gamma);
  }
  return lossSum * invN;
}
