import { describe, expect, it } from 'vitest';
import { fieldOf, refusal } from '../_testing/refusal.js';
import { defaultCheckpoints, logSpacedCheckpoints, normalizeCheckpoints } from './schedule.js';

describe('logSpacedCheckpoints', () => {
  it('is [0] for zero steps and [0, 1] for one', () => {
    expect(logSpacedCheckpoints(0)).toEqual([0]);
    expect(logSpacedCheckpoints(1)).toEqual([0, 1]);
  });

  it('places perDecade points per decade at 10^(k/perDecade), rounded', () => {
    // 10^(k/4) for k = 0..4: 1, 1.78, 3.16, 5.62, 10.
    expect(logSpacedCheckpoints(10, 4)).toEqual([0, 1, 2, 3, 6, 10]);
    // 10^(k/2) for k = 0..4: 1, 3.16, 10, 31.6, 100.
    expect(logSpacedCheckpoints(100, 2)).toEqual([0, 1, 3, 10, 32, 100]);
    expect(logSpacedCheckpoints(1000, 1)).toEqual([0, 1, 10, 100, 1000]);
  });

  it('spreads ⌈log10(steps)·perDecade⌉ intervals evenly in log t when steps is not a power of 10', () => {
    // log10 5 · 4 = 2.8, so 3 intervals: 5^(k/3) = 1, 1.71, 2.92, 5.
    expect(logSpacedCheckpoints(5, 4)).toEqual([0, 1, 2, 3, 5]);
  });

  it('drops the points that round to the same step', () => {
    // log10 2 · 4 = 1.2, so 2 intervals: 2^(k/2) = 1, 1.41, 2; 1.41 rounds onto 1.
    expect(logSpacedCheckpoints(2, 4)).toEqual([0, 1, 2]);
  });

  it('gives, for a longer run, strictly increasing integers from 0 to steps', () => {
    for (const steps of [3, 7, 99, 12345]) {
      const list = logSpacedCheckpoints(steps, 3);
      expect(list[0]).toBe(0);
      expect(list.at(-1)).toBe(steps);
      for (let k = 1; k < list.length; k++) {
        expect(Number.isSafeInteger(list[k])).toBe(true);
        expect(list[k]).toBeGreaterThan(list[k - 1]!);
      }
    }
  });
});

describe('defaultCheckpoints', () => {
  it('is log-spaced with 4 points per decade', () => {
    // 10^(k/4) for k = 0..12: 1, 1.78, 3.16, 5.62, 10, 17.8, 31.6, 56.2, 100, 178, 316, 562, 1000.
    expect(defaultCheckpoints(1000)).toEqual([0, 1, 2, 3, 6, 10, 18, 32, 56, 100, 178, 316, 562, 1000]);
    expect(defaultCheckpoints(0)).toEqual([0]);
  });
});

describe('normalizeCheckpoints', () => {
  it('returns the list sorted numerically and without repeats, leaving the input alone', () => {
    const list = [10, 9, 100, 9, 0];
    expect(normalizeCheckpoints(list, 100)).toEqual([0, 9, 10, 100]);
    expect(list).toEqual([10, 9, 100, 9, 0]);
    expect(normalizeCheckpoints([], 5)).toEqual([]);
  });

  it('accepts 0 and the last step itself', () => {
    expect(normalizeCheckpoints([7, 0], 7)).toEqual([0, 7]);
    expect(normalizeCheckpoints([0], 0)).toEqual([0]);
  });

  it('refuses a checkpoint past the last step, stating both', () => {
    const e = refusal(() => normalizeCheckpoints([3, 8], 7));
    expect(e.field).toBe('checkpoints');
    expect(e.message).toBe('checkpoints: checkpoint 8 is past the last step (7)');
  });

  it.each([-1, 1.5, NaN, Infinity, 2 ** 53])('refuses the entry %s, which is not a non-negative safe integer', (t) => {
    expect(refusal(() => normalizeCheckpoints([0, t], 10 ** 17)).message).toBe(`checkpoints: checkpoints must be non-negative integers, got ${t}`);
  });

  it('names the field it is given', () => {
    expect(fieldOf(() => normalizeCheckpoints([-1], 5, '--checkpoints'))).toBe('--checkpoints');
    expect(fieldOf(() => normalizeCheckpoints([6], 5, 'checkpointsW'))).toBe('checkpointsW');
  });
});
