import { describe, expect, it } from 'vitest';
import { clopperPearson } from './clopperPearson.js';
import { regularizedIncompleteBeta } from './incompleteBeta.js';
import { refusal as inputError } from '../_testing/refusal.js';

/*
 * Reference values. Intervals with n ≤ 1000: bisection at 50 digits on mpmath.betainc(…, regularized=True)
 * (mpmath 1.3.0). Intervals with n ≥ 10⁵: scipy.special.betaincinv 1.17.1 (Boost's ibeta_inv, an
 * independent implementation), which also agrees with the mpmath values above to ≤ 2e-16. Produced by
 * throwaway scripts; only the values are kept.
 */
const INTERVALS: readonly (readonly [number, number, number, number, number])[] = [
  [0, 10, 0.05, 0, 0.30849710781876082007],
  [10, 10, 0.05, 0.69150289218123917993, 1],
  [3, 10, 0.05, 0.066739511177734468518, 0.65245285005999729166],
  [1, 100, 0.05, 0.00025314603297742064807, 0.054459385392080656764],
  [50, 100, 0.05, 0.39832112950330098058, 0.60167887049669901942],
  [5, 1000, 0.01, 0.0010795066098047378564, 0.014085148175250560567],
  [17, 23, 0.1, 0.54902460377842773628, 0.87978542524623530804],
  [1, 100000, 0.05, 2.5317804779333141655e-7, 5.571516034774275e-5],
  [12345, 100000, 0.001, 0.1200505916668923, 0.12690639682718058],
  [999, 1000, 0.05, 0.9944410757201734, 0.9999746825125088],
  [250000, 1000000, 0.05, 0.24915153568554574, 0.2508499125965476],
];

/** I_x(a, b) and 1 − I_x(a, b): mpmath at 40 digits, the last row by mpmath.quad of the density. */
const BETA: readonly (readonly [number, number, number, number, number])[] = [
  [0.3, 2, 5, 0.57982499999999997601, 0.42017500000000002399],
  [0.9, 0.5, 0.5, 0.79516723530086657191, 0.20483276469913342809],
  [0.001, 3, 1000, 0.080577590360204410253, 0.91942240963979558975],
  [0.5, 200, 200, 0.5, 0.5],
  [0.999, 50, 2, 0.99876590960688291533, 0.0012340903931170846739],
  [0.01, 1, 1, 0.010000000000000000208, 0.98999999999999999979],
  [0.2, 1e4, 4e4, 0.50089206495711398179, 0.49910793504288601821],
];


function relErr(got: number, want: number): number {
  return want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
}

describe('regularizedIncompleteBeta', () => {
  it('matches high-precision references in both tails', () => {
    for (const [x, a, b, lo, up] of BETA) {
      const got = regularizedIncompleteBeta(x, a, b);
      // (a + b)·1e-16 accuracy model, with a floor of 1e-14.
      const tol = Math.max(1e-14, (a + b) * 1e-16);
      expect(relErr(got.lower, lo), `I_${x}(${a}, ${b})`).toBeLessThanOrEqual(tol);
      expect(relErr(got.upper, up), `1 − I_${x}(${a}, ${b})`).toBeLessThanOrEqual(tol);
    }
  });

  it('is exact at the ends and refuses bad arguments', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toEqual({ lower: 0, upper: 1 });
    expect(regularizedIncompleteBeta(1, 2, 3)).toEqual({ lower: 1, upper: 0 });
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(/a/);
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(/x/);
  });
});

describe('clopperPearson', () => {
  it('matches reference intervals', () => {
    for (const [k, n, alpha, lo, up] of INTERVALS) {
      const got = clopperPearson(k, n, alpha);
      expect(relErr(got.lower, lo), `lower(${k}, ${n}, ${alpha})`).toBeLessThanOrEqual(1e-10);
      expect(relErr(got.upper, up), `upper(${k}, ${n}, ${alpha})`).toBeLessThanOrEqual(1e-10);
    }
  });

  it('uses the closed forms at k = 0 and k = n', () => {
    expect(clopperPearson(0, 10, 0.05).upper).toBeCloseTo(1 - 0.025 ** (1 / 10), 15);
    expect(clopperPearson(0, 10, 0.05).lower).toBe(0);
    expect(clopperPearson(10, 10, 0.05).lower).toBeCloseTo(0.025 ** (1 / 10), 15);
    expect(clopperPearson(10, 10, 0.05).upper).toBe(1);
  });

  it('covers every p at least 1 − α (exact binomial sum, no sampling)', () => {
    const n = 40;
    const alpha = 0.05;
    const intervals = Array.from({ length: n + 1 }, (_, k) => clopperPearson(k, n, alpha));
    const logChoose = (k: number): number => {
      let s = 0;
      for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
      return s;
    };
    for (let p = 0.005; p < 1; p += 0.0137) {
      let coverage = 0;
      for (let k = 0; k <= n; k++) {
        if (intervals[k].lower <= p && p <= intervals[k].upper) {
          coverage += Math.exp(logChoose(k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
        }
      }
      expect(coverage, `p = ${p}`).toBeGreaterThanOrEqual(1 - alpha - 1e-12);
    }
  });

  it('refuses bad input', () => {
    expect(() => clopperPearson(11, 10, 0.05)).toThrow(/k/);
    expect(() => clopperPearson(1, 0, 0.05)).toThrow(/n/);
    expect(() => clopperPearson(1, 10, 1)).toThrow(/alpha/);
  });

  it('reports the nominal coverage 1 − α', () => {
    expect(clopperPearson(3, 10, 0.05).confidence).toBe(0.95);
    expect(clopperPearson(3, 10, 0.25).confidence).toBe(0.75);
  });

  it('accepts the smallest sample, n = 1', () => {
    // k = 0 of 1: [0, 1 − α/2]; k = 1 of 1: [α/2, 1].
    expect(clopperPearson(0, 1, 0.1)).toEqual({ lower: 0, upper: expect.closeTo(0.95, 15), confidence: 0.9 });
    expect(clopperPearson(1, 1, 0.1)).toEqual({ lower: expect.closeTo(0.05, 15), upper: 1, confidence: 0.9 });
  });

  it('refuses n that is not a positive integer, naming n and the value', () => {
    for (const [k, n] of [
      [0, 0],
      [1, 1.5],
      [0, -2],
      [0, NaN],
    ]) {
      const e = inputError(() => clopperPearson(k, n, 0.05));
      expect(e.field).toBe('n');
      expect(e.message).toBe(`n: expected a positive integer, got ${String(n)}`);
    }
  });

  it('refuses k outside the integers 0 … n, naming k and the range', () => {
    for (const k of [-1, 0.5, 11, NaN]) {
      const e = inputError(() => clopperPearson(k, 10, 0.05));
      expect(e.field).toBe('k');
      expect(e.message).toBe(`k: expected an integer in [0, 10], got ${String(k)}`);
    }
  });

  it('refuses α outside (0, 1), naming alpha and the value', () => {
    for (const alpha of [0, -0.1, 1, NaN]) {
      const e = inputError(() => clopperPearson(3, 10, alpha));
      expect(e.field).toBe('alpha');
      expect(e.message).toBe(`alpha: expected a number in (0, 1), got ${String(alpha)}`);
    }
  });
});
