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

/** Runs tasks as they are submitted: on worker threads, or in this thread one after the other. */
export interface TaskRunner {
  /** Whether tasks run at once (a pool of two or more workers). */
  readonly parallel: boolean;
  run<K extends Task['kind']>(task: Task & { kind: K }): Promise<TaskResults[K]>;
}

/**
 * Calls `body` with a {@link TaskRunner} on `workers` worker threads (a tinypool; in this thread,
 * one task after the other in submission order, when `workers` is 1 or the compiled worker entry is
 * missing, as under a test runner on the TypeScript sources), and shuts the pool down afterwards.
 * Each task carries its own seeds, so its result is the same bits wherever it runs. An error in a
 * worker is rethrown here with its class and fields (an InputError stays an InputError).
 */
export async function withTaskRunner<T>(workers: number, body: (runner: TaskRunner) => Promise<T>): Promise<T> {
  if (workers <= 1 || !poolAvailable()) {
    let queue: Promise<unknown> = Promise.resolve();
    return body({
      parallel: false,
      run<K extends Task['kind']>(task: Task & { kind: K }) {
        const next = queue.then(() => runTask(task) as Promise<TaskResults[K]>);
        queue = next.catch(() => undefined);
        return next;
      },
    });
  }
  const pool = new Tinypool({ filename: WORKER_URL.href, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  try {
    return await body({
      parallel: true,
      async run<K extends Task['kind']>(task: Task & { kind: K }) {
        const r = (await pool.run(task)) as Outcome;
        if (!r.ok) throw unpackError(r.error);
        return r.value as TaskResults[K];
      },
    });
  } finally {
    await pool.destroy();
  }
}

/** Options of {@link runTasks}. */
export interface PoolOptions {
  /** Worker threads; 1 runs every task in this thread, in order. */
  readonly workers: number;
  /** Called once per finished task (in completion order), e.g. to advance a progress bar. */
  readonly onDone?: (index: number) => void;
}

/**
 * Runs a list of tasks with {@link withTaskRunner} and returns their results in the order of `tasks`:
 * the same bits for any number of workers.
 */
export async function runTasks<K extends Task['kind']>(tasks: readonly (Task & { kind: K })[], options: PoolOptions): Promise<TaskResults[K][]> {
  return withTaskRunner(Math.min(options.workers, tasks.length), (runner) =>
    Promise.all(
      tasks.map(async (t, k) => {
        const r = await runner.run<K>(t);
        options.onDone?.(k);
        return r;
      }),
    ),
  );
}
