import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { logLossAt, logMeanLoss, lossAt, lossDerivativeAt, meanLoss } from './loss.js';

/**
 * Against the naive formulas at moderate margins: `log(1 + e^{−q})` computed naively loses
 * `u/ℓ(q) ≤ 2e-14` relative at |q| ≤ 5 (ℓ(5) ≈ 6.7e-3), so 1e-13 bounds both sides.
 */
const NAIVE_REL_TOL = 1e-13;

/**
 * A mean recovered as `exp(log L)` with `log L ≈ 710`: the absolute rounding of `log L` (a few ulps
 * of 710, ≈ 4·u·710 ≈ 3e-13) becomes a relative error of `exp`; 1e-12 bounds it.
 */
const LOG_DOMAIN_REL_TOL = 1e-12;

const moderate = [-5, -1.5, -0.3, 0, 0.7, 2, 5];

function relErr(x: number, ref: number): number {
  return Math.abs(x - ref) / Math.abs(ref);
}

describe('scalar losses (docs/theory.md §1)', () => {
  it('match the naive formulas at moderate margins', () => {
    for (const q of moderate) {
      expect(relErr(lossAt('exp', q), Math.exp(-q))).toBeLessThanOrEqual(NAIVE_REL_TOL);
      expect(relErr(lossDerivativeAt('exp', q), -Math.exp(-q))).toBeLessThanOrEqual(NAIVE_REL_TOL);
      expect(relErr(lossAt('logistic', q), Math.log(1 + Math.exp(-q)))).toBeLessThanOrEqual(NAIVE_REL_TOL);
      expect(relErr(lossDerivativeAt('logistic', q), -1 / (1 + Math.exp(q)))).toBeLessThanOrEqual(NAIVE_REL_TOL);
      expect(relErr(logLossAt('logistic', q), Math.log(Math.log(1 + Math.exp(-q))))).toBeLessThanOrEqual(NAIVE_REL_TOL);
      expect(logLossAt('exp', q)).toBe(-q);
    }
  });

  it('stay finite and NaN-free at margins ±1000 and ±1e6, overflowing only where ℓ itself does', () => {
    for (const q of [-1e6, -1000, 1000, 1e6]) {
      for (const loss of ['exp', 'logistic'] as const) {
        expect(Number.isNaN(lossAt(loss, q))).toBe(false);
        expect(Number.isNaN(lossDerivativeAt(loss, q))).toBe(false);
        expect(Number.isFinite(logLossAt(loss, q))).toBe(true);
      }
      expect(lossDerivativeAt('logistic', q)).toBeGreaterThanOrEqual(-1);
      expect(lossDerivativeAt('logistic', q)).toBeLessThanOrEqual(0);
      expect(Number.isFinite(lossAt('logistic', q))).toBe(true);
    }
    expect(lossDerivativeAt('exp', -1000)).toBe(-Infinity);
    expect(lossAt('exp', 1000)).toBe(0);
    expect(lossDerivativeAt('logistic', -1e6)).toBe(-1);
    expect(lossAt('logistic', -1e6)).toBe(1e6);
  });

  it('give log ℓ of the logistic loss as −q + log(log1p(t)/t), tending to −q as t = e^{−q} underflows', () => {
    // At q = 40, log(log1p(t)/t) = −t/2 + O(t²) ≈ −2e-18: below half an ulp of 40.
    expect(logLossAt('logistic', 40)).toBe(-40);
    expect(logLossAt('logistic', 1000)).toBe(-1000);
    expect(logLossAt('logistic', 1e6)).toBe(-1e6);
    // At q = 10 the correction −t/2 ≈ −2.27e-5 is visible.
    const t = Math.exp(-10);
    expect(relErr(logLossAt('logistic', 10), -10 + Math.log(Math.log1p(t) / t))).toBeLessThanOrEqual(NAIVE_REL_TOL);
    expect(logLossAt('logistic', 10)).toBeLessThan(-10);
    expect(relErr(logLossAt('logistic', -1000), Math.log(1000))).toBeLessThanOrEqual(NAIVE_REL_TOL);
  });
});

describe('logMeanLoss and meanLoss', () => {
  it('agree with log of the plain mean at moderate margins', () => {
    const q = Float64Array.from(moderate);
    for (const loss of ['exp', 'logistic'] as const) {
      let sum = 0;
      for (const v of moderate) sum += loss === 'exp' ? Math.exp(-v) : Math.log(1 + Math.exp(-v));
      expect(relErr(meanLoss(loss, q), sum / q.length)).toBeLessThanOrEqual(NAIVE_REL_TOL);
      expect(relErr(logMeanLoss(loss, q), Math.log(sum / q.length))).toBeLessThanOrEqual(NAIVE_REL_TOL);
    }
  });

  it('stay finite where L underflows (q ≫ 745) and where it overflows (q ≪ −709)', () => {
    const cases: [number[], number][] = [
      [[1000, 1000], -1000],
      [[1e6, 2e6], -1e6 - Math.log(2)],
      [[-1000, 5], 1000 - Math.log(2)],
      [[-1e6, 1e6], 1e6 - Math.log(2)],
    ];
    for (const [margins, expected] of cases) {
      const q = Float64Array.from(margins);
      expect(relErr(logMeanLoss('exp', q), expected)).toBeLessThanOrEqual(NAIVE_REL_TOL);
      expect(Number.isFinite(logMeanLoss('logistic', q))).toBe(true);
      expect(Number.isNaN(meanLoss('exp', q))).toBe(false);
      expect(Number.isFinite(meanLoss('logistic', q))).toBe(true);
    }
    expect(meanLoss('exp', Float64Array.from([1000, 800]))).toBe(0);
    expect(meanLoss('exp', Float64Array.from([-1000, 0]))).toBe(Infinity);
    expect(relErr(logMeanLoss('logistic', Float64Array.from([-1e6, 1e6])), Math.log(1e6 / 2))).toBeLessThanOrEqual(NAIVE_REL_TOL);
  });

  it('takes the mean through the log domain when only the sum overflows', () => {
    // Two terms of e^{709.5} ≈ 1.3e308 each: the sum overflows, the mean does not.
    const q = Float64Array.from([-709.5, -709.5]);
    expect(relErr(meanLoss('exp', q), Math.exp(709.5))).toBeLessThanOrEqual(LOG_DOMAIN_REL_TOL);
  });

  it('refuses an empty margin vector', () => {
    expect(() => logMeanLoss('exp', new Float64Array(0))).toThrow(InputError);
    expect(() => meanLoss('exp', new Float64Array(0))).toThrow(InputError);
  });
});
