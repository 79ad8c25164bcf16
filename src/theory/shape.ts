import type { LossName, MarginLossName } from '../problem/types.js';
import { smoothedMarginFromMargins } from './margins.js';
import { blockStableRanks, stableRank, type BlockStableRanks, type StableRank } from './stableRank.js';

/**
 * The theory functions behind a checkpoint's shape quantities (docs/theory.md §9.1), gathered so that
 * a claim can read them from its context and a planted theory fault can replace one of them.
 */
export interface ShapeTheory {
  /** ‖W‖_F²/‖W‖₂² of an m×d matrix (docs/theory.md §2.2). */
  stableRank(W: Float64Array, m: number, d: number): StableRank;
  /** The stable rank of the rows with a_j > 0 and of those with a_j < 0 (docs/theory.md §2.2). */
  blockStableRanks(W: Float64Array, a: Float64Array, d: number): BlockStableRanks;
  /** γ̃ of LL20 from the margins q, ‖W‖_F and the loss, with L_sum = n·L (docs/theory.md §2.1, §9.1). */
  smoothedMargin(q: Float64Array, normF: number, loss: MarginLossName): number | null;
}

/** The project's own shape functions, unmodified. */
export const referenceShapeTheory: ShapeTheory = {
  stableRank: (W, m, d) => stableRank(W, m, d),
  blockStableRanks: (W, a, d) => blockStableRanks(W, a, d),
  smoothedMargin: smoothedMarginFromMargins,
};

/** The shape quantities of one checkpoint (docs/theory.md §9.1); null where a quantity does not exist. */
export interface ShapeQuantities {
  /** ‖W‖_F²/‖W‖₂²; null when W = 0. */
  readonly stableRank: number | null;
  /** The stable rank of the rows with a_j > 0 (`plus`) and a_j < 0 (`minus`); null for an empty or all-zero block. */
  readonly blockStableRank: { readonly plus: number | null; readonly minus: number | null };
  /** min_i q_i/‖W‖_F (γ̄); null when W = 0. */
  readonly minNormalizedMargin: number | null;
  /** max_i q_i/‖W‖_F; null when W = 0. */
  readonly maxNormalizedMargin: number | null;
  /** γ̃ of LL20 with L_sum = n·L (docs/theory.md §9.1); null when W = 0. */
  readonly smoothedMargin: number | null;
}

const valueOf = (r: StableRank): number | null => (r.status === 'ok' ? r.value : null);

/** What the shape quantities are computed from: the network's a, m, d and loss. */
export interface ShapeNetwork {
  readonly a: Float64Array;
  readonly m: number;
  readonly d: number;
  readonly loss: LossName;
}

/**
 * `base` with the shape quantities of W (docs/theory.md §9.1) added as enumerable getters, each computed
 * on its first read and kept: a claim that never reads the stable ranks (most H25 claims) pays nothing
 * for their power iterations, and JSON and object spread still see plain values. The stable ranks and
 * γ̃ come from `theory` (default: the reference functions); q are W's margins and normF its ‖W‖_F.
 */
export function withShape<T extends object>(
  base: T,
  p: ShapeNetwork,
  W: Float64Array,
  q: Float64Array,
  normF: number,
  theory: ShapeTheory = referenceShapeTheory,
): T & ShapeQuantities {
  const lazy = <K extends keyof ShapeQuantities>(key: K, compute: () => ShapeQuantities[K]): void => {
    let done = false;
    let value: ShapeQuantities[K] | undefined;
    Object.defineProperty(base, key, {
      enumerable: true,
      get: () => {
        if (!done) {
          value = compute();
          done = true;
        }
        return value;
      },
    });
  };
  let minQ = Infinity;
  let maxQ = -Infinity;
  for (const v of q) {
    minQ = Math.min(minQ, v);
    maxQ = Math.max(maxQ, v);
  }
  const normalised = normF > 0 && q.length > 0;
  lazy('stableRank', () => valueOf(theory.stableRank(W, p.m, p.d)));
  lazy('blockStableRank', () => {
    const blocks = theory.blockStableRanks(W, p.a, p.d);
    return { plus: valueOf(blocks.positive), minus: valueOf(blocks.negative) };
  });
  lazy('minNormalizedMargin', () => (normalised ? minQ / normF : null));
  lazy('maxNormalizedMargin', () => (normalised ? maxQ / normF : null));
  lazy('smoothedMargin', () => (normF > 0 && p.loss !== 'square' ? theory.smoothedMargin(q, normF, p.loss) : null));
  return base as T & ShapeQuantities;
}

/**
 * The shape quantities of W (docs/theory.md §9.1) as plain values, from its margins q and ‖W‖_F, with
 * the stable ranks and γ̃ taken from `theory` (default: the reference functions).
 *
 * @throws InputError on shapes or non-finite entries of W
 */
export function shapeQuantities(
  p: ShapeNetwork,
  W: Float64Array,
  q: Float64Array,
  normF: number,
  theory: ShapeTheory = referenceShapeTheory,
): ShapeQuantities {
  const s = withShape({}, p, W, q, normF, theory);
  return {
    stableRank: s.stableRank,
    blockStableRank: s.blockStableRank,
    minNormalizedMargin: s.minNormalizedMargin,
    maxNormalizedMargin: s.maxNormalizedMargin,
    smoothedMargin: s.smoothedMargin,
  };
}

/**
 * The heuristic limit 2(1 + γ²)/(1 + γ)² of the whole-W stable rank for leaky ReLU on nearly-orthogonal
 * data with balanced classes (docs/theory.md §5 K-RANK, §9.1): the eigenvalues (1 ± γ)² of the 2×2
 * Gram matrix of the two block directions. A heuristic reported beside the measured value, not a theorem.
 */
export function wholeRankHeuristic(gamma: number): number {
  return (2 * (1 + gamma * gamma)) / (1 + gamma) ** 2;
}
