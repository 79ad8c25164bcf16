import { generateDataset } from '../../data/index.js';
import { directionError, predictionApplicability, verdictFromSlack } from '../measure.js';
import { h25Run, type H25Run } from '../training.js';
import type { Claim } from '../types.js';
import { scenarioArb, type Scenario } from '../scenario.js';
import { CASE2, LONG_RUN } from './spaces.js';

/** Test points per run for H-LIN. */
const LIN_TEST_POINTS = 4000;

/**
 * H-LIN (H25, stated + derived). With balanced blocks (a_j = ±1/√m, m/2 each), φ 1-Lipschitz and
 * φ(s) − φ(r) ≥ γ(s − r) for s ≥ r give |f(x;W)/‖W‖ − f(x;Ŵ)/‖Ŵ‖| ≤ err(t)·‖x‖ and
 * |f(x;Ŵ)|/‖Ŵ‖ ≥ (√m/2)·γ·|⟨w̄, x⟩|/‖Ŵ‖, so sign f(x; W(t)) = sign⟨w̄, x⟩ wherever
 * (√m/2)·γ·|⟨w̄, x⟩| > ‖Ŵ‖·err(t)·‖x‖: that region grows to everything as err(t) → 0 (H-DIR).
 */
export const hLin: Claim<Scenario, H25Run> = {
  id: 'H-LIN',
  source: 'H25',
  tag: 'stated + derived',
  expected: 'holds',
  statement: 'With balanced blocks, sign f(x; W(t)) agrees with sign⟨w̄, x⟩ on test points once t is large (a linear decision boundary).',
  method: `at T = 10⁵, on ${LIN_TEST_POINTS} fresh mixture points: no disagreement inside the region (√m/2)·γ·|⟨w̄,x⟩| > ‖Ŵ‖·err(T)·‖x‖ where agreement is guaranteed; slack = fraction of points in that region (negative: disagreements).`,
  parameters: {},
  scenario: scenarioArb({ ...CASE2, steps: LONG_RUN }),
  negativeControl: {
    description: 'planted bug: the network output evaluated with the second layer negated, so sign f disagrees with sign⟨w̄, x⟩ inside the guaranteed region',
    scenario: scenarioArb({ ...CASE2, steps: LONG_RUN, plant: 'negated-a' }),
  },
  run: (s) => h25Run(s),
  applies: (_s, run) => predictionApplicability(run),
  check(s, run) {
    if (run.limit.status !== 'ok' || run.limit.wbar === null) return { verdict: 'inapplicable', slack: 0, detail: 'no w̄', measured: {} };
    const p = run.problem;
    const wbar = run.limit.wbar;
    const W = run.trajectory.W;
    const last = run.trajectory.checkpoints[run.trajectory.checkpoints.length - 1]!;
    const err = directionError(W, last.normW, run.limit.direction);
    const { labelNoise: _l, ...clean } = s.data;
    const test = generateDataset({ ...clean, n: LIN_TEST_POINTS, seed: `${String(s.data.seed)}:lin` });
    let inRegion = 0;
    let disagree = 0;
    let disagreeAll = 0;
    for (let i = 0; i < test.n; i++) {
      const x = test.X.subarray(i * p.d, (i + 1) * p.d);
      let lin = 0;
      let xn = 0;
      for (let k = 0; k < p.d; k++) {
        lin += wbar[k]! * x[k]!;
        xn += x[k]! * x[k]!;
      }
      let f = 0;
      const sign = s.plant === 'negated-a' ? -1 : 1;
      for (let j = 0; j < p.m; j++) {
        let z = 0;
        for (let k = 0; k < p.d; k++) z += W[j * p.d + k]! * x[k]!;
        f += sign * p.a[j]! * Math.max(z, p.gamma * z);
      }
      const differs = Math.sign(f) !== Math.sign(lin);
      if (differs) disagreeAll++;
      if ((Math.sqrt(p.m) / 2) * p.gamma * Math.abs(lin) > run.limit.normF * err * Math.sqrt(xn)) {
        inRegion++;
        if (differs) disagree++;
      }
    }
    const slack = disagree > 0 ? -disagree / test.n : inRegion / test.n;
    return verdictFromSlack(slack, `err(T) = ${err.toExponential(3)}: ${inRegion}/${test.n} points in the guaranteed region, ${disagree} disagree there (${disagreeAll} overall)`, { err, inRegion, disagree, disagreeAll });
  },
};
