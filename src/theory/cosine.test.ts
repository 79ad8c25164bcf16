import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { cosineSimilarity } from './cosine.js';

describe('cosineSimilarity', () => {
  it('computes ⟨u, v⟩/(‖u‖‖v‖) by hand', () => {
    // (1, 0)·(1, 1) = 1, ‖(1, 1)‖ = √2.
    expect(cosineSimilarity(Float64Array.of(1, 0), Float64Array.of(1, 1))).toBeCloseTo(Math.SQRT1_2, 15);
    // (3, 4)·(4, −3) = 0: orthogonal.
    expect(cosineSimilarity(Float64Array.of(3, 4), Float64Array.of(4, -3))).toBe(0);
    expect(cosineSimilarity(Float64Array.of(2, -1), Float64Array.of(-4, 2))).toBeCloseTo(-1, 15);
  });

  it('does not overflow on entries near the float64 limit', () => {
    expect(cosineSimilarity(Float64Array.of(1e300, 1e300), Float64Array.of(1e300, 0))).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it('is null when either vector is 0', () => {
    const z = new Float64Array(2);
    const v = Float64Array.of(1, 2);
    expect(cosineSimilarity(z, v)).toBeNull();
    expect(cosineSimilarity(v, z)).toBeNull();
    expect(cosineSimilarity(z, z)).toBeNull();
  });

  it('refuses vectors of different lengths, naming v', () => {
    const call = (): unknown => cosineSimilarity(Float64Array.of(1, 2), Float64Array.of(1, 2, 3));
    expect(call).toThrow(InputError);
    expect(call).toThrow(/^v: expected length 2, got 3$/);
  });
});
