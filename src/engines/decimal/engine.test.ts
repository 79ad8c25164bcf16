import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { InputError, NumericalError } from '../../errors.js';
import { validateProblem } from '../../problem/validate.js';
import { agreeingDigits } from './agreement.js';
import { makeDecimalContext, type DecimalContext } from './context.js';
import { gradient, logLoss, loss, lossDerivative, margins, preactivations, step } from './engine.js';
import { randomProblem } from './randomProblem.js';

function run(ctx: DecimalContext, steps: number): readonly Decimal[] {
  let W: readonly Decimal[] = ctx.W0;
  for (let t = 0; t < steps; t++) W = step(ctx, W);
  return W;
}

/**
 * Digits a 50-digit run may lose against a 90-digit run over 50 steps: ≤ 1 ulp per step from the
 * rounding of W, of the c_i and of the margins (whose error e^{−q} turns into a relative one), i.e.
 * ~50 ulp ≈ 2 digits, with the GD map's own amplification ‖I − α∇²L‖ ≈ 1 for these step sizes.
 */
const PRECISION_DIGIT_LOSS = 5;

/** Digits a handful of correctly rounded operations can lose (each ≤ ½ ulp): under one. */
const FEW_ROUNDINGS_DIGIT_LOSS = 1;

/**
 * Digits a central difference with step h = 1e-20 at 60 digits gets right: truncation O(h²) ≈ 1e-40
 * and rounding 1e-60/h = 1e-40, relative to an O(1) derivative: 40, less 5 for the constants.
 */
const CENTRAL_DIFFERENCE_DIGITS = 35;

describe('precision', () => {
  it(`a 50-digit run agrees with a 90-digit run to ≥ ${50 - PRECISION_DIGIT_LOSS} digits after 50 steps`, () => {
    const problem = randomProblem({ n: 6, d: 5, m: 4, seed: 'precision', lr: 1 });
    const lo = makeDecimalContext(problem, { digits: 50 });
    const hi = makeDecimalContext(problem, { digits: 90 });
    const Wlo = run(lo, 50);
    const Whi = run(hi, 50);
    expect(agreeingDigits(Wlo, Whi)).toBeGreaterThanOrEqual(50 - PRECISION_DIGIT_LOSS);
    expect(agreeingDigits([loss(lo, Wlo)], [loss(hi, Whi)])).toBeGreaterThanOrEqual(50 - PRECISION_DIGIT_LOSS);
  });
});

/** One point and neuron 0 orthogonal to it exactly: ⟨w_0, x_0⟩ = 0.5·0.25 − 0.25·0.5 = 0. */
function kinkProblem(gamma: number) {
  return validateProblem({ X: [[0.25, 0.5]], y: [1], gamma, W0: [[0.5, -0.25], [0.75, 0.125]], lr: 0.5, steps: 1 });
}

describe('φ′(0) = γ', () => {
  for (const arithmetic of ['fixed', 'plain'] as const) {
    it(`takes the γ branch at a pre-activation exactly 0 (${arithmetic})`, () => {
      const ctx = makeDecimalContext(kinkProblem(0.3), { arithmetic });
      const W = ctx.W0;
      expect(preactivations(ctx, W)[0]!.isZero()).toBe(true); // z for (i = 0, j = 0)
      // n = 1: ∇_{w_0} L = c_0 y_0 a_0 φ'(0) x_0, so the ratio below is φ'(0) (1 if the other branch were taken)
      const c = lossDerivative(ctx, W);
      const g = gradient(ctx, W);
      for (let k = 0; k < 2; k++) {
        const slope = g[k]!.div(c[0]!.times(ctx.y[0]!).times(ctx.a[0]!).times(ctx.X[k]!));
        expect(agreeingDigits([slope], [ctx.gamma])).toBeGreaterThanOrEqual(ctx.digits - FEW_ROUNDINGS_DIGIT_LOSS);
      }
    });
  }
});

describe('exact pre-activation signs', () => {
  it(`decides φ′ by the exact sign, also when a row of W spans more than the aligned range`, () => {
    const ctx = makeDecimalContext(kinkProblem(0.3)); // fixed arithmetic
    // w_0 = (0.5, −0.25 + 10^−6000): entries 6000 orders apart, so the row is summed term by term;
    // ⟨w_0, x_0⟩ = 0.5·0.25 + 0.5·(−0.25 + 10^−6000) = 5·10^−6001 exactly: positive, φ′ = 1, not γ.
    const W = [new ctx.D('0.5'), new ctx.D(`-0.24${'9'.repeat(5998)}`), ...ctx.W0.slice(2)];
    expect(preactivations(ctx, W)[0]!.eq('5e-6001')).toBe(true);
    const c = lossDerivative(ctx, W);
    const g = gradient(ctx, W);
    const slope = g[0]!.div(c[0]!.times(ctx.y[0]!).times(ctx.a[0]!).times(ctx.X[0]!));
    expect(agreeingDigits([slope], [new ctx.D(1)])).toBeGreaterThanOrEqual(ctx.digits - FEW_ROUNDINGS_DIGIT_LOSS);
    // the plain arithmetic rounds the product 0.5·w_01 to −0.125 and so sees z = 0 (γ branch)
    const plain = makeDecimalContext(kinkProblem(0.3), { arithmetic: 'plain' });
    expect(preactivations(plain, W)[0]!.isZero()).toBe(true);
  });
});

describe('gradient', () => {
  it('matches a central difference of the loss (an independent check of the formula)', () => {
    const problem = randomProblem({ n: 4, d: 3, m: 2, seed: 'fd', loss: 'logistic', initScale: 0.5 });
    const ctx = makeDecimalContext(problem, { digits: 60 });
    const { D } = ctx;
    const W = ctx.W0;
    const g = gradient(ctx, W);
    // direction V = (1, 2, 3, …)/10
    const V = W.map((_, k) => new D(k + 1).div(10));
    const h = new D('1e-20');
    const plus = loss(ctx, W.map((w, k) => w.plus(V[k]!.times(h))));
    const minus = loss(ctx, W.map((w, k) => w.minus(V[k]!.times(h))));
    const fd = plus.minus(minus).div(h.times(2));
    const exact = g.reduce((s, gk, k) => s.plus(gk.times(V[k]!)), new D(0));
    expect(agreeingDigits([fd], [exact])).toBeGreaterThanOrEqual(CENTRAL_DIFFERENCE_DIGITS);
  });
});

/**
 * Two points and two neurons with W = s·[[1, 0], [−1, 0]]: both margins equal s(1 + γ)/√2, so s sets
 * them exactly, beyond the range where e^{−q} is a decimal.js number.
 */
function rangeContext() {
  const problem = validateProblem({ X: [[1, 0.5], [-1, 0.25]], y: [1, -1], gamma: 0.1, m: 2, W0: [[1, 0], [-1, 0]], lr: 1, steps: 1 });
  const ctx = makeDecimalContext(problem);
  return { ctx, scaled: (s: string) => ctx.W0.map((w) => w.times(s)) };
}

describe('range', () => {
  it('keeps log L finite where L underflows decimal.js to 0', () => {
    const { ctx, scaled } = rangeContext();
    const W = scaled('1e17'); // margins ≈ 7.8e16: e^{−q} ≈ 10^{−3.4e16}, below decimal.js's 10^{−9e15}
    const q = margins(ctx, W)[0]!;
    expect(loss(ctx, W).isZero()).toBe(true);
    // both margins are equal, so log L = −q exactly
    expect(agreeingDigits([logLoss(ctx, W)], [q.neg()])).toBeGreaterThanOrEqual(ctx.digits - FEW_ROUNDINGS_DIGIT_LOSS);
  });

  it('throws NumericalError instead of returning an infinite loss or derivative', () => {
    const { ctx, scaled } = rangeContext();
    const W = scaled('-1e17'); // margins ≈ −7.8e16: e^{−q} overflows decimal.js
    expect(margins(ctx, W).every((q) => q.lt('-1e15'))).toBe(true);
    expect(() => loss(ctx, W)).toThrow(NumericalError);
    expect(() => lossDerivative(ctx, W)).toThrow(NumericalError);
    expect(() => step(ctx, W)).toThrow(NumericalError);
    expect(logLoss(ctx, W).isFinite()).toBe(true);
  });

  it('refuses a W of the wrong shape', () => {
    const { ctx } = rangeContext();
    expect(() => step(ctx, ctx.W0.slice(1))).toThrow(InputError);
  });
});
