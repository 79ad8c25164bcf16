import { InputError } from '../errors.js';

/**
 * Plateaus and drops of a loss curve read in log time (docs/theory.md §11, M-STAIR): from a small init,
 * ReLU GD on orthogonal data moves from saddle to saddle; the loss sits on a plateau while a neuron
 * grows from the init scale, then drops as it fits its points.
 */

/**
 * A segment of the curve is moving when `|Δ log L| / Δ log t` exceeds this: on a plateau the loss drifts
 * by a few per cent per e-fold of t at most (the growing neuron's own contribution, still at the init
 * scale), while a drop takes log L down by O(1) within a fraction of an e-fold.
 */
export const DROP_SLOPE = 0.5;
/** A run of moving segments counts as a drop when it lowers log L by at least this (a 20% fall of L). */
export const MIN_DROP_LOG = Math.log(1.25);
/** The curve is read down to this fraction of L at the first point; below, GD is converging to 0, not learning. */
export const LOSS_FLOOR_FRACTION = 1e-6;

/** One drop: where it starts and ends in t, and how far it takes log L. */
export interface Drop {
  readonly tStart: number;
  readonly tEnd: number;
  /** `log L(tStart) − log L(tEnd)`, > 0. */
  readonly depth: number;
}

/** The staircase read off a loss curve. */
export interface Staircase {
  readonly drops: readonly Drop[];
  /** Plateaus: the flat stretches between drops (one more than the drops when the curve starts flat). */
  readonly plateaus: number;
  /** Share of the read log-time span `[log t_first, log t_last]` spent in drops, in [0, 1]. */
  readonly dropFraction: number;
}

/**
 * Reads plateaus and drops off `(t, L)` points, t > 0 increasing (t = 0 is skipped: log time), down to
 * {@link LOSS_FLOOR_FRACTION} of the first loss. A drop is a maximal run of segments with
 * `−Δ log L / Δ log t > DROP_SLOPE` that lowers log L by at least {@link MIN_DROP_LOG}.
 * @throws InputError on fewer than two points with t > 0, decreasing t, or a non-finite or negative loss
 */
export function readStaircase(curve: readonly (readonly [number, number])[]): Staircase {
  const pts = curve.filter(([t]) => t > 0);
  if (pts.length < 2) throw new InputError('curve', 'needs at least two points with t > 0');
  for (let k = 0; k < pts.length; k++) {
    const [t, L] = pts[k]!;
    if (!Number.isFinite(L) || L < 0) throw new InputError(`curve[${k}]`, `loss must be finite and ≥ 0, got ${L}`);
    if (k > 0 && !(t > pts[k - 1]![0])) throw new InputError(`curve[${k}]`, 't must increase');
  }
  const floor = pts[0]![1] * LOSS_FLOOR_FRACTION;
  const read: [number, number][] = [];
  for (const [t, L] of pts) {
    read.push([Math.log(t), Math.log(Math.max(L, floor))]);
    if (L <= floor) break;
  }
  const drops: Drop[] = [];
  /** Whether segment k (from point k − 1 to k) lies in a drop. */
  const inDrop = new Array<boolean>(read.length).fill(false);
  let start = -1;
  let moving = 0;
  const close = (end: number): void => {
    const depth = read[start]![1] - read[end]![1];
    if (depth >= MIN_DROP_LOG) {
      drops.push({ tStart: Math.exp(read[start]![0]), tEnd: Math.exp(read[end]![0]), depth });
      moving += read[end]![0] - read[start]![0];
      for (let k = start + 1; k <= end; k++) inDrop[k] = true;
    }
    start = -1;
  };
  for (let k = 1; k < read.length; k++) {
    const slope = -(read[k]![1] - read[k - 1]![1]) / (read[k]![0] - read[k - 1]![0]);
    if (slope > DROP_SLOPE) {
      if (start < 0) start = k - 1;
    } else if (start >= 0) close(k - 1);
  }
  if (start >= 0) close(read.length - 1);
  let plateaus = 0;
  for (let k = 1; k < read.length; k++) if (!inDrop[k] && (k === 1 || inDrop[k - 1])) plateaus++;
  const span = read[read.length - 1]![0] - read[0]![0];
  return { drops, plateaus, dropFraction: span > 0 ? moving / span : 0 };
}
