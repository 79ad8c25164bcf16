/** The entry point of a pool worker (compiled to dist/workers/worker.js): one task in, its result out. */
import { runTask, type Task } from './tasks.js';

export default function work(task: Task): Promise<unknown> {
  return runTask(task);
}
