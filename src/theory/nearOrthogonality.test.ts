import { describe, expect, it } from 'vitest';
import { nearOrthogonality } from './nearOrthogonality.js';
import { refusal } from '../_testing/refusal.js';

describe('nearly-orthogonal hypothesis (docs/theory.md §3.3)', () => {
  it('holds at C equal to its ratio, the largest C for which it holds', () => {
    const data = { n: 2, d: 2, X: Float64Array.of(2, 0.1, 0.1, 3), y: Float64Array.of(1, -1) };
    const { ratio } = nearOrthogonality(data);
    expect(nearOrthogonality(data, ratio).holds).toBe(true);
    expect(nearOrthogonality(data, ratio * (1 + 1e-12)).holds).toBe(false);
  });

  it('refuses C ≤ 0, ∞ or NaN, naming C and the value', () => {
    const data = { n: 2, d: 2, X: Float64Array.of(1, 0, 0, 1), y: Float64Array.of(1, 1) };
    const zero = refusal(() => nearOrthogonality(data, 0));
    expect(zero.field).toBe('C');
    expect(zero.message).toBe('C: expected a positive finite constant, got 0');
    for (const C of [-1, Infinity, NaN]) expect(refusal(() => nearOrthogonality(data, C)).field).toBe('C');
  });
});
