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
/** Default of `minDropLog`: a run of moving segments counts as a drop when it lowers log L by at least this (a 20% fall of L). */
export const MIN_DROP_LOG = Math.log(1.25);
/** The curve is read down to this fraction of L at the first point; below, GD is converging to 0, not learning. */
export const LOSS_FLOOR_FRACTION = 1e-6;

/**
 * The width of a drop is read between the crossings of 10% and 90% of its depth in log L (the usual
 * rise time), interpolated linearly in log t between checkpoints, so it does not snap to the grid.
 */
export const WIDTH_QUANTILES = [0.1, 0.9] as const;

/** One drop: where it starts and ends in t, how far it takes log L, and its 10–90% width in log t. */
export interface Drop {
  readonly tStart: number;
  readonly tEnd: number;
  /** Log-time between the 10% and 90% crossings of the drop's depth. */
  readonly width: number;
  /** `log L(tStart) − log L(tEnd)`, > 0. */
  readonly depth: number;
}

/** The staircase read off a loss curve. */
export interface Staircase {
  readonly drops: readonly Drop[];
  /** Plateaus: the flat stretches between drops (one more than the drops when the curve starts flat). */
  readonly plateaus: number;
  /** Share of the read log-time span `[log t_first, log t_last]` spent in drops (their 10–90% widths), in [0, 1]. */
  readonly dropFraction: number;
  /** Log-time length of the flat stretch before the first drop (the whole read span when there is no drop). */
  readonly initialPlateau: number;
}

/**
 * Reads plateaus and drops off `(t, L)` points, t > 0 increasing (t = 0 is skipped: log time), down to
 * {@link LOSS_FLOOR_FRACTION} of the first loss. A drop is a maximal run of segments with
 * `−Δ log L / Δ log t > DROP_SLOPE` that lowers log L by at least `options.minDropLog` (default
 * {@link MIN_DROP_LOG}; pass the smallest gap between the data's saddle levels, see docs/theory.md §11.4).
 * @throws InputError on fewer than two points with t > 0, decreasing t, or a non-finite or negative loss
 */
export function readStaircase(curve: readonly (readonly [number, number])[], options: { minDropLog?: number } = {}): Staircase {
  const minDrop = options.minDropLog ?? MIN_DROP_LOG;
  if (!(minDrop > 0)) throw new InputError('minDropLog', `must be positive, got ${minDrop}`);
  const pts = curve.filter(([t]) => t > 0);
  if (pts.length < 2) throw new InputError('curve', 'needs at least two points with t > 0');
  // Checked on the points read (t > 0), named by their index in `curve`.
  let previous = 0;
  for (let k = 0; k < curve.length; k++) {
    const [t, L] = curve[k]!;
    if (!(t > 0)) continue;
    if (!Number.isFinite(L) || L < 0) throw new InputError(`curve[${k}]`, `loss must be finite and ≥ 0, got ${L}`);
    if (!(t > previous)) throw new InputError(`curve[${k}]`, 't must increase');
    previous = t;
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
    if (depth >= minDrop) {
      const top = read[start]![1];
      const crossing = (q: number): number => {
        const level = top - q * depth;
        for (let k = start + 1; k <= end; k++) {
          const [u0, v0] = read[k - 1]!;
          const [u1, v1] = read[k]!;
          if (v1 <= level) return v0 === v1 ? u1 : u0 + ((v0 - level) / (v0 - v1)) * (u1 - u0);
        }
        return read[end]![0];
      };
      const width = crossing(WIDTH_QUANTILES[1]) - crossing(WIDTH_QUANTILES[0]);
      drops.push({ tStart: Math.exp(read[start]![0]), tEnd: Math.exp(read[end]![0]), depth, width });
      moving += width;
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
  const initialPlateau = drops.length > 0 ? Math.log(drops[0]!.tStart) - read[0]![0] : span;
  return { drops, plateaus, dropFraction: span > 0 ? moving / span : 0, initialPlateau };
}
