import { euclideanNorm } from '../numerics/norms.js';
import { checkMatrix } from './_internals/shape.js';

/**
 * The realised near-orthogonality constant of KCG23/FVBSH23 (docs/theory.md §3): the largest `C` with
 * `‖x_i‖² ≥ C·n·max_{k≠i} |⟨x_i, x_k⟩|` for every `i`, i.e.
 * `min_i ‖x_i‖² / (n · max_{k≠i} |⟨x_i, x_k⟩|)`.
 *
 * Computed as `‖x_i‖ / (n · max_{k≠i} ‖x_k‖·|⟨u_i, u_k⟩|)` with unit rows `u_i`, which is the same number
 * but neither overflows nor underflows for norms from 1e−150 to 1e150 (the plain form squares them).
 * H25's Case 2 (docs/theory.md §4) uses the stricter global form `γ min_k ‖x_k‖² ≥ C n max_{i≠k} |⟨x_i, x_k⟩|`;
 * this per-point ratio is an upper bound on that C/γ.
 *
 * @returns `+Infinity` when every point's inner products with the others are exactly 0 (orthogonal
 *   data, n = 1, or zero rows: a zero row satisfies the inequality for every C); never NaN.
 * @throws InputError if `X` is not n×d or has a non-finite entry
 */
export function nearOrthogonalityRatio(X: ArrayLike<number>, n: number, d: number): number {
  checkMatrix(X, n, d);
  const A = Float64Array.from(X);
  const norms = new Float64Array(n);
  const U = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    norms[i] = euclideanNorm(A, i * d, d);
    if (norms[i] > 0) for (let k = 0; k < d; k++) U[i * d + k] = A[i * d + k] / norms[i];
  }
  let ratio = Infinity;
  for (let i = 0; i < n; i++) {
    if (norms[i] === 0) continue;
    let worst = 0;
    for (let k = 0; k < n; k++) {
      if (k === i || norms[k] === 0) continue;
      let c = 0;
      for (let l = 0; l < d; l++) c += U[i * d + l] * U[k * d + l];
      worst = Math.max(worst, norms[k] * Math.abs(c));
    }
    if (worst > 0) ratio = Math.min(ratio, norms[i] / (n * worst));
  }
  return ratio;
}
