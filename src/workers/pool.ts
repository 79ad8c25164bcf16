import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { unpackError, type Outcome } from './outcome.js';
import { runTask, type Task, type TaskResults } from './tasks.js';

/** The compiled worker entry, next to this module in dist/ (absent when running from TypeScript sources). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Workers when `--workers` is not given: every core the process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Whether a pool can start here: the compiled worker entry exists (it does under dist/). */
export function poolAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** Options of {@link runTasks}. */
export interface PoolOptions {
  /** Worker threads; 1 runs every task in this thread, in order. */
  readonly workers: number;
  /** Called once per finished task (in completion order), e.g. to advance a progress bar. */
  readonly onDone?: (index: number) => void;
}

/**
 * Runs tasks on a tinypool of worker threads and returns their results in the order of `tasks`.
 * Each task carries its own seeds, so the results are the same bits for any number of workers. With
 * one worker, or where the compiled worker entry is missing (TypeScript sources under a test runner),
 * the tasks run in this thread, one after the other. An error in a worker is rethrown here with its
 * class and fields (an InputError stays an InputError).
 */
export async function runTasks<K extends Task['kind']>(tasks: readonly (Task & { kind: K })[], options: PoolOptions): Promise<TaskResults[K][]> {
  const workers = Math.min(options.workers, tasks.length);
  if (workers <= 1 || !poolAvailable()) {
    const out: TaskResults[K][] = [];
    for (const [k, t] of tasks.entries()) {
      out.push((await runTask(t)) as TaskResults[K]);
      options.onDone?.(k);
    }
    return out;
  }
  const pool = new Tinypool({ filename: WORKER_URL.href, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  try {
    return await Promise.all(
      tasks.map(async (t, k) => {
        const r = (await pool.run(t)) as Outcome;
        if (!r.ok) throw unpackError(r.error);
        options.onDone?.(k);
        return r.value as TaskResults[K];
      }),
    );
  } finally {
    await pool.destroy();
  }
}
