import { describe, expect, it } from 'vitest';
import { fieldOf, refusal } from '../../_testing/refusal.js';
import type { Problem } from '../../problem/types.js';
import { checkProblemShape } from './engine.js';

/** A well-formed engine-form problem with n = 2, d = 3, m = 1 (distinct sizes, so a swapped length shows). */
function shaped(overrides: Partial<Problem> = {}): Problem {
  return {
    n: 2, d: 3, m: 1,
    X: Float64Array.from([1, 0, 0, 0, 1, 0]), y: Float64Array.from([1, -1]), a: Float64Array.from([1]),
    W0: Float64Array.from([0.5, 0.25, 0]), gamma: 0.5, loss: 'exp', lr: 0.5, steps: 1,
    ...overrides,
  };
}

describe('checkProblemShape', () => {
  it('accepts a well-formed problem, every loss, and γ and α at the ends of their ranges', () => {
    expect(fieldOf(() => checkProblemShape(shaped()))).toBeUndefined();
    for (const loss of ['exp', 'logistic', 'square'] as const) expect(fieldOf(() => checkProblemShape(shaped({ loss })))).toBeUndefined();
    // γ ∈ [0, 1] is closed: ReLU and the linear network are both allowed (docs/theory.md §1).
    expect(fieldOf(() => checkProblemShape(shaped({ gamma: 0 })))).toBeUndefined();
    expect(fieldOf(() => checkProblemShape(shaped({ gamma: 1 })))).toBeUndefined();
    expect(fieldOf(() => checkProblemShape(shaped({ lr: Number.MIN_VALUE })))).toBeUndefined();
    expect(fieldOf(() => checkProblemShape(shaped({ lr: Number.MAX_VALUE })))).toBeUndefined();
    expect(fieldOf(() => checkProblemShape(shaped({ loss: 'square', trainSecondLayer: true })))).toBeUndefined();
    expect(fieldOf(() => checkProblemShape(shaped({ trainSecondLayer: false })))).toBeUndefined();
  });

  it('refuses a size below 1 even when every array matches it, naming the size and its value', () => {
    // n = 0 with empty X and y: the lengths agree, so only the size check can refuse it.
    const e = refusal(() => checkProblemShape(shaped({ n: 0, X: new Float64Array(0), y: new Float64Array(0) })));
    expect(e.field).toBe('n');
    expect(e.message).toBe('n: must be an integer ≥ 1, got 0');
    expect(refusal(() => checkProblemShape(shaped({ d: 0, X: new Float64Array(0), W0: new Float64Array(0) }))).message).toBe(
      'd: must be an integer ≥ 1, got 0',
    );
    expect(refusal(() => checkProblemShape(shaped({ m: -1 }))).message).toBe('m: must be an integer ≥ 1, got -1');
  });

  it('refuses a size that is not a safe integer, though it is at least 1', () => {
    expect(refusal(() => checkProblemShape(shaped({ m: 1.5 }))).message).toBe('m: must be an integer ≥ 1, got 1.5');
    expect(fieldOf(() => checkProblemShape(shaped({ d: Infinity })))).toBe('d');
    expect(fieldOf(() => checkProblemShape(shaped({ n: 2 ** 53 })))).toBe('n');
  });

  it('refuses an array of the wrong length or type, stating the expected length and what it got', () => {
    expect(refusal(() => checkProblemShape(shaped({ X: new Float64Array(5) }))).message).toBe('X: expected a Float64Array of length 6, got 5');
    expect(refusal(() => checkProblemShape(shaped({ y: new Float64Array(3) }))).message).toBe('y: expected a Float64Array of length 2, got 3');
    expect(refusal(() => checkProblemShape(shaped({ a: new Float64Array(2) }))).message).toBe('a: expected a Float64Array of length 1, got 2');
    expect(refusal(() => checkProblemShape(shaped({ W0: [0.5, 0.25, 0] as unknown as Float64Array }))).message).toBe(
      'W0: expected a Float64Array of length 3, got object',
    );
  });

  it.each([-0.5, 1.5, NaN, -Infinity, Infinity])('refuses γ = %s outside [0, 1], stating it', (gamma) => {
    const e = refusal(() => checkProblemShape(shaped({ gamma })));
    expect(e.field).toBe('gamma');
    expect(e.message).toBe(`gamma: must lie in [0, 1], got ${gamma}`);
  });

  it.each([0, -0, -1, Infinity, NaN])('refuses the step size α = %s, which is not positive and finite', (lr) => {
    const e = refusal(() => checkProblemShape(shaped({ lr })));
    expect(e.field).toBe('lr');
    expect(e.message).toBe(`lr: must be a positive finite number, got ${lr}`);
  });

  it('refuses an unknown loss, listing the three it knows', () => {
    const e = refusal(() => checkProblemShape(shaped({ loss: 'hinge' as never })));
    expect(e.field).toBe('loss');
    expect(e.message).toBe('loss: expected "exp", "logistic" or "square", got hinge');
  });

  it.each(['exp', 'logistic'] as const)('refuses training the second layer with the margin loss %s (docs/theory.md §11)', (loss) => {
    const e = refusal(() => checkProblemShape(shaped({ loss, trainSecondLayer: true })));
    expect(e.field).toBe('trainSecondLayer');
    expect(e.message).toBe(`trainSecondLayer: the second layer is trained with the square loss only (docs/theory.md §11), got loss "${loss}"`);
  });

  it('checks the sizes before the arrays and the arrays before the scalars', () => {
    // Each field is reported only when the ones checked before it are sound.
    expect(fieldOf(() => checkProblemShape(shaped({ n: 0, gamma: 2, lr: 0 })))).toBe('n');
    expect(fieldOf(() => checkProblemShape(shaped({ X: new Float64Array(1), gamma: 2 })))).toBe('X');
    expect(fieldOf(() => checkProblemShape(shaped({ gamma: 2, lr: 0 })))).toBe('gamma');
    expect(fieldOf(() => checkProblemShape(shaped({ lr: 0, loss: 'hinge' as never })))).toBe('lr');
  });
});
