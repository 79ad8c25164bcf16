import fc from 'fast-check';
import { defineClaim } from '../../../claims/core/define.js';
import { scenarioArb, type Scenario } from '../../h25/scenario.js';
import { ll20Facts, ll20Run, monotoneCheckpoints, smoothedMarginRounding } from '../measure.js';
import { monotoneAfter, type MonotoneQuantity } from '../monotone.js';

/** Steps of a run, every one of the first {@link SMOOTH_EVERY} read. */
export const SMOOTH_STEPS = 3000;
/** Steps read one by one (then 16 per decade). */
export const SMOOTH_EVERY = 300;

/**
 * Strong-signal data in 2–5 dimensions (H25's Case 1 holds on most draws, so GD interpolates) with
 * small steps α = (0.1–0.5)/max‖x_i‖², both losses, leaky slopes.
 */
export function smoothArb(lrFactor: readonly [number, number], steps: number): fc.Arbitrary<Scenario> {
  return fc
    .tuple(scenarioArb({ n: [3, 6], d: [2, 5], muNorm: [4, 6], gamma: [0.1, 0.9], lrFactor, steps }), fc.constantFrom('exp' as const, 'logistic' as const))
    .map(([s, loss]) => ({ ...s, loss }));
}

/** γ̃ of docs/theory.md §2.1 with L_sum = n·L, non-decreasing once positive (LL20's start: L_sum < 1 exp, < log 2 logistic). */
export const smoothedMarginQuantity: MonotoneQuantity = {
  name: 'γ̃',
  value: (c) => c.smoothedMargin,
  rounding: (run, c, v) => smoothedMarginRounding(run.problem, c, v),
  startsWhen: (c) => (c.smoothedMargin ?? 0) > 0,
  start: 'γ̃ > 0, LL20’s start condition, which implies interpolation',
};

/** L-SMOOTH (LL20; docs/theory.md §5, §9.3). */
export const lSmooth = defineClaim('ll20', {
  id: 'L-SMOOTH',
  source: 'LL20',
  tag: 'stated',
  expected: 'holds',
  statement: 'After interpolation the smoothed margin γ̃ is non-decreasing (gradient flow; GD with small steps).',
  method: `strong-signal data (H25 Case 1), exp or logistic loss, α = (0.1–0.5)/max‖x_i‖², every step to ${SMOOTH_EVERY} then 16 per decade to ${SMOOTH_STEPS}: from the first checkpoint with γ̃ > 0 (LL20's start, which implies interpolation; it must be reached), γ̃ never falls by more than the rounding bound of its two evaluations.`,
  parameters: {},
  scenario: smoothArb([0.1, 0.5], SMOOTH_STEPS),
  designated: [
    { fault: 'smoothed-mean', why: 'log(1/L)/‖W‖ = γ̃ + log n/‖W‖ (exp loss): the added term falls as ‖W‖ grows, and on strong-signal data faster than γ̃ rises' },
    { fault: 'loss-derivative-sign', why: 'gradient ascent never reaches γ̃ > 0 (or leaves the float64 range), though the data are interpolable' },
  ],
  // No control: no step size was found that makes γ̃ fall once positive (docs/theory.md §9.3: 140 runs with
  // α up to 200/max‖x_i‖², linear and leaky, both losses); large steps only keep γ̃ from turning positive.
  controls: [],
  run: (s, ctx) => ll20Run(s, ctx, monotoneCheckpoints(s.steps, SMOOTH_EVERY)),
  applies(_s, run) {
    const h = run.hypotheses;
    if (!h.case1.holds) return { applies: false, reason: `not Case 1 (min ⟨y_i x_i, y_k x_k⟩ = ${h.case1.minCorrelation.toPrecision(3)}): interpolation not guaranteed` };
    if (!h.init.holds) return { applies: false, reason: 'init not below the step' };
    return { applies: true, reason: 'Case 1, small init, α ≤ 0.5/max‖x_i‖²' };
  },
  facts: (s, run) => ll20Facts(s.data.seed, run),
  check: (_s, run) => monotoneAfter(run, smoothedMarginQuantity, true),
});
