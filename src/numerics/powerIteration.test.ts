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

  it('is exact in one product for a rank-one matrix (the start B·g is already the top eigenvector)', () => {
    const u = [1, -2, 0.5];
    const v = [3, 0.25, -1, 2];
    const A = u.flatMap((ui) => v.map((vk) => ui * vk));
    const got = topSingularValue(A, 3, 4);
    expect(got.iterations).toBe(1);
    expect(got.sigma / (Math.hypot(...u) * Math.hypot(...v))).toBeCloseTo(1, 14);
  });

  it('restarts from a column of B when the fixed start vector lies in its null space', () => {
    // Rank one, rows (1, t) with t = −g₀/g₁ for the start vector g: B·g is exactly 0 in float64
    // (found by search); the iteration must still find σ₁ = ‖A‖_F.
    const A = [0.9907846984094633, 0.3646989157821925, -1.504930254020472, -0.5539512598954803];
    const got = topSingularValue(A, 2, 2);
    expect(got.converged).toBe(true);
    expect(got.sigma / Math.hypot(...A)).toBeCloseTo(1, 14);
    // The same with a zero first row: B's first column is 0, so the restart must take the column
    // with the largest diagonal, not the first one.
    const Z = [0, 0, 0, 0.11808222298250537, 0.2808570131926602, 0.6007588804202817, -0.0641875909021354, -0.15266934013832897, -0.32656283285719495];
    const z = topSingularValue(Z, 3, 3);
    expect(z.converged).toBe(true);
    expect(z.sigma / Math.hypot(...Z)).toBeCloseTo(1, 14);
  });

  it('stops at the first iterate whose relative residual (λ₁ − λ₂)|cs|/ρ meets the tolerance', () => {
    // A = [row of 100 ones; row of 100 alternating ±1/√2]: B = AAᵀ = diag(100, 50) exactly, scaled by
    // max|A| = 1. The unit iterate (c, s) ∝ B^t·g has ρ = 100c² + 50s² and residual 50|cs|/ρ; count
    // the iterations that formula needs, independently of the implementation.
    const A = [...Array.from({ length: 100 }, () => 1), ...Array.from({ length: 100 }, (_, k) => (k % 2 === 0 ? 1 : -1) * Math.SQRT1_2)];
    const got = topSingularValue(A, 2, 100);
    const golden = 0.6180339887498949;
    let c = 100 * (0.5 + (golden % 1));
    let s = 50 * (0.5 + ((2 * golden) % 1));
    let expected = 0;
    for (;;) {
      expected++;
      const r = Math.hypot(c, s);
      const [cu, su] = [c / r, s / r];
      const rho = 100 * cu * cu + 50 * su * su;
      if ((50 * Math.abs(cu * su)) / rho <= POWER_ITERATION_REL_TOL) break;
      [c, s] = [100 * cu, 50 * su];
    }
    expect(Math.abs(got.iterations - expected)).toBeLessThanOrEqual(1);
    expect(got.sigma).toBeCloseTo(10, 9);
  });
});
