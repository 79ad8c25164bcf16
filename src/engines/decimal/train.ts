import type { Decimal } from 'decimal.js';
import { InputError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import { defaultCheckpoints, normalizeCheckpoints } from '../schedule.js';
import type { CheckpointOf, TrainOptions, TrajectoryOf } from '../types.js';
import { makeDecimalContext, type Arithmetic, type DecimalContext, type DecimalOptions } from './context.js';
import { descent, logLoss, loss, margins, normW } from './engine.js';
import { trainDecimalSquare } from './square.js';

/** Options of {@link trainDecimal}: the common ones plus the precision and arithmetic. */
export type DecimalTrainOptions = TrainOptions & DecimalOptions;

/** A decimal run, with the precision and arithmetic it used. */
export interface DecimalTrajectory extends TrajectoryOf<Decimal> {
  /** Final weights W(steps), m×d row-major. */
  readonly W: readonly Decimal[];
  /** Final second layer a(steps), when it is trained (docs/theory.md §11). */
  readonly a?: readonly Decimal[];
  /** Significant decimal digits of every number in the run. */
  readonly digits: number;
  readonly arithmetic: Arithmetic;
}

/** The checkpoint record of W (docs/theory.md §1-§2 quantities). */
function checkpoint(ctx: DecimalContext, t: number, W: readonly Decimal[], recordW: boolean): CheckpointOf<Decimal> {
  const q = margins(ctx, W);
  let minMargin = q[0]!;
  let maxMargin = q[0]!;
  for (const qi of q) {
    if (qi.lt(minMargin)) minMargin = qi;
    if (qi.gt(maxMargin)) maxMargin = qi;
  }
  return {
    t,
    loss: loss(ctx, W),
    logLoss: logLoss(ctx, W),
    minMargin,
    maxMargin,
    normW: normW(ctx, W),
    ...(recordW ? { W } : {}),
  };
}

/**
 * Runs GD (docs/theory.md §1) from the problem's W(0) for `options.steps` (default `problem.steps`) steps at
 * `options.digits` (default 50) significant digits (the square loss of docs/theory.md §11 runs in square.ts), recording a checkpoint after each step count in
 * `options.checkpoints` (default {@link defaultCheckpoints}: log-spaced, t = 0 included).
 *
 * @returns the final W and loss and the checkpoints, all Decimals at `digits` digits, and the settings.
 * @throws InputError on `digits` (integer in [20, 1000]), `arithmetic`, `steps` (non-negative integer)
 *   or `checkpoints` (integers in [0, steps]), before any computation.
 * @throws NumericalError when the run leaves decimal.js's finite range (see engine.ts).
 */
export function trainDecimal(problem: Problem, options: DecimalTrainOptions = {}): DecimalTrajectory {
  if (problem.loss === 'square') return trainDecimalSquare(problem, options);
  const steps = options.steps ?? problem.steps;
  if (!Number.isSafeInteger(steps) || steps < 0) throw new InputError('steps', `must be a non-negative integer, got ${steps}`);
  const schedule =
    options.checkpoints === undefined ? defaultCheckpoints(steps) : normalizeCheckpoints(options.checkpoints, steps);
  const ctx = makeDecimalContext(problem, {
    ...(options.digits !== undefined ? { digits: options.digits } : {}),
    ...(options.arithmetic !== undefined ? { arithmetic: options.arithmetic } : {}),
  });
  const recordW = options.recordW ?? false;

  const checkpoints: CheckpointOf<Decimal>[] = [];
  const gd = descent(ctx);
  let next = 0; // index of the next checkpoint in schedule
  for (;;) {
    if (schedule[next] === gd.t) {
      checkpoints.push(checkpoint(ctx, gd.t, gd.weights(), recordW));
      next++;
    }
    if (gd.t === steps) break;
    gd.advance();
  }
  const W = gd.weights();
  return { engine: 'decimal', steps, W, loss: loss(ctx, W), checkpoints, digits: ctx.digits, arithmetic: ctx.arithmetic };
}
