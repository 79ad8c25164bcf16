import { describe, expect, it } from 'vitest';
import { refusal } from '../../_testing/refusal.js';
import { agreeingDigits } from './agreement.js';
import { decimalConstructor } from './precision.js';

const D = decimalConstructor(40);
const v = (...xs: (string | number)[]) => xs.map((x) => new D(x));

describe('agreeingDigits', () => {
  it('reports Infinity for identical vectors, zeros and empty ones included', () => {
    expect(agreeingDigits(v('1.5', '-2'), v('1.5', '-2'))).toBe(Infinity);
    expect(agreeingDigits(v(0, 0), v(0, 0))).toBe(Infinity);
    expect(agreeingDigits([], [])).toBe(Infinity);
  });

  it('reports 0 against an all-zero reference that a differs from', () => {
    expect(agreeingDigits(v('1e-30', 0), v(0, 0))).toBe(0);
    expect(agreeingDigits(v(5), v(0))).toBe(0);
  });

  it('counts −log10 of the largest difference over the largest reference entry', () => {
    // |1.001 − 1| / 1 = 10^−3
    expect(agreeingDigits(v('1.001'), v(1))).toBeCloseTo(3, 12);
    // below the reference works the same: |0.999 − 1| = 10^−3
    expect(agreeingDigits(v('0.999'), v(1))).toBeCloseTo(3, 12);
    // negative references count by their size: |−1.001 − (−1)| / |−1|
    expect(agreeingDigits(v('-1.001'), v(-1))).toBeCloseTo(3, 12);
    // the reference is b: 0.001 / 1.001 gives 3 + log10(1.001)
    expect(agreeingDigits(v(1), v('1.001'))).toBeCloseTo(3 + Math.log10(1.001), 12);
    // largest difference 0.002 over largest |b| = 4: −log10(0.0005) = 3.30103…
    expect(agreeingDigits(v('1.001', '-3.998', '0'), v(1, -4, '0.0001'))).toBeCloseTo(-Math.log10(0.0005), 12);
    // a difference far below the 20-digit estimate of the difference's precision still counts
    expect(agreeingDigits(v('1.000000000000000000000000000001'), v(1))).toBeCloseTo(30, 12);
  });

  it('is normwise: an entry near 0 that differs in its first digit does not lower the count', () => {
    // Entrywise the second entry agrees in no digit; against the vector's scale 1 it is 10^−10 off.
    expect(agreeingDigits(v(1, '1e-10'), v(1, '2e-10'))).toBeCloseTo(10, 12);
  });

  it('refuses vectors of different lengths, naming a', () => {
    const e = refusal(() => agreeingDigits(v(1, 2), v(1)));
    expect(e.field).toBe('a');
    expect(e.message).toContain('has 2 entries, the reference b has 1');
  });
});
