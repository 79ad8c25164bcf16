import { allActivated } from '../../theory/index.js';
import { h25Applicability, verdictFromSlack } from '../measure.js';
import { h25Run, type H25Run } from '../training.js';
import type { Claim } from '../types.js';
import type { Scenario } from '../scenario.js';
import { withinH25 } from './spaces.js';

/** H-ACT (H25, stated): after the first step every neuron is activated, and the pattern never changes. */
export const hAct: Claim<Scenario, H25Run> = {
  id: 'H-ACT',
  source: 'H25',
  tag: 'stated',
  expected: 'holds',
  statement: 'Under Case 1 or 2 with small init: after the first GD step every neuron is activated, and the activation pattern never changes again.',
  method: 'a_j y_i ⟨w_j(t), x_i⟩ > 0 for all i, j at every step t = 1..20 and at 8 log-spaced checkpoints per decade up to t = 2000; slack = the smallest value relative to |a_j|‖w_j‖‖x_i‖.',
  parameters: {},
  scenario: withinH25(2000),
  negativeControl: {
    description: 'init 10⁵–10⁶ times the H25-safe scale (init ≫ step breaks the hypothesis): some neuron is not activated after step 1',
    scenario: withinH25(2000, { initFactor: [1e5, 1e6] }),
  },
  run: (s) => h25Run(s),
  applies: (_s, run) => h25Applicability(run),
  check(_s, run) {
    const { problem: p } = run;
    let worst = Infinity;
    let worstT = 0;
    for (const c of run.trajectory.checkpoints) {
      if (c.t < 1) continue;
      const W = c.W as Float64Array;
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
      // A zero value is a violation (a_j y_i ⟨w_j, x_i⟩ > 0 is strict): nudge it below 0.
      const v = rep.allActivated ? rel : Math.min(rel, -Number.MIN_VALUE);
      if (v < worst) {
        worst = v;
        worstT = c.t;
      }
    }
    return verdictFromSlack(worst, `min relative activation ${worst.toPrecision(3)} at t = ${worstT}`, { worstActivation: worst, worstT });
  },
};
