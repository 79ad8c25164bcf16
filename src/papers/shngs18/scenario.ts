import fc from 'fast-check';
import { generateDataset, makeProblemFile, makeRng, type Dataset, type DatasetDescriptor } from '../../data/index.js';
import { euclideanNorm } from '../../numerics/norms.js';
import type { LossName, Problem } from '../../problem/types.js';
import { validateProblem } from '../../problem/validate.js';
import { linearSvmDirection } from '../../theory/index.js';

/**
 * A linear-model run of SHNGS18 (γ = 1, m = 1, a = 1): a Gaussian mixture, optionally with one point
 * added exactly on the margin of the data's max-margin vector ŵ (the degenerate case of
 * docs/theory.md §10.2). Small and JSON-serialisable, so a shrunk counterexample pastes back.
 */
export interface LinearScenario {
  readonly data: DatasetDescriptor;
  readonly loss: LossName;
  /** α = lrFactor / max_i ‖x_i‖². */
  readonly lrFactor: number;
  readonly steps: number;
  /**
   * When present: the point x = s·(ŵ/‖ŵ‖² + (offset/‖ŵ‖)·u) with label s is appended, u a unit vector
   * orthogonal to every x_i (seeded by the data's seed). Its margin ⟨ŵ, s·x⟩ is 1 and ŵ stays
   * optimal, so its dual is 0: a support point with a zero dual, off the span of the others.
   */
  readonly marginPoint?: { readonly offset: number; readonly label: 1 | -1 };
}

/**
 * Init scale as a fraction of 1/max‖x_i‖ (so |⟨w(0), x_i⟩| ≲ this): SHNGS18 allows any w(0); a
 * small one keeps the transients of ρ(t) small against ‖ŵ‖ log t.
 */
export const LINEAR_INIT_FRACTION = 0.01;

function maxSquaredNorm(X: Float64Array, n: number, d: number): number {
  let best = 0;
  for (let i = 0; i < n; i++) best = Math.max(best, euclideanNorm(X, i * d, d) ** 2);
  return best;
}

/**
 * The dataset of a scenario (docs/theory.md §10.2 for the margin point). Null when the margin point
 * cannot be placed: the base data are not separable through the origin, or d ≤ n leaves no
 * direction orthogonal to every point.
 */
export function linearDataset(s: LinearScenario): Dataset | null {
  const base = generateDataset(s.data);
  if (!s.marginPoint) return base;
  const { n, d, X, y } = base;
  if (d <= n) return null;
  const svm = linearSvmDirection(base);
  if (svm.status !== 'ok') return null;
  // u: a seeded Gaussian vector, Gram–Schmidt'ed twice against the rows of X.
  const rng = makeRng(`${String(s.data.seed)}:margin-point`);
  const u = Float64Array.from({ length: d }, () => rng.normal());
  const basis: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const b = X.slice(i * d, (i + 1) * d);
    for (let pass = 0; pass < 2; pass++) {
      for (const e of basis) {
        let c = 0;
        for (let k = 0; k < d; k++) c += b[k]! * e[k]!;
        for (let k = 0; k < d; k++) b[k] -= c * e[k]!;
      }
    }
    const nb = euclideanNorm(b);
    if (nb > 0) basis.push(b.map((v) => v / nb));
  }
  for (let pass = 0; pass < 2; pass++) {
    for (const e of basis) {
      let c = 0;
      for (let k = 0; k < d; k++) c += u[k]! * e[k]!;
      for (let k = 0; k < d; k++) u[k] -= c * e[k]!;
    }
  }
  const nu = euclideanNorm(u);
  if (!(nu > 0)) return null;
  const wn = svm.norm;
  const sign = s.marginPoint.label;
  const point = Float64Array.from({ length: d }, (_, k) => sign * (svm.w[k]! / (wn * wn) + (s.marginPoint!.offset / wn) * (u[k]! / nu)));
  const Xp = new Float64Array((n + 1) * d);
  Xp.set(X);
  Xp.set(point, n * d);
  const yp = new Float64Array(n + 1);
  yp.set(y);
  yp[n] = sign;
  return { n: n + 1, d, X: Xp, y: yp, ...(base.mu ? { mu: base.mu } : {}) };
}

/** The linear problem of a scenario (γ = 1, m = 1, a = 1), or null when its dataset is (see {@link linearDataset}). */
export function linearProblem(s: LinearScenario): Problem | null {
  const ds = linearDataset(s);
  if (ds === null) return null;
  const maxSq = maxSquaredNorm(ds.X, ds.n, ds.d);
  return validateProblem(
    makeProblemFile(ds, {
      m: 1,
      gamma: 1,
      a: [1],
      steps: s.steps,
      loss: s.loss,
      lr: s.lrFactor / maxSq,
      initScale: LINEAR_INIT_FRACTION / Math.sqrt(maxSq),
      initSeed: `${String(s.data.seed)}:init`,
    }),
  );
}

/** Shape of the linear scenarios. */
export interface LinearSpace {
  readonly n: readonly [number, number];
  /** d − n, so that the data are separable through the origin (d > n) and a margin point fits. */
  readonly extraDims: readonly [number, number];
  readonly muNorm: readonly [number, number];
  readonly lrFactor: readonly [number, number];
  readonly steps: number;
  /** Losses drawn (default both). */
  readonly losses?: readonly LossName[];
  /** Add a margin point with offset in this range (degenerate data), or none. */
  readonly marginOffset?: readonly [number, number];
}

/** Linear scenarios over a box; fast-check shrinks n, d, ‖μ‖, the seed and the offset towards the lower ends. */
export function linearArb(space: LinearSpace): fc.Arbitrary<LinearScenario> {
  const num = (r: readonly [number, number]): fc.Arbitrary<number> => (r[0] === r[1] ? fc.constant(r[0]) : fc.double({ min: r[0], max: r[1], noNaN: true }));
  return fc
    .record({
      n: fc.integer({ min: space.n[0], max: space.n[1] }),
      extra: fc.integer({ min: space.extraDims[0], max: space.extraDims[1] }),
      muNorm: num(space.muNorm),
      lrFactor: num(space.lrFactor),
      loss: fc.constantFrom<LossName>(...(space.losses ?? ['exp', 'logistic'])),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      offset: num(space.marginOffset ?? [0, 0]),
      label: fc.constantFrom<1 | -1>(1, -1),
    })
    .map(({ n, extra, muNorm, lrFactor, loss, seed, offset, label }) => ({
      data: { kind: 'gaussian' as const, n, d: n + extra, muNorm, seed },
      loss,
      lrFactor,
      steps: space.steps,
      ...(space.marginOffset ? { marginPoint: { offset, label } } : {}),
    }));
}
