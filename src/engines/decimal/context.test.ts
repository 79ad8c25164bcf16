import { describe, expect, it } from 'vitest';
import { refusal } from '../../_testing/refusal.js';
import type { Problem } from '../../problem/types.js';
import { validateProblem } from '../../problem/validate.js';
import { checkWeights, DEFAULT_DIGITS, makeDecimalContext, MAX_DIGITS, MIN_DIGITS } from './context.js';
import type { BinaryAlignedVector, Scaled } from './fixedPoint.js';
import { decimalConstructor } from './precision.js';

/** Exact reference values: 2000 digits hold every double's expansion that appears here. */
const R = decimalConstructor(2000);
const value = (s: Scaled): string => new R(`${s.coef}e${s.exp}`).toString();
const binaryValues = (v: BinaryAlignedVector): string[] => v.coefs.map((c) => new R(c.toString()).times(new R(2).pow(v.exp2)).toString());
/** The exact decimal expansion of the double 0.1. */
const POINT_ONE = '0.1000000000000000055511151231257827021181583404541015625';

const problem: Problem = validateProblem({
  X: [
    [0.5, -3],
    [0.1, 0.25],
    [-2, 0],
  ],
  y: [1, -1, 1],
  gamma: 0.25,
  a: [0.5, -2],
  W0: [
    [0.1, 1],
    [-0.75, 0],
  ],
  lr: 0.375,
  steps: 1,
});

describe('makeDecimalContext', () => {
  it('accepts integer digits from MIN_DIGITS to MAX_DIGITS, default DEFAULT_DIGITS', () => {
    expect(makeDecimalContext(problem).digits).toBe(DEFAULT_DIGITS);
    expect(makeDecimalContext(problem).D.precision).toBe(DEFAULT_DIGITS);
    for (const digits of [MIN_DIGITS, 37, MAX_DIGITS]) {
      const ctx = makeDecimalContext(problem, { digits });
      expect(ctx.digits).toBe(digits);
      expect(ctx.D.precision).toBe(digits);
    }
    for (const digits of [MIN_DIGITS - 1, MAX_DIGITS + 1, 25.5, Number.NaN, Infinity]) {
      const e = refusal(() => makeDecimalContext(problem, { digits }));
      expect(e.field).toBe('digits');
      expect(e.message).toContain(`must be an integer in [${MIN_DIGITS}, ${MAX_DIGITS}], got ${digits}`);
    }
  });

  it("uses the fixed arithmetic by default, keeps plain, and refuses anything else", () => {
    expect(makeDecimalContext(problem).arithmetic).toBe('fixed');
    expect(makeDecimalContext(problem, { arithmetic: 'fixed' }).arithmetic).toBe('fixed');
    expect(makeDecimalContext(problem, { arithmetic: 'plain' }).arithmetic).toBe('plain');
    const e = refusal(() => makeDecimalContext(problem, { arithmetic: 'fast' as 'plain' }));
    expect(e.field).toBe('arithmetic');
    expect(e.message).toContain("must be 'plain' or 'fixed', got fast");
  });

  it('refuses the square loss, which is not a loss of the margin', () => {
    expect(refusal(() => makeDecimalContext({ ...problem, loss: 'square' })).field).toBe('loss');
  });

  it('holds the shape, the loss and every number of the problem exactly, beyond the precision', () => {
    const ctx = makeDecimalContext(problem, { digits: 20 });
    expect([ctx.n, ctx.d, ctx.m, ctx.loss]).toEqual([3, 2, 2, 'exp']);
    // 0.1 keeps its 55 digits although the context rounds arithmetic to 20.
    expect(ctx.X.map(String)).toEqual(['0.5', '-3', POINT_ONE, '0.25', '-2', '0']);
    expect(ctx.y.map(String)).toEqual(['1', '-1', '1']);
    expect(ctx.a.map(String)).toEqual(['0.5', '-2']);
    expect(ctx.W0.map(String)).toEqual([POINT_ONE, '1', '-0.75', '0']);
    expect(ctx.gamma.toString()).toBe('0.25');
    expect(ctx.lr.toString()).toBe('0.375');
    expect(makeDecimalContext({ ...problem, loss: 'logistic' }).loss).toBe('logistic');
  });

  it('holds the fixed-point forms: X by entry, row and column, a_j·φ′ and −α·a_j', () => {
    const { fixed } = makeDecimalContext(problem, { digits: 20 });
    expect(fixed.x.map(value)).toEqual(['0.5', '-3', POINT_ONE, '0.25', '-2', '0']);
    expect(fixed.xRows.map(binaryValues)).toEqual([
      ['0.5', '-3'],
      [POINT_ONE, '0.25'],
      ['-2', '0'],
    ]);
    expect(fixed.xCols.map(binaryValues)).toEqual([
      ['0.5', POINT_ONE, '-2'],
      ['-3', '0.25', '0'],
    ]);
    expect(fixed.y).toEqual([1, -1, 1]);
    expect(fixed.phiPrime.map(value)).toEqual(['1', '0.25']);
    // index 2j: a_j·1 (z > 0), index 2j + 1: a_j·γ (z ≤ 0)
    expect(fixed.aPhiPrime.map(value)).toEqual(['0.5', '0.125', '-2', '-0.5']);
    // −0.375·0.5 and −0.375·(−2)
    expect(fixed.minusLrA.map(value)).toEqual(['-0.1875', '0.75']);
  });
});

describe('checkWeights', () => {
  it('accepts m·d entries and refuses any other count, naming W', () => {
    const ctx = makeDecimalContext(problem, { digits: 20 });
    expect(() => checkWeights(ctx, ctx.W0)).not.toThrow();
    for (const W of [ctx.W0.slice(1), [...ctx.W0, ctx.W0[0]!]]) {
      const e = refusal(() => checkWeights(ctx, W));
      expect(e.field).toBe('W');
      expect(e.message).toContain(`expected 2×2 = 4 entries, got ${W.length}`);
    }
  });
});
