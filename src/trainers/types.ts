import type { Problem } from '../problem/types.js';

/** One recorded state of a run: the weights after `t` GD steps, and the trainer's own loss if it reports one. */
export interface TrainedCheckpoint {
  /** GD steps taken. */
  readonly t: number;
  /** W(t), m×d row-major. */
  readonly W: Float64Array;
  /** The trainer's own value of L(W(t)), for comparison; the suite always recomputes L from W. */
  readonly loss?: number;
  /** a(t), length m: required when the problem trains the second layer (docs/theory.md §11), absent otherwise. */
  readonly a?: Float64Array;
}

/**
 * Anything that runs gradient descent (docs/theory.md §1) on a problem and reports W at the requested
 * step counts: the float64 engine, the decimal reference, a planted fault, or a user's own code. Every
 * claim reads its trajectories through this seam and computes margins, losses and norms from W itself,
 * so a fault or a foreign trainer is judged on exactly the path a correct trainer takes.
 */
export interface Trainer {
  /** A short name for reports (`float64`, `decimal@50`, `fault:backward-relu`). */
  readonly name: string;
  /**
   * Runs GD from the problem's W(0) and returns W at each requested step count.
   * @param checkpoints - step counts, strictly increasing, the last one the number of steps to take
   * @returns one entry per requested checkpoint, in the same order
   */
  train(problem: Problem, checkpoints: readonly number[]): Promise<readonly TrainedCheckpoint[]>;
}
