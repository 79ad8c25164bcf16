import type { ClaimWork, MainRunSchedule } from '../claims/core/runner.js';
import { unpackError, type PackedError } from './outcome.js';
import type { Tier } from '../claims/core/types.js';
import type { TaskRunner } from './pool.js';

/** What identifies one claim's work in a run: every task of it carries these. */
export interface ClaimTaskKey {
  readonly id: string;
  readonly globalSeed: number;
  readonly tier: Tier;
  /** Applicable main runs asked for (the fault and control searches' budget derives from it too). */
  readonly runs: number;
  /** Evaluations allowed for shrinking a refutation (the runner's `shrinkBudget`). */
  readonly shrinkBudget: number;
}

/**
 * One claim's pieces as tasks of `runner` (the reference context in every worker): main runs, each
 * designated fault, each control and the shrinking of a refutation are separate tasks, so one slow
 * claim spreads over the pool.
 */
export function pooledClaimWork(runner: TaskRunner, key: ClaimTaskKey): ClaimWork {
  const { id, globalSeed, tier, runs, shrinkBudget } = key;
  return {
    mainRuns: async (from, to) =>
      (await runner.run({ kind: 'claim-main', id, globalSeed, tier, from, to })).map((r) => ('error' in r ? { index: r.index, error: unpackError(r.error as PackedError) } : r)),
    fault: (k) => runner.run({ kind: 'claim-fault', id, runs, globalSeed, k }),
    control: (k) => runner.run({ kind: 'claim-control', id, runs, globalSeed, k }),
    shrink: (index) => runner.run({ kind: 'claim-shrink', id, runs, globalSeed, tier, index, shrinkBudget }),
  };
}

/**
 * How main runs are asked of a pool: in this thread one index at a time (nothing past the stop is
 * evaluated); on a pool a whole wave at once (indices past a refutation are evaluated and then
 * ignored), one index a task in the deep tier (a run there takes seconds, so the last task to finish
 * is short), else ⌈runs / workers⌉ indices a task.
 */
export function poolSchedule(runner: TaskRunner, tier: Tier, runs: number, workers: number): MainRunSchedule {
  if (!runner.parallel) return { wave: 1, runsPerTask: 1 };
  return { wave: Number.POSITIVE_INFINITY, runsPerTask: tier === 'deep' ? 1 : Math.max(1, Math.ceil(runs / workers)) };
}

/**
 * `work` that reports each finished piece to `tick`: one per main run (at most `mainRuns` of them,
 * so the count never passes the total a progress bar was given), one per fault search and control.
 * `finish` ticks the main runs a claim did not need (it stopped at a refutation), so a finished run
 * ends at its total.
 */
export function countingWork(work: ClaimWork, mainRuns: number, tick: () => void): { readonly work: ClaimWork; finish(): void } {
  let counted = 0;
  const ticks = (k: number) => {
    for (let i = 0; i < k && counted < mainRuns; i++, counted++) tick();
  };
  return {
    work: {
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
    },
    finish: () => ticks(mainRuns),
  };
}
