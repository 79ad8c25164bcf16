import { describe, expect, it } from 'vitest';
import type { ClaimWork, IndexedRun } from '../claims/core/runner.js';
import { countingWork, poolSchedule } from './claimWork.js';

const holds = { verdict: 'holds', slack: 1, detail: '', measured: {} } as const;
const run = (index: number): IndexedRun => ({ index, applies: true, verdict: holds });

const fake: ClaimWork = {
  mainRuns: (from, to) => Promise.resolve(Array.from({ length: to - from }, (_, k) => run(from + k))),
  fault: () => Promise.resolve({ fault: 'f', epsilon: null, why: '', refuted: true, searched: 1, detail: '', slack: -1 }),
  control: () => Promise.resolve({ description: 'c', target: 'refuted', fired: true, searched: 1, detail: '', slack: -1 }),
  shrink: () => Promise.resolve({ scenario: 0, verdict: holds, shrinks: 0 }),
};

describe('countingWork', () => {
  it('ticks once per main run up to the claim’s count, and once per fault search and control', async () => {
    let ticks = 0;
    const { work, finish } = countingWork(fake, 5, () => ticks++);
    await work.mainRuns(0, 3);
    expect(ticks).toBe(3);
    // Redrawn indices past the count (skipped draws) do not push the count past the total.
    await work.mainRuns(3, 9);
    expect(ticks).toBe(5);
    finish();
    expect(ticks).toBe(5);
    await work.fault(0);
    await work.control(0);
    await work.shrink(2);
    expect(ticks).toBe(7);
  });

  it('finish ticks the main runs a claim stopped short of', async () => {
    let ticks = 0;
    const { work, finish } = countingWork(fake, 20, () => ticks++);
    await work.mainRuns(0, 1);
    finish();
    expect(ticks).toBe(20);
  });
});

describe('poolSchedule', () => {
  const runner = (parallel: boolean) => ({ parallel, run: () => Promise.reject(new Error('not run')) });
  it('one index at a time in this thread; whole waves on a pool, one run a task in the deep tier', () => {
    expect(poolSchedule(runner(false), 'deep', 100, 2)).toEqual({ wave: 1, runsPerTask: 1 });
    expect(poolSchedule(runner(true), 'deep', 100, 2)).toEqual({ wave: Number.POSITIVE_INFINITY, runsPerTask: 1 });
    expect(poolSchedule(runner(true), 'quick', 5, 2)).toEqual({ wave: Number.POSITIVE_INFINITY, runsPerTask: 3 });
  });
});
