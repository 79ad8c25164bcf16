import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { ACTIVE_LOG_FRACTION, activeNeurons, activityThreshold, neuronProducts, paramNorm } from './paramNorm.js';

// m = 2 neurons in d = 3: w_1 = (1, 2, 2) (norm 3), w_2 = (0, 3, 4) (norm 5).
const W = Float64Array.from([1, 2, 2, 0, 3, 4]);
const a = Float64Array.from([-2, 0.5]);

describe('paramNorm', () => {
  it('is ‖a‖² + ‖W‖_F²', () => {
    expect(paramNorm(W, a)).toBe(4 + 0.25 + 9 + 25);
    expect(paramNorm([], [])).toBe(0);
  });
});

describe('neuronProducts', () => {
  it('is |a_j|·‖w_j‖ per neuron, with a negative a_j counted by its size', () => {
    expect(Array.from(neuronProducts(W, a, 3))).toEqual([6, 2.5]);
  });

  it('refuses a W that is not m×d, naming W', () => {
    expect(() => neuronProducts(W, a, 2)).toThrow(InputError);
    expect(() => neuronProducts(W, a, 2)).toThrow(/W.*m·d = 4 entries, got 6/);
  });
});

describe('activityThreshold', () => {
  it('is p0^ACTIVE_LOG_FRACTION from a small init (p0 < 1): halfway to 1 in log scale', () => {
    const small = Float64Array.from([1e-3, 0, 0, 0, 1e-4, 0]);
    const a0 = Float64Array.from([1e-3, -1e-3]);
    const p0 = 1e-6; // max(1e-3·1e-3, 1e-3·1e-4)
    expect(ACTIVE_LOG_FRACTION).toBe(0.5);
    expect(activityThreshold(small, a0, 3)).toBeCloseTo(p0 ** ACTIVE_LOG_FRACTION, 15);
  });

  it('is p0 itself from a large init (p0 ≥ 1), the boundary p0 = 1 included', () => {
    expect(activityThreshold(W, a, 3)).toBe(6);
    expect(activityThreshold([1, 0], [1], 2)).toBe(1);
  });
});

describe('activeNeurons', () => {
  it('counts the neurons at or above the threshold', () => {
    expect(activeNeurons(W, a, 3, 2.5)).toEqual({ count: 2, active: [true, true] });
    expect(activeNeurons(W, a, 3, 3)).toEqual({ count: 1, active: [true, false] });
    expect(activeNeurons(W, a, 3, 7)).toEqual({ count: 0, active: [false, false] });
  });
});
