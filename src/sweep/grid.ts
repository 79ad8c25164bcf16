import { InputError } from '../errors.js';
import { MIXTURE_KINDS, type DataKind } from '../data/index.js';

/**
 * What `benign-check sweep` measures (docs/theory.md §12): at a fixed n, every pair (‖μ‖, d) of the
 * grid, `seeds` independent mixtures each. Equivalent axes: n‖μ‖⁴/d (the weak-signal exponent of
 * H-UB) and n‖μ‖²/d (which side of the transition n‖μ‖² = d a cell lies on).
 */
export interface SweepSpec {
  /** Mixture law of the noise (Gaussian: exact test error; any other: Monte Carlo with a Clopper–Pearson interval). */
  readonly kind: DataKind;
  readonly n: number;
  /** ‖μ‖ values, ascending. */
  readonly muNorms: readonly number[];
  /** d values, ascending integers. */
  readonly ds: readonly number[];
  /** Replicates (independent datasets) per cell. */
  readonly seeds: number;
  readonly m: number;
  readonly gamma: number;
  /** α = lrFactor / max_i ‖x_i‖² (as the H25 scenarios set it). */
  readonly lrFactor: number;
  /** Init scale as a multiple of the H25-safe scale. */
  readonly initFactor: number;
  /** 0: the test error of w̄ of Ŵ; T > 0: also of w̄ of W(T) after T GD steps. */
  readonly train: number;
  /** Test points of the Monte Carlo error (non-Gaussian kinds only). */
  readonly testPoints: number;
}

/** One (‖μ‖, d) pair of the grid, by its position. */
export interface SweepCellRef {
  /** Position in {@link sweepCells}' order (‖μ‖ outer, d inner). */
  readonly index: number;
  readonly muNorm: number;
  readonly d: number;
}

/** Every cell of the grid: ‖μ‖ outer, d inner. The order is the report's, whatever runs them. */
export function sweepCells(spec: Pick<SweepSpec, 'muNorms' | 'ds'>): SweepCellRef[] {
  return spec.muNorms.flatMap((muNorm, i) => spec.ds.map((d, k) => ({ index: i * spec.ds.length + k, muNorm, d })));
}

/**
 * The key a cell's seeds hash (with the global seed and the replicate): its own parameters, so a
 * cell keeps its datasets when the grid around it grows, shrinks or is split into shards.
 */
export function cellKey(spec: Pick<SweepSpec, 'kind' | 'n'>, cell: Pick<SweepCellRef, 'muNorm' | 'd'>): string {
  return `${spec.kind}\u0000n=${spec.n}\u0000mu=${cell.muNorm}\u0000d=${cell.d}`;
}

/** Largest number of values on one axis (64 × 64 cells is beyond any useful plot). */
export const MAX_AXIS_VALUES = 64;

/**
 * Parses an axis: `LO:HI:K` (K values spaced evenly in log scale, both ends included) or a comma
 * list. With `integer`, values are rounded and duplicates dropped. Ascending, positive, finite.
 *
 * @throws InputError on `field` for anything else
 */
export function parseAxis(raw: string, field: string, integer: boolean): number[] {
  const bad = (why: string): never => {
    throw new InputError(field, `${why} (expected LO:HI:K, e.g. 0.5:8:8, or a comma list), got ${JSON.stringify(raw)}`);
  };
  const num = (s: string): number => {
    const v = s.trim() === '' ? NaN : Number(s);
    if (!Number.isFinite(v) || !(v > 0)) bad('values must be finite and positive');
    return v;
  };
  let values: number[];
  const parts = raw.split(':');
  if (parts.length === 3) {
    const lo = num(parts[0]!);
    const hi = num(parts[1]!);
    const k = Number(parts[2]);
    if (!Number.isSafeInteger(k) || k < 1 || k > MAX_AXIS_VALUES) bad(`K must be an integer in [1, ${MAX_AXIS_VALUES}]`);
    if (!(hi >= lo)) bad('HI must be ≥ LO');
    values = Array.from({ length: k }, (_, j) => (k === 1 ? lo : j === k - 1 ? hi : lo * (hi / lo) ** (j / (k - 1))));
  } else if (parts.length === 1) {
    values = raw.split(',').map(num);
    if (values.length > MAX_AXIS_VALUES) bad(`at most ${MAX_AXIS_VALUES} values`);
  } else {
    return bad('malformed');
  }
  if (integer) values = values.map((v) => Math.max(1, Math.round(v)));
  const out = [...new Set(values)].sort((p, q) => p - q);
  if (out.join() !== [...new Set(values)].join() && parts.length === 1) bad('values must be ascending');
  return out;
}

/** The mixture kinds a sweep draws from. */
export const SWEEP_KINDS: readonly DataKind[] = MIXTURE_KINDS;
