import { NumericalError, TrainerError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import type { TrainedCheckpoint } from './types.js';

/**
 * Checks a trainer's answer against its request: one checkpoint per requested t, in order, each W of
 * m×d finite entries, and a(t) of m finite entries when the problem trains the second layer. A malformed answer is a {@link TrainerError} naming the field; a non-finite
 * entry is a {@link NumericalError} (the trainer's run left the float64 range), so a claim reports it as
 * a refutation with its reason, never as a silent NaN.
 */
export function checkTrainedCheckpoints(
  trainer: string,
  p: Problem,
  requested: readonly number[],
  answer: readonly TrainedCheckpoint[],
): readonly TrainedCheckpoint[] {
  if (!Array.isArray(answer)) throw new TrainerError(trainer, 'checkpoints', `expected an array, got ${typeof answer}`);
  if (answer.length !== requested.length) {
    throw new TrainerError(trainer, 'checkpoints', `expected ${requested.length} checkpoints, got ${answer.length}`);
  }
  const size = p.m * p.d;
  answer.forEach((c, k) => {
    if (c.t !== requested[k]) throw new TrainerError(trainer, `checkpoints[${k}].t`, `expected ${requested[k]}, got ${String(c.t)}`);
    if (!(c.W instanceof Float64Array) || c.W.length !== size) {
      throw new TrainerError(trainer, `checkpoints[${k}].W`, `expected ${p.m}×${p.d} numbers, got ${c.W instanceof Float64Array ? c.W.length : typeof c.W}`);
    }
    for (let e = 0; e < size; e++) {
      if (!Number.isFinite(c.W[e])) {
        throw new NumericalError(`W at step ${c.t}`, `${trainer} returned W[${Math.floor(e / p.d)}][${e % p.d}] = ${c.W[e]}`);
      }
    }
    if (p.trainSecondLayer === true) {
      if (!(c.a instanceof Float64Array) || c.a.length !== p.m) {
        throw new TrainerError(trainer, `checkpoints[${k}].a`, `the problem trains the second layer: expected a(t) of m = ${p.m} numbers, got ${c.a instanceof Float64Array ? c.a.length : typeof c.a}`);
      }
      for (let j = 0; j < p.m; j++) {
        if (!Number.isFinite(c.a[j])) throw new NumericalError(`a at step ${c.t}`, `${trainer} returned a[${j}] = ${c.a[j]}`);
      }
    }
    if (c.loss !== undefined && typeof c.loss !== 'number') throw new TrainerError(trainer, `checkpoints[${k}].loss`, `expected a number, got ${typeof c.loss}`);
  });
  return answer;
}

/**
 * Checks a checkpoint request: non-empty, integers ≥ 0, strictly increasing.
 * @throws TrainerError naming the field
 */
export function checkCheckpointRequest(trainer: string, checkpoints: readonly number[]): void {
  if (checkpoints.length === 0) throw new TrainerError(trainer, 'checkpoints', 'at least one checkpoint is needed');
  checkpoints.forEach((t, k) => {
    if (!Number.isSafeInteger(t) || t < 0) throw new TrainerError(trainer, `checkpoints[${k}]`, `expected a non-negative integer, got ${t}`);
    if (k > 0 && t <= checkpoints[k - 1]!) throw new TrainerError(trainer, `checkpoints[${k}]`, `must exceed the previous checkpoint ${checkpoints[k - 1]}`);
  });
}
