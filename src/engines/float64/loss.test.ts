import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { refusal } from '../../_testing/refusal.js';
import { logLossAt, logMeanLoss, lossAt, lossDerivativeAt, meanLoss, squareLoss } from './loss.js';

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

describe('refusals of the mean losses', () => {
  it('refuse an empty margin vector, naming q and saying a margin is needed', () => {
    for (const f of [() => logMeanLoss('exp', new Float64Array(0)), () => meanLoss('logistic', new Float64Array(0))]) {
      const e = refusal(f);
      expect(e.field).toBe('q');
      expect(e.message).toBe('q: the mean loss needs at least one margin');
    }
  });
});

describe('squareLoss (docs/theory.md §1, §11)', () => {
  it('is ½·mean of the squared residuals, worked by hand', () => {
    // Residuals 1, −2, 0: (1 + 4 + 0) / (2·3) = 5/6.
    const { loss, logLoss } = squareLoss(Float64Array.from([1, 0, 3]), Float64Array.from([0, 2, 3]));
    expect(relErr(loss, 5 / 6)).toBeLessThanOrEqual(NAIVE_REL_TOL);
    expect(relErr(logLoss, Math.log(5 / 6))).toBeLessThanOrEqual(NAIVE_REL_TOL);
  });

  it('counts a residual whose output is the negated target (f = −y), not only f − y of one sign', () => {
    // r = 1 − (−1) = 2, so L = ½·4 = 2 although f + y = 0.
    const { loss, logLoss } = squareLoss(Float64Array.from([1]), Float64Array.from([-1]));
    expect(relErr(loss, 2)).toBeLessThanOrEqual(NAIVE_REL_TOL);
    expect(relErr(logLoss, Math.log(2))).toBeLessThanOrEqual(NAIVE_REL_TOL);
  });

  it('is 0 with log L = −Infinity exactly when every residual is 0', () => {
    expect(squareLoss(Float64Array.from([0.5, -2]), Float64Array.from([0.5, -2]))).toEqual({ loss: 0, logLoss: -Infinity });
  });

  it('refuses no outputs and outputs of another length than the targets, naming f and both lengths', () => {
    const empty = refusal(() => squareLoss(new Float64Array(0), new Float64Array(0)));
    expect(empty.field).toBe('f');
    expect(empty.message).toBe('f: expected 0 outputs (one per target, at least one), got 0');
    const short = refusal(() => squareLoss(Float64Array.from([1]), Float64Array.from([1, 2])));
    expect(short.field).toBe('f');
    expect(short.message).toBe('f: expected 2 outputs (one per target, at least one), got 1');
    const long = refusal(() => squareLoss(Float64Array.from([1, 2]), Float64Array.from([1])));
    expect(long.field).toBe('f');
    expect(long.message).toBe('f: expected 1 outputs (one per target, at least one), got 2');
  });
});
