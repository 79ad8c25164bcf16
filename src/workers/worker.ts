/** The entry point of a pool worker (compiled to dist/workers/worker.js): one task in, its outcome out. */
import { packError, type Outcome } from './outcome.js';
import { runTask, type Task } from './tasks.js';

export default async function work(task: Task): Promise<Outcome> {
  try {
    return { ok: true, value: await runTask(task) };
  } catch (e) {
    return { ok: false, error: packError(e) };
  }
}
