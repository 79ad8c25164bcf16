import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { generateDataset } from './generate.js';
import { nearOrthogonalityRatio } from './orthogonality.js';

describe('nearOrthogonalityRatio (KCG23, docs/theory.md §3)', () => {
  it('computes min_i ‖x_i‖² / (n max_{k≠i} |⟨x_i, x_k⟩|) on a hand example', () => {
    // x0 = (2, 0), x1 = (1, 1), x2 = (0, 3): ⟨x0,x1⟩ = 2, ⟨x0,x2⟩ = 0, ⟨x1,x2⟩ = 3.
    // Ratios: x0: 4/(3·2) = 2/3; x1: 2/(3·3) = 2/9; x2: 9/(3·3) = 1. Minimum 2/9.
    const r = nearOrthogonalityRatio([2, 0, 1, 1, 0, 3], 3, 2);
    expect(Math.abs(r - 2 / 9)).toBeLessThanOrEqual(8 * 2 ** -52);
  });

  it('is +Infinity for orthogonal data and for n = 1, never NaN for zero rows', () => {
    const orth = generateDataset({ kind: 'orthogonal', n: 6, d: 8, muNorm: 0, seed: 1 });
    expect(nearOrthogonalityRatio(orth.X, 6, 8)).toBe(Infinity);
    expect(nearOrthogonalityRatio([1, 2, 3], 1, 3)).toBe(Infinity);
    expect(nearOrthogonalityRatio([0, 0, 1, 1], 2, 2)).toBe(Infinity);
    // The zero row is skipped; x1 = (1,1), x2 = (1,0): min(2/(3·1), 1/(3·1)) = 1/3.
    expect(nearOrthogonalityRatio([0, 0, 1, 1, 1, 0], 3, 2)).toBeCloseTo(1 / 3, 14);
  });

  it('is scale-invariant from 1e-150 to 1e150 (no overflow in the squares)', () => {
    const X = [3, 1, 1, 2, -1, 1];
    const r = nearOrthogonalityRatio(X, 3, 2);
    for (const s of [1e150, 1e-150]) {
      const rs = nearOrthogonalityRatio(X.map((x) => x * s), 3, 2);
      expect(Math.abs(rs - r)).toBeLessThanOrEqual(1e-14 * r);
    }
  });

  it('grows with d for Gaussian rows (the KCG23 regime is high d)', () => {
    const ratio = (d: number) => {
      const ds = generateDataset({ kind: 'nearly-orthogonal', n: 5, d, muNorm: 0, seed: 'grow' });
      return nearOrthogonalityRatio(ds.X, 5, d);
    };
    expect(ratio(2000)).toBeGreaterThan(ratio(10));
    expect(ratio(2000)).toBeGreaterThan(1);
  });

  it('refuses a matrix of the wrong size or with a non-finite entry', () => {
    expect(() => nearOrthogonalityRatio([1, 2, 3], 2, 2)).toThrow(InputError);
    expect(() => nearOrthogonalityRatio([1, NaN, 3, 4], 2, 2)).toThrow(/X\[0\]\[1\]/);
  });
});
