import { describe, expect, it } from 'vitest';
import { makeRng } from '../data/rng.js';
import { gaussianTestError, monteCarloTestError } from './testError.js';
import { refusal as inputError } from '../_testing/refusal.js';


describe('gaussianTestError', () => {
  it('is Φ(−⟨w̄, μ⟩/‖Σ^{1/2}w̄‖) (docs/theory.md §2, H-ERR)', () => {
    // ⟨w̄, μ⟩ = 1, ‖w̄‖ = 1 with Σ = I: Φ(−1) (mpmath: 0.15865525393145705141…).
    const got = gaussianTestError(Float64Array.of(1, 0), Float64Array.of(1, 5));
    expect(got.value).toBeCloseTo(0.15865525393145705141, 15);
    expect(got.signal).toBe(1);
    expect(got.spread).toBe(1);
    // Diagonal Σ: spread √(4·1 + 1·1) = √5 with w̄ = (1, 1), μ = (1, 0).
    const diag = gaussianTestError(Float64Array.of(1, 1), Float64Array.of(1, 0), Float64Array.of(4, 1));
    expect(diag.spread).toBeCloseTo(Math.sqrt(5), 15);
  });

  it('is scale-invariant in w̄ and survives huge and tiny scales', () => {
    const mu = Float64Array.of(2, -1, 0.5);
    const w = Float64Array.of(0.3, -0.2, 1);
    const ref = gaussianTestError(w, mu).value;
    for (const s of [1e-300, 1e-150, 1e150, 1e300]) expect(gaussianTestError(w.map((v) => v * s), mu).value).toBe(ref);
  });

  it('keeps the log of a tiny error finite', () => {
    const got = gaussianTestError(Float64Array.of(1), Float64Array.of(50));
    expect(got.value).toBe(0);
    // log Φ(−50) = −1254.83136113941990125… (mpmath at 30 digits)
    expect(Math.abs(got.logValue / -1254.8313611394199 - 1)).toBeLessThanOrEqual(1e-13);
  });

  it('gives clear values for degenerate directions', () => {
    const zero = gaussianTestError(Float64Array.of(0, 0), Float64Array.of(1, 1));
    expect(zero.value).toBe(1);
    expect(zero.reason).toMatch(/w̄ = 0/);
    const noiseless = gaussianTestError(Float64Array.of(1, 0), Float64Array.of(1, 1), Float64Array.of(0, 1));
    expect(noiseless.value).toBe(0);
    expect(noiseless.reason).toMatch(/Σ/);
    const wrong = gaussianTestError(Float64Array.of(-1, 0), Float64Array.of(1, 1), Float64Array.of(0, 1));
    expect(wrong.value).toBe(1);
  });

  it('refuses bad input', () => {
    expect(() => gaussianTestError(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(/mu/);
    expect(() => gaussianTestError(Float64Array.of(1), Float64Array.of(1), Float64Array.of(-1))).toThrow(/sigmaDiag/);
  });
});

describe('gaussianTestError in the original scale of w̄', () => {
  it('reports ⟨w̄, μ⟩ and ‖Σ^{1/2}w̄‖ unscaled', () => {
    // w̄ = (2, 0), μ = (1, 0), Σ = I: ⟨w̄, μ⟩ = 2, ‖w̄‖ = 2, error Φ(−1).
    const got = gaussianTestError(Float64Array.of(2, 0), Float64Array.of(1, 0));
    expect(got.signal).toBe(2);
    expect(got.spread).toBe(2);
    expect(got.value).toBeCloseTo(0.15865525393145705141, 15);
  });

  it('without noise along w̄: error 0 with log −∞ when ⟨w̄, μ⟩ > 0, and the signal unscaled', () => {
    // w̄ = (2, 0) sees only the noiseless first coordinate; ⟨w̄, μ⟩ = 2·3 = 6.
    const got = gaussianTestError(Float64Array.of(2, 0), Float64Array.of(3, 1), Float64Array.of(0, 1));
    expect(got).toMatchObject({ value: 0, logValue: -Infinity, signal: 6, spread: 0 });
  });

  it('without noise along w̄ and ⟨w̄, μ⟩ = 0: every point is a tie, error 1', () => {
    const got = gaussianTestError(Float64Array.of(1, 0), Float64Array.of(0, 1), Float64Array.of(0, 1));
    expect(got).toMatchObject({ value: 1, logValue: 0, signal: 0, spread: 0 });
  });

  it('refuses bad lengths, entries and variances by name', () => {
    expect(inputError(() => gaussianTestError(new Float64Array(0), new Float64Array(0))).field).toBe('wbar.length');
    expect(inputError(() => gaussianTestError(Float64Array.of(NaN), Float64Array.of(1))).field).toBe('wbar[0]');
    expect(inputError(() => gaussianTestError(Float64Array.of(1, 1), Float64Array.of(1, 1), Float64Array.of(1))).field).toBe('sigmaDiag');
    const negative = inputError(() => gaussianTestError(Float64Array.of(1, 1), Float64Array.of(1, 1), Float64Array.of(1, -2)));
    expect(negative.field).toBe('sigmaDiag[1]');
    expect(negative.message).toBe('sigmaDiag[1]: expected a variance ≥ 0, got -2');
  });
});

describe('monteCarloTestError', () => {
  it('brackets the exact Gaussian error (fixed seed)', () => {
    // False-alarm probability of this check for a random seed: ≤ 1e-6 (the interval's coverage is
    // ≥ 1 − 1e-6 by construction); with the fixed seed it is deterministic.
    const mu = Float64Array.of(0.8, 0, 0);
    const wbar = Float64Array.of(1, 0.5, -0.5);
    const exact = gaussianTestError(wbar, mu).value;
    const rng = makeRng('theory:mc');
    const sample = (): { x: Float64Array; y: number } => {
      const y = rng.uniform() < 0.5 ? 1 : -1;
      return { x: mu.map((m) => y * m + rng.normal()), y };
    };
    const mc = monteCarloTestError(wbar, sample, 20_000, 1 - 1e-6);
    expect(mc.interval.lower).toBeLessThanOrEqual(exact);
    expect(mc.interval.upper).toBeGreaterThanOrEqual(exact);
    expect(mc.estimate).toBe(mc.errors / mc.samples);
  });

  it('counts ties as errors and checks the sampler', () => {
    const tie = monteCarloTestError(Float64Array.of(1, 0), () => ({ x: Float64Array.of(0, 1), y: 1 }), 10);
    expect(tie.errors).toBe(10);
    expect(tie.interval.upper).toBe(1);
    expect(() => monteCarloTestError(Float64Array.of(1), () => ({ x: Float64Array.of(1, 2), y: 1 }), 1)).toThrow(/sample/);
    expect(() => monteCarloTestError(Float64Array.of(1), () => ({ x: Float64Array.of(1), y: 0 }), 1)).toThrow(/sample/);
  });

  it('refuses bad arguments by name', () => {
    const point = (): { x: Float64Array; y: number } => ({ x: Float64Array.of(1), y: 1 });
    expect(inputError(() => monteCarloTestError(new Float64Array(0), point, 1)).field).toBe('wbar.length');
    expect(inputError(() => monteCarloTestError(Float64Array.of(Infinity), point, 1)).field).toBe('wbar[0]');
    expect(inputError(() => monteCarloTestError(Float64Array.of(1), point, 0)).field).toBe('samples');
  });

  it('refuses a confidence outside (0, 1), naming confidence and the value', () => {
    const point = (): { x: Float64Array; y: number } => ({ x: Float64Array.of(1), y: 1 });
    for (const confidence of [0, -0.5, 1, 1.5, NaN]) {
      const e = inputError(() => monteCarloTestError(Float64Array.of(1), point, 5, confidence));
      expect(e.field).toBe('confidence');
      expect(e.message).toBe(`confidence: expected a number in (0, 1), got ${String(confidence)}`);
    }
  });

  it('refuses a drawn point of the wrong length, label or with a non-finite entry, saying what it got', () => {
    const wrongLength = inputError(() => monteCarloTestError(Float64Array.of(1), () => ({ x: Float64Array.of(1, 2), y: 1 }), 1));
    expect(wrongLength.message).toBe('sample().x: expected length 1, got 2');
    const wrongLabel = inputError(() => monteCarloTestError(Float64Array.of(1), () => ({ x: Float64Array.of(1), y: 0 }), 1));
    expect(wrongLabel.message).toBe('sample().y: expected +1 or -1, got 0');
    for (const v of [Infinity, -Infinity, NaN]) {
      const e = inputError(() => monteCarloTestError(Float64Array.of(1), () => ({ x: Float64Array.of(v), y: 1 }), 1));
      expect(e.field).toBe('sample().x');
      expect(e.message).toBe('sample().x: expected finite entries');
    }
  });
});
