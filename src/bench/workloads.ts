import { makeRng } from '../data/rng.js';
import { balancedSecondLayer, gaussianInit } from '../problem/init.js';
import type { Problem } from '../problem/types.js';

/** A problem shape: n data rows of d features, m neurons. */
export interface Workload {
  readonly n: number;
  readonly d: number;
  readonly m: number;
}

/** The default shapes, smallest to largest (the skip prediction of slow engines relies on the order). */
export const defaultWorkloads: readonly Workload[] = [
  { n: 20, d: 50, m: 4 },
  { n: 50, d: 200, m: 10 },
  { n: 100, d: 1000, m: 20 },
  { n: 50, d: 2000, m: 20 },
  { n: 200, d: 5000, m: 50 },
];

/** Flops of one primal GD step: the forward X Wᵀ and the backward Cᵀ X, 2·n·d·m each (docs/theory.md §1). */
export function flopsPerStep(w: Workload): number {
  return 4 * w.n * w.d * w.m;
}

/** `(n,d,m)`, the workload's key in row ids. */
export function workloadKey(w: Workload): string {
  return `(${w.n},${w.d},${w.m})`;
}

/** Mean shift ‖μ‖ of the benchmark mixture: a moderate signal, so the data are separable but not trivially. */
const signalNorm = 3;
/** Leaky-ReLU slope of the benchmark problems (any value in (0, 1) costs the same). */
const benchGamma = 0.1;
/** Step size as a fraction of n/‖X‖²_op ≈ n/(√n + √d)² (Gaussian data), inside the docs/theory.md §4 small-step form. */
const stepFraction = 0.2;
/** Initial weight scale times √d: small against the step, as H25 asks (docs/theory.md §1, §4). */
const initScaleTimesRootD = 1e-4;

/**
 * A seeded benchmark problem on the H25 mixture (docs/theory.md §3): `y` Rademacher, `x = yμ + z` with
 * `z ~ N(0, I_d)` and μ along the first axis, balanced second layer, exponential loss. The same
 * shape gives the same bits on every run, so timings compare across runs.
 */
export function benchProblem(w: Workload): Problem {
  const { n, d, m } = w;
  const rng = makeRng(`bench:${workloadKey(w)}`);
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.uniform() < 0.5 ? -1 : 1;
    for (let k = 0; k < d; k++) X[i * d + k] = rng.normal() + (k === 0 ? y[i] * signalNorm : 0);
  }
  const opNormSq = (Math.sqrt(n) + Math.sqrt(d)) ** 2;
  return {
    n,
    d,
    m,
    X,
    y,
    a: balancedSecondLayer(m),
    W0: gaussianInit(m, d, initScaleTimesRootD / Math.sqrt(d), `bench:${workloadKey(w)}`),
    gamma: benchGamma,
    loss: 'exp',
    lr: (stepFraction * n) / opNormSq,
    steps: 1,
  };
}
