import { defineClaim } from '../../../claims/core/define.js';
import { verdictFromSlack } from '../../../claims/core/verdict.js';
import type { Dataset } from '../../../data/index.js';
import { clopperPearson, type GaussianTestError } from '../../../theory/index.js';
import { boundApplicability, boundRun } from '../bounds.js';
import { linearOutputs } from '../network.js';
import { h25Facts } from '../run.js';
import { scenarioArb } from '../scenario.js';

/**
 * The relative error of Φ's argument r = ⟨w̄,μ⟩/‖Σ^{1/2}w̄‖ the check is sized to resolve: the number
 * of test points is chosen per run so that a change of r by this fraction, which moves the error by
 * about φ(r)·RESOLUTION·r, is at least twice the Clopper–Pearson half-width 6.1·√(p(1−p)/N) (z ≈ 6.1
 * at α = 10⁻⁹): the closed form of such a wrong r then lies outside the interval, with the interval's
 * own fluctuation (a sixth of a half-width) far inside the margin.
 */
export const ERR_RESOLUTION = 0.04;
/** Least test points per run (the interval of a large, easily resolved error). */
export const ERR_MIN_TEST_POINTS = 100_000;
/** Most test points per run (d ≤ 5, so at most 1.5·10⁷ normal draws): r outside about [0.2, 4] is not resolved at ERR_RESOLUTION. */
export const ERR_MAX_TEST_POINTS = 3_000_000;
/** z of a two-sided interval at α = 10⁻⁹. */
const Z_ALPHA = 6.1;

/** Test points that resolve a relative change {@link ERR_RESOLUTION} of Φ's argument at this closed form. */
export function testPointsFor(e: GaussianTestError): number {
  const r = e.spread > 0 ? Math.abs(e.signal) / e.spread : 0;
  const p = Math.min(Math.max(e.value, 1e-300), 1 - 1e-16);
  const shift = (Math.exp((-r * r) / 2) / Math.sqrt(2 * Math.PI)) * ERR_RESOLUTION * r;
  const needed = shift > 0 ? (2 * Z_ALPHA * Math.sqrt(p * (1 - p))) ** 2 / shift ** 2 : Infinity;
  return Math.min(ERR_MAX_TEST_POINTS, Math.max(ERR_MIN_TEST_POINTS, Math.ceil(needed)));
}
/**
 * Error probability of every Monte Carlo interval (two-sided): a true claim is refuted by bad luck
 * with probability at most 10⁻⁹ per interval (Clopper–Pearson is exact, hence conservative).
 */
export const TEST_ALPHA = 1e-9;

/**
 * Noise variances spread over [2, 4] (deterministic in d): anisotropic, and far enough from I in
 * every direction that the closed form taken at Σ = I is off by a factor √2–2 in Φ's argument.
 */
const anisotropic = (d: number): number[] => Array.from({ length: d }, (_, k) => 2 * 2 ** (k / Math.max(1, d - 1)));

/** The Monte Carlo error of sign⟨w, x⟩ on labelled test points, with its exact interval. */
export function empiricalError(w: Float64Array, test: Dataset, alpha = TEST_ALPHA): { errors: number; lower: number; upper: number; estimate: number } {
  const s = linearOutputs(w, test);
  let errors = 0;
  for (let i = 0; i < test.n; i++) if (!(test.y[i]! * s[i]! > 0)) errors++;
  const ci = clopperPearson(errors, test.n, alpha);
  return { errors, lower: ci.lower, upper: ci.upper, estimate: errors / test.n };
}

/** Slack of a closed form against an interval: distance to the nearer end over the half-width (< 0 outside). */
function intervalSlack(closed: GaussianTestError, mc: { lower: number; upper: number }): number {
  const half = Math.max((mc.upper - mc.lower) / 2, Number.MIN_VALUE);
  return Math.min(closed.value - mc.lower, mc.upper - closed.value) / half;
}

/** H-ERR (H25, derived; docs/theory.md §5): the Gaussian closed form of the test error of w̄. */
export const hErr = defineClaim('h25', {
  id: 'H-ERR',
  source: 'H25',
  tag: 'derived',
  expected: 'holds',
  statement: 'Gaussian mixture: err(w̄) = Φ(−⟨w̄, μ⟩ / ‖Σ^{1/2} w̄‖) exactly.',
  method: `for w̄ of Ŵ and w̄ of the trained W(T), T = 2000 (Case 1 data in d ≤ 5, noise variances over [2, 4], ‖μ‖ ∈ [2.4, 3.5], so the error is about 0.007–0.3): the closed form must lie in the exact Clopper–Pearson interval (α = 10⁻⁹) of the error of sign⟨w̄, x⟩ on fresh points, as many (${ERR_MIN_TEST_POINTS}–${ERR_MAX_TEST_POINTS}) as resolve a ${ERR_RESOLUTION * 100}% change of Φ's argument; slack = distance to the nearer end / half-width.`,
  parameters: {},
  scenario: scenarioArb({ n: [2, 4], d: [2, 5], muNorm: [2.4, 3.5], steps: 2000, sigmaDiag: anisotropic }),
  designated: [
    { fault: 'phi-argument', epsilon: 0.05, why: 'Φ(−1.05r) differs from Φ(−r) by more than the interval’s half-width at r ∈ [0.5, 1.5]' },
    { fault: 'sigma-ignored', why: 'with Σ ≠ I the spread ‖Σ^{1/2}w̄‖ is not ‖w̄‖' },
    { fault: 'noise-variance', epsilon: 0.1, why: 'test points drawn with noise (1 + ε)Σ move the empirical error off the closed form' },
  ],
  controls: [],
  run: async (s, ctx) => {
    const run = await boundRun(s, ctx);
    return { ...run, testPoints: (count: number) => ctx.theory.testPoints(s.data, count, 'test'), errorOf: ctx.theory.gaussianTestError };
  },
  applies: (_s, run) => boundApplicability(run),
  facts: (s, run) => h25Facts(s.data.seed, run.problem, run.hypotheses),
  check(_s, run) {
    const p = run.problem;
    const directions = [['Ŵ', run.wbarTheory!], ['W(T)', run.wbarTrained]] as const;
    const closedForms = directions.map(([, w]) => run.errorOf(w, p.mu!, p.sigmaDiag));
    const test = run.testPoints(Math.max(...closedForms.map(testPointsFor)));
    const parts = directions.map(([name, w], k) => {
      const closed = closedForms[k]!;
      const mc = empiricalError(w, test);
      return { name, closed, mc, slack: intervalSlack(closed, mc) };
    });
    const worst = parts.reduce((a, b) => (b.slack < a.slack ? b : a));
    return verdictFromSlack(
      worst.slack,
      parts.map((q) => `${q.name}: closed form ${q.closed.value.toPrecision(4)}, Monte Carlo ${q.mc.errors}/${test.n} in [${q.mc.lower.toPrecision(4)}, ${q.mc.upper.toPrecision(4)}]`).join('; '),
      { closedTheory: parts[0]!.closed.value, estimateTheory: parts[0]!.mc.estimate, closedTrained: parts[1]!.closed.value, estimateTrained: parts[1]!.mc.estimate, testPoints: test.n },
    );
  },
});
