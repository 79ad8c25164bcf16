import { InputError } from '../errors.js';
import type { Problem } from '../problem/types.js';

/**
 * The well-initialisation event of MORTH26/DBP25 (docs/theory.md §11): every point has a neuron of its
 * target's sign that is active on it at init. ReLU GD from a small init cannot move a neuron that is
 * inactive on every point, and a neuron's output has the sign of its `a_j`, so a point without such a
 * neuron is out of reach early on; with one, GD fits it (M-INT).
 */

/** The event, and the first point that breaks it. */
export interface WellInitialisation {
  readonly holds: boolean;
  /** Points with no neuron of their sign active on them at init. */
  readonly uncovered: readonly number[];
}

/**
 * Whether every i with `y_i ≠ 0` has a j with `sign(a_j(0)) = sign(y_i)` and `⟨w_j(0), x_i⟩ > 0`.
 */
export function wellInitialised(p: Problem): WellInitialisation {
  const { n, d, m, X, W0, a, y } = p;
  const uncovered: number[] = [];
  for (let i = 0; i < n; i++) {
    if (y[i] === 0) continue;
    let covered = false;
    for (let j = 0; j < m && !covered; j++) {
      if (Math.sign(a[j]!) !== Math.sign(y[i]!)) continue;
      let z = 0;
      for (let k = 0; k < d; k++) z += W0[j * d + k]! * X[i * d + k]!;
      covered = z > 0;
    }
    if (!covered) uncovered.push(i);
  }
  return { holds: uncovered.length === 0, uncovered };
}

/**
 * The union bound `1 − n(3/4)^m` on the probability of the event (docs/theory.md §11): a neuron serves
 * a given point with probability 1/4 (a fair sign of `a_j`, and `⟨w_j(0), x_i⟩ > 0` with probability
 * 1/2 for a symmetric init), independently over neurons. May be negative (vacuous) for small m.
 */
export function wellInitialisedBound(n: number, m: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new InputError('n', `expected a positive integer, got ${n}`);
  if (!Number.isSafeInteger(m) || m < 1) throw new InputError('m', `expected a positive integer, got ${m}`);
  return 1 - n * 0.75 ** m;
}

/**
 * The exact probability of the event on orthogonal data with i.i.d. fair signs of `a_j(0)` and a
 * symmetric W(0) with independent coordinates: given k positive neurons, each of the `nPlus` positive
 * points is served with probability `1 − 2^{−k}` and each of the `nMinus` negative ones with
 * `1 − 2^{−(m−k)}`, independently (distinct coordinates of W(0)), so
 * `P = Σ_k C(m, k) 2^{−m} (1 − 2^{−k})^{nPlus} (1 − 2^{−(m−k)})^{nMinus}`.
 */
export function wellInitialisedProbability(m: number, nPlus: number, nMinus: number): number {
  if (!Number.isSafeInteger(m) || m < 1) throw new InputError('m', `expected a positive integer, got ${m}`);
  if (!Number.isSafeInteger(nPlus) || nPlus < 0) throw new InputError('nPlus', `expected a non-negative integer, got ${nPlus}`);
  if (!Number.isSafeInteger(nMinus) || nMinus < 0) throw new InputError('nMinus', `expected a non-negative integer, got ${nMinus}`);
  let total = 0;
  let binom = 1; // C(m, k), updated in place
  for (let k = 0; k <= m; k++) {
    total += binom * 2 ** -m * (1 - 2 ** -k) ** nPlus * (1 - 2 ** -(m - k)) ** nMinus;
    binom = (binom * (m - k)) / (k + 1);
  }
  return total;
}
