import { makeRng } from '../data/rng.js';

/**
 * The balanced fixed second layer of docs/theory.md §1: `a_j = +1/√m` for the first ⌈m/2⌉ neurons and
 * `−1/√m` for the rest.
 */
export function balancedSecondLayer(m: number): Float64Array {
  const a = new Float64Array(m);
  const v = 1 / Math.sqrt(m);
  const positives = Math.ceil(m / 2);
  for (let j = 0; j < m; j++) a[j] = j < positives ? v : -v;
  return a;
}

/**
 * `W(0)` with i.i.d. `N(0, scale²)` entries (docs/theory.md §1), row-major m×d, drawn row by row from
 * `makeRng(seed)`. The same (m, d, scale, seed) gives the same bits.
 */
export function gaussianInit(m: number, d: number, scale: number, seed: number | string): Float64Array {
  const rng = makeRng(`init:${String(seed)}`);
  const W = new Float64Array(m * d);
  for (let i = 0; i < W.length; i++) W[i] = scale * rng.normal();
  return W;
}
