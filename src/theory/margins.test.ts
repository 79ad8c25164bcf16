import { describe, expect, it } from 'vitest';
import { NumericalError } from '../errors.js';
import { logLossSum, margins, smoothedMarginFromMargins } from './margins.js';
import type { NetworkData } from './types.js';

const data: NetworkData = {
  n: 2,
  d: 2,
  m: 2,
  X: Float64Array.of(1, 0, 0, 1),
  y: Float64Array.of(1, -1),
  a: Float64Array.of(1, -1),
  gamma: 0.5,
};

describe('margins', () => {
  it('computes q_i = y_i Σ_j a_j φ(⟨w_j, x_i⟩) by hand', () => {
    // w_1 = (2, −1), w_2 = (−1, 3): x_1 → z = (2, −1), f = 2 − φ(−1) = 2.5; x_2 → z = (−1, 3), f = −0.5 − 3.
    const W = Float64Array.of(2, -1, -1, 3);
    const r = margins(data, W, 'exp');
    expect([...r.q]).toEqual([2.5, 3.5]);
    expect(r.normF).toBeCloseTo(Math.sqrt(15), 15);
    expect(r.argmin).toBe(0);
    expect(r.minNormalized).toBeCloseTo(2.5 / Math.sqrt(15), 15);
    expect(r.smoothed).toBeCloseTo(-Math.log(Math.exp(-2.5) + Math.exp(-3.5)) / Math.sqrt(15), 14);
    const lg = margins(data, W, 'logistic');
    const Ls = Math.log1p(Math.exp(-2.5)) + Math.log1p(Math.exp(-3.5));
    expect(lg.smoothed).toBeCloseTo(-Math.log(Math.expm1(Ls)) / Math.sqrt(15), 14);
  });

  it('reports the index of the smallest margin, the first one on ties', () => {
    // w_1 = (2, 0), w_2 = (0, 1): q = (2 − φ(0), −(φ(0) − 1)) = (2, 1).
    const r = margins(data, Float64Array.of(2, 0, 0, 1), 'exp');
    expect([...r.q]).toEqual([2, 1]);
    expect(r.argmin).toBe(1);
    expect(r.minNormalized).toBeCloseTo(1 / Math.sqrt(5), 15);
    // w_1 = (1, 0), w_2 = (0, 1): q = (1, 1), a tie.
    const tie = margins(data, Float64Array.of(1, 0, 0, 1), 'exp');
    expect([...tie.q]).toEqual([1, 1]);
    expect(tie.argmin).toBe(0);
  });

  it('returns null normalised quantities for W = 0', () => {
    const r = margins(data, new Float64Array(4), 'exp');
    expect(r.normalized).toBeNull();
    expect(r.smoothed).toBeNull();
    expect(r.reason).toMatch(/W = 0/);
    expect(r.logLossSum).toBeCloseTo(Math.log(2), 15);
  });

  it('refuses bad shapes and values', () => {
    expect(() => margins(data, new Float64Array(3), 'exp')).toThrow(/W/);
    expect(() => margins({ ...data, gamma: 2 }, new Float64Array(4), 'exp')).toThrow(/gamma/);
    expect(() => margins({ ...data, y: Float64Array.of(1, 0) }, new Float64Array(4), 'exp')).toThrow(/y\[1\]/);
    expect(() => margins(data, Float64Array.of(1, NaN, 0, 0), 'exp')).toThrow(/W\[1\]/);
  });
});

describe('smoothed margin in log space', () => {
  it('stays finite when L_sum underflows and tends to the min margin', () => {
    const q = Float64Array.of(2000, 2500, 3000);
    for (const loss of ['exp', 'logistic'] as const) {
      const s = smoothedMarginFromMargins(q, 1000, loss)!;
      expect(Number.isFinite(s)).toBe(true);
      expect(s).toBeLessThanOrEqual(2);
      expect(s).toBeCloseTo(2, 12);
    }
    expect(logLossSum(q, 'logistic')).toBeCloseTo(-2000, 10);
  });

  it('agrees with the direct formula where nothing underflows', () => {
    const q = Float64Array.of(-1, 0.5, 3);
    const Lexp = Math.exp(1) + Math.exp(-0.5) + Math.exp(-3);
    expect(smoothedMarginFromMargins(q, 2, 'exp')).toBeCloseTo(-Math.log(Lexp) / 2, 14);
    const Llog = Math.log1p(Math.exp(1)) + Math.log1p(Math.exp(-0.5)) + Math.log1p(Math.exp(-3));
    expect(smoothedMarginFromMargins(q, 2, 'logistic')).toBeCloseTo(-Math.log(Math.expm1(Llog)) / 2, 14);
  });

  it('handles tiny L_sum just above the series switch and negative margins', () => {
    // L = e^{-25}: log(e^L − 1) = −25 + L/2 + …
    const s = smoothedMarginFromMargins(Float64Array.of(25), 1, 'logistic')!;
    expect(s).toBeCloseTo(25 - Math.exp(-25) / 2 + Math.exp(-25) / 2, 12);
    expect(Number.isFinite(smoothedMarginFromMargins(Float64Array.of(-800), 1, 'logistic')!)).toBe(true);
  });

  it('is null when ‖W‖_F = 0', () => {
    expect(smoothedMarginFromMargins(Float64Array.of(1, 2), 0, 'exp')).toBeNull();
    expect(smoothedMarginFromMargins(Float64Array.of(1, 2), 0, 'logistic')).toBeNull();
  });

  it('throws a NumericalError when the logistic L_sum overflows float64', () => {
    // ℓ(−1e308) ≈ 1e308 for each point, so L_sum ≈ 2e308 > Number.MAX_VALUE while log L_sum ≈ 709.8 is finite.
    const q = Float64Array.of(-1e308, -1e308);
    expect(Number.isFinite(logLossSum(q, 'logistic'))).toBe(true);
    const call = (): unknown => smoothedMarginFromMargins(q, 1, 'logistic');
    expect(call).toThrow(NumericalError);
    expect(call).toThrow(/^smoothed margin: log of the loss term is Infinity/);
    // The exponential loss needs only log L_sum = 1e308 + log 2, which is finite.
    expect(smoothedMarginFromMargins(q, 1, 'exp')).toBe(-1e308);
  });
});
