import { leakyReluSlope } from '../numerics/phi.js';
import { preActivations } from './_internals/network.js';
import { checkFiniteArray, checkNetworkData } from './_internals/validate.js';
import type { NetworkData } from './types.js';

/** The verdict of H25's activation condition (docs/theory.md §2) on one W. */
export interface ActivationReport {
  /** True when every neuron is activated: a_j y_i ⟨w_j, x_i⟩ > 0 for all i, j. */
  readonly allActivated: boolean;
  /** Number of pairs (i, j) with a_j y_i ⟨w_j, x_i⟩ ≤ 0 (0 exactly counts as a violation). */
  readonly violations: number;
  /** min over i, j of a_j y_i ⟨w_j, x_i⟩: its sign decides the verdict, its size is the slack. */
  readonly minValue: number;
  /** The pair attaining {@link minValue} (first in row-major order on ties). */
  readonly argmin: { readonly i: number; readonly j: number };
  /** Neurons (j) activated on every point, ascending. */
  readonly activatedNeurons: readonly number[];
}

/**
 * The activation pattern: entry i*m + j is the sign (−1, 0 or +1) of a_j y_i ⟨w_j, x_i⟩ (docs/theory.md §2).
 * Neuron j is activated (H25) when its column is all +1.
 *
 * @returns n×m row-major Int8Array
 * @throws InputError on shapes or non-finite entries
 */
export function activationPattern(data: NetworkData, W: Float64Array): Int8Array {
  const s = activationValues(data, W);
  const out = new Int8Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = Math.sign(s[k]);
  return out;
}

/**
 * The values a_j y_i ⟨w_j, x_i⟩ (n×m row-major, docs/theory.md §2) whose signs make the activation pattern.
 *
 * @throws InputError on shapes or non-finite entries
 */
export function activationValues(data: NetworkData, W: Float64Array): Float64Array {
  checkNetworkData(data);
  checkFiniteArray(W, data.m * data.d, 'W');
  const { n, d, m, X, y, a } = data;
  const Z = preActivations(X, W, n, d, m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) Z[i * m + j] *= a[j] * y[i];
  return Z;
}

/**
 * Whether every neuron is activated (H25, docs/theory.md §2), with the number of violating pairs and the
 * smallest a_j y_i ⟨w_j, x_i⟩ (the slack of the verdict).
 *
 * @throws InputError on shapes or non-finite entries
 */
export function allActivated(data: NetworkData, W: Float64Array): ActivationReport {
  const s = activationValues(data, W);
  const { m } = data;
  let violations = 0;
  let best = 0;
  const ok = new Array<boolean>(m).fill(true);
  for (let k = 0; k < s.length; k++) {
    if (!(s[k] > 0)) {
      violations++;
      ok[k % m] = false;
    }
    if (s[k] < s[best]) best = k;
  }
  const activatedNeurons: number[] = [];
  for (let j = 0; j < m; j++) if (ok[j]) activatedNeurons.push(j);
  return {
    allActivated: violations === 0,
    violations,
    minValue: s[best],
    argmin: { i: Math.floor(best / m), j: best % m },
    activatedNeurons,
  };
}

/**
 * The matrix c (n×m row-major) of docs/theory.md §2: c_ij = 1 when sign(a_j) = y_i, else γ. It is φ'(⟨w_j, x_i⟩)
 * on the activated region. A neuron with a_j = 0 gets γ (its features vanish anyway, since a_j = 0).
 *
 * @throws InputError on shapes or non-finite entries
 */
export function activatedSlopes(data: NetworkData): Float64Array {
  checkNetworkData(data);
  const { n, m, y, a, gamma } = data;
  const c = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) c[i * m + j] = leakyReluSlope(Math.sign(a[j]) * y[i], gamma);
  return c;
}
