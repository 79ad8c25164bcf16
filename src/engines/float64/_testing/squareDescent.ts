import type { Problem } from '../../../problem/types.js';

/**
 * An independent float64 implementation of GD on the square loss with the second layer trained or
 * fixed (docs/theory.md §1, §11), for differential tests: written from the formulas, point by point
 * (the engine works neuron by neuron on a transposed layout), sharing no code with the engine.
 * Returns `(W, a)` after `steps` steps.
 */
export function squareDescent(p: Problem, steps: number): { W: Float64Array; a: Float64Array } {
  const { n, d, m, X, y, gamma, lr } = p;
  const W = Float64Array.from(p.W0);
  const a = Float64Array.from(p.a);
  const act = (z: number): number => (z > 0 ? z : gamma * z);
  const slope = (z: number): number => (z > 0 ? 1 : gamma);
  const z = new Float64Array(m);
  for (let t = 0; t < steps; t++) {
    const gW = new Float64Array(m * d);
    const ga = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += W[j * d + k]! * X[i * d + k]!;
        z[j] = s;
        f += a[j]! * act(s);
      }
      const r = f - y[i]!;
      for (let j = 0; j < m; j++) {
        ga[j]! += r * act(z[j]!);
        const c = r * a[j]! * slope(z[j]!);
        for (let k = 0; k < d; k++) gW[j * d + k]! += c * X[i * d + k]!;
      }
    }
    for (let e = 0; e < W.length; e++) W[e]! -= (lr * gW[e]!) / n;
    if (p.trainSecondLayer === true) for (let j = 0; j < m; j++) a[j]! -= (lr * ga[j]!) / n;
  }
  return { W, a };
}
