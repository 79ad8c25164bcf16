import { InputError } from '../errors.js';

/**
 * The size of a two-layer network with both layers trained (docs/theory.md §11): the squared parameter
 * norm MORTH26 measures, and which neurons have grown away from a small initialisation.
 */

/**
 * Exponent of the activity threshold: neuron j is active when `|a_j|‖w_j‖ ≥ p0^ACTIVE_LOG_FRACTION`, with
 * `p0 = max_j |a_j(0)|‖w_j(0)‖`. From a small init (`p0 ≪ 1`) a neuron either grows to the scale of the
 * targets (|y| ∈ [1, 2]: products of order 1) or stays near `p0`; one half puts the threshold halfway
 * between the two in log scale, as far as possible from both.
 */
export const ACTIVE_LOG_FRACTION = 0.5;

/** `Σ_j (a_j² + ‖w_j‖²) = ‖a‖² + ‖W‖_F²` (docs/theory.md §11), W m×d row-major. */
export function paramNorm(W: ArrayLike<number>, a: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < W.length; k++) s += W[k]! * W[k]!;
  for (let j = 0; j < a.length; j++) s += a[j]! * a[j]!;
  return s;
}

/** `|a_j|·‖w_j‖` for every neuron, length m. @throws InputError when W is not m×d */
export function neuronProducts(W: ArrayLike<number>, a: ArrayLike<number>, d: number): Float64Array {
  const m = a.length;
  if (W.length !== m * d) throw new InputError('W', `expected m·d = ${m * d} entries, got ${W.length}`);
  const out = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += W[j * d + k]! * W[j * d + k]!;
    out[j] = Math.abs(a[j]!) * Math.sqrt(s);
  }
  return out;
}

/**
 * The threshold of {@link activeNeurons} for an initial state: `p0^ACTIVE_LOG_FRACTION` when the largest
 * initial product `p0 < 1` (a small init), and `p0` itself otherwise (from a large init a neuron counts
 * as active once it outgrows every initial neuron; there is no staircase to read then).
 */
export function activityThreshold(W0: ArrayLike<number>, a0: ArrayLike<number>, d: number): number {
  let p0 = 0;
  for (const p of neuronProducts(W0, a0, d)) p0 = Math.max(p0, p);
  return p0 < 1 ? p0 ** ACTIVE_LOG_FRACTION : p0;
}

/** Which neurons are active (`|a_j|‖w_j‖ ≥ threshold`, see {@link activityThreshold}), and how many. */
export function activeNeurons(W: ArrayLike<number>, a: ArrayLike<number>, d: number, threshold: number): { count: number; active: boolean[] } {
  const active = Array.from(neuronProducts(W, a, d), (p) => p >= threshold);
  return { count: active.filter(Boolean).length, active };
}
