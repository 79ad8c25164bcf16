import type { ClaimWork, MainRunSchedule } from '../claims/core/runner.js';
import type { Tier } from '../claims/core/types.js';
import type { TaskRunner } from './pool.js';

/** What identifies one claim's work in a run: every task of it carries these. */
export interface ClaimTaskKey {
  readonly id: string;
  readonly globalSeed: number;
  readonly tier: Tier;
  /** Applicable main runs asked for (the fault and control searches' budget derives from it too). */
  readonly runs: number;
}

/**
 * One claim's pieces as tasks of `runner` (the reference context in every worker): main runs, each
 * designated fault, each control and the shrinking of a refutation are separate tasks, so one slow
 * claim spreads over the pool.
 */
export function pooledClaimWork(runner: TaskRunner, key: ClaimTaskKey): ClaimWork {
  const { id, globalSeed, tier, runs } = key;
  return {
    mainRuns: (from, to) => runner.run({ kind: 'claim-main', id, globalSeed, tier, from, to }),
    fault: (k) => runner.run({ kind: 'claim-fault', id, runs, globalSeed, k }),
    control: (k) => runner.run({ kind: 'claim-control', id, runs, globalSeed, k }),
    shrink: (index) => runner.run({ kind: 'claim-shrink', id, runs, globalSeed, tier, index }),
  };
}

/**
 * How main runs are asked of a pool: in this thread one index at a time (nothing past the stop is
 * evaluated); on a pool a whole wave at once, one index a task in the deep tier (a run there takes
 * seconds, so the last task to finish is short), else the wave split evenly over the workers.
 */
export function poolSchedule(runner: TaskRunner, tier: Tier, runs: number, workers: number): MainRunSchedule {
  if (!runner.parallel) return { wave: 1, runsPerTask: 1 };
  return { wave: Number.POSITIVE_INFINITY, runsPerTask: tier === 'deep' ? 1 : Math.max(1, Math.ceil(runs / workers)) };
}

/**
 * `work` that reports each finished piece to `tick`: one per main run (at most `mainRuns` of them,
 * so the count never passes the total a progress bar was given), one per fault search and control.
 */
export function countingWork(work: ClaimWork, mainRuns: number, tick: () => void): ClaimWork {
  let counted = 0;
  const ticks = (k: number) => {
    for (let i = 0; i < k && counted < mainRuns; i++, counted++) tick();
  };
  return {
    mainRuns: async (from, to) => {
      const r = await work.mainRuns(from, to);
      ticks(r.length);
      return r;
    },
    fault: async (k) => {
      const r = await work.fault(k);
      tick();
      return r;
    },
    control: async (k) => {
      const r = await work.control(k);
      tick();
      return r;
    },
    shrink: (index) => work.shrink(index),
  };
}
