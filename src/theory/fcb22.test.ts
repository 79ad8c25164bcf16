import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { FCB22_MAX_FLIP_FRACTION, fcb22Bound, fcb22Hypotheses } from './fcb22.js';
import { nearOrthogonality } from './nearOrthogonality.js';
import { refusal as inputError } from '../_testing/refusal.js';

/** The InputError `f` throws (fails the test when it throws nothing else). */

describe('FCB22 hypotheses and bound (docs/theory.md §10.5)', () => {
  it('d / max(n‖μ‖², n² log n), the flip fraction and the signal n‖μ‖⁴/d', () => {
    const mu = new Float64Array(1000);
    mu[0] = 2;
    const h = fcb22Hypotheses(10, 1000, mu, 1, 4);
    expect(h.dimensionRatio).toBeCloseTo(1000 / (100 * Math.log(10)), 12);
    expect(h.holds).toBe(true);
    expect(h.flipFraction).toBe(0.1);
    expect(h.signal).toBeCloseTo((10 * 16) / 1000, 14);
    expect(fcb22Hypotheses(10, 1000, mu, 1, 5).holds).toBe(false);
    expect(fcb22Hypotheses(10, 1000, mu, 3, 1).holds).toBe(false);
  });

  it('the noisy bound is η plus the tail, and the clean one is consistent with err_noisy = η + (1 − 2η)·err_clean', () => {
    const b = fcb22Bound(20, 0.1, 10);
    expect(b.noisy).toBeCloseTo(0.1 + 2 * Math.exp(-2), 15);
    expect(0.1 + 0.8 * b.clean).toBeCloseTo(b.noisy, 15);
    expect(fcb22Bound(0, 0, 1).clean).toBe(2);
  });

  it('bad input is an InputError naming the field', () => {
    expect(() => fcb22Bound(1, 0.5, 1)).toThrow(InputError);
    expect(() => fcb22Bound(1, 0.5, 1)).toThrow(/eta/);
    expect(() => fcb22Bound(-1, 0.1, 1)).toThrow(/signal/);
    expect(() => fcb22Bound(1, 0.1, 0)).toThrow(/C/);
    expect(() => fcb22Hypotheses(2, 2, Float64Array.of(1, 0), 3)).toThrow(/flipped/);
  });
});

describe('FCB22 hypotheses at their edges (docs/theory.md §10.5)', () => {
  it('uses n‖μ‖² when it exceeds n² log n', () => {
    // n = 2, ‖μ‖² = 9: n‖μ‖² = 18 > n² log n = 4 log 2 ≈ 2.77, so d = 36 gives the ratio 2.
    const mu = new Float64Array(36);
    mu[0] = 3;
    const h = fcb22Hypotheses(2, 36, mu, 0, 2);
    expect(h.dimensionRatio).toBe(2);
    expect(h.muSquaredNorm).toBe(9);
    expect(h.holds).toBe(true);
  });

  it('holds with equality in the dimension condition: d = C·max(n‖μ‖², n² log n)', () => {
    // n = 1 has n² log n = 0, so the condition is d ≥ C‖μ‖²: d = 4, ‖μ‖² = 4, C = 1 is the edge.
    const h = fcb22Hypotheses(1, 4, Float64Array.of(2, 0, 0, 0), 0, 1);
    expect(h.dimensionRatio).toBe(1);
    expect(h.holds).toBe(true);
    expect(fcb22Hypotheses(1, 4, Float64Array.of(2, 0, 0, 0), 0, 1.5).holds).toBe(false);
  });

  it('holds with the flip fraction exactly at its maximum 0.2, and fails just above', () => {
    // μ = 0 leaves n² log n: d / (100 log 10) ≈ 4.3 ≥ C = 1.
    const mu = new Float64Array(1000);
    expect(fcb22Hypotheses(10, 1000, mu, 2).flipFraction).toBe(FCB22_MAX_FLIP_FRACTION);
    expect(fcb22Hypotheses(10, 1000, mu, 2).holds).toBe(true);
    expect(fcb22Hypotheses(10, 1000, mu, 3).holds).toBe(false);
  });

  it('accepts flipped = 0 and flipped = n', () => {
    const mu = Float64Array.of(1, 0);
    expect(fcb22Hypotheses(2, 2, mu, 0).flipFraction).toBe(0);
    expect(fcb22Hypotheses(2, 2, mu, 2).flipFraction).toBe(1);
  });

  it('refuses n, d, μ, C and flipped by name', () => {
    const mu = Float64Array.of(1, 0);
    expect(inputError(() => fcb22Hypotheses(0, 2, mu, 0)).field).toBe('n');
    expect(inputError(() => fcb22Hypotheses(2, 0, new Float64Array(0), 0)).field).toBe('d');
    expect(inputError(() => fcb22Hypotheses(2, 3, mu, 0)).field).toBe('mu');
    expect(inputError(() => fcb22Hypotheses(2, 2, mu, 0, Infinity)).field).toBe('C');
    for (const C of [0, -1]) {
      const e = inputError(() => fcb22Hypotheses(2, 2, mu, 0, C));
      expect(e.field).toBe('C');
      expect(e.message).toBe(`C: expected a positive constant, got ${C}`);
    }
    for (const flipped of [-1, 0.5, 3]) {
      const e = inputError(() => fcb22Hypotheses(2, 2, mu, flipped));
      expect(e.field).toBe('flipped');
      expect(e.message).toBe(`flipped: expected an integer in [0, 2], got ${flipped}`);
    }
  });

  it('refuses a bad signal, η or C of the bound by name with the value', () => {
    expect(inputError(() => fcb22Bound(Infinity, 0.1, 1)).field).toBe('signal');
    expect(inputError(() => fcb22Bound(NaN, 0.1, 1)).field).toBe('signal');
    expect(inputError(() => fcb22Bound(-1, 0.1, 1)).message).toBe('signal: expected n‖μ‖⁴/d ≥ 0, got -1');
    for (const eta of [-0.1, 0.5]) {
      const e = inputError(() => fcb22Bound(1, eta, 1));
      expect(e.field).toBe('eta');
      expect(e.message).toBe(`eta: expected a flip rate in [0, 0.5), got ${eta}`);
    }
    for (const C of [0, Infinity]) {
      const e = inputError(() => fcb22Bound(1, 0.1, C));
      expect(e.field).toBe('C');
      expect(e.message).toBe(`C: expected a positive finite constant, got ${C}`);
    }
  });
});

describe('near-orthogonality with C a parameter (docs/theory.md §3.3)', () => {
  it('‖x_i‖² ≥ C·n·max_{k≠i}|⟨x_i, x_k⟩| for every i', () => {
    const d = { n: 2, d: 2, X: Float64Array.of(2, 0.1, 0.1, 3), y: Float64Array.of(1, -1) };
    // Point 0: 4.01/(2·0.5) = 4.01, point 1: 9.01/(2·0.5) = 9.01.
    expect(nearOrthogonality(d, 4).holds).toBe(true);
    expect(nearOrthogonality(d, 4.1).holds).toBe(false);
    expect(nearOrthogonality(d, 4).ratio).toBeCloseTo(4.01, 12);
    expect(nearOrthogonality({ ...d, X: Float64Array.of(1, 0, 0, 1) }, 1e9).ratio).toBe(Infinity);
    expect(() => nearOrthogonality(d, 0)).toThrow(/C/);
  });
});
