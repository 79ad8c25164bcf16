/**
 * Types shared by the float64 and decimal engines. Only types and the checkpoint schedule live
 * here: the engines share no arithmetic, so a bug in one is not copied into the other.
 */

/** What a trainer records at a checkpoint `t` (after t GD steps), in the engine's number type `N`. */
export interface CheckpointOf<N> {
  /** Number of GD steps taken. */
  readonly t: number;
  /** Empirical risk `L(W(t))`, the mean loss (docs/theory.md §1). May underflow to 0; `logLoss` does not. */
  readonly loss: N;
  /** `log L(W(t))`, computed stably (log-sum-exp), finite even when `loss` underflows. */
  readonly logLoss: N;
  /** `min_i q_i(t)`, the smallest margin `y_i f(x_i; W(t))`. */
  readonly minMargin: N;
  /** `max_i q_i(t)`. */
  readonly maxMargin: N;
  /** Frobenius norm `‖W(t)‖_F`. */
  readonly normW: N;
  /** The weights, m×d row-major, when the trainer was asked to record them. */
  readonly W?: readonly N[] | Float64Array;
  /** The second layer `a(t)`, length m, whenever it is trained (docs/theory.md §11). */
  readonly a?: readonly N[] | Float64Array;
}

/** Options every trainer takes. */
export interface TrainOptions {
  /** Steps to take; defaults to the problem's `steps`. */
  readonly steps?: number;
  /** Step counts to record, each in [0, steps]; defaults to {@link defaultCheckpoints}. */
  readonly checkpoints?: readonly number[];
  /** Keep a copy of W at every checkpoint (costs m·d numbers each). */
  readonly recordW?: boolean;
}

/** A whole run: the final state and the checkpoints, in the engine's number type `N`. */
export interface TrajectoryOf<N> {
  readonly engine: 'float64' | 'decimal';
  readonly steps: number;
  /** Final weights W(steps), m×d row-major. */
  readonly W: readonly N[] | Float64Array;
  /** Final second layer `a(steps)`, when it is trained (docs/theory.md §11). */
  readonly a?: readonly N[] | Float64Array;
  /** `L(W(steps))`. */
  readonly loss: N;
  readonly checkpoints: readonly CheckpointOf<N>[];
}
