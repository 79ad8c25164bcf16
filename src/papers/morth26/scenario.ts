import fc from 'fast-check';
import { generateDataset, makeProblemFile } from '../../data/index.js';
import type { Problem } from '../../problem/types.js';
import { validateProblem } from '../../problem/validate.js';
import { wellInitialised } from '../../theory/wellInitialised.js';

/**
 * A MORTH26/DBP25 scenario (docs/theory.md §11): orthogonal data `x_i = s_i e_i` (d = n), real targets
 * `±U[1, 2)`, a ReLU network of width m with both layers trained by GD on the square loss from a small
 * balanced init. Small and JSON-serialisable; the problem is a pure function of it.
 */
export interface OrthoScenario {
  readonly n: number;
  readonly m: number;
  /** ω: the entries of W(0) are N(0, ω²), and |a_j(0)| = ‖w_j(0)‖. */
  readonly initScale: number;
  /** α = lrFactor·√n/4 (see {@link stepSize}). */
  readonly lrFactor: number;
  readonly steps: number;
  /** Seed of the data; the init draws from `${seed}:init`. */
  readonly seed: number;
}

/**
 * The step size of a scenario, `α = lrFactor·√n/4`. Near an interpolator a neuron fitting the points S
 * has `|a_j| = ‖w_j‖ = √‖ỹ_S‖`, and the largest curvature of the mean square loss along it is about
 * `(2/n)‖ỹ_S‖ max s_i² ≈ (8/n)·√(7|S|/6)` (E ỹ² = 7/6 for |y|, s ~ U[1, 2]); with |S| ≈ n/2 that is
 * `6.2/√n`, so GD is stable for `α < 2√n/6.2 ≈ 0.32√n`: lrFactor ≤ 0.8 keeps `α ≤ 0.2√n`, a 1.6× margin.
 */
export function stepSize(n: number, lrFactor: number): number {
  return (lrFactor * Math.sqrt(n)) / 4;
}

/** The problem of a scenario; `initSeed` overrides the init stream (to condition on well-initialisation). */
export function orthoProblem(s: OrthoScenario, initSeed: string = `${s.seed}:init`): Problem {
  const ds = generateDataset({ kind: 'orthogonal', n: s.n, d: s.n, muNorm: 0, seed: s.seed });
  return validateProblem(
    makeProblemFile(ds, {
      m: s.m,
      gamma: 0,
      steps: s.steps,
      loss: 'square',
      trainSecondLayer: true,
      lr: stepSize(s.n, s.lrFactor),
      initScale: s.initScale,
      initSeed,
      secondLayer: 'balanced',
    }),
  );
}

/** Init streams tried by {@link wellInitialisedProblem} before giving up. */
export const MAX_INIT_TRIES = 50;

/**
 * The first of the init streams `${seed}:init:k` (k < {@link MAX_INIT_TRIES}) that is well-initialised:
 * the problem conditioned on the event, for claims about well-initialised runs; the scenario's own problem
 * when none is (then the claim's hypotheses fail and the run is reported inapplicable).
 */
export function wellInitialisedProblem(s: OrthoScenario): { problem: Problem; tries: number } {
  for (let k = 0; k < MAX_INIT_TRIES; k++) {
    const p = orthoProblem(s, `${s.seed}:init:${k}`);
    if (wellInitialised(p).holds) return { problem: p, tries: k + 1 };
  }
  return { problem: orthoProblem(s), tries: MAX_INIT_TRIES };
}

/** A box of scenarios; fast-check shrinks n, m and the seed towards the lower ends. */
export interface OrthoSpace {
  readonly n: readonly [number, number];
  readonly m: readonly [number, number];
  /** log10 ω. */
  readonly logInit: readonly [number, number];
  readonly lrFactor?: readonly [number, number];
  readonly steps: number;
}

/** Scenarios over a box of parameters. */
export function orthoArb(space: OrthoSpace): fc.Arbitrary<OrthoScenario> {
  const [lo, hi] = space.lrFactor ?? [0.5, 0.8];
  return fc
    .record({
      n: fc.integer({ min: space.n[0], max: space.n[1] }),
      m: fc.integer({ min: space.m[0], max: space.m[1] }),
      logInit: fc.double({ min: space.logInit[0], max: space.logInit[1], noNaN: true }),
      lrFactor: lo === hi ? fc.constant(lo) : fc.double({ min: lo, max: hi, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ n, m, logInit, lrFactor, seed }) => ({ n, m, initScale: 10 ** logInit, lrFactor, steps: space.steps, seed }));
}
