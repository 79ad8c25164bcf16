import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { LossName } from '../../problem/types.js';
import { agreeingDigits } from './agreement.js';
import { makeDecimalContext, type DecimalContext } from './context.js';
import { gradient, logLoss, loss, margins, normW, preactivations, step } from './engine.js';
import { randomProblem } from './randomProblem.js';

function run(ctx: DecimalContext, steps: number): readonly Decimal[] {
  let W: readonly Decimal[] = ctx.W0;
  for (let t = 0; t < steps; t++) W = step(ctx, W);
  return W;
}

/**
 * Digits the fixed and plain arithmetics may disagree by after 20 steps: plain rounds every operation
 * (a d-term dot product accumulates up to ~d/2 ulp), so the two differ by a few ulp per step, adding
 * over 20 steps to ~10^2 ulp at worst: 3 digits.
 */
const ARITHMETIC_DIGIT_LOSS = 3;

describe('fixed and plain arithmetic', () => {
  const digits = 30;
  for (const lossName of ['exp', 'logistic'] as LossName[]) {
    for (const seed of [1, 2]) {
      it(`agree to ≥ digits − ${ARITHMETIC_DIGIT_LOSS} over 20 steps (${lossName}, seed ${seed})`, () => {
        const problem = randomProblem({ n: 5, d: 4, m: 4, seed, loss: lossName, lr: 0.8 });
        const fixed = makeDecimalContext(problem, { digits, arithmetic: 'fixed' });
        const plain = makeDecimalContext(problem, { digits, arithmetic: 'plain' });
        const Wf = run(fixed, 20);
        const Wp = run(plain, 20);
        const want = digits - ARITHMETIC_DIGIT_LOSS;
        expect(agreeingDigits(Wf, Wp)).toBeGreaterThanOrEqual(want);
        expect(agreeingDigits([loss(fixed, Wf)], [loss(plain, Wp)])).toBeGreaterThanOrEqual(want);
        expect(agreeingDigits([logLoss(fixed, Wf)], [logLoss(plain, Wp)])).toBeGreaterThanOrEqual(want);
        expect(agreeingDigits(margins(fixed, Wf), margins(plain, Wp))).toBeGreaterThanOrEqual(want);
        expect(agreeingDigits(gradient(fixed, Wf), gradient(plain, Wp))).toBeGreaterThanOrEqual(want);
        expect(agreeingDigits(preactivations(fixed, Wf), preactivations(plain, Wp))).toBeGreaterThanOrEqual(want);
        expect(agreeingDigits([normW(fixed, Wf)], [normW(plain, Wp)])).toBeGreaterThanOrEqual(want);
      });
    }
  }
});
