import type { SweepReport } from '../sweep/report.js';
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from './vega.js';

/** Errors below this are drawn in the darkest colour (the log colour scale needs a positive floor). */
export const PHASE_ERROR_FLOOR = 1e-6;
/** Levels of H-UB's bound exp(−c·min(n‖μ‖⁴/d, ‖μ‖²)) drawn as contours. */
export const PHASE_BOUND_LEVELS = [0.3, 0.1, 0.01] as const;

/** Geometric cell edges of an ascending positive axis: midpoints in log scale, ends mirrored. */
function edges(values: readonly number[]): number[] {
  if (values.length === 1) return [values[0]! / Math.SQRT2, values[0]! * Math.SQRT2];
  const mids = values.slice(1).map((v, k) => Math.sqrt(v * values[k]!));
  return [values[0]! ** 2 / mids[0]!, ...mids, values[values.length - 1]! ** 2 / mids[mids.length - 1]!];
}

/**
 * The phase diagram of a sweep as a vega-lite spec (docs/theory.md §12). Left: a heatmap over
 * (‖μ‖, d), log axes, of the median test error of w̄ of Ŵ, with the predicted transition
 * n‖μ‖² = d (dashed) and the contours of H-UB's bound (a vertical segment ‖μ‖² = E below d = nE,
 * then d = n‖μ‖⁴/E, E = −log(level)/c), and the measured crossings of the median error through
 * the summary's level (orange); cells where H25's hypotheses failed on some replicate are crossed.
 * Right: the same cells on the equivalent axes (n‖μ‖²/d, n‖μ‖⁴/d), the transition at n‖μ‖²/d = 1.
 */
export function phaseDiagramSpec(report: SweepReport): VegaLiteSpec {
  const { spec, cells } = report;
  const n = spec.n;
  const c = report.summary?.effectiveC.ubC ?? 0;
  const muEdges = edges(spec.muNorms);
  const dEdges = edges(spec.ds);
  const [muMin, muMax] = [muEdges[0]!, muEdges[muEdges.length - 1]!];
  const [dMin, dMax] = [dEdges[0]!, dEdges[dEdges.length - 1]!];
  const heat = cells.map((cell) => {
    const i = spec.muNorms.indexOf(cell.muNorm);
    const k = spec.ds.indexOf(cell.d);
    const median = cell.quantiles?.median ?? null;
    return {
      mu: cell.muNorm,
      d: cell.d,
      muLo: muEdges[i]!,
      muHi: muEdges[i + 1]!,
      dLo: dEdges[k]!,
      dHi: dEdges[k + 1]!,
      error: median,
      shown: median === null ? null : Math.max(median, PHASE_ERROR_FLOOR),
      strength: cell.strength,
      signalRatio: cell.signalRatio,
      bound: cell.bound,
      h25: `${cell.h25Held}/${cell.replicates.length}`,
      outside: cell.h25Held < cell.replicates.length,
    };
  });
  // n‖μ‖² = d is a straight line in log–log axes: its two ends suffice.
  const transition = [
    { mu: muMin, d: n * muMin ** 2 },
    { mu: muMax, d: n * muMax ** 2 },
  ];
  const contours = c > 0
    ? PHASE_BOUND_LEVELS.flatMap((level) => {
        const E = -Math.log(level) / c;
        const mu0 = Math.sqrt(E);
        const label = `bound ${level}`;
        return [
          { level: label, order: 0, mu: mu0, d: dMin },
          { level: label, order: 1, mu: mu0, d: n * E },
          { level: label, order: 2, mu: muMax, d: (n * muMax ** 4) / E },
        ];
      })
    : [];
  const muScale = { type: 'log' as const, domain: [muMin, muMax], nice: false };
  const dScale = { type: 'log' as const, domain: [dMin, dMax], nice: false };
  const colour = { type: 'log' as const, domain: [PHASE_ERROR_FLOOR, 0.5], scheme: 'viridis', clamp: true };
  const title = `test error of w̄ of Ŵ, n = ${n}, ${spec.seeds} seeds a cell, seed ${report.seed}`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'H25 phase diagram', subtitle: [title, 'dashed: n‖μ‖² = d; red: contours of exp(−c·min(n‖μ‖⁴/d, ‖μ‖²)); orange: where the median error crosses 0.1; ×: H25 hypotheses failed on some seed'] },
    background: 'white',
    config: { font: 'DejaVu Sans', view: { stroke: '#888' } },
    hconcat: [
      {
        width: 360,
        height: 320,
        layer: [
          {
            data: { values: heat },
            mark: { type: 'rect', tooltip: true },
            encoding: {
              x: { field: 'muLo', type: 'quantitative', scale: muScale, title: '‖μ‖' },
              x2: { field: 'muHi' },
              y: { field: 'dLo', type: 'quantitative', scale: dScale, title: 'd' },
              y2: { field: 'dHi' },
              color: { field: 'shown', type: 'quantitative', scale: colour, title: 'median error' },
            },
          },
          {
            data: { values: heat.filter((h) => h.outside) },
            mark: { type: 'point', shape: 'cross', color: 'white', size: 30, opacity: 0.8 },
            encoding: {
              x: { field: 'mu', type: 'quantitative', scale: muScale },
              y: { field: 'd', type: 'quantitative', scale: dScale },
            },
          },
          {
            data: { values: transition },
            mark: { type: 'line', color: 'black', strokeDash: [6, 4], strokeWidth: 2, clip: true },
            encoding: {
              x: { field: 'mu', type: 'quantitative', scale: muScale },
              y: { field: 'd', type: 'quantitative', scale: dScale },
            },
          },
          {
            data: { values: contours },
            mark: { type: 'line', strokeWidth: 1.2, clip: true },
            encoding: {
              x: { field: 'mu', type: 'quantitative', scale: muScale },
              y: { field: 'd', type: 'quantitative', scale: dScale },
              order: { field: 'order' },
              strokeDash: { field: 'level', type: 'nominal', title: 'H-UB bound' },
              color: { value: '#d62728' },
            },
          },
          {
            data: { values: (report.summary?.crossings ?? []).map((c) => ({ mu: c.muNorm, d: c.d })) },
            mark: { type: 'line', color: '#ff7f0e', strokeWidth: 2, point: { filled: true, size: 36, color: '#ff7f0e' }, clip: true },
            encoding: {
              x: { field: 'mu', type: 'quantitative', scale: muScale },
              y: { field: 'd', type: 'quantitative', scale: dScale },
              order: { field: 'd', type: 'quantitative' },
            },
          },
        ],
      },
      {
        width: 300,
        height: 320,
        layer: [
          {
            data: { values: heat.filter((h) => h.shown !== null) },
            mark: { type: 'point', filled: true, size: 60 },
            encoding: {
              x: { field: 'strength', type: 'quantitative', scale: { type: 'log' }, title: 'n‖μ‖²/d' },
              y: { field: 'signalRatio', type: 'quantitative', scale: { type: 'log' }, title: 'n‖μ‖⁴/d' },
              color: { field: 'shown', type: 'quantitative', scale: colour, title: 'median error' },
            },
          },
          {
            data: { values: [{ x: 1 }] },
            mark: { type: 'rule', color: 'black', strokeDash: [6, 4], strokeWidth: 2 },
            encoding: { x: { field: 'x', type: 'quantitative' } },
          },
        ],
      },
    ],
    resolve: { scale: { color: 'shared' } },
  } as VegaLiteSpec;
}
