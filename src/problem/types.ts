/**
 * The problem file: a public contract that other tools read and write (docs/theory.md §1 fixes its meaning).
 * Field names are frozen; see README "Problem file".
 */

/** Loss of the margin `u` (docs/theory.md §1): `exp` is `e^{-u}` (H25), `logistic` is `log(1 + e^{-u})`. */
export type MarginLossName = 'exp' | 'logistic';

/**
 * Every loss a problem may name: the margin losses, and `square`, `½(f(x_i) − y_i)²` on real targets
 * (MORTH26, DBP25; docs/theory.md §1 and §11), which is not a function of the margin.
 */
export type LossName = MarginLossName | 'square';

/** How the initial second layer is drawn when `a` is absent (docs/theory.md §11). */
export type SecondLayerInit = 'balanced' | 'gaussian';

/** The problem file exactly as stored on disk (JSON). */
export interface ProblemFile {
  /** Data matrix, n rows of d features. */
  X: number[][];
  /** Labels, each +1 or -1, length n; real targets with the square loss. */
  y: number[];
  /** Leaky-ReLU slope `γ ∈ [0, 1]` (0: ReLU, 1: linear). */
  gamma: number;
  /**
   * Fixed second layer, length m. Defaults to the balanced `±1/√m` of docs/theory.md §1. With
   * `trainSecondLayer` it is the initial second layer `a(0)`.
   */
  a?: number[];
  /** Width; implied by `a` or `W0` when those are given. */
  m?: number;
  /** Initial first layer, m rows of d. Takes precedence over `init`. */
  W0?: number[][];
  /**
   * Gaussian initialisation `N(0, scale²)` from a seeded generator, used when `W0` is absent.
   * `secondLayer` draws `a(0)` when `a` is absent (docs/theory.md §11): `balanced` gives
   * `|a_j(0)| = ‖w_j(0)‖` with random signs, `gaussian` gives `a_j(0) ~ N(0, scale²)`.
   */
  init?: { scale: number; seed: number | string; secondLayer?: SecondLayerInit };
  /** Defaults to `exp`. `square` takes real targets `y`. */
  loss?: LossName;
  /** Train the second layer too (square loss only; default false): GD on `(W, a)` (docs/theory.md §1, §11). */
  trainSecondLayer?: boolean;
  /** Constant step size `α > 0`. */
  lr: number;
  /** Number of GD steps, a non-negative integer. */
  steps: number;
  /** Mean of the mixture the data came from, when known (length d). */
  mu?: number[];
  /** Diagonal of the noise covariance of that mixture, when known (length d, entries ≥ 0). */
  sigmaDiag?: number[];
}

/**
 * A validated problem in engine form: row-major Float64Arrays, every default resolved.
 * Both engines take this, and only this.
 */
export interface Problem {
  readonly n: number;
  readonly d: number;
  readonly m: number;
  /** n×d, row-major: `X[i*d + k]`. */
  readonly X: Float64Array;
  /** Length n, entries ±1; real targets with the square loss. */
  readonly y: Float64Array;
  /** Length m: the fixed second layer, or `a(0)` when `trainSecondLayer`. */
  readonly a: Float64Array;
  /** m×d, row-major: `W0[j*d + k]`. */
  readonly W0: Float64Array;
  readonly gamma: number;
  readonly loss: LossName;
  /** GD also trains `a` (square loss only); absent means false, so older problems compare equal. */
  readonly trainSecondLayer?: boolean;
  readonly lr: number;
  readonly steps: number;
  readonly mu?: Float64Array;
  readonly sigmaDiag?: Float64Array;
}

/** Default initial scale ω when a problem gives neither `W0` nor `init` (small against any sane α; docs/theory.md §1). */
export const DEFAULT_INIT_SCALE = 1e-6;
/** Default seed of the initialisation when a problem gives neither `W0` nor `init`. */
export const DEFAULT_INIT_SEED = 0;
