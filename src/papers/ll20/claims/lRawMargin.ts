import { defineClaim } from '../../../claims/core/define.js';
import { fourPointArb, fourPointProblem } from '../fourPoint.js';
import { ll20Facts, ll20RunOf, monotoneCheckpoints, normalizedMarginRounding } from '../measure.js';
import { monotoneAfter, type MonotoneQuantity } from '../monotone.js';
import { SMOOTH_EVERY, SMOOTH_STEPS } from './lSmooth.js';

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
  method: `linear model (γ = 1, m = 1) on 4 points in the plane whose mean direction is the SVM's but whose non-support points have unequal margins (src/papers/ll20/fourPoint.ts), exp loss, α = (0.1–0.5)/max‖x_i‖²: from the first checkpoint with every q_i > 0, γ̄ must not fall by more than the rounding bound (every step to ${SMOOTH_EVERY}, then 16 per decade to ${SMOOTH_STEPS}); refuted by the first dip.`,
  parameters: {},
  scenario: fourPointArb(4, SMOOTH_STEPS),
  designated: [],
  controls: [
    {
      description: 'a single point (n = 1): w(t) = w(0) + s(t)·y₁x₁ with s increasing, so γ̄ = cos∠(w, y₁x₁)·‖x₁‖ only rises; the statement holds',
      target: 'holds',
      scenario: fourPointArb(1, SMOOTH_STEPS),
    },
  ],
  run: (s, ctx) => ll20RunOf(fourPointProblem(s), ctx, monotoneCheckpoints(s.steps, SMOOTH_EVERY)),
  applies: (_s, run) => (run.separable ? { applies: true, reason: 'linearly separable through 0' } : { applies: false, reason: 'not separable through 0: never interpolated' }),
  facts: (s, run) => ll20Facts(s.seed, run),
  check: (_s, run) => monotoneAfter(run, rawMargin, false),
});
