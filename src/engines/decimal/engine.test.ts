import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { InputError, NumericalError } from '../../errors.js';
import { refusal, thrown } from '../../_testing/refusal.js';
import { validateProblem } from '../../problem/validate.js';
import { agreeingDigits } from './agreement.js';
import { makeDecimalContext, type DecimalContext } from './context.js';
import { descent, gradient, logLoss, loss, lossDerivative, margins, normW, preactivations, step } from './engine.js';
import { decimalConstructor } from './precision.js';
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

/**
 * Margins exactly 0 with every pre-activation sign present: γ = 0.25, a = (0.5, 0.5, 1), x_2 = 2·x_1,
 *   w_1 = (1, 0):  z = 1, 2 (φ = z)          w_2 = (0, −2): z = −4, −8 (φ = γz = −1, −2)
 *   w_3 = (2, −1): z = 0, 0 (φ = 0, φ′ = γ)
 * so f(x_i) = 0.5·φ(z_1i) + 0.5·φ(z_2i) + 0 = 0 at both points, and ℓ′(0) is −1 (exp) or −½ (logistic).
 * Then ∇_{w_j} L = (1/n) Σ_i ℓ′(0) y_i a_j φ′_j x_i = ½·ℓ′(0)·a_j·φ′_j·(y_1 x_1 + y_2 x_2), with
 * y_1 x_1 + y_2 x_2 = −(1, 2) + (2, 4) = (1, 2); every number is a short dyadic, so both arithmetics are exact.
 */
const zeroMargins = (loss: 'exp' | 'logistic') =>
  validateProblem({ X: [[1, 2], [2, 4]], y: [-1, 1], gamma: 0.25, a: [0.5, 0.5, 1], W0: [[1, 0], [0, -2], [2, -1]], loss, lr: 0.5, steps: 1 });

/** ∇L by hand: ½·ℓ′(0)·a_j·φ′_j·(1, 2) with a_j·φ′_j = 0.5, 0.125, 0.25. */
const handGradient = { exp: ['-0.25', '-0.5', '-0.0625', '-0.125', '-0.125', '-0.25'], logistic: ['-0.125', '-0.25', '-0.03125', '-0.0625', '-0.0625', '-0.125'] };
/** W − 0.5·∇L. */
const handStep = { exp: ['1.125', '0.25', '0.03125', '-1.9375', '2.0625', '-0.875'], logistic: ['1.0625', '0.125', '0.015625', '-1.96875', '2.03125', '-0.9375'] };

describe('one step by hand at zero margins', () => {
  for (const arithmetic of ['fixed', 'plain'] as const) {
    for (const lossName of ['exp', 'logistic'] as const) {
      it(`gives the closed-form pre-activations, margins, ℓ′, gradient and step (${lossName}, ${arithmetic})`, () => {
        const ctx = makeDecimalContext(zeroMargins(lossName), { digits: 20, arithmetic });
        const W = ctx.W0;
        // n×m row-major: point 1 then point 2
        expect(preactivations(ctx, W).map(String)).toEqual(['1', '-4', '0', '2', '-8', '0']);
        expect(margins(ctx, W).every((q) => q.isZero())).toBe(true);
        expect(lossDerivative(ctx, W).map(String)).toEqual(lossName === 'exp' ? ['-1', '-1'] : ['-0.5', '-0.5']);
        expect(gradient(ctx, W).map(String)).toEqual(handGradient[lossName]);
        expect(step(ctx, W).map(String)).toEqual(handStep[lossName]);
        const gd = descent(ctx);
        expect(gd.t).toBe(0);
        gd.advance();
        expect(gd.t).toBe(1);
        expect(gd.weights().map(String)).toEqual(handStep[lossName]);
      });

      it(`gives ℓ(0), its log and ‖W‖_F = √10 (${lossName}, ${arithmetic})`, () => {
        const ctx = makeDecimalContext(zeroMargins(lossName), { digits: 20, arithmetic });
        const D = decimalConstructor(20);
        const ln2 = D.ln(2);
        // L = mean of ℓ(0): 1 (exp) or ln 2 (logistic)
        const L = loss(ctx, ctx.W0);
        if (lossName === 'exp') expect(L.toString()).toBe('1');
        // fixed: the exact mean of the ℓ(q_i), rounded once; plain: (ℓ + ℓ)/2 with two roundings
        else if (arithmetic === 'fixed') expect(L.eq(ln2)).toBe(true);
        else expect(agreeingDigits([L], [ln2])).toBeGreaterThanOrEqual(ctx.digits - FEW_ROUNDINGS_DIGIT_LOSS);
        const wide = decimalConstructor(40);
        const logL = logLoss(ctx, ctx.W0);
        if (lossName === 'exp') expect(logL.isZero()).toBe(true);
        else expect(agreeingDigits([logL], [wide.ln(wide.ln(2))])).toBeGreaterThanOrEqual(ctx.digits - FEW_ROUNDINGS_DIGIT_LOSS);
        // 1 + 0 + 0 + 4 + 4 + 1 = 10
        expect(normW(ctx, ctx.W0).eq(D.sqrt(10))).toBe(true);
      });
    }
  }

  it('reads W of any precision exactly, and refuses a W of the wrong shape from every function', () => {
    const ctx = makeDecimalContext(zeroMargins('exp'), { digits: 20 });
    const wide = decimalConstructor(60);
    const W = ctx.W0.map((w) => new wide(w));
    expect(step(ctx, W).map(String)).toEqual(handStep.exp);
    // decimal.js clones share one prototype, so `instanceof` cannot tell the constructor: compare it.
    expect(step(ctx, W).every((w) => w.constructor === ctx.D)).toBe(true);
    // plain: every operation rounds to the context's 20 digits, not to the 60 of W's own constructor
    const plain = makeDecimalContext(zeroMargins('exp'), { digits: 20, arithmetic: 'plain' });
    const long = [`1.${'0'.repeat(30)}1`, '0', '0', '-2', '2', '-1'].map((v) => new wide(v));
    const next = step(plain, long);
    // w_00 − α·g_00 = 1.000…01 + 0.125, to 20 digits
    expect(next[0]!.toString()).toBe('1.125');
    for (const w of next) expect(w.constructor === plain.D).toBe(true);
    const short = ctx.W0.slice(1);
    for (const f of [preactivations, margins, loss, logLoss, lossDerivative, gradient, step, normW, descent]) {
      expect(refusal(() => f(ctx, short)).field).toBe('W');
    }
  });

  it('leaves the given W untouched and hands out fresh arrays of the iterate', () => {
    for (const arithmetic of ['fixed', 'plain'] as const) {
      const ctx = makeDecimalContext(zeroMargins('exp'), { digits: 20, arithmetic });
      const W = ctx.W0.slice();
      step(ctx, W);
      expect(W.map(String)).toEqual(['1', '0', '0', '-2', '2', '-1']);
      const gd = descent(ctx, W);
      const first = gd.weights();
      first[0] = new ctx.D(99);
      expect(gd.weights().map(String)).toEqual(['1', '0', '0', '-2', '2', '-1']);
      gd.advance();
      gd.advance();
      expect(gd.t).toBe(2);
      expect(gd.weights().map(String)).toEqual(step(ctx, step(ctx, W)).map(String));
    }
  });

  it('names the entry of W that leaves the finite range', () => {
    // x = (0, 1), one neuron, γ = 0.5: w_0 gets no gradient; z = w_1 with q = γ·w_1 = −(9e15 − 100)·ln 10,
    // so ℓ′(q) = −10^(9e15 − 100) is still a decimal.js number but α·½·ℓ′ with α = 1e300 is not.
    const p = validateProblem({ X: [[0, 1]], y: [1], gamma: 0.5, a: [1], W0: [[5, -1]], lr: 1e300, steps: 1 });
    for (const arithmetic of ['fixed', 'plain'] as const) {
      const ctx = makeDecimalContext(p, { digits: 20, arithmetic });
      const G = decimalConstructor(40);
      const w1 = G.ln(10).times('-8999999999999900').times(2);
      const W = [new ctx.D(5), w1];
      expect(lossDerivative(ctx, W)[0]!.isFinite()).toBe(true);
      for (const f of [() => step(ctx, W), () => descent(ctx, W).advance()]) {
        const e = thrown(f);
        expect(e).toBeInstanceOf(NumericalError);
        expect((e as NumericalError).quantity).toBe('W[1]');
      }
      // plain: w_1 − α·g_1 with α·g_1 beyond decimal.js's range below is +Infinity
      if (arithmetic === 'plain') expect((thrown(() => step(ctx, W)) as Error).message).toBe('W[1]: the GD step left the finite range (Infinity)');
    }
  });

  it('throws when the plain sum of the losses overflows, which the exact mean of the fixed arithmetic avoids', () => {
    // Two points with margin q = −ln(6·10^9e15): each ℓ = e^{−q} = 6·10^9e15 is a decimal.js number, their
    // sum 1.2·10^(9e15+1) is not; the mean is again 6·10^9e15.
    const p = validateProblem({ X: [[1], [1]], y: [1, 1], gamma: 0.5, a: [1], W0: [[-1]], lr: 1, steps: 1 });
    const G = decimalConstructor(40);
    const q = G.ln(6).plus(G.ln(10).times('9e15')).neg();
    const W = [q.times(2)]; // q = γ·w for w < 0
    const plain = makeDecimalContext(p, { digits: 20, arithmetic: 'plain' });
    const e = thrown(() => loss(plain, W));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('loss');
    expect((e as NumericalError).message).toBe('loss: L(W) = Infinity is not finite');
    const fixed = makeDecimalContext(p, { digits: 20 });
    // q carries 20 digits (an absolute error ~10^−4), so ℓ is 6·10^9e15 to about 4 digits.
    expect(agreeingDigits([loss(fixed, W)], [new G('6e9000000000000000')])).toBeGreaterThanOrEqual(3);
  });

  it('rounds Σw² to digits + 10 before the square root (fixed), every operation to digits (plain)', () => {
    // W = (3, 4 + η), η = 6.25·10^−20: Σw² = 25 + 5·10^−19 + η².
    // fixed: 25.0000000000000000005 at 30 digits (η² dropped), whose root 5 + 5·10^−20 − 2.5·10^−40 is
    //   just below the midpoint of 5 and 5.0000000000000000001: 5.
    // plain: (4 + η)² = 16.0000000000000000005 + η² rounds up to 16.000000000000000001, the sum to
    //   25.000000000000000001, whose root rounds to 5.0000000000000000001.
    const W = (ctx: DecimalContext) => [new ctx.D(3), new ctx.D('4.0000000000000000000625')];
    const p = validateProblem({ X: [[1, 0]], y: [1], gamma: 0.5, a: [1], W0: [[1, 1]], lr: 1, steps: 1 });
    const fixed = makeDecimalContext(p, { digits: 20 });
    const plain = makeDecimalContext(p, { digits: 20, arithmetic: 'plain' });
    expect(normW(fixed, W(fixed)).toString()).toBe('5');
    expect(normW(plain, W(plain)).toString()).toBe('5.0000000000000000001');
  });

  it('takes φ′(0) = γ also for a zero pre-activation summed term by term (a row spanning > 5000 orders)', () => {
    // w_0 = (1, −1, 10^−6000) and x = (1, 1, 0): z = 1 − 1 + 0 = 0 exactly; the row does not align.
    const p = validateProblem({ X: [[1, 1, 0]], y: [1], gamma: 0.3, a: [1, -1], W0: [[1, -1, 1], [0.5, 0.25, 0]], lr: 0.5, steps: 1 });
    const ctx = makeDecimalContext(p);
    const W = [new ctx.D(1), new ctx.D(-1), new ctx.D('1e-6000'), ...ctx.W0.slice(3)];
    expect(preactivations(ctx, W)[0]!.isZero()).toBe(true);
    const c = lossDerivative(ctx, W);
    const g = gradient(ctx, W);
    // ∇_{w_00} L = c_0 y_0 a_0 φ′(0) x_00 with y_0 = a_0 = x_00 = 1
    expect(agreeingDigits([g[0]!.div(c[0]!)], [ctx.gamma])).toBeGreaterThanOrEqual(ctx.digits - FEW_ROUNDINGS_DIGIT_LOSS);
  });
});

describe('the two arithmetics on a sum that cancels', () => {
  // One point x = (1, 1, 1), y = 1, a = 1, γ = 0.5, α = 0.5, exp loss, and W = (10^30, 1, −10^30):
  // ⟨w, x⟩ = 10^30 + 1 − 10^30 = 1 exactly (fixed), whereas at 20 digits 10^30 + 1 rounds to 10^30 and
  // the plain sum is 0. So fixed sees q = 1, φ′ = 1, ℓ′ = −e^−1; plain sees q = 0, φ′ = γ, ℓ′ = −1.
  const p = validateProblem({ X: [[1, 1, 1]], y: [1], gamma: 0.5, a: [1], W0: [[1, 1, 1]], lr: 0.5, steps: 1 });
  const W = (ctx: DecimalContext) => ['1e30', '1', '-1e30'].map((v) => new ctx.D(v));

  it('gives the exact margin 1 and its loss, ℓ′, gradient and step in the fixed arithmetic', () => {
    const ctx = makeDecimalContext(p, { digits: 20 });
    const { D } = ctx;
    const eInv = D.exp(-1); // correctly rounded to 20 digits
    expect(margins(ctx, W(ctx)).map(String)).toEqual(['1']);
    expect(loss(ctx, W(ctx)).eq(eInv)).toBe(true);
    expect(logLoss(ctx, W(ctx)).eq(-1)).toBe(true);
    expect(lossDerivative(ctx, W(ctx))[0]!.eq(eInv.neg())).toBe(true);
    // ∇L = ℓ′(1)·φ′·x = −e^−1·(1, 1, 1); the step adds α·e^−1 = e^−1/2 to each entry, invisible next to 10^30
    expect(gradient(ctx, W(ctx)).every((g) => g.eq(eInv.neg()))).toBe(true);
    const wide = decimalConstructor(40);
    const middle = new D(wide.exp(-1).div(2).plus(1)).toSD(20); // 1 + e^−1/2, rounded once to 20 digits
    expect(step(ctx, W(ctx)).map(String)).toEqual(['1e+30', middle.toString(), '-1e+30']);
  });

  it('gives margin 0 and its loss, ℓ′, gradient and step in the plain arithmetic', () => {
    const ctx = makeDecimalContext(p, { digits: 20, arithmetic: 'plain' });
    expect(margins(ctx, W(ctx)).map(String)).toEqual(['0']);
    expect(loss(ctx, W(ctx)).toString()).toBe('1');
    expect(logLoss(ctx, W(ctx)).isZero()).toBe(true);
    expect(lossDerivative(ctx, W(ctx)).map(String)).toEqual(['-1']);
    // ∇L = ℓ′(0)·φ′(0)·x = −1·γ·(1, 1, 1); the step adds α·γ = 0.25 to each entry
    expect(gradient(ctx, W(ctx)).map(String)).toEqual(['-0.5', '-0.5', '-0.5']);
    expect(step(ctx, W(ctx)).map(String)).toEqual(['1e+30', '1.25', '-1e+30']);
  });
});
