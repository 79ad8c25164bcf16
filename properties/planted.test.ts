/**
 * Negative controls of the differential properties: the same comparisons, run against a float64 step
 * with a planted bug, must fail, and fast-check must find the failure within a few runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemFileArb } from '../src/data/index.js';
import { lossDerivativeAt, preactivations } from '../src/engines/float64/index.js';
import type { Problem } from '../src/problem/types.js';
import { validateProblem } from '../src/problem/validate.js';
import { lockstep, type Stepper } from './_support/differential.js';
import { derivedSeed } from './_support/seed.js';

/**
 * A plain GD step whose backward pass uses the slope `slope(γ)` for φ' on the negative side instead of
 * γ; the forward pass is correct. `slope = γ` gives the correct step.
 */
function backwardSlopeMutant(p: Problem, slope: number): Stepper {
  const { n, d, m, X, y, a, lr } = p;
  return {
    step(W) {
      const Z = preactivations(p, W);
      const next = Float64Array.from(W);
      for (let i = 0; i < n; i++) {
        let f = 0;
        for (let j = 0; j < m; j++) f += a[j]! * Math.max(Z[i * m + j]!, p.gamma * Z[i * m + j]!);
        const g = lossDerivativeAt(p.loss, y[i]! * f) * y[i]!;
        for (let j = 0; j < m; j++) {
          const c = (lr / n) * g * a[j]! * (Z[i * m + j]! > 0 ? 1 : slope);
          for (let k = 0; k < d; k++) next[j * d + k]! -= c * X[i * d + k]!;
        }
      }
      return next;
    },
  };
}

const small = problemFileArb({ data: { n: { min: 2, max: 6 }, d: { min: 1, max: 8 } }, training: { m: { min: 2, max: 5 } } });

describe('planted bugs are caught', () => {
  it('the same stepper with the correct slope passes (so a failure below is the planted bug)', () => {
    const result = fc.check(
      fc.property(small, ({ file }) => {
        const p = validateProblem(file);
        return lockstep(p, 5, { stepper: backwardSlopeMutant(p, p.gamma) }).worstRatio <= 1;
      }),
      { seed: derivedSeed('planted control'), numRuns: 20, reporter: () => {} },
    );
    expect(result.failed).toBe(false);
  });

  it.each([
    ['φ\' = 1.001·γ on the negative side', 1.001],
    ['φ\' = γ(1 + 2⁻³⁰) on the negative side', 1 + 2 ** -30],
  ])('a backward pass with %s fails the lockstep comparison', (_label, factor) => {
    const result = fc.check(
      fc.property(small, ({ file }) => {
        const p = validateProblem(file);
        return lockstep(p, 5, { stepper: backwardSlopeMutant(p, p.gamma * factor) }).worstRatio <= 1;
      }),
      { seed: derivedSeed(`planted ${factor}`), numRuns: 50, reporter: () => {} },
    );
    expect(result.failed).toBe(true);
    console.info(`planted bug (factor ${factor}) caught at run ${result.numRuns} of 50, shrunk ${result.numShrinks} times`);
  });
});
