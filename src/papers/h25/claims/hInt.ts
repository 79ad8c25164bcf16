import { defineClaim } from '../../../claims/core/define.js';
import { verdictFromSlack } from '../../../claims/core/verdict.js';
import { h25Applicability, maxRowNorm } from '../measure.js';
import { h25Facts, h25Run } from '../run.js';
import { withinH25, withinH25Deep } from '../spaces.js';

/** GD steps of an H-INT run: four decades of t. */
const STEPS = 10_000;

/** H-INT (H25, stated; docs/theory.md §5): interpolation from some t₀ on, L → 0 and ‖W‖ → ∞, read off the checkpoints. */
export const hInt = defineClaim('h25', {
  id: 'H-INT',
  source: 'H25',
  tag: 'stated',
  expected: 'holds',
  statement: 'Training data are interpolated: from some t₀ on every q_i(t) > 0; L(t) → 0; ‖W(t)‖ → ∞.',
  method: `over ${STEPS} steps: a t₀ after which min_i q_i > 0 at every checkpoint, L strictly decreasing and ‖W‖ strictly increasing over the checkpoints of the last two decades; slack = min_i q_i(T) / (‖W(T)‖·max‖x_i‖).`,
  parameters: {},
  scenario: withinH25(STEPS),
  deepScenario: withinH25Deep(STEPS),
  designated: [
    { fault: 'loss-derivative-sign', why: 'gradient ascent lowers every margin: no t₀, L and ‖W‖ run the wrong way' },
  ],
  controls: [],
  run: (s, ctx) => h25Run(s, ctx),
  applies: (_s, run) => h25Applicability(run),
  facts: (s, run) => h25Facts(s.data.seed, run.problem, run.hypotheses),
  check(_s, run) {
    const cps = run.trajectory.checkpoints;
    const T = run.trajectory.steps;
    let t0: number | null = null;
    for (const c of cps) {
      if (c.minMargin > 0) t0 ??= c.t;
      else t0 = null;
    }
    const tail = cps.filter((c) => c.t >= T / 100);
    let monotone = true;
    for (let k = 1; k < tail.length; k++) {
      if (!(tail[k]!.loss < tail[k - 1]!.loss) || !(tail[k]!.normW > tail[k - 1]!.normW)) monotone = false;
    }
    const last = cps[cps.length - 1]!;
    const normalised = last.minMargin / (last.normW * maxRowNorm(run.problem));
    const slack = t0 === null || !monotone ? Math.min(normalised, -Number.MIN_VALUE) : normalised;
    const positive = cps.filter((c) => c.t > 0);
    const series = { minMargin: positive.map((c) => [c.t, c.minMargin] as const), logLoss: positive.map((c) => [c.t, c.logLoss] as const) };
    return verdictFromSlack(
      slack,
      `t₀ = ${t0 ?? 'none'}, L(T) = ${last.loss.toPrecision(3)}, ‖W(T)‖ = ${last.normW.toPrecision(3)}, monotone tail: ${monotone}`,
      { t0: t0 ?? -1, logLossT: last.logLoss, normT: last.normW, monotone },
      series,
    );
  },
});
