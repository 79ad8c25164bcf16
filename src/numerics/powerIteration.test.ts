import { describe, expect, it } from 'vitest';
import { makeRng } from '../data/rng.js';
import { POWER_ITERATION_REL_TOL, topSingularValue } from './powerIteration.js';

/** σ₁² within the iteration's tolerance of the truth, plus rounding. */
const REL = 10 * POWER_ITERATION_REL_TOL;

/** σ₁ of the 2×2 matrix [[a, b], [c, d]]: √λ₁(AᵀA), λ₁ = (T + √(T² − 4D²))/2 with T = ‖A‖_F², D = det A. */
function sigma2x2(a: number, b: number, c: number, d: number): number {
  const T = a * a + b * b + c * c + d * d;
  const D = a * d - b * c;
  return Math.sqrt((T + Math.sqrt(T * T - 4 * D * D)) / 2);
}

describe('topSingularValue', () => {
  it('matches the 2×2 closed form', () => {
    const cases = [
      [3, 0, 0, 1],
      [1, 2, 3, 4],
      [2, 1, 1, 2],
      [1, 1, 0, 1],
      [1, -1, -1, 1],
      [5, 4.999, 4.999, 5], // nearly rank one
    ] as const;
    for (const [a, b, c, d] of cases) {
      const want = sigma2x2(a, b, c, d);
      const got = topSingularValue([a, b, c, d], 2, 2);
      expect(got.converged).toBe(true);
      expect(Math.abs(got.sigma / want - 1)).toBeLessThanOrEqual(REL);
    }
  });

  it('brackets σ₁ between sigma and sigmaUpper, the bracket no wider than the tolerance', () => {
    const rng = makeRng('power-bracket');
    for (const [rows, cols] of [[3, 3], [5, 12], [12, 5]]) {
      const A = Float64Array.from({ length: rows * cols }, () => rng.normal());
      const got = topSingularValue(A, rows, cols);
      expect(got.residual).toBeLessThanOrEqual(POWER_ITERATION_REL_TOL);
      expect(got.sigmaUpper).toBeGreaterThan(got.sigma);
      expect((got.sigmaUpper / got.sigma) ** 2 - 1).toBeLessThanOrEqual(1.01 * POWER_ITERATION_REL_TOL);
      // A much tighter run lands inside the bracket.
      const tight = topSingularValue(A, rows, cols, { relTol: 1e-14 }).sigma;
      expect(tight).toBeGreaterThanOrEqual(got.sigma * (1 - 1e-15));
      expect(tight).toBeLessThanOrEqual(got.sigmaUpper);
    }
  });

  it('is 0 for a zero matrix and scale-free from 1e-150 to 1e150', () => {
    expect(topSingularValue([0, 0, 0], 1, 3)).toMatchObject({ sigma: 0, sigmaUpper: 0, iterations: 0, converged: true });
    for (const s of [1e150, 1e-150]) {
      const got = topSingularValue([s, 2 * s, 3 * s, 4 * s], 2, 2);
      expect(Math.abs(got.sigma / (s * sigma2x2(1, 2, 3, 4)) - 1)).toBeLessThanOrEqual(REL);
    }
  });

  it('gives the same bits for the same matrix (the step size and its check agree)', () => {
    const A = [1, 2, 0.5, -1, 3, 0.25];
    expect(topSingularValue(A, 2, 3)).toEqual(topSingularValue(Float64Array.from(A), 2, 3));
  });

  it('reports a run stopped by the cap as not converged', () => {
    const got = topSingularValue([1, 0, 0, 0.999999], 2, 2, { maxIterations: 3 });
    expect(got.converged).toBe(false);
    expect(got.iterations).toBe(3);
    expect(got.sigmaUpper).toBeGreaterThanOrEqual(1);
  });
});
