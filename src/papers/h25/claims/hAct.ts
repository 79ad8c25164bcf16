import { defineClaim } from '../../../claims/core/define.js';
import { verdictFromSlack } from '../../../claims/core/verdict.js';
import { allActivated } from '../../../theory/index.js';
import { h25Applicability } from '../measure.js';
import { h25Facts, h25Run } from '../run.js';
import { withinH25, withinH25Deep } from '../spaces.js';

/** H-ACT (H25, stated; docs/theory.md §5): after the first step every neuron is activated, and the pattern never changes. */
export const hAct = defineClaim('h25', {
  id: 'H-ACT',
  source: 'H25',
  tag: 'stated',
  expected: 'holds',
  statement: 'Under Case 1 or 2 with small init: after the first GD step every neuron is activated, and the activation pattern never changes again.',
  method: 'a_j y_i ⟨w_j(t), x_i⟩ > 0 for all i, j at every step t = 1..20 and at 8 log-spaced checkpoints per decade up to t = 2000; slack = the smallest value relative to |a_j|‖w_j‖‖x_i‖.',
  parameters: {},
  scenario: withinH25(2000),
  deepScenario: withinH25Deep(2000),
  designated: [
    { fault: 'backward-sign-flip', why: 'the flipped neuron moves against its sign block, so a_j y_i ⟨w_j, x_i⟩ < 0 after step 1' },
  ],
  controls: [
    {
      description: 'broken hypothesis: init 10⁵–10⁶ times the H25-safe scale (init ≫ step), so some neuron is not activated after step 1',
      target: 'refuted',
      scenario: withinH25(2000, { initFactor: [1e5, 1e6] }),
    },
  ],
  run: (s, ctx) => h25Run(s, ctx),
  applies: (_s, run) => h25Applicability(run),
  facts: (s, run) => h25Facts(s.data.seed, run.problem, run.hypotheses),
  check(_s, run) {
    const { problem: p } = run;
    let worst = Infinity;
    let worstT = 0;
    for (const c of run.trajectory.checkpoints) {
      if (c.t < 1) continue;
      const W = c.W;
      const rep = allActivated(p, W);
      const { i, j } = rep.argmin;
      let wn = 0;
      let xn = 0;
      for (let k = 0; k < p.d; k++) {
        wn += W[j * p.d + k]! ** 2;
        xn += p.X[i * p.d + k]! ** 2;
      }
      const scale = Math.abs(p.a[j]!) * Math.sqrt(wn * xn);
      const rel = scale > 0 ? rep.minValue / scale : rep.minValue > 0 ? 1 : -1;
      // a_j y_i ⟨w_j, x_i⟩ > 0 is strict: a zero value is a violation.
      const v = rep.allActivated ? rel : Math.min(rel, -Number.MIN_VALUE);
      if (v < worst) {
        worst = v;
        worstT = c.t;
      }
    }
    return verdictFromSlack(worst, `min relative activation ${worst.toPrecision(3)} at t = ${worstT}`, { worstActivation: worst, worstT });
  },
});
