import { addCoefficients, computeMargins, computeSampleFactors } from '../engines/float64/head.js';
import { marginLoss } from '../problem/marginLoss.js';
import type { Problem } from '../problem/types.js';

/**
 * The benchmark's baseline: one primal GD step (docs/theory.md §1) in plain TypeScript loops, one accumulator
 * per dot product, no tiling. It measures what tiling and the SIMD kernel buy; it is not an engine
 * (the float64 engine lives in src/engines/float64/). The O(n·m) middle of the step is the engines'
 * own (`src/engines/float64/head.ts`), so the rows differ only in the two dense products.
 *
 * @returns a runner of `steps` steps from `W0` (the weights are reset at each call)
 */
export function makePlainStepper(p: Problem): (steps: number) => void {
  const { n, d, m, X, y, a, gamma, loss, lr } = p;
  const W = new Float64Array(m * d);
  const Z = new Float64Array(m * n); // Z[j·n + i] = ⟨w_j, x_i⟩, the layout of head.ts
  const q = new Float64Array(n);
  const g = new Float64Array(n);
  const C = new Float64Array(m * n);
  const scale = -lr / n;
  return (steps) => {
    W.set(p.W0);
    for (let s = 0; s < steps; s++) {
      for (let j = 0; j < m; j++) {
        for (let i = 0; i < n; i++) {
          let z = 0;
          for (let k = 0; k < d; k++) z += X[i * d + k] * W[j * d + k];
          Z[j * n + i] = z;
        }
      }
      computeMargins(q, Z, a, y, gamma, m, n, s);
      computeSampleFactors(g, q, y, marginLoss(loss), scale, n, s);
      C.fill(0);
      addCoefficients(C, Z, g, a, gamma, m, n);
      // C holds −lr·∂L/∂z, so W += Σ_i C[j·n + i]·x_i is the step.
      for (let j = 0; j < m; j++) {
        for (let i = 0; i < n; i++) {
          const c = C[j * n + i];
          for (let k = 0; k < d; k++) W[j * d + k] += c * X[i * d + k];
        }
      }
    }
  };
}
