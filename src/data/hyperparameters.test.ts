import { describe, expect, it } from 'vitest';
import { InputError, NumericalError } from '../errors.js';
import { POWER_ITERATION_REL_TOL } from '../numerics/powerIteration.js';
import { gaussianInit } from '../problem/init.js';
import { validateProblem } from '../problem/validate.js';
import { stepSizeCondition } from '../theory/hypotheses.js';
import { DATA_KINDS } from './descriptor.js';
import { generateDataset } from './generate.js';
import {
  DEFAULT_STEP_FACTOR,
  INIT_MARGIN,
  RELU_GAMMA_SURROGATE,
  h25InitBound,
  suggestedInitScale,
  suggestedStepSize,
} from './hyperparameters.js';
import { dataOperatorNorm } from './operatorNorm.js';
import { makeProblemFile } from './problemFile.js';

function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).field;
  }
  throw new Error('accepted');
}

describe('suggestedStepSize (docs/theory.md §4)', () => {
  it('is c·n/(‖a‖²‖X‖_op²)', () => {
    // X = diag(3, 1) (n = 2): ‖X‖_op² = 9.
    const X = [3, 0, 0, 1];
    const rel = (got: number, want: number) => Math.abs(got - want) / want;
    expect(rel(suggestedStepSize(X, 2, 2), (DEFAULT_STEP_FACTOR * 2) / 9)).toBeLessThanOrEqual(10 * POWER_ITERATION_REL_TOL);
    expect(rel(suggestedStepSize(X, 2, 2, { c: 0.5 }), 1 / 9)).toBeLessThanOrEqual(10 * POWER_ITERATION_REL_TOL);
    // a = (1, 1, −1): ‖a‖² = 3.
    expect(rel(suggestedStepSize(X, 2, 2, { a: [1, 1, -1] }), 2 / 27)).toBeLessThanOrEqual(10 * POWER_ITERATION_REL_TOL);
  });

  it('stays finite and positive for rows of norm 1e150 and 1e-150', () => {
    for (const s of [1e150, 1e-150]) {
      const lr = suggestedStepSize([s, 0, 0, s], 2, 2);
      expect(Math.abs(lr * s * s - 2)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('refuses all-zero data and bad factors, and reports an unrepresentable step', () => {
    expect(fieldOf(() => suggestedStepSize([0, 0], 1, 2))).toBe('X');
    expect(fieldOf(() => suggestedStepSize([1, 0], 1, 2, { c: 0 }))).toBe('c');
    expect(fieldOf(() => suggestedStepSize([1, 0], 1, 2, { a: [0, 0] }))).toBe('a');
    expect(fieldOf(() => suggestedStepSize([1, 0], 1, 2, { a: [1, NaN] }))).toBe('a[1]');
    expect(fieldOf(() => suggestedStepSize([1, 0, 1], 1, 2))).toBe('X');
    // ‖X‖_op = 5e−324: n/‖X‖² overflows.
    expect(() => suggestedStepSize([Number.MIN_VALUE], 1, 1)).toThrow(NumericalError);
  });
});

describe('suggestedInitScale and h25InitBound (docs/theory.md §4)', () => {
  const ds = generateDataset({ kind: 'gaussian', n: 10, d: 30, muNorm: 2, seed: 'init' });

  it('computes H25 bound α γ min_k ‖x_k‖ / (n m) over the nonzero rows', () => {
    // Rows (3, 4) and (0, 0) and (1, 0): min nonzero norm 1.
    expect(h25InitBound([3, 4, 0, 0, 1, 0], 3, 2, { gamma: 0.5, lr: 0.3, m: 2 })).toBeCloseTo((0.3 * 0.5 * 1) / 6, 15);
    expect(h25InitBound([3, 4], 1, 2, { gamma: 0, lr: 1, m: 1 })).toBe(0);
  });

  it('gives a W(0) under the margin of the bound on every one of 100 seeds', () => {
    // The failure probability per draw is ≤ INIT_FAILURE_PROBABILITY = 1e−12 (Gaussian norm concentration
    // and a union bound over rows), so 100 draws fail with probability ≤ 1e−10.
    for (const [gamma, m] of [[0.1, 8], [0.9, 1], [0.01, 50]] as const) {
      const lr = suggestedStepSize(ds.X, 10, 30);
      const omega = suggestedInitScale(ds.X, 10, 30, { gamma, lr, m });
      const bound = h25InitBound(ds.X, 10, 30, { gamma, lr, m });
      let worst = 0;
      for (let seed = 0; seed < 100; seed++) {
        const W = gaussianInit(m, 30, omega, seed);
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let k = 0; k < 30; k++) s += W[j * 30 + k] ** 2;
          worst = Math.max(worst, Math.sqrt(s));
        }
      }
      expect(worst).toBeLessThan(INIT_MARGIN * bound);
      expect(worst).toBeGreaterThan(0);
    }
  });

  it('uses the ReLU surrogate slope for γ = 0', () => {
    const lr = 0.1;
    expect(suggestedInitScale(ds.X, 10, 30, { gamma: 0, lr, m: 4 })).toBe(suggestedInitScale(ds.X, 10, 30, { gamma: RELU_GAMMA_SURROGATE, lr, m: 4 }));
    expect(suggestedInitScale(ds.X, 10, 30, { gamma: 0, lr, m: 4 })).toBeGreaterThan(0);
  });

  it('returns 0 when the bound underflows, and refuses bad arguments by name', () => {
    expect(suggestedInitScale([1e-300, 0], 1, 2, { gamma: 0.1, lr: 1e-300, m: 1 })).toBe(0);
    const X = [1, 0, 0, 1];
    expect(fieldOf(() => suggestedInitScale(X, 2, 2, { gamma: 1.5, lr: 1, m: 1 }))).toBe('gamma');
    expect(fieldOf(() => suggestedInitScale(X, 2, 2, { gamma: 0.5, lr: 0, m: 1 }))).toBe('lr');
    expect(fieldOf(() => suggestedInitScale(X, 2, 2, { gamma: 0.5, lr: 1, m: 0 }))).toBe('m');
    expect(fieldOf(() => suggestedInitScale(X, 2, 2, { gamma: 0.5, lr: 1, m: 1, margin: 2 }))).toBe('margin');
    expect(fieldOf(() => suggestedInitScale(X, 2, 2, { gamma: 0.5, lr: 1, m: 1, failureProbability: 0 }))).toBe('failureProbability');
    expect(fieldOf(() => suggestedInitScale([0, 0], 1, 2, { gamma: 0.5, lr: 1, m: 1 }))).toBe('X');
  });

  it('uses the upper end of dataOperatorNorm\'s bracket', () => {
    const { value, upper } = dataOperatorNorm(ds.X, 10, 30);
    expect(upper).toBeGreaterThan(value);
    expect(suggestedStepSize(ds.X, 10, 30)).toBe(10 / upper / upper);
  });
});

describe('the default step of `benign-check gen` (makeProblemFile without lr)', () => {
  // gen passes no lr and no a, so α = suggestedStepSize(X, n, d) whatever its m, γ and steps.
  const settings = { m: 8, gamma: 0.1, steps: 1000 };
  const shapes = [
    [10, 30, 0],
    [10, 30, 4],
    [20, 200, 1],
    [50, 20, 0],
    [4, 1000, 1],
  ] as const;

  it('passes the step-size hypothesis stepSizeCondition: α‖X‖_op²/n ≤ 1', () => {
    for (const kind of DATA_KINDS) {
      for (const [n, d, muNorm] of shapes) {
        if (kind === 'orthogonal' && (n > d || muNorm !== 0)) continue; // orthogonal data: d ≥ n, no mean
        const ds = generateDataset({ kind, n, d, muNorm, seed: `gen-alpha:${kind}:${n}:${d}:${muNorm}` });
        const problem = validateProblem(makeProblemFile(ds, settings));
        const check = stepSizeCondition(problem, problem.lr);
        expect(check.top.converged, `${kind} (${n}, ${d}, ${muNorm})`).toBe(true);
        expect(check.measured, `${kind} (${n}, ${d}, ${muNorm})`).toBeLessThanOrEqual(1);
        expect(check.holds).toBe(true);
        // …and on the safe side by no more than the power iteration's stated tolerance.
        expect(check.measured).toBeGreaterThanOrEqual(1 - 2 * POWER_ITERATION_REL_TOL);
      }
    }
  });
});
