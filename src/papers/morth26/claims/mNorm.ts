import fc from 'fast-check';
import { defineClaim } from '../../../claims/core/define.js';
import { fitLine } from '../../../claims/core/fit.js';
import { refutedBecause, verdictFromSlack } from '../../../claims/core/verdict.js';
import type { MinNorm } from '../../../theory/minNorm.js';
import type { SquareCheckpoint } from '../../../theory/squareTrajectory.js';
import { interpolationLoss, orthoFacts, squareRun } from '../run.js';
import { wellInitialisedProblem, type OrthoScenario } from '../scenario.js';

/**
 * Upper constant C of `paramNorm(T) / minNorm ∈ [1, C]`: fitted on the calibrate stream (global seed 1,
 * N = 40 sweeps of n = 8, 16, 32, quick tier), where the largest ratio was 1.65; C is that with a 10%
 * margin.
 */
export const M_NORM_C = 1.82;
/**
 * How far below 1 the ratio may fall: the trained network interpolates only to residuals `|r_i| ≲ 10⁻¹⁵`
 * (L ≤ 10⁻³⁰), and an ε-interpolator can undercut the min norm by at most `O(ε)` relatively
 * (`2(‖ỹ₊‖ + ‖ỹ₋‖)` is 1-Lipschitz in ỹ per unit norm), so 10⁻⁹ covers the residuals with 10⁶ to spare.
 */
export const M_NORM_LOWER_TOL = 1e-9;

/**
 * The tolerance on the slope of log paramNorm against log n (MORTH26: 1/2) for one sweep, derived, not
 * fitted. With `paramNorm_k = ρ_k κ_k √n_k`, `ρ_k ∈ [1, C]` and `κ_k = minNorm_k/√n_k` (a property of the
 * data, measured), the least-squares slope is `1/2 + Σ_k dx_k e_k / Σ_k dx_k²` with `dx_k = log n_k − mean`
 * and `e_k = log ρ_k + log κ_k`; as `Σ_k dx_k = 0`, `|Σ_k dx_k e_k| ≤ range(e)·Σ_{dx>0} dx`, and
 * `range(e) ≤ log C + range(log κ)`. So `|slope − 1/2| ≤ (log C + range_k log κ_k)·Σ_{dx>0} dx / Σ dx²`
 * (0.72·(…) for n = 8, 16, 32). The bound follows from the ratio bound: the slope check catches what
 * distorts the n-dependence of paramNorm itself beyond it.
 */
export function slopeTolerance(ns: readonly number[], kappaLogRange: number): number {
  const xs = ns.map(Math.log);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  let pos = 0;
  let sq = 0;
  for (const x of xs) {
    if (x > mean) pos += x - mean;
    sq += (x - mean) ** 2;
  }
  return ((Math.log(M_NORM_C) + kappaLogRange) * pos) / sq;
}

/** The widths of the sizes: m = ⌈3 ln n⌉ + 4 (MORTH26's m ≳ log n, with room for the event's probability). */
export function widthFor(n: number): number {
  return Math.ceil(3 * Math.log(n)) + 4;
}

/** A sweep over n of orthogonal problems with the same init scale and step factor. */
export interface NormSweep {
  readonly ns: readonly number[];
  readonly initScale: number;
  readonly lrFactor: number;
  /** Steps per data point: T = stepsPerPoint·n (escape and convergence rates scale like 1/n·α ∝ 1/√n). */
  readonly stepsPerPoint: number;
  readonly seed: number;
}

function sweepArb(ns: readonly number[], stepsPerPoint: number): fc.Arbitrary<NormSweep> {
  return fc
    .record({ logInit: fc.double({ min: -6, max: -4, noNaN: true }), lrFactor: fc.double({ min: 0.5, max: 0.8, noNaN: true }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) })
    .map(({ logInit, lrFactor, seed }) => ({ ns, initScale: 10 ** logInit, lrFactor, stepsPerPoint, seed }));
}

/** One size of a sweep: its scenario, the trained run's last checkpoint and the min-norm prediction. */
interface SizeRun {
  readonly scenario: OrthoScenario;
  readonly tries: number;
  readonly wellInitialised: boolean;
  readonly last: SquareCheckpoint;
  readonly threshold: number;
  readonly min: MinNorm;
}

/**
 * M-NORM (MORTH26, stated; docs/theory.md §5, §11): the learned interpolator's squared norm is within a
 * constant of the minimum-norm interpolator `2(‖ỹ₊‖ + ‖ỹ₋‖)` and scales like √n.
 */
export const mNorm = defineClaim('morth26', {
  id: 'M-NORM',
  source: 'MORTH26',
  tag: 'stated',
  expected: 'holds',
  statement: 'The learned interpolator’s squared norm Σ_j (a_j² + ‖w_j‖²) is within a constant of the minimum-norm interpolator 2(‖ỹ₊‖ + ‖ỹ₋‖) and scales like √n.',
  method:
    `for each n of a sweep (quick: 8, 16, 32; deep: 8–64), m = ⌈3 ln n⌉ + 4, a well-initialised init: interpolation and paramNorm(T)/minNorm ∈ [1 − ${M_NORM_LOWER_TOL}, C]; ` +
    'the least-squares slope of log paramNorm on log n within (log C + range log κ)·Σ_{dx>0}dx/Σdx² of 1/2 (κ = minNorm/√n, measured on the data; 0.72·(…) for n = 8, 16, 32). Slack: the smallest of the normalised distances to these edges.',
  parameters: {
    C: { value: M_NORM_C, doc: 'upper ratio paramNorm/minNorm; fitted on the calibrate stream (docs/theory.md §11)' },
    lowerTol: { value: M_NORM_LOWER_TOL, doc: 'how far below 1 the ratio may fall for an interpolator with residuals ~1e-15' },
  },
  scenario: sweepArb([8, 16, 32], 250),
  deepScenario: sweepArb([8, 16, 32, 64], 250),
  designated: [
    { fault: 'square-frozen-a', why: 'with a frozen at the init scale no size interpolates within T' },
    { fault: 'minnorm-unscaled', why: 'forgetting ỹ = y/‖x‖ inflates the prediction by E‖x‖ ≈ 1.5: the ratio falls below 1' },
  ],
  controls: [],
  run: async (s, ctx) => {
    const sizes: SizeRun[] = [];
    for (const n of s.ns) {
      const scenario: OrthoScenario = { n, m: widthFor(n), initScale: s.initScale, lrFactor: s.lrFactor, steps: s.stepsPerPoint * n, seed: s.seed + n };
      const { problem, tries } = wellInitialisedProblem(scenario);
      const cps = await squareRun(problem, ctx, [0, scenario.steps]);
      sizes.push({
        scenario,
        tries,
        wellInitialised: ctx.theory.wellInitialised(problem).holds,
        last: cps[cps.length - 1]!,
        threshold: interpolationLoss(problem),
        min: ctx.theory.minNormInterpolator(problem),
      });
    }
    return sizes;
  },
  applies: (_s, run) => {
    const bad = run.filter((r) => !r.wellInitialised).map((r) => r.scenario.n);
    return bad.length === 0 ? { applies: true, reason: 'every size well-initialised' } : { applies: false, reason: `no well-initialised init found for n = ${bad.join(', ')}` };
  },
  facts: (s, run) => {
    const n = s.ns[s.ns.length - 1]!;
    return orthoFacts(s.seed, { n, d: n, m: widthFor(n) }, { wellInitialised: run.every((r) => r.wellInitialised) });
  },
  check(_s, run) {
    let slack = Infinity;
    const ratios: number[] = [];
    const points: [number, number][] = [];
    for (const r of run) {
      if (r.min.status !== 'ok') return refutedBecause(`n = ${r.scenario.n}: no min-norm prediction (${r.min.reason})`);
      const interp = r.last.loss > 0 ? Math.log10(r.threshold / r.last.loss) / 10 : 2;
      const ratio = r.last.paramNorm / r.min.minNorm;
      ratios.push(ratio);
      slack = Math.min(slack, interp, (ratio - (1 - M_NORM_LOWER_TOL)) / (M_NORM_C - 1), (M_NORM_C - ratio) / (M_NORM_C - 1));
      points.push([Math.log(r.scenario.n), Math.log(r.last.paramNorm)]);
    }
    const { slope } = fitLine(points);
    const kappa = run.map((r) => (r.min.status === 'ok' ? Math.log(r.min.minNorm / Math.sqrt(r.scenario.n)) : 0));
    const kappaRange = Math.max(...kappa) - Math.min(...kappa);
    const slopeTol = slopeTolerance(run.map((r) => r.scenario.n), kappaRange);
    slack = Math.min(slack, (slopeTol - Math.abs(slope - 0.5)) / slopeTol);
    return verdictFromSlack(
      slack,
      `n = ${run.map((r) => r.scenario.n).join('/')}: paramNorm/minNorm = ${ratios.map((v) => v.toFixed(3)).join('/')}, slope ${slope.toFixed(3)} (tolerance ±${slopeTol.toFixed(3)}), L(T) ≤ ${Math.max(...run.map((r) => r.last.loss)).toExponential(1)}`,
      { maxRatio: Math.max(...ratios), minRatio: Math.min(...ratios), slope, slopeTol, kappaLogRange: kappaRange, maxLossT: Math.max(...run.map((r) => r.last.loss)) },
      { ratio: run.map((r, k) => [r.scenario.n, ratios[k]!] as const) },
    );
  },
});
