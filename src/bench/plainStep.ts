import { gradientCoefficients } from '../engines/wasm/coefficients.js';
import type { Problem } from '../problem/types.js';

/**
 * The benchmark's baseline: one primal GD step (THEORY §1) in plain TypeScript loops, one accumulator
 * per dot product, no tiling. It measures what the SIMD kernel buys; it is not an engine (the float64
 * engine lives in src/engines/float64/). Shares the O(n·m) coefficient pass with the wasm row, so the
 * two rows differ only in the dense products.
 *
 * @returns a runner of `steps` steps from `W0` (the weights are reset at each call)
 */
export function makePlainStepper(p: Problem): (steps: number) => void {
  const { n, d, m, X, lr } = p;
  const W = new Float64Array(m * d);
  const G = new Float64Array(m * d);
  const Z = new Float64Array(n * m);
  const C = new Float64Array(n * m);
  return (steps) => {
    W.set(p.W0);
    for (let s = 0; s < steps; s++) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          let z = 0;
          for (let k = 0; k < d; k++) z += X[i * d + k] * W[j * d + k];
          Z[i * m + j] = z;
        }
      }
      gradientCoefficients(p, Z, C);
      G.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          const c = C[i * m + j];
          for (let k = 0; k < d; k++) G[j * d + k] += c * X[i * d + k];
        }
      }
      for (let e = 0; e < m * d; e++) W[e] -= lr * G[e];
    }
  };
}
