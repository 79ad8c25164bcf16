import { fitLine } from '../claims/core/fit.js';
import { UB_C } from '../papers/h25/claims/hBounds.js';
import type { SweepCell } from './cell.js';
import type { SweepSpec } from './grid.js';

/**
 * The error level whose crossing locates the transition in each column of fixed d: 0.1, where the
 * heuristic Φ(−√(n‖μ‖⁴/d)) of the weak regime puts n‖μ‖⁴/d = Φ⁻¹(0.9)² ≈ 1.64 (docs/theory.md §12).
 */
export const TRANSITION_LEVEL = 0.1;

/** Where the median test error of one column (fixed d) first falls below {@link TRANSITION_LEVEL}. */
export interface TransitionCrossing {
  readonly d: number;
  /** ‖μ‖ at the crossing, interpolated linearly in (log ‖μ‖, log error) between grid values. */
  readonly muNorm: number;
  readonly signalRatio: number;
  readonly strength: number;
}

/** What the sweep shows about H25's transition (docs/theory.md §12). */
export interface SweepSummary {
  readonly level: number;
  readonly crossings: readonly TransitionCrossing[];
  /**
   * Least-squares slope of log ‖μ*‖ on log d over the crossings on the weak side (n‖μ*‖² < d):
   * H-UB predicts 1/4 (the level sets of n‖μ‖⁴/d); null with fewer than 2 such crossings.
   */
  readonly weakSlope: number | null;
  /** The same on the strong side (n‖μ*‖² > d): H-UB predicts 0 (the level sets of ‖μ‖²). */
  readonly strongSlope: number | null;
  /**
   * Where the two fitted lines of log ‖μ*‖ on log d meet: the kink of the measured transition, with its
   * n‖μ‖²/d (H-UB puts it on n‖μ‖² = d, i.e. 1 up to the constants); null unless both sides were fitted.
   */
  readonly kink: { readonly d: number; readonly muNorm: number; readonly strength: number } | null;
  /** Replicates inside H25 (Case 1 or 2, init ≪ step, Ŵ's sign constraints), of all replicates. */
  readonly insideH25: { readonly replicates: number; readonly of: number };
  /** Geometric mean of n‖μ*‖⁴/d over the weak-side crossings (heuristic: ≈ 1.64). */
  readonly weakRatio: number | null;
  /**
   * The smallest effective c = −log(err)/min(n‖μ‖⁴/d, ‖μ‖²) over the replicates where H25's
   * hypotheses held, per side: H-UB holds on the grid with any c below it (the claim uses UB_C).
   */
  readonly effectiveC: { readonly weak: number | null; readonly strong: number | null; readonly ubC: number };
  /** Cells where a replicate inside H25 broke the bound with UB_C. */
  readonly boundBroken: number;
  /** Medians at the weak-signal corner (least ‖μ‖, largest d) and the strong one (largest ‖μ‖, least d). */
  readonly corners: { readonly weak: number | null; readonly strong: number | null };
}

/** `benign-check sweep`'s JSON report: timing-free, so an unsharded run and merged shards agree byte for byte. */
export interface SweepReport {
  readonly tool: 'benign-check';
  readonly report: 'sweep';
  readonly version: string;
  readonly seed: number;
  readonly stream: 'sweep';
  readonly spec: SweepSpec;
  /** Present in a partial report of `sweep --shard i/N`: which shard, and how many cells the whole grid has. */
  readonly shard?: { readonly index: number; readonly count: number; readonly cells: number };
  readonly cells: readonly SweepCell[];
  /** Absent from a partial report (merge computes it over every cell). */
  readonly summary?: SweepSummary;
}

function crossing(column: readonly SweepCell[]): TransitionCrossing | null {
  for (let k = 1; k < column.length; k++) {
    const a = column[k - 1]!;
    const b = column[k]!;
    if (!a.quantiles || !b.quantiles) continue;
    const ea = a.quantiles.median;
    const eb = b.quantiles.median;
    if (!(ea >= TRANSITION_LEVEL && eb < TRANSITION_LEVEL)) continue;
    const la = Math.log(ea);
    const lb = Math.log(Math.max(eb, Number.MIN_VALUE));
    const f = (la - Math.log(TRANSITION_LEVEL)) / (la - lb);
    const mu = Math.exp(Math.log(a.muNorm) + f * (Math.log(b.muNorm) - Math.log(a.muNorm)));
    const n = a.n;
    return { d: a.d, muNorm: mu, signalRatio: (n * mu ** 4) / a.d, strength: (n * mu * mu) / a.d };
  }
  return null;
}

/** The summary of a complete grid (cells in {@link sweepCells} order). */
export function summarizeSweep(spec: SweepSpec, cells: readonly SweepCell[]): SweepSummary {
  const crossings = spec.ds.flatMap((d) => {
    const c = crossing(cells.filter((x) => x.d === d));
    return c ? [c] : [];
  });
  const fit = (side: TransitionCrossing[]) => (side.length < 2 ? null : fitLine(side.map((c) => [Math.log(c.d), Math.log(c.muNorm)] as const)));
  const weak = crossings.filter((c) => c.strength < 1);
  const strong = crossings.filter((c) => c.strength > 1);
  const [fw, fs] = [fit(weak), fit(strong)];
  let kink: SweepSummary['kink'] = null;
  if (fw && fs && fw.slope !== fs.slope) {
    const logD = (fs.intercept - fw.intercept) / (fw.slope - fs.slope);
    const mu = Math.exp(fw.intercept + fw.slope * logD);
    kink = { d: Math.exp(logD), muNorm: mu, strength: (spec.n * mu * mu) / Math.exp(logD) };
  }
  let cWeak = Infinity;
  let cStrong = Infinity;
  for (const cell of cells) {
    const exponent = Math.min(cell.signalRatio, cell.muNorm ** 2);
    for (const r of cell.replicates) {
      if (!r.h25) continue;
      for (const e of [r.error, r.trainedError]) {
        if (e === null || e.log === null || !(exponent > 0)) continue;
        const c = -e.log / exponent;
        if (cell.strength < 1) cWeak = Math.min(cWeak, c);
        else cStrong = Math.min(cStrong, c);
      }
    }
  }
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const at = (mu: number, d: number): number | null => cells.find((c) => c.muNorm === mu && c.d === d)?.quantiles?.median ?? null;
  return {
    level: TRANSITION_LEVEL,
    crossings,
    weakSlope: fw?.slope ?? null,
    strongSlope: fs?.slope ?? null,
    kink,
    insideH25: { replicates: cells.reduce((k, c) => k + c.h25Held, 0), of: cells.reduce((k, c) => k + c.replicates.length, 0) },
    weakRatio: weak.length === 0 ? null : Math.exp(weak.reduce((s, c) => s + Math.log(c.signalRatio), 0) / weak.length),
    effectiveC: { weak: finite(cWeak), strong: finite(cStrong), ubC: UB_C },
    boundBroken: cells.filter((c) => c.boundHeld < c.h25Held).length,
    corners: {
      weak: at(spec.muNorms[0]!, spec.ds[spec.ds.length - 1]!),
      strong: at(spec.muNorms[spec.muNorms.length - 1]!, spec.ds[0]!),
    },
  };
}

/** The complete report of a grid. */
export function sweepReport(version: string, seed: number, spec: SweepSpec, cells: readonly SweepCell[]): SweepReport {
  return { tool: 'benign-check', report: 'sweep', version, seed, stream: 'sweep', spec, cells, summary: summarizeSweep(spec, cells) };
}

/** The report as written to disk: 2-space JSON, non-finite numbers spelled as strings, a final newline. */
export function sweepJson(report: SweepReport): string {
  return `${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}
