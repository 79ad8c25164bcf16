import { defineClaim } from '../../../claims/core/define.js';
import { verdictFromSlack } from '../../../claims/core/verdict.js';
import { window } from '../../h25/measure.js';
import { kcgApplicability, kcgFacts, kcgRun } from '../run.js';
import { KCG_DEEP, KCG_QUICK, kcgArb, kcgReluArb } from '../scenario.js';
import { MARGIN_STEPS } from './kMargin.js';

/**
 * Largest max/min of t·L(t) over the last two decades [T/100, T] (T = 10⁵). L = Θ(1/t) bounds it by a
 * constant; 1.25 ≈ 100^0.05 also rejects every rate t^{−1±0.05} and 1/(t log t) (which gives
 * log(10⁵)/log(10³) ≈ 1.67). Measured on the calibrate stream (seed 7, N = 40): ≤ 1.08.
 */
export const LOSS_SPREAD = 1.25;

/** K-LOSS (KCG23, LL20; reconstructed; docs/theory.md §5, §9.3). */
export const kLoss = defineClaim('kcg23', {
  id: 'K-LOSS',
  source: 'KCG23, LL20',
  tag: 'reconstructed',
  expected: 'holds',
  statement: 'L(t) = Θ(1/t) when only the first layer trains (1-homogeneous network).',
  method: `leaky ReLU, nearly-orthogonal data, logistic loss, T = 10⁵: max/min of t·L(t) over the checkpoints of [T/100, T] at most ${LOSS_SPREAD} (a fitted constant that also rejects t^{−1±0.05}).`,
  parameters: { lossSpread: { value: LOSS_SPREAD, doc: 'bound on max/min of t·L(t) over two decades (100^0.05; calibrate seed 7, N = 40: ≤ 1.08)' } },
  scenario: kcgArb({ ...KCG_QUICK, steps: MARGIN_STEPS }),
  deepScenario: kcgArb({ ...KCG_DEEP, steps: MARGIN_STEPS }),
  designated: [{ fault: 'loss-derivative-sign', why: 'gradient ascent makes L grow, so t·L(t) grows faster than t' }],
  controls: [
    {
      description: 'ReLU with one neuron per sign (m = 2), hypotheses ignored: an unlearnt point keeps ℓ(q_i) ≥ log 2, so t·L(t) grows like t',
      target: 'refuted',
      scenario: kcgReluArb({ ...KCG_QUICK, m: [2, 2], steps: MARGIN_STEPS }),
    },
  ],
  run: (s, ctx) => kcgRun(s, ctx),
  applies: (_s, run) => kcgApplicability(run),
  facts: kcgFacts,
  check(_s, run) {
    const T = run.trajectory.steps;
    const tl = window(run.trajectory.checkpoints, T / 100, T).map((c) => [c.t, Math.exp(Math.log(c.t) + c.logLoss)] as const);
    const values = tl.map(([, v]) => v);
    const spread = Math.max(...values) / Math.min(...values);
    return verdictFromSlack(
      (Math.log(LOSS_SPREAD) - Math.log(spread)) / Math.log(LOSS_SPREAD),
      `t·L(t) over [T/100, T] within [${Math.min(...values).toPrecision(4)}, ${Math.max(...values).toPrecision(4)}]: max/min ${spread.toFixed(4)} (bound ${LOSS_SPREAD})`,
      { spread, tLAtT: values[values.length - 1]! },
      { 't·L(t) vs t': run.trajectory.checkpoints.filter((c) => c.t >= 1).map((c) => [c.t, Math.exp(Math.log(c.t) + c.logLoss)] as const) },
    );
  },
});
