/**
 * Negative controls of the differential properties: the same comparisons, run against a float64 step
 * with a planted bug, must fail, and fast-check must find the failure within a few runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemFileArb } from '../src/data/index.js';
import { lossDerivativeAt, preactivations } from '../src/engines/float64/index.js';
import { marginLoss } from '../src/problem/marginLoss.js';
import type { Problem } from '../src/problem/types.js';
import { validateProblem } from '../src/problem/validate.js';
import { squareProblemArb } from '../src/engines/float64/_testing/squareProblems.js';
import { trainWithDefect, type EngineDefect } from '../src/faults/index.js';
import { lockstep, type Stepper } from './_support/differential.js';
import { squareLockstep, type SquareStepper } from './_support/square.js';
import { derivedSeed } from './_support/seed.js';

/**
 * A plain GD step whose backward pass uses the slope `slope(γ)` for φ' on the negative side instead of
 * γ; the forward pass is correct. `slope = γ` gives the correct step. Like the engines, it sums the
 * update Σ_i c_ji x_i over the points before adding it to W, the order the error model bounds: a running
 * `w −= c_ji x_i` rounds W itself n times, up to n·u·|w|, which the model (one rounding of W) does not
 * cover and which exceeded it on a draw with a tiny update.
 */
function backwardSlopeMutant(p: Problem, slope: number): Stepper {
  const { n, d, m, X, y, a, lr } = p;
  return {
    step(W) {
      const Z = preactivations(p, W);
      const update = new Float64Array(m * d);
      for (let i = 0; i < n; i++) {
        let f = 0;
        for (let j = 0; j < m; j++) f += a[j]! * Math.max(Z[i * m + j]!, p.gamma * Z[i * m + j]!);
        const g = lossDerivativeAt(marginLoss(p.loss), y[i]! * f) * y[i]!;
        for (let j = 0; j < m; j++) {
          const c = (lr / n) * g * a[j]! * (Z[i * m + j]! > 0 ? 1 : slope);
          for (let k = 0; k < d; k++) update[j * d + k]! += c * X[i * d + k]!;
        }
      }
      return W.map((w, k) => w - update[k]!);
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

/**
 * A square-loss step (docs/theory.md §11) by the faulty descent of src/faults with one defect, from the
 * state handed in: the empty defect is correct GD on `(W, a)`.
 */
function squareDefectStepper(p: Problem, defect: EngineDefect): SquareStepper {
  return {
    step(state) {
      const [, after] = trainWithDefect({ ...p, W0: state.W, a: state.a }, [0, 1], defect);
      return { W: after!.W, a: after!.a ?? state.a };
    },
  };
}

const squareSmall = squareProblemArb({ n: [2, 6], m: [2, 5] });

describe('planted square-loss bugs are caught', () => {
  it('the faulty descent with no defect passes (so a failure below is the planted bug)', () => {
    const result = fc.check(
      fc.property(squareSmall, (file) => squareLockstep(validateProblem(file), 4, squareDefectStepper(validateProblem(file), {})).worstRatio <= 1),
      { seed: derivedSeed('planted square control'), numRuns: 15, reporter: () => {} },
    );
    expect(result.failed).toBe(false);
  });

  it.each([
    ['residuals scaled by 1 + 2⁻³⁰', { residualScale: 1 + 2 ** -30 } satisfies EngineDefect],
    ['the W update reading a(t + 1)', { sequentialLayers: true } satisfies EngineDefect],
    ['a frozen', { frozenSecondLayer: true } satisfies EngineDefect],
  ])('a square-loss step with %s fails the lockstep comparison', (label, defect) => {
    const result = fc.check(
      fc.property(squareSmall, (file) => {
        const p = validateProblem({ ...file, trainSecondLayer: true });
        return squareLockstep(p, 4, squareDefectStepper(p, defect)).worstRatio <= 1;
      }),
      { seed: derivedSeed(`planted square ${label}`), numRuns: 30, reporter: () => {} },
    );
    expect(result.failed).toBe(true);
    console.info(`planted square bug (${label}) caught at run ${result.numRuns} of 30`);
  });
});
