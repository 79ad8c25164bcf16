import { makeRng } from '../../data/rng.js';
import type { LossName, Problem } from '../../problem/types.js';
import { validateProblem } from '../../problem/validate.js';

/** Shape and settings of {@link randomProblem}. */
export interface RandomProblemSpec {
  readonly n: number;
  readonly d: number;
  readonly m: number;
  readonly seed: number | string;
  /** Default `exp`. */
  readonly loss?: LossName;
  /** Default 0.1. */
  readonly gamma?: number;
  /** Default 0.5. */
  readonly lr?: number;
  /** Scale of W(0), default 0.01. */
  readonly initScale?: number;
  /** Default 100. */
  readonly steps?: number;
}

/**
 * A small random problem for engine tests and timings (not one of docs/theory.md §3's data models): X with
 * i.i.d. N(0,1) entries plus a shift `y_i·1` along the all-ones direction (so the data are separable
 * in most draws), Rademacher labels, balanced second layer, W(0) Gaussian with `initScale`.
 * The same spec gives the same problem.
 */
export function randomProblem(spec: RandomProblemSpec): Problem {
  const { n, d, m, seed } = spec;
  const rng = makeRng(`decimal-engine:${String(seed)}`);
  const y = Array.from({ length: n }, () => (rng.uniform() < 0.5 ? -1 : 1));
  const X = y.map((yi) => Array.from({ length: d }, () => rng.normal() + yi));
  const initScale = spec.initScale ?? 0.01;
  const W0 = Array.from({ length: m }, () => Array.from({ length: d }, () => initScale * rng.normal()));
  return validateProblem({
    X,
    y,
    gamma: spec.gamma ?? 0.1,
    m,
    W0,
    loss: spec.loss ?? 'exp',
    lr: spec.lr ?? 0.5,
    steps: spec.steps ?? 100,
  });
}
