import { defineClaim } from '../../../claims/core/define.js';
import type { Applicability } from '../../../claims/core/types.js';
import { linearFacts, linearRun } from '../run.js';
import { linearArb } from '../scenario.js';
import { DEGENERATE_SPACE, LINEAR_DEEP_STEPS, LINEAR_SPACE, LINEAR_STEPS, RESIDUAL_DECAY_TOL, RESIDUAL_GROWTH_TOL, residualCheck } from './sLinear.js';

/** S-LINEAR-DEGENERATE (known-false; docs/theory.md §10.2). */
export const sLinearDegenerate = defineClaim('shngs18', {
  id: 'S-LINEAR-DEGENERATE',
  source: '—',
  tag: 'known-false',
  expected: 'refuted',
  statement: '"The residual ρ(t) = w(t) − ŵ log t stays bounded on every separable dataset", degenerate ones (a support vector with a zero dual) included.',
  method: `on data with one point added exactly on ŵ's margin, off the span of the others (its dual is 0, checked by the exact dual solver), S-LINEAR's residual check at T = 10⁵: the active margin residuals must move at most ${RESIDUAL_GROWTH_TOL} over [T/10, T], or at most ${RESIDUAL_DECAY_TOL}× their movement the decade before; the zero-dual point's drifts like log log t.`,
  parameters: {
    residualGrowthTol: { value: RESIDUAL_GROWTH_TOL, doc: "S-LINEAR's tolerance (sLinear.ts)" },
    residualDecayTol: { value: RESIDUAL_DECAY_TOL, doc: "S-LINEAR's tolerance (sLinear.ts)" },
  },
  scenario: linearArb({ ...DEGENERATE_SPACE, steps: LINEAR_STEPS }),
  deepScenario: linearArb({ ...DEGENERATE_SPACE, steps: LINEAR_DEEP_STEPS }),
  designated: [],
  controls: [{ description: 'non-degenerate data (every support dual > 0)', target: 'holds', scenario: linearArb({ ...LINEAR_SPACE, steps: LINEAR_STEPS }) }],
  run: linearRun,
  applies(_s, run): Applicability {
    if (run.limit === null || run.limit.status !== 'ok' || run.trajectory === null) return { applies: false, reason: run.reason };
    const zero = run.degeneracy?.zeroDualActive ?? [];
    return { applies: true, reason: `separable, ${zero.length > 0 ? `zero-dual margin point(s) ${zero.join(', ')}` : 'non-degenerate'}, other transients like t^-${run.rate.toPrecision(3)}` };
  },
  facts: linearFacts,
  check: (_s, run) => residualCheck(run),
});
