import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { fcb22Bound, fcb22Hypotheses } from './fcb22.js';
import { nearOrthogonality } from './nearOrthogonality.js';

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
