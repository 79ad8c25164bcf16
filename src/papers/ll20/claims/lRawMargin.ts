import fc from 'fast-check';
import { defineClaim } from '../../../claims/core/define.js';
import { scenarioArb, type Scenario } from '../../h25/scenario.js';
import { ll20Facts, ll20Run, monotoneCheckpoints, normalizedMarginRounding } from '../measure.js';
import { monotoneAfter, type MonotoneQuantity } from '../monotone.js';
import { SMOOTH_EVERY, SMOOTH_STEPS } from './lSmooth.js';

/**
 * The linear model (γ = 1, m = 1, a = 1) on n points in the plane, x = yμ + z with ‖μ‖ = 1.5: separable
 * through 0 on about 9 draws in 10, and the SVM's support set differs from the points that bind early
 * on about half of them (measured: 17 of 36 separable 4-point draws, seeds 0–39), where γ̄ dips.
 */
function linearArb(n: readonly [number, number]): fc.Arbitrary<Scenario> {
  return scenarioArb({ n, d: [2, 2], muNorm: [1.5, 1.5], gamma: [1, 1], lrFactor: [0.1, 0.5], steps: SMOOTH_STEPS }).map((s) => ({ ...s, m: 1, gamma: 1 }));
}

/** γ̄ = min_i q_i/‖W‖_F, from the first checkpoint where every q_i > 0. */
const rawMargin: MonotoneQuantity = {
  name: 'γ̄',
  value: (c) => c.minNormalizedMargin,
  rounding: (run, c, v) => normalizedMarginRounding(run.problem, c, v),
  startsWhen: (c) => c.minMargin > 0,
  start: 'every q_i > 0 (interpolation)',
};

/** L-RAWMARGIN (known-false; docs/theory.md §5, §9.3). */
export const lRawMargin = defineClaim('ll20', {
  id: 'L-RAWMARGIN',
  source: '—',
  tag: 'known-false',
  expected: 'refuted',
  statement: 'The raw min normalised margin γ̄ is non-decreasing after interpolation.',
  method: `linear model (γ = 1, m = 1) on 4 separable points in the plane, exp loss, α = (0.1–0.5)/max‖x_i‖²: from the first checkpoint with every q_i > 0, γ̄ must not fall by more than the rounding bound (every step to ${SMOOTH_EVERY}, then 16 per decade to ${SMOOTH_STEPS}); refuted by the first dip.`,
  parameters: {},
  scenario: linearArb([4, 4]),
  designated: [],
  controls: [
    {
      description: 'a single point (n = 1): w(t) = w(0) + s(t)·y₁x₁ with s increasing, so γ̄ = cos∠(w, y₁x₁)·‖x₁‖ only rises; the statement holds',
      target: 'holds',
      scenario: linearArb([1, 1]),
    },
  ],
  run: (s, ctx) => ll20Run(s, ctx, monotoneCheckpoints(s.steps, SMOOTH_EVERY)),
  applies: (_s, run) => (run.separable ? { applies: true, reason: 'linearly separable through 0' } : { applies: false, reason: 'not separable through 0: never interpolated' }),
  facts: ll20Facts,
  check: (_s, run) => monotoneAfter(run, rawMargin, false),
});
