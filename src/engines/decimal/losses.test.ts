import type { Decimal } from 'decimal.js';
import { thrown } from '../../_testing/refusal.js';
import { NumericalError } from '../../errors.js';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../data/rng.js';
import type { MarginLossName } from '../../problem/types.js';
import { log1p, logLossValue, logMeanLoss, lossDerivativeValue, lossValue } from './losses.js';
import { decimalConstructor } from './precision.js';

const D = decimalConstructor(30);
/** Reference precision: 60 digits more than D, so the references' own error is 10^−60 ulp of D. */
const R = decimalConstructor(90);

/** `x` rounded to D's precision, half to even. */
const toD = (x: Decimal): Decimal => new D(x).toSignificantDigits(D.precision);

/** Straightforward formulas at the reference precision (no cancellation matters at 90 digits for |u| ≤ 40). */
const reference = {
  loss: (kind: MarginLossName, u: Decimal) => (kind === 'exp' ? R.exp(new R(u).neg()) : R.ln(R.exp(new R(u).neg()).plus(1))),
  derivative: (kind: MarginLossName, u: Decimal) =>
    kind === 'exp' ? R.exp(new R(u).neg()).neg() : new R(-1).div(R.exp(new R(u)).plus(1)),
};

/**
 * Margins in (−40, 40) with 30 random digits (fixed seed). Every comparison below asserts equality with
 * the correctly rounded reference: the functions can round the other way only for values within
 * ~10^−9 ulp of a midpoint, so a mismatch on these 60 draws has probability ~6·10^−8.
 */
function margins(seed: string): Decimal[] {
  const rng = makeRng(seed);
  return Array.from({ length: 60 }, () => {
    let digits = '';
    for (let k = 0; k < 30; k++) digits += String(Math.floor(rng.uniform() * 10));
    return new D(`0.${digits}`).times(80).minus(40);
  });
}

describe('losses', () => {
  for (const kind of ['exp', 'logistic'] as MarginLossName[]) {
    it(`ℓ and ℓ′ are correctly rounded (${kind})`, () => {
      for (const u of margins(`losses-${kind}`)) {
        expect(lossValue(kind, u, D).eq(toD(reference.loss(kind, u))), `ℓ(${u})`).toBe(true);
        expect(lossDerivativeValue(kind, u, D).eq(toD(reference.derivative(kind, u))), `ℓ′(${u})`).toBe(true);
        expect(logLossValue(kind, u, D).eq(toD(R.ln(reference.loss(kind, u)))), `log ℓ(${u})`).toBe(true);
      }
    });
  }

  it('log1p keeps every digit of tiny arguments (series branch) and of moderate ones', () => {
    for (const t of ['1e-80', '3.3e-17', '0.5', '1']) {
      const big = decimalConstructor(300); // 1 + 1e-80 needs 80 + 30 digits to keep t's digits
      const want = toD(big.ln(new big(t).plus(1)));
      expect(toD(log1p(new D(t), D)).eq(want), t).toBe(true);
    }
  });

  it('logistic loss of a large margin keeps its digits; log ℓ = −u where ℓ underflows', () => {
    const wide = decimalConstructor(200); // 1 + e^{−200} ≈ 1 + 1.4e-87 keeps 110 digits of e^{−200}
    expect(lossValue('logistic', new D(200), D).eq(toD(wide.ln(wide.exp(-200).plus(1))))).toBe(true);
    const huge = new D('1e20');
    expect(lossValue('logistic', huge, D).isZero()).toBe(true);
    expect(logLossValue('logistic', huge, D).eq('-1e20')).toBe(true);
    expect(logLossValue('exp', huge, D).eq('-1e20')).toBe(true);
  });

  it('log L by log-sum-exp equals the direct log of the mean loss, and stays finite past underflow', () => {
    const q = margins('log-mean').slice(0, 7);
    for (const kind of ['exp', 'logistic'] as MarginLossName[]) {
      const mean = q.reduce((s, u) => s.plus(reference.loss(kind, u)), new R(0)).div(q.length);
      expect(logMeanLoss(kind, q, D).eq(toD(R.ln(mean))), kind).toBe(true);
    }
    const far = [new D('3e16'), new D('3e16').plus(1)]; // e^{−q} below 10^−9e15: L = 0 in decimal.js
    const want = new R('-3e16').plus(R.ln(new R(1).plus(R.exp(-1)).div(2)));
    expect(logMeanLoss('exp', far, D).eq(toD(want))).toBe(true);
  });

  it('log1p switches from ln(1 + t) to t − t²/2 below exponent −⌈P/2⌉ − 1, and keeps t far below 10^−P', () => {
    // At 30 digits the threshold is t < 10^−16. Both t below have 30 random digits, and in both the
    // truncated series t − t²/2 and ln(1 + t) = t − t²/2 + t³/3 − … round to different 30-digit numbers.
    const wide = decimalConstructor(200);
    const at = new D('6.36966187873715227881473239844e-16'); // exponent −16: ln(1 + t), correctly rounded
    expect(log1p(at, D).toString()).toBe(toD(wide.ln(new wide(at).plus(1))).toString());
    expect(log1p(at, D).toString()).toBe('6.36966187873715025018510992658e-16');
    const below = new wide('9.50405244406284842126404635852e-17'); // exponent −17: the series t − t²/2
    expect(log1p(new D(below), D).toString()).toBe(toD(below.minus(below.times(below).div(2))).toString());
    expect(log1p(new D(below), D).toString()).toBe('9.50405244406284796962898206103e-17');
    expect(toD(wide.ln(below.plus(1))).toString()).toBe('9.50405244406284796962898206104e-17');
    // 1 + t would need two billion digits; the series gives t (t²/2 is far below its last digit).
    expect(log1p(new D('1e-2000000000'), D).toString()).toBe('1e-2000000000');
    expect(log1p(new D(0), D).isZero()).toBe(true);
  });

  it('throws a NumericalError naming the loss or its derivative where e^{−u} overflows', () => {
    const u = new D('-3e16'); // e^{3e16} = 10^{1.3e16}, beyond decimal.js's 10^{9e15}
    for (const [f, quantity] of [
      [() => lossValue('exp', u, D), 'loss'],
      [() => lossDerivativeValue('exp', u, D), 'loss derivative'],
      [() => lossValue('logistic', new D(-Infinity), D), 'loss'],
    ] as const) {
      const e = thrown(f);
      expect(e).toBeInstanceOf(NumericalError);
      expect((e as NumericalError).quantity).toBe(quantity);
      expect((e as NumericalError).message).toContain('not finite at margin u = -');
    }
  });

  it('logistic ℓ′ is −1 at a margin so negative that e^{−u} overflows', () => {
    // ℓ'(u) = −1/(1 + e^u) and e^{−10^17} is 0 in decimal.js.
    expect(lossDerivativeValue('logistic', new D('-1e17'), D).toString()).toBe('-1');
  });

  it('log L takes the largest log ℓ(q_i) as its pivot, wherever it sits', () => {
    // ℓ(0) = 1 and ℓ(3e16) = e^{−3e16} (below decimal.js's range): L = (1 + e^{−3e16})/2, log L = −ln 2.
    const minusLn2 = toD(R.ln(2).neg()).toString();
    expect(logMeanLoss('exp', [new D(0), new D('3e16')], D).toString()).toBe(minusLn2);
    expect(logMeanLoss('exp', [new D('3e16'), new D(0)], D).toString()).toBe(minusLn2);
  });
});
