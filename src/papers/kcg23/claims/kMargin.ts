import { defineClaim } from '../../../claims/core/define.js';
import { fitLine } from '../../../claims/core/fit.js';
import { refutedBecause, verdictFromSlack } from '../../../claims/core/verdict.js';
import { window } from '../../h25/measure.js';
import { at, decades, kcgApplicability, kcgFacts, kcgRun } from '../run.js';
import { KCG_DEEP, KCG_QUICK, kcgArb, kcgReluArb } from '../scenario.js';

/** Steps of both tiers: the trend is read over the three decades [T/1000, T]. */
export const MARGIN_STEPS = 100_000;

/**
 * Smallest relative decrease of (max_i q_i/min_i q_i − 1) from one decade point to the next over
 * [T/1000, T]. Model (docs/theory.md §9.3): ratio − 1 ≈ c/(log t + b) with b = log(α/n) + O(1) < 0, so a
 * decade lowers it by at least 1 − log(t)/log(10t) = 1/log₁₀(10t) ≥ 0.2 for t ≤ 10⁴; half of that
 * allows for the o(1/log t) terms. Measured on the calibrate stream (seed 7, N = 40): ≥ 0.24.
 */
export const DECADE_DECREASE_MIN = 0.1;

/** K-MARGIN (KCG23; docs/theory.md §5, §9.3). */
export const kMargin = defineClaim('kcg23', {
  id: 'K-MARGIN',
  source: 'KCG23',
  tag: 'stated',
  expected: 'holds',
  statement: 'All training points reach the same normalised margin asymptotically: max_i q_i / min_i q_i → 1, slowly, like 1 + c/log t.',
  method: `leaky ReLU, nearly-orthogonal data, logistic loss, T = 10⁵: at the decade points of [T/1000, T] every q_i > 0 and (max/min − 1) falls by at least ${DECADE_DECREASE_MIN} of itself per decade (the 1 + c/log t model gives ≥ 0.2); the slope of 1/(ratio − 1) against log t is reported.`,
  parameters: { decadeDecreaseMin: { value: DECADE_DECREASE_MIN, doc: 'half the per-decade decrease of the c/log t model at t ≤ 10⁴ (calibrate seed 7, N = 40: ≥ 0.24)' } },
  scenario: kcgArb({ ...KCG_QUICK, steps: MARGIN_STEPS }),
  deepScenario: kcgArb({ ...KCG_DEEP, steps: MARGIN_STEPS }),
  designated: [{ fault: 'loss-derivative-sign', why: 'gradient ascent drives every margin negative: the margins never equalise at a positive value' }, { fault: 'frozen-loss-derivative', why: 'with the per-point weights ℓ′(q_i) frozen at W(0) nothing rebalances the margins: max/min q_i stops falling toward 1' }],
  controls: [
    {
      description: 'ReLU with one neuron per sign (m = 2), hypotheses ignored: a point no neuron of its sign activates at init is never learnt, so its margin stays ≤ 0',
      target: 'refuted',
      scenario: kcgReluArb({ ...KCG_QUICK, m: [2, 2], steps: MARGIN_STEPS }),
    },
  ],
  run: (s, ctx) => kcgRun(s, ctx),
  applies: (_s, run) => kcgApplicability(run),
  facts: kcgFacts,
  check(_s, run) {
    const T = run.trajectory.steps;
    const ts = decades(T / 1000, T);
    const ratios: number[] = [];
    for (const t of ts) {
      const c = at(run, t);
      if (c.minNormalizedMargin === null || c.maxNormalizedMargin === null) return refutedBecause(`W = 0 at t = ${t}`);
      if (!(c.minNormalizedMargin > 0)) return refutedBecause(`a point is not fitted at t = ${t}: min q_i/‖W‖ = ${c.minNormalizedMargin.toPrecision(3)}`, { t, minNormalizedMargin: c.minNormalizedMargin });
      ratios.push(c.maxNormalizedMargin / c.minNormalizedMargin - 1);
    }
    let worst = Infinity;
    let worstT = ts[0]!;
    for (let k = 0; k + 1 < ratios.length; k++) {
      const drop = (ratios[k]! - ratios[k + 1]!) / ratios[k]!;
      if (drop < worst) {
        worst = drop;
        worstT = ts[k]!;
      }
    }
    const tail = window(run.trajectory.checkpoints, T / 1000, T).map((c) => [Math.log(c.t), 1 / ((c.maxNormalizedMargin ?? NaN) / (c.minNormalizedMargin ?? NaN) - 1)] as const);
    const slope = fitLine(tail).slope;
    return verdictFromSlack(
      (worst - DECADE_DECREASE_MIN) / DECADE_DECREASE_MIN,
      `max/min − 1 at ${ts.join(', ')}: ${ratios.map((r) => r.toExponential(2)).join(', ')}; smallest decade decrease ${worst.toFixed(3)} from t = ${worstT} (min ${DECADE_DECREASE_MIN}); slope of 1/(ratio − 1) vs log t ${slope.toFixed(3)}`,
      { worstDecadeDecrease: worst, worstT, ratioMinusOneAtT: ratios[ratios.length - 1]!, inverseSlope: slope },
      { 'max/min − 1 vs t': run.trajectory.checkpoints.filter((c) => c.t >= 10 && (c.minNormalizedMargin ?? 0) > 0).map((c) => [c.t, c.maxNormalizedMargin! / c.minNormalizedMargin! - 1] as const) },
    );
  },
});
