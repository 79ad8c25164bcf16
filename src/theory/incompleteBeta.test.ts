import { describe, expect, it } from 'vitest';
import { NumericalError } from '../errors.js';
import { regularizedIncompleteBeta } from './incompleteBeta.js';
import { thrown, refusal as inputError } from '../_testing/refusal.js';

/** The error `f` throws (fails the test when it throws nothing). */

describe('regularizedIncompleteBeta', () => {
  it('has the closed forms I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b in both tails', () => {
    // The switch (a + 1)/(a + b + 2) is 1/3 for (1, 3), above x = 0.3, and 2/3 for (3, 1), below x = 0.8.
    const lowerSide = regularizedIncompleteBeta(0.3, 1, 3);
    expect(lowerSide.upper).toBeCloseTo(0.7 ** 3, 14);
    expect(lowerSide.lower).toBeCloseTo(1 - 0.7 ** 3, 14);
    const upperSide = regularizedIncompleteBeta(0.8, 3, 1);
    expect(upperSide.lower).toBeCloseTo(0.8 ** 3, 14);
    expect(upperSide.upper).toBeCloseTo(1 - 0.8 ** 3, 14);
  });

  it('is exactly 0 and 1 at the ends, even for a, b whose sum overflows', () => {
    // a + b = 2e308 is +∞ in double precision, so log B(a, b) is not available there.
    for (const [a, b] of [
      [2, 3],
      [1e308, 1e308],
    ]) {
      expect(regularizedIncompleteBeta(0, a, b)).toEqual({ lower: 0, upper: 1 });
      expect(regularizedIncompleteBeta(1, a, b)).toEqual({ lower: 1, upper: 0 });
    }
  });

  it('accepts any positive b, however small', () => {
    // I_x(1, b) = 1 − (1 − x)^b; for b = 10⁻³ and x = ½ that is 1 − 2^{−0.001}.
    expect(regularizedIncompleteBeta(0.5, 1, 1e-3).lower).toBeCloseTo(-Math.expm1(-1e-3 * Math.LN2), 15);
  });

  it('refuses a non-positive or non-finite a, naming a and the value', () => {
    for (const a of [0, -1, Infinity, NaN]) {
      const e = inputError(() => regularizedIncompleteBeta(0.5, a, 1));
      expect(e.field).toBe('a');
      expect(e.message).toContain(`got ${String(a)}`);
    }
  });

  it('refuses a non-positive or non-finite b, naming b and the value', () => {
    for (const b of [0, -0.5, Infinity, NaN]) {
      const e = inputError(() => regularizedIncompleteBeta(0.5, 1, b));
      expect(e.field).toBe('b');
      expect(e.message).toBe(`b: expected a positive finite number, got ${String(b)}`);
    }
  });

  it('refuses x outside [0, 1], naming x and the value', () => {
    for (const x of [-0.1, -Number.MIN_VALUE, 1.5, NaN]) {
      const e = inputError(() => regularizedIncompleteBeta(x, 2, 3));
      expect(e.field).toBe('x');
      expect(e.message).toContain(`got ${String(x)}`);
    }
  });

  it('throws a NumericalError rather than return an unconverged fraction (a = b = 10¹⁶)', () => {
    // The fraction needs O(√max(a, b)) ≈ 10⁸ steps here, far beyond its cap of 10⁵.
    const e = thrown(() => regularizedIncompleteBeta(0.5, 1e16, 1e16));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('incomplete beta');
    expect((e as NumericalError).message).toMatch(/did not converge in 100000 steps/);
  });

  it('names the arguments it was given when the fraction ran on the complement', () => {
    // x = 0.6 is not below (a + 1)/(a + b + 2) = 0.6, so the fraction is that of I_{0.4}(b, a), at its
    // mean, where it needs ≈ 10⁸ steps.
    const e = thrown(() => regularizedIncompleteBeta(0.6, 1.2e16, 0.8e16));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).message).toMatch(/\(x=0\.6, a=12000000000000000, b=8000000000000000\)/);
  });
});
