import { describe, expect, it } from 'vitest';
import { gammaK, unitRoundoff } from './roundoff.js';

describe('unitRoundoff', () => {
  it('is half the gap between 1 and the next double', () => {
    expect(unitRoundoff).toBe(Number.EPSILON / 2);
    expect(1 + unitRoundoff).toBe(1); // a tie, rounded to the even neighbour 1
    expect(1 + 2 * unitRoundoff).toBeGreaterThan(1);
  });
});

describe('gammaK', () => {
  it('equals k·u / (1 − k·u)', () => {
    for (const k of [0, 1, 2, 10, 1000, 2 ** 20]) {
      expect(gammaK(k)).toBe((k * 2 ** -53) / (1 - k * 2 ** -53));
    }
  });

  it('is just above k·u for small k·u and grows without bound as k·u → 1', () => {
    expect(gammaK(1)).toBeGreaterThan(unitRoundoff);
    expect(gammaK(1) / unitRoundoff - 1).toBeLessThanOrEqual(2 * unitRoundoff); // u/(1 − u) ≈ u, plus the rounding of the quotient
    expect(gammaK(2 ** 52)).toBe(1); // k·u = 1/2
    expect(gammaK(2 ** 53 - 2 ** 10)).toBeGreaterThan(1e12);
  });
});
