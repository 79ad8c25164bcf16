import { describe, expect, it } from 'vitest';
import { logExpm1OfExp, logSoftplus, logSumExp } from './logSpace.js';

describe('logSumExp', () => {
  it('is log Σ exp v_i, shifted by the maximum', () => {
    expect(logSumExp([0, 0])).toBeCloseTo(Math.LN2, 15);
    // 1000 + log(1 + e⁻¹): the plain sum would overflow.
    expect(logSumExp([1000, 999])).toBeCloseTo(1000 + Math.log1p(Math.exp(-1)), 12);
  });

  it('is −∞ for an empty list and for a list of −∞ only', () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
  });

  it('is +∞ as soon as one entry is +∞', () => {
    expect(logSumExp([1, Infinity])).toBe(Infinity);
    expect(logSumExp([Infinity, Infinity])).toBe(Infinity);
  });
});

describe('logSoftplus', () => {
  it('is log log(1 + e^u) for moderate u', () => {
    expect(logSoftplus(0)).toBeCloseTo(Math.log(Math.LN2), 15);
    expect(logSoftplus(3)).toBeCloseTo(Math.log(Math.log1p(Math.exp(3))), 15);
    // Large u: log(1 + e^u) = u + log1p(e^{−u}) without overflow.
    expect(logSoftplus(1000)).toBeCloseTo(Math.log(1000), 15);
  });

  it('keeps full relative accuracy for negative u just above the series range', () => {
    // u = −19: log log1p(t) = log t + log1p(−t/2 + …) = u − e^u/2 + O(e^{2u}), with e^{2u} ≈ 3e-17.
    expect(logSoftplus(-19)).toBeCloseTo(-19 - 0.5 * Math.exp(-19), 13);
  });

  it('stays finite where the loss underflows', () => {
    expect(logSoftplus(-800)).toBe(-800);
  });
});

describe('logExpm1OfExp', () => {
  it('is log(e^L − 1) for L = e^logL', () => {
    expect(logExpm1OfExp(0)).toBeCloseTo(Math.log(Math.E - 1), 15);
    // L = e⁻³⁰ ≈ 9e-14: log(e^L − 1) = log L + L/2 to rounding.
    expect(logExpm1OfExp(-30)).toBeCloseTo(-30 + 0.5 * Math.exp(-30), 14);
    // L = e¹⁰ ≈ 22026: e^L overflows, log(e^L − 1) = L to rounding.
    expect(logExpm1OfExp(10)).toBe(Math.exp(10));
  });
});
