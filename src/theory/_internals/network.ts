import { dotRows } from './linalg.js';

/**
 * Pre-activations Z[i*m + j] = ⟨w_j, x_i⟩ (n×m, row-major) for X n×d and W m×d (docs/theory.md §1).
 */
export function preActivations(X: Float64Array, W: Float64Array, n: number, d: number, m: number): Float64Array {
  const Z = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) Z[i * m + j] = dotRows(X, i, W, j, d);
  return Z;
}
