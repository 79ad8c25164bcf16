import { makeRng } from '../../../data/rng.js';
import { balancedSecondLayer } from '../../../problem/init.js';
import type { LossName, Problem } from '../../../problem/types.js';

/**
 * Support for the float64 engine's unit tests: seeded small problems, a relative distance, and the
 * tests' tolerances, each with its error model. Not part of the engine's public API.
 */

/**
 * A few fast steps against the plain `stepFrom` chain. Error model: one step rounds each entry by
 * about `(n + d + m)·u ≈ 1e-14` relative for the test sizes (n, d, m ≤ 60, u = 1.1e-16) in either
 * path, and a handful of steps at a stable step size does not amplify it by more than 10×.
 */
export const STEP_REL_TOL = 1e-12;

/**
 * Primal against dual after 2000 steps. Error model: each path rounds ≈ 1e-14 relative per step; the
 * differences add up over t at worst linearly (GD is non-expansive at a stable step size away from
 * kinks), 2000 · 1e-14 ≈ 2e-11, so 1e-10 is a 5× margin.
 */
export const FORMULATION_REL_TOL = 1e-10;

/**
 * Relative distance `max_k |x_k − ref_k| / max_k |ref_k|` (∞-norms; the plain difference when `ref`
 * is all zero). Infinity when the lengths differ.
 */
export function relativeDistance(x: Float64Array, ref: Float64Array): number {
  if (x.length !== ref.length) return Infinity;
  let diff = 0;
  let size = 0;
  for (let k = 0; k < x.length; k++) {
    diff = Math.max(diff, Math.abs(x[k] - ref[k]));
    size = Math.max(size, Math.abs(ref[k]));
  }
  return size === 0 ? diff : diff / size;
}

/** Shape and settings of a seeded test problem. */
export interface TestProblemSpec {
  readonly n: number;
  readonly d: number;
  readonly m: number;
  readonly gamma: number;
  readonly loss: LossName;
  readonly lr: number;
  readonly seed: string;
  /** Entry scale ω of W0 (default 0.1, large enough for mixed activation patterns). */
  readonly initScale?: number;
  /** Length of the class mean `μ = signal·e_0` (default 1); the noise has covariance I/d. */
  readonly signal?: number;
  /** Default 10. */
  readonly steps?: number;
}

/**
 * A seeded mixture problem (docs/theory.md §3): Rademacher labels, `x_i = y_i μ + z_i` with `z_i ~ N(0, I/d)`,
 * so `‖x_i‖ ≈ √(1 + signal²)`; the balanced second layer; `W0` with i.i.d. `N(0, ω²)` entries.
 */
export function testProblem(spec: TestProblemSpec): Problem {
  const { n, d, m } = spec;
  const rng = makeRng(`float64-test:${spec.seed}`);
  const signal = spec.signal ?? 1;
  const omega = spec.initScale ?? 0.1;
  const noise = 1 / Math.sqrt(d);
  const y = new Float64Array(n);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    y[i] = rng.uniform() < 0.5 ? -1 : 1;
    for (let k = 0; k < d; k++) X[i * d + k] = noise * rng.normal() + (k === 0 ? y[i] * signal : 0);
  }
  const W0 = new Float64Array(m * d);
  for (let k = 0; k < W0.length; k++) W0[k] = omega * rng.normal();
  return { n, d, m, X, y, a: balancedSecondLayer(m), W0, gamma: spec.gamma, loss: spec.loss, lr: spec.lr, steps: spec.steps ?? 10 };
}
