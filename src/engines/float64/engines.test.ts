import { describe, expect, it } from 'vitest';
import { NumericalError } from '../../errors.js';
import { marginLoss } from '../../problem/marginLoss.js';
import type { Problem } from '../../problem/types.js';
import { DualEngine } from './dual.js';
import type { Float64Engine } from './engine.js';
import { lossDerivativeAt } from './loss.js';
import { PrimalEngine } from './primal.js';
import { margins, preactivations, stepFrom } from './reference.js';
import { STEP_REL_TOL, relativeDistance, testProblem, type TestProblemSpec } from './_testing/support.js';

/** Steps compared against the `stepFrom` chain. */
const STEPS = 4;

/** "Orders of magnitude": a planted bug must miss the step tolerance by at least six decades. */
const PLANTED_BUG_FACTOR = 1e6;

const specs: TestProblemSpec[] = [
  { n: 5, d: 3, m: 4, gamma: 0.3, loss: 'exp', lr: 0.5, seed: 'd<n' },
  { n: 4, d: 60, m: 5, gamma: 0.3, loss: 'logistic', lr: 0.5, seed: 'd>>n, m odd' },
  { n: 1, d: 7, m: 3, gamma: 0.5, loss: 'exp', lr: 0.5, seed: 'n=1' },
  { n: 6, d: 10, m: 3, gamma: 0, loss: 'exp', lr: 0.5, seed: 'relu' },
  { n: 6, d: 10, m: 2, gamma: 1, loss: 'logistic', lr: 0.5, seed: 'linear' },
  { n: 9, d: 9, m: 7, gamma: 0.1, loss: 'logistic', lr: 1, seed: 'square' },
  { n: 3, d: 40, m: 1, gamma: 0.2, loss: 'exp', lr: 0.3, seed: 'm=1' },
];

const engines = [
  ['primal', (p: Problem): Float64Engine => new PrimalEngine(p)],
  ['dual', (p: Problem): Float64Engine => new DualEngine(p)],
] as const;

describe.each(engines)('%s engine', (_name, make) => {
  it.each(specs)('agrees with the stepFrom chain ($seed: n=$n d=$d m=$m γ=$gamma $loss)', (spec) => {
    const p = testProblem(spec);
    const engine = make(p);
    let ref = p.W0;
    for (let t = 0; t < STEPS; t++) {
      expect(relativeDistance(engine.margins(), margins(p, ref))).toBeLessThanOrEqual(STEP_REL_TOL);
      engine.step();
      ref = stepFrom(p, ref);
      expect(engine.t).toBe(t + 1);
      expect(relativeDistance(engine.weights(), ref)).toBeLessThanOrEqual(STEP_REL_TOL);
    }
    expect(Math.abs(engine.normW() - Math.hypot(...ref)) / Math.hypot(...ref)).toBeLessThanOrEqual(STEP_REL_TOL);
  });

  it('uses φ′(0) = γ at a pre-activation exactly 0', () => {
    const p: Problem = {
      n: 2,
      d: 2,
      m: 2,
      X: Float64Array.from([1, 0, 0, 1]),
      y: Float64Array.from([1, -1]),
      a: Float64Array.from([Math.SQRT1_2, -Math.SQRT1_2]),
      W0: Float64Array.from([0, 1, 1, 0]),
      gamma: 0.3,
      loss: 'exp',
      lr: 0.1,
      steps: 1,
    };
    expect(preactivations(p, p.W0)[0]).toBe(0);
    const engine = make(p);
    engine.step();
    expect(relativeDistance(engine.weights(), stepFrom(p, p.W0))).toBeLessThanOrEqual(STEP_REL_TOL);
  });

  it('throws NumericalError, leaving W finite, when ℓ′ overflows (exp loss, margin −1000)', () => {
    const p: Problem = {
      n: 1,
      d: 1,
      m: 1,
      X: Float64Array.from([1]),
      y: Float64Array.from([1]),
      a: Float64Array.from([1]),
      W0: Float64Array.from([-1000]),
      gamma: 1,
      loss: 'exp',
      lr: 0.1,
      steps: 1,
    };
    expect(lossDerivativeAt('exp', -1000)).toBe(-Infinity);
    const engine = make(p);
    expect(engine.margins()[0]).toBe(-1000);
    expect(() => engine.step()).toThrow(NumericalError);
    try {
      engine.step();
    } catch (e) {
      expect((e as NumericalError).quantity).toBe('W at step 1');
    }
    expect(Array.from(engine.weights())).toEqual([-1000]);
    // The logistic loss has ℓ′(−1000) = −1: the same step is fine.
    const logistic = make({ ...p, loss: 'logistic' });
    logistic.step();
    expect(Array.from(logistic.weights())).toEqual([-1000 + 0.1]);
  });

  it('throws NumericalError when W overflows, at the next evaluation', () => {
    // lr·|ℓ'|·x = 1e300 · ½ · 1e10 overflows the first update.
    const p: Problem = {
      n: 1,
      d: 1,
      m: 1,
      X: Float64Array.from([1e10]),
      y: Float64Array.from([1]),
      a: Float64Array.from([1]),
      W0: Float64Array.from([0]),
      gamma: 1,
      loss: 'logistic',
      lr: 1e300,
      steps: 2,
    };
    const engine = make(p);
    engine.step();
    expect(() => engine.margins()).toThrow(NumericalError);
    expect(() => engine.step()).toThrow(/W at step 1/);
  });
});

describe('planted bug: φ′ = 1 instead of γ in the backward pass', () => {
  it('is caught by the primal-vs-stepFrom comparison, by orders of magnitude', () => {
    const p = testProblem({ n: 6, d: 8, m: 4, gamma: 0.2, loss: 'exp', lr: 0.5, seed: 'planted' });
    const Z = preactivations(p, p.W0);
    expect(Z.some((z) => z <= 0)).toBe(true); // γ enters this step
    // The buggy step, inline: the gradient of docs/theory.md §1 with φ'(z) = 1 everywhere.
    const { n, d, m, X, y, a, loss, lr } = p;
    const q = margins(p, p.W0);
    const wrong = Float64Array.from(p.W0);
    for (let j = 0; j < m; j++) {
      for (let k = 0; k < d; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += lossDerivativeAt(marginLoss(loss), q[i]) * y[i] * a[j] * 1 * X[i * d + k];
        wrong[j * d + k] -= (lr * s) / n;
      }
    }
    const engine = new PrimalEngine(p);
    engine.step();
    const right = stepFrom(p, p.W0);
    expect(relativeDistance(engine.weights(), right)).toBeLessThanOrEqual(STEP_REL_TOL);
    const mismatch = relativeDistance(wrong, right);
    expect(mismatch).toBeGreaterThan(PLANTED_BUG_FACTOR * STEP_REL_TOL);
    expect(relativeDistance(engine.weights(), wrong)).toBeGreaterThan(PLANTED_BUG_FACTOR * STEP_REL_TOL);
  });
});
