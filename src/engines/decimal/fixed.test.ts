import { describe, expect, it } from 'vitest';
import { thrown } from '../../_testing/refusal.js';
import { NumericalError } from '../../errors.js';
import { validateProblem } from '../../problem/validate.js';
import { makeDecimalContext } from './context.js';
import { gradientFixed, preactivationsFixed, stepFixed } from './fixed.js';
import { decimalConstructor } from './precision.js';

const D = decimalConstructor(30);
/** Reference precision for e^{−20000}: its 30 leading digits need nothing beyond 60. */
const R = decimalConstructor(60);

describe('fixed arithmetic: rows whose exact sums span more than the aligned range', () => {
  it('computes each pre-activation of a row spanning 6000 orders of magnitude from its own data point', () => {
    // w = (1, 10^−6000): z_i = x_i1 + 10^−6000·x_i2 rounds to x_i1 at 30 digits.
    const problem = validateProblem({ X: [[1, 2], [3, 4], [-5, 6]], y: [1, 1, -1], W0: [[1, 0]], a: [1], gamma: 0.5, loss: 'exp', lr: 1, steps: 1 });
    const ctx = makeDecimalContext(problem, { digits: 30, arithmetic: 'fixed' });
    const z = preactivationsFixed(ctx, [new D(1), new D('1e-6000')]);
    expect(z.map(String)).toEqual(['1', '3', '-5']);
  });

  it('computes the gradient when the loss derivatives span more than the aligned range', () => {
    // z_1 = 0 and z_2 = 20000: c_1 = ℓ'(0) = −1 with φ'(0) = γ, c_2 = −e^{−20000} ≈ −10^−8686 with φ' = 1.
    // ∇_w L = (1/2)(c_1 γ x_1 + c_2 x_2): entry 1 is 10000·c_2 exactly, entry 2 rounds to −γ/2 = −0.125.
    const problem = validateProblem({ X: [[0, 1], [20000, 2]], y: [1, 1], W0: [[1, 0]], a: [1], gamma: 0.25, loss: 'exp', lr: 1, steps: 1 });
    const ctx = makeDecimalContext(problem, { digits: 30, arithmetic: 'fixed' });
    const c2 = R.exp(-20000).neg().toSignificantDigits(30);
    const g = gradientFixed(ctx, [new D(1), new D(0)]);
    expect(g.map(String)).toEqual([c2.times(10000).toString(), '-0.125']);
    // One step with α = 1: w − ∇L, each entry rounded once.
    const w = stepFixed(ctx, [new D(1), new D(0)]);
    expect(w.map(String)).toEqual([new R(1).minus(c2.times(10000)).toSignificantDigits(30).toString(), '0.125']);
  });
});

describe('fixed arithmetic: signs and refusals', () => {
  it('takes φ′ = 1 for a positive pre-activation below decimal.js\'s smallest number', () => {
    // z = 10^−9e15 · 0.5 is exactly positive, so φ'(z) = 1, though it rounds to 0. The margin rounds to
    // 0, c = ℓ'(0) = −1, and ∇L = a·c·y·φ'(z)·x = −0.5 (with φ' = γ it would be −0.125).
    const problem = validateProblem({ X: [[0.5]], y: [1], W0: [[1]], a: [1], gamma: 0.25, loss: 'exp', lr: 1, steps: 1 });
    const ctx = makeDecimalContext(problem, { digits: 30, arithmetic: 'fixed' });
    const W = [new D('1e-9000000000000000')];
    expect(preactivationsFixed(ctx, W)[0]!.isZero()).toBe(true);
    expect(gradientFixed(ctx, W).map(String)).toEqual(['-0.5']);
  });

  it('names the non-finite weight entry it refuses', () => {
    const problem = validateProblem({ X: [[1, 2]], y: [1], W0: [[1, 0]], a: [1], gamma: 0.5, loss: 'exp', lr: 1, steps: 1 });
    const ctx = makeDecimalContext(problem, { digits: 30, arithmetic: 'fixed' });
    const e = thrown(() => preactivationsFixed(ctx, [new D(1), new D(NaN)]));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('W[1]');
  });
});
