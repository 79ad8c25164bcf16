import { describe, expect, it } from 'vitest';
import { euclideanNorm, maxAbs } from './norms.js';

/** Relative error allowed on a norm of `len` entries: a few roundings per entry, as in Higham §3.1. */
const rel = (len: number): number => (len + 4) * 2 ** -52;

describe('euclideanNorm', () => {
  it('is the 2-norm of ordinary vectors', () => {
    expect(euclideanNorm(Float64Array.of(3, 4))).toBe(5);
    expect(euclideanNorm(Float64Array.of(0, 0, 0))).toBe(0);
    expect(euclideanNorm(new Float64Array(0))).toBe(0);
    expect(euclideanNorm([1, -2, 2])).toBe(3);
  });

  it('neither overflows near 1e200 nor underflows near 1e-200', () => {
    for (const s of [1e200, 1e-200, 1e300, 1e-300]) {
      const v = Float64Array.of(3 * s, -4 * s);
      expect(Math.abs(euclideanNorm(v) / (5 * s) - 1)).toBeLessThanOrEqual(rel(2));
      const ones = new Float64Array(100).fill(s);
      expect(Math.abs(euclideanNorm(ones) / (10 * s) - 1)).toBeLessThanOrEqual(rel(100));
    }
    const top = Number.MAX_VALUE / 8; // 5·top is still a double, 25·top² is not
    expect(Math.abs(euclideanNorm(Float64Array.of(3 * top, 4 * top)) / (5 * top) - 1)).toBeLessThanOrEqual(rel(2));
  });

  it('keeps full precision on a subnormal-only vector and a mix of magnitudes', () => {
    expect(euclideanNorm(Float64Array.of(5e-324))).toBe(5e-324);
    expect(euclideanNorm(Float64Array.of(3e-310, 4e-310)) / 5e-310).toBeCloseTo(1, 12);
    expect(euclideanNorm(Float64Array.of(1e200, 1, 1e-200))).toBe(1e200);
  });

  it('reads only the slice [off, off + len), e.g. one row of a row-major matrix', () => {
    const X = Float64Array.of(1, 1, 1, 3, 4, 0, 1e-200, 0, 0);
    expect(euclideanNorm(X, 3, 3)).toBe(5);
    expect(euclideanNorm(X, 6, 3)).toBe(1e-200);
    expect(euclideanNorm(X, 0, 0)).toBe(0);
  });

  it('runs to the end of the array when only the offset is given', () => {
    expect(euclideanNorm([3, 4, 100, 5, 12], 3)).toBe(13);
  });

  it('passes infinities and NaN through', () => {
    expect(euclideanNorm(Float64Array.of(1, -Infinity))).toBe(Infinity);
    expect(euclideanNorm(Float64Array.of(1, Number.NaN))).toBeNaN();
  });
});

describe('maxAbs', () => {
  it('is the largest magnitude of the slice, 0 when empty', () => {
    expect(maxAbs([1, -7, 3])).toBe(7);
    expect(maxAbs([1, -7, 3], 2)).toBe(3);
    expect(maxAbs([])).toBe(0);
    expect(maxAbs(Float64Array.of(-0, 0))).toBe(0);
  });
});
