import type { Dataset, ProjectedPoints } from '../../data/index.js';
import { addDots } from '../../engines/float64/kernel.js';
import { leakyRelu } from '../../numerics/phi.js';
import type { Problem } from '../../problem/types.js';

/** f(x; W) = Σ_j a_j φ(⟨w_j, x⟩) (docs/theory.md §1) at every point of a test set. */
export function networkOutputs(p: Problem, W: Float64Array, test: Dataset): Float64Array {
  const Z = new Float64Array(test.n * p.m);
  addDots(Z, test.X, test.n, W, p.m, p.d);
  const f = new Float64Array(test.n);
  for (let i = 0; i < test.n; i++) {
    let s = 0;
    for (let j = 0; j < p.m; j++) s += p.a[j]! * leakyRelu(Z[i * p.m + j]!, p.gamma);
    f[i] = s;
  }
  return f;
}

/** The rows w_1, …, w_m of W (m×d, row-major), as directions for `testProjections`. */
export function rowsOf(W: Float64Array, m: number, d: number): Float64Array[] {
  return Array.from({ length: m }, (_, j) => W.subarray(j * d, (j + 1) * d));
}

/**
 * f(x; W) at every projected point, with ⟨w_j, x⟩ read from column `first + j` of the projections
 * (the rows of W passed to `testProjections` in order, from position `first`).
 */
export function networkOutputsFromProjections(p: Problem, proj: ProjectedPoints, first: number): Float64Array {
  const f = new Float64Array(proj.n);
  for (let i = 0; i < proj.n; i++) {
    let s = 0;
    for (let j = 0; j < p.m; j++) s += p.a[j]! * leakyRelu(proj.P[i * proj.r + first + j]!, p.gamma);
    f[i] = s;
  }
  return f;
}

/** Column `s` of the projections: ⟨v_s, x⟩ at every point. */
export function projectionColumn(proj: ProjectedPoints, s: number): Float64Array {
  return Float64Array.from({ length: proj.n }, (_, i) => proj.P[i * proj.r + s]!);
}

/** ⟨w, x⟩ at every point of a test set. */
export function linearOutputs(w: Float64Array, test: Dataset): Float64Array {
  const out = new Float64Array(test.n);
  addDots(out, test.X, test.n, w, 1, test.d);
  return out;
}

/** The fraction of points where the two outputs' signs differ (a zero sign counts as its own sign). */
export function signDisagreement(f: Float64Array, g: Float64Array): number {
  let k = 0;
  for (let i = 0; i < f.length; i++) if (Math.sign(f[i]!) !== Math.sign(g[i]!)) k++;
  return k / f.length;
}
