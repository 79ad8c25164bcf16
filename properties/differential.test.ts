/**
 * Differential properties of the two engines (float64 vs decimal, docs/theory.md §1).
 * Negative controls: `planted.test.ts` reruns these comparisons against engines with a planted bug.
 */
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { generateDataset, problemFileArb } from '../src/data/index.js';
import { trainDecimal } from '../src/engines/decimal/index.js';
import { trainFloat64 } from '../src/engines/float64/index.js';
import { validateProblem } from '../src/problem/validate.js';
import { squareProblemArb } from '../src/engines/float64/_testing/squareProblems.js';
import { gradientVersusFiniteDifference, lockstep } from './_support/differential.js';
import { squareGradientVersusFiniteDifference, squareLockstep } from './_support/square.js';
import { runs } from './_support/seed.js';

/** Small problems: the decimal engine redoes every step. */
const small = problemFileArb({
  data: { n: { min: 1, max: 6 }, d: { min: 1, max: 8 } },
  training: { m: { min: 1, max: 5 } },
});

describe('float64 and decimal engines', () => {
  test.prop([small, fc.integer({ min: 1, max: 12 })], { numRuns: runs(40) })(
    'agree step by step within the rounding-error model (kink steps reported)',
    ({ file }, T) => {
      const report = lockstep(validateProblem(file), T);
      if (report.kinkSteps.length > 0) {
        console.info(`kink-ambiguous steps (excluded from the bound, listed here): ${report.kinkSteps.join(', ')}`);
      }
      expect(report.worstRatio).toBeLessThanOrEqual(1);
      expect(report.worstLossRatio).toBeLessThanOrEqual(1);
    },
  );

  test.prop([small], { numRuns: runs(30) })(
    'the float64 gradient matches a central difference of the decimal loss away from kinks',
    ({ file }) => {
      const p = validateProblem(file);
      // Start from W(1): away from the tiny init, so the difference is not dominated by kinks.
      const W = trainFloat64(p, { steps: 1, checkpoints: [1], recordW: true }).W as Float64Array;
      const { ratio } = gradientVersusFiniteDifference(p, Float64Array.from(W));
      expect(ratio).toBeLessThanOrEqual(1);
    },
  );
});

describe('reproducibility', () => {
  test.prop([small], { numRuns: runs(15) })('the same descriptor and seed give bit-identical data and trajectories', ({ descriptor, file }) => {
    const a = generateDataset(descriptor);
    const b = generateDataset(descriptor);
    expect(Buffer.from(a.X.buffer).equals(Buffer.from(b.X.buffer))).toBe(true);
    expect(Buffer.from(a.y.buffer).equals(Buffer.from(b.y.buffer))).toBe(true);
    const p = validateProblem(file);
    for (const formulation of ['primal', 'dual'] as const) {
      const r1 = trainFloat64(p, { steps: 50, formulation });
      const r2 = trainFloat64(validateProblem(JSON.parse(JSON.stringify(file))), { steps: 50, formulation });
      expect(Buffer.from((r1.W as Float64Array).buffer).equals(Buffer.from((r2.W as Float64Array).buffer))).toBe(true);
      expect(r1.checkpoints).toEqual(r2.checkpoints);
    }
    const d1 = trainDecimal(p, { steps: 3, digits: 30 });
    const d2 = trainDecimal(p, { steps: 3, digits: 30 });
    expect((d1.W as readonly unknown[]).map(String)).toEqual((d2.W as readonly unknown[]).map(String));
  });
});

/** Square-loss problems with real targets, both layer schemes (docs/theory.md §11). */
const squareSmall = squareProblemArb();

describe('float64 and decimal engines on the square loss (docs/theory.md §11)', () => {
  test.prop([squareSmall, fc.integer({ min: 1, max: 10 })], { numRuns: runs(25) })(
    'agree step by step on (W, a) within the rounding-error model (kink steps reported)',
    (file, T) => {
      const report = squareLockstep(validateProblem(file), T);
      if (report.kinkSteps.length > 0) console.info(`kink-ambiguous steps (excluded, listed): ${report.kinkSteps.join(', ')}`);
      expect(report.worstRatio).toBeLessThanOrEqual(1);
      expect(report.worstLossRatio).toBeLessThanOrEqual(1);
    },
  );

  test.prop([squareSmall], { numRuns: runs(20) })(
    'the float64 gradient in (W, a) matches a central difference of the decimal square loss away from kinks',
    (file) => {
      const p = validateProblem(file);
      const run = trainFloat64(p, { steps: 1, checkpoints: [1], recordW: true });
      const c = run.checkpoints[0]!;
      const { ratio } = squareGradientVersusFiniteDifference(p, { W: Float64Array.from(c.W as Float64Array), a: Float64Array.from((c.a as Float64Array | undefined) ?? p.a) });
      expect(ratio).toBeLessThanOrEqual(1);
    },
  );
});
