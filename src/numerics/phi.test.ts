import { describe, expect, it } from 'vitest';
import { leakyRelu, leakyReluSlope } from './phi.js';

describe('leakyRelu', () => {
  it('is max(z, γz) for 0 ≤ γ ≤ 1', () => {
    for (const gamma of [0, 0.01, 0.1, 0.5, 1]) {
      for (const z of [-1e300, -3, -1e-310, 0, 1e-310, 2.5, 1e300]) {
        expect(leakyRelu(z, gamma)).toBe(Math.max(z, gamma * z));
      }
    }
  });

  it('is linear on each side of 0', () => {
    expect(leakyRelu(2, 0.1)).toBe(2);
    expect(leakyRelu(-2, 0.1)).toBe(-0.2);
    expect(leakyRelu(0, 0.1)).toBe(0);
  });
});

describe('leakyReluSlope', () => {
  it('is γ at 0 (docs/theory.md §1 convention) and on the negative side, 1 on the positive side', () => {
    for (const gamma of [0, 0.01, 0.3, 1]) {
      expect(leakyReluSlope(0, gamma)).toBe(gamma);
      expect(leakyReluSlope(-0, gamma)).toBe(gamma);
      expect(leakyReluSlope(-1e-320, gamma)).toBe(gamma);
      expect(leakyReluSlope(5e-324, gamma)).toBe(1);
    }
  });

  it('is the derivative of leakyRelu away from 0', () => {
    const gamma = 0.25;
    for (const z of [-3, -0.5, 0.5, 3]) {
      const h = 1e-3;
      const fd = (leakyRelu(z + h, gamma) - leakyRelu(z - h, gamma)) / (2 * h);
      expect(fd).toBeCloseTo(leakyReluSlope(z, gamma), 12);
    }
  });
});
