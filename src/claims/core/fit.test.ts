import { describe, expect, it } from 'vitest';
import { fitLine } from './fit.js';

describe('fitLine', () => {
  it('recovers an exact line, whatever the order of the points', () => {
    const pts = [[3, 7], [-1, -1], [0, 1], [10, 21]] as const; // y = 1 + 2x
    expect(fitLine(pts)).toEqual({ intercept: 1, slope: 2 });
  });

  it('is the least-squares line of scattered points', () => {
    // x = 0, 1, 2, 3 and y = 1, 3, 2, 5: slope 1.1, intercept 1.1 (normal equations by hand).
    const { slope, intercept } = fitLine([[0, 1], [1, 3], [2, 2], [3, 5]]);
    expect(slope).toBeCloseTo(1.1, 14);
    expect(intercept).toBeCloseTo(1.1, 14);
  });

  it('gives slope 0 through the mean when every x is the same', () => {
    expect(fitLine([[2, 1], [2, 5]])).toEqual({ intercept: 3, slope: 0 });
  });
});
