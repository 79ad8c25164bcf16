import { h25Applicability, verdictFromSlack, maxRowNorm } from '../measure.js';
import { h25Run, type H25Run } from '../training.js';
import type { Claim } from '../types.js';
import type { Scenario } from '../scenario.js';
import { withinH25 } from './spaces.js';

const STEPS = 10_000;

/** H-INT (H25, stated): interpolation from some t₀ on, L → 0 and ‖W‖ → ∞, read off the checkpoints. */
export const hInt: Claim<Scenario, H25Run> = {
  id: 'H-INT',
  source: 'H25',
  tag: 'stated',
  expected: 'holds',
  statement: 'Training data are interpolated: from some t₀ on every q_i(t) > 0; L(t) → 0; ‖W(t)‖ → ∞.',
  method: `over ${STEPS} steps: a t₀ after which min_i q_i > 0 at every checkpoint, L strictly decreasing and ‖W‖ strictly increasing over the checkpoints of the last two decades; slack = min_i q_i(T) / (‖W(T)‖·max‖x_i‖).`,
  parameters: {},
  scenario: withinH25(STEPS),
  negativeControl: {
    description: 'broken hypothesis: a point repeated with the opposite label (not separable), so some margin stays ≤ 0',
    scenario: withinH25(STEPS).map((s) => ({ ...s, plant: 'nonseparable' as const })),
  },
  run: (s) => h25Run(s),
  applies: (s, run) => (s.plant === 'nonseparable' ? { applies: true, reason: 'negative control' } : h25Applicability(run)),
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
    const series = { minMargin: cps.filter((c) => c.t > 0).map((c) => [c.t, c.minMargin] as const), loss: cps.filter((c) => c.t > 0).map((c) => [c.t, c.loss] as const) };
    return verdictFromSlack(slack, `t₀ = ${t0 ?? 'none'}, L(T) = ${last.loss.toPrecision(3)}, ‖W(T)‖ = ${last.normW.toPrecision(3)}, monotone tail: ${monotone}`, { t0: t0 ?? -1, lossT: last.loss, normT: last.normW, monotone }, series);
  },
};
