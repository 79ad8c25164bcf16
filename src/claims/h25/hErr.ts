import { gaussianTestError } from '../../theory/index.js';
import { verdictFromSlack } from '../measure.js';
import { predictionRun, wbarOf, type PredictionRun } from '../prediction.js';
import { scenarioArb, type Scenario } from '../scenario.js';
import type { Claim } from '../types.js';
import { mixtureTestError, TEST_CONFIDENCE, TEST_SAMPLES } from './testSample.js';

/** A diagonal Σ with variances spread over [0.25, 4] (deterministic in d), so Σ ≠ I matters. */
const anisotropic = (d: number): number[] => Array.from({ length: d }, (_, k) => 0.25 * 16 ** (k / Math.max(1, d - 1)));

/**
 * The negative control's data: Σ = 4I, so the planted bug (Σ taken as I) halves every
 * ‖Σ^{1/2} w̄‖ and the closed form becomes Φ(−2r) in place of Φ(−r), and a signal (‖μ‖ ∈ [3, 5] in
 * d ≤ 10) strong enough that r = ⟨w̄, μ⟩/‖Σ^{1/2} w̄‖ lands where the two differ by many
 * Monte Carlo half-widths. Measured on 300 generated scenarios: 299 refuted; the one miss had
 * ⟨w̄, μ⟩ < 0 (a noise-dominated w̄), where no Σ matters. The control searches up to
 * NEGATIVE_CONTROL_MIN_RUNS (20) scenarios, so it misses with probability ≈ (1/300)²⁰.
 */
const controlSpace = { n: [4, 12], d: [5, 10], muNorm: [3, 5], steps: 0, sigmaDiag: (d: number) => Array<number>(d).fill(4) } as const;

/** H-ERR (H25, derived): the Gaussian closed form of the test error of w̄. */
export const hErr: Claim<Scenario, PredictionRun> = {
  id: 'H-ERR',
  source: 'H25',
  tag: 'derived',
  expected: 'holds',
  statement: 'Gaussian mixture: err(w̄) = Φ(−⟨w̄, μ⟩ / ‖Σ^{1/2} w̄‖) exactly.',
  method: `the closed form must lie in the exact Clopper–Pearson interval (confidence 1 − 10⁻⁹) of the error of sign⟨w̄, x⟩ on ${TEST_SAMPLES} fresh mixture points; slack = distance to the nearer end / half-width.`,
  parameters: {},
  scenario: scenarioArb({ n: [4, 12], d: [5, 40], muNorm: [0.5, 2], steps: 0, sigmaDiag: anisotropic }),
  negativeControl: {
    description: 'planted bug: the closed form evaluated with Σ = I on data with Σ = 4I',
    scenario: scenarioArb({ ...controlSpace, plant: 'sigma-ignored' }),
  },
  run: predictionRun,
  applies: (_s, run) => {
    const w = wbarOf(run);
    return typeof w === 'string' ? { applies: false, reason: w } : { applies: true, reason: 'Gaussian mixture with known μ, Σ' };
  },
  check(s, run) {
    const wbar = wbarOf(run) as Float64Array;
    const p = run.problem;
    const closed = gaussianTestError(wbar, p.mu!, s.plant === 'sigma-ignored' ? undefined : p.sigmaDiag);
    const mc = mixtureTestError(wbar, s.data);
    const { lower, upper } = mc.interval;
    const half = Math.max((upper - lower) / 2, Number.MIN_VALUE);
    const slack = Math.min(closed.value - lower, upper - closed.value) / half;
    return verdictFromSlack(slack, `closed form ${closed.value.toPrecision(4)}, Monte Carlo ${mc.errors}/${mc.samples}, interval [${lower.toPrecision(4)}, ${upper.toPrecision(4)}] at ${TEST_CONFIDENCE}`, { closedForm: closed.value, estimate: mc.estimate, lower, upper });
  },
};
