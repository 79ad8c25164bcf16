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

/**
 * The balanced initial second layer of docs/theory.md §11 (MORTH26): `|a_j(0)| = ‖w_j(0)‖`, so each
 * neuron starts on the invariant set `a_j² = ‖w_j‖²` of gradient flow on `(W, a)` with ReLU, with a
 * fair random sign per neuron from `makeRng(`init:${seed}:signs`)`.
 * @param W0 - the initial first layer, m×d row-major
 */
export function balancedRandomSecondLayer(W0: Float64Array, m: number, d: number, seed: number | string): Float64Array {
  const rng = makeRng(`init:${String(seed)}:signs`);
  const a = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += W0[j * d + k]! * W0[j * d + k]!;
    a[j] = (rng.uniform() < 0.5 ? -1 : 1) * Math.sqrt(s);
  }
  return a;
}

/** `a(0)` with i.i.d. `N(0, scale²)` entries from `makeRng(`init:${seed}:a`)` (docs/theory.md §11). */
export function gaussianSecondLayer(m: number, scale: number, seed: number | string): Float64Array {
  const rng = makeRng(`init:${String(seed)}:a`);
  return Float64Array.from({ length: m }, () => scale * rng.normal());
}
