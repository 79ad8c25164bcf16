import type { Decimal } from 'decimal.js';
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
});
