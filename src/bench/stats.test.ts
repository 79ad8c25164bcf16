import { describe, expect, it } from 'vitest';
import { median, summarize } from './stats.js';

describe('summarize', () => {
  it('gives median, MAD, min and max', () => {
    expect(summarize([3, 1, 2])).toEqual({ k: 3, median: 2, mad: 1, min: 1, max: 3 });
    expect(summarize([1, 2, 3, 4])).toEqual({ k: 4, median: 2.5, mad: 1, min: 1, max: 4 });
    expect(summarize([5])).toEqual({ k: 1, median: 5, mad: 0, min: 5, max: 5 });
  });

  it('is not moved by one wild sample (a preempted run)', () => {
    const s = summarize([10, 11, 9, 10, 1000]);
    expect(s.median).toBe(10);
    expect(s.mad).toBe(1);
    expect(s.max).toBe(1000);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});
