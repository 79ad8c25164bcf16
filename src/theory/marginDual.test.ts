import { describe, expect, it } from 'vitest';
import { solveMarginDual } from './marginDual.js';

describe('solveMarginDual (Lawson–Hanson LDP)', () => {
  it('solves the textbook two-point SVM: F = (1, 0), (0, 1) → w = (1, 1), λ = (1, 1)', () => {
    const r = solveMarginDual(Float64Array.of(1, 0, 0, 1), 2, 2);
    if (r.status !== 'ok') throw new Error(r.reason);
    expect([...r.w]).toEqual([1, 1]);
    expect([...r.lambda]).toEqual([1, 1]);
    expect(r.nonDegenerate).toBe(true);
  });

  it('drops a dominated point: F₂ = 2F₁ is inactive', () => {
    const r = solveMarginDual(Float64Array.of(1, 1, 2, 2), 2, 2);
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(r.support).toEqual([0]);
    expect(r.lambda[0]).toBeCloseTo(0.5, 15);
    expect(r.margins[1]).toBeCloseTo(2, 15);
  });

  it('moves the weight to a shorter collinear copy: F₂ = F₁/2 is the only support vector', () => {
    const r = solveMarginDual(Float64Array.of(2, 0, 1, 0), 2, 2);
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(r.support).toEqual([1]);
    expect(r.w[0]).toBeCloseTo(1, 15);
  });

  it('flags a degenerate active set (an active point with λ = 0)', () => {
    // F₃ = (F₁ + F₂)/2 lies on the margin of w = (1, 1) but carries no dual weight.
    const r = solveMarginDual(Float64Array.of(1, 0, 0, 1, 0.5, 0.5), 3, 2);
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(r.active).toEqual([0, 1, 2]);
    expect(r.nonDegenerate).toBe(false);
    expect(r.dualUnique).toBe(false);
  });

  it('returns a Gordan certificate for infeasible features', () => {
    const r = solveMarginDual(Float64Array.of(1, 0, -1, 0, 0, 1), 3, 2);
    expect(r.status).toBe('infeasible');
    if (r.status === 'infeasible') {
      expect(r.certificate[0]).toBeCloseTo(0.5, 12);
      expect(r.certificate[1]).toBeCloseTo(0.5, 12);
      expect(r.certificateNorm).toBeLessThanOrEqual(1e-12);
    }
  });

  it('calls a margin too small to resolve degenerate, not ok or infeasible', () => {
    // Relative margin ≈ 1e-8: between the 'infeasible' level 1e-9 and the 'ok' level 1e-6.
    const eps = 1e-8;
    const r = solveMarginDual(Float64Array.of(1, eps, -1, eps), 2, 2);
    expect(r.status).toBe('degenerate');
  });
});
