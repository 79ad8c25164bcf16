import { describe, expect, it } from 'vitest';
import { generateDataset } from './generate.js';
import { POWER_ITERATION_REL_TOL } from '../numerics/powerIteration.js';
import { dataOperatorNorm } from './operatorNorm.js';

/** ‖X‖_op² agrees with the truth to the power iteration's tolerance, plus rounding. */
const REL = 10 * POWER_ITERATION_REL_TOL;

describe('dataOperatorNorm', () => {
  it('finds the top singular value of known matrices', () => {
    // diag(3, 1) padded with a zero column: σ_max = 3.
    expect(Math.abs(dataOperatorNorm([3, 0, 0, 0, 1, 0], 2, 3).value - 3)).toBeLessThanOrEqual(3 * REL);
    // Rank one u vᵀ with ‖u‖ = √5, ‖v‖ = 5: σ = 5√5. Whatever side is smaller.
    const u = [1, 2];
    const v = [3, 4];
    const X = u.flatMap((a) => v.map((b) => a * b));
    expect(Math.abs(dataOperatorNorm(X, 2, 2).value - 5 * Math.sqrt(5)) / (5 * Math.sqrt(5))).toBeLessThanOrEqual(REL);
    const Xt = [1, 3, 2, 6, 3, 9, 4, 12]; // 4×2, rank one: (1,2,3,4)ᵀ(1,3), σ = √30·√10
    expect(Math.abs(dataOperatorNorm(Xt, 4, 2).value - Math.sqrt(300)) / Math.sqrt(300)).toBeLessThanOrEqual(REL);
    // A start vector in the kernel of a fixed start would fail here: XᵀX = [[1,−1],[−1,1]].
    expect(Math.abs(dataOperatorNorm([1, -1], 1, 2).value - Math.SQRT2)).toBeLessThanOrEqual(2 * REL);
  });

  it('is 0 for a zero matrix and handles norms of 1e150 and 1e-150', () => {
    expect(dataOperatorNorm([0, 0, 0, 0], 2, 2)).toEqual({ value: 0, upper: 0, iterations: 0, converged: true });
    for (const s of [1e150, 1e-150]) {
      expect(Math.abs(dataOperatorNorm([3 * s, 0, 0, s], 2, 2).value / s - 3)).toBeLessThanOrEqual(3 * REL);
    }
  });

  it('matches the Frobenius bounds σ_max ≤ ‖X‖_F ≤ √rank·σ_max and converges on mixtures', () => {
    for (const [n, d] of [[12, 40], [40, 5]]) {
      const ds = generateDataset({ kind: 'gaussian', n, d, muNorm: 2, seed: `op${n}` });
      const r = dataOperatorNorm(ds.X, n, d);
      let f2 = 0;
      for (const x of ds.X) f2 += x * x;
      expect(r.converged).toBe(true);
      expect(r.value).toBeLessThanOrEqual(Math.sqrt(f2) * (1 + 1e-12));
      expect(r.value * Math.sqrt(Math.min(n, d))).toBeGreaterThanOrEqual(Math.sqrt(f2) * (1 - 1e-12));
    }
  });
});
