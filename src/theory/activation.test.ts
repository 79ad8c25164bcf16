import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { activatedSlopes, activationPattern, allActivated } from './activation.js';
import type { NetworkData } from './types.js';

const data: NetworkData = {
  n: 2,
  d: 2,
  m: 3,
  X: Float64Array.of(1, 0, 0, 1),
  y: Float64Array.of(1, -1),
  a: Float64Array.of(0.5, -0.5, 0),
  gamma: 0.2,
};

describe('activation', () => {
  it('signs a_j y_i ⟨w_j, x_i⟩ by hand', () => {
    // w_1 = (1, −1): a y z = 0.5·1·1 > 0, 0.5·(−1)·(−1) > 0 → activated.
    // w_2 = (−1, 0): (−0.5)(1)(−1) > 0, (−0.5)(−1)(0) = 0 → not.  w_3: a = 0 → 0.
    const W = Float64Array.of(1, -1, -1, 0, 3, 3);
    expect([...activationPattern(data, W)]).toEqual([1, 1, 0, 1, 0, 0]);
    const r = allActivated(data, W);
    expect(r.allActivated).toBe(false);
    expect(r.violations).toBe(3);
    expect(r.minValue).toBe(0);
    expect(r.activatedNeurons).toEqual([0]);
  });

  it('reports the smallest value and its pair', () => {
    const W = Float64Array.of(1, -1, -1, 2, 1, 1);
    const r = allActivated({ ...data, a: Float64Array.of(0.5, -0.5, 0.5) }, W);
    expect(r.minValue).toBe(-0.5); // (i, j) = (1, 2): a_3 y_2 ⟨w_3, x_2⟩ = 0.5·(−1)·1
    expect(r.argmin).toEqual({ i: 1, j: 2 });
  });

  it('c_ij = 1 when sign(a_j) = y_i, γ otherwise (a_j = 0 → γ)', () => {
    expect([...activatedSlopes(data)]).toEqual([1, 0.2, 0.2, 0.2, 1, 0.2]);
  });

  it('is allActivated when every a_j y_i ⟨w_j, x_i⟩ is positive', () => {
    // w_1 = (1, −1) as above; w_2 = (−1, 1): (−0.5)(1)(−1) > 0, (−0.5)(−1)(1) > 0; a_3 = 0.5, w_3 = (1, −1) like w_1.
    const r = allActivated({ ...data, a: Float64Array.of(0.5, -0.5, 0.5) }, Float64Array.of(1, -1, -1, 1, 1, -1));
    expect(r.allActivated).toBe(true);
    expect(r.violations).toBe(0);
    expect(r.minValue).toBe(0.5);
    expect(r.activatedNeurons).toEqual([0, 1, 2]);
  });

  it('refuses a W of the wrong size, naming W', () => {
    const err = (() => {
      try {
        activationPattern(data, new Float64Array(5));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe('W');
  });
});
