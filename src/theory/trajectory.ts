import { marginLoss } from '../problem/marginLoss.js';
import type { Problem } from '../problem/types.js';
import type { TrainedCheckpoint } from '../trainers/types.js';
import { margins } from './margins.js';
import { referenceShapeTheory, withShape, type ShapeQuantities, type ShapeTheory } from './shape.js';

/**
 * A checkpoint with the quantities of docs/theory.md §1–§2 computed by the suite from W alone, and
 * the shape quantities of docs/theory.md §9.1 (stable ranks, normalised and smoothed margins).
 */
export interface MeasuredCheckpoint extends ShapeQuantities {
  readonly t: number;
  /** W(t), m×d row-major, as the trainer reported it. */
  readonly W: Float64Array;
  /** L(W(t)) = (1/n) Σ_i ℓ(q_i), from the margins (may underflow to 0; `logLoss` does not). */
  readonly loss: number;
  /** log L(W(t)), finite when `loss` underflows. */
  readonly logLoss: number;
  readonly minMargin: number;
  readonly maxMargin: number;
  /** ‖W(t)‖_F. */
  readonly normW: number;
  /** The trainer's own loss, when it reported one (never used for a verdict). */
  readonly trainerLoss?: number;
}

/** A trainer's run as the claims read it. */
export interface MeasuredTrajectory {
  /** The trainer's name. */
  readonly trainer: string;
  /** The last checkpoint's t. */
  readonly steps: number;
  readonly checkpoints: readonly MeasuredCheckpoint[];
  /** W at the last checkpoint. */
  readonly W: Float64Array;
}

/**
 * Margins, loss, log-loss and ‖W‖ at every checkpoint, recomputed from W (docs/theory.md §1–§2): a
 * trainer supplies weights only, so every trainer's run is judged by the same arithmetic. The shape
 * quantities (docs/theory.md §9.1) come from `shape` (a claim passes its context's theory), computed
 * on first read.
 */
export function measureTrajectory(
  p: Problem,
  trainer: string,
  trained: readonly TrainedCheckpoint[],
  shape: ShapeTheory = referenceShapeTheory,
): MeasuredTrajectory {
  const checkpoints = trained.map((c): MeasuredCheckpoint => {
    const r = margins(p, c.W, marginLoss(p.loss));
    let minMargin = Infinity;
    let maxMargin = -Infinity;
    for (const q of r.q) {
      minMargin = Math.min(minMargin, q);
      maxMargin = Math.max(maxMargin, q);
    }
    const logLoss = r.logLossSum - Math.log(p.n);
    const base = {
      t: c.t,
      W: c.W,
      loss: Math.exp(logLoss),
      logLoss,
      minMargin,
      maxMargin,
      normW: r.normF,
      ...(c.loss !== undefined ? { trainerLoss: c.loss } : {}),
    };
    return withShape(base, p, c.W, r.q, r.normF, shape);
  });
  const last = checkpoints[checkpoints.length - 1]!;
  return { trainer, steps: last.t, checkpoints, W: last.W };
}
