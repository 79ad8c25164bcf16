import { lossRelativeRounding, maxRowNorm, h25Applicability, verdictFromSlack } from '../measure.js';
import { h25Run, type H25Run } from '../training.js';
import type { Claim, RunVerdict } from '../types.js';
import type { Scenario } from '../scenario.js';
import { scenarioArb } from '../scenario.js';
import { MIXED, withinH25 } from './spaces.js';

/**
 * The suite's c of H-MONO: in the activated region L is convex with Hessian ≼ L·max‖G_i‖² along the
 * step as long as L does not grow; over the segment of one step L can grow by at most e^{c}, so the
 * descent lemma needs c·e^{c}/2 ≤ 1, i.e. c ≤ W₀(2) ≈ 0.8526 (Lambert W). 0.85 is just inside.
 */
export const MONO_C = 0.85;
/** Steps checked one by one (every step is a checkpoint). */
const MONO_STEPS = 300;

/** max_i ‖G_i‖² = max_i Σ_j a_j² c_ij² ‖x_i‖² (THEORY §2). */
function maxFeatureSquaredNorm(run: H25Run): number {
  const { problem: p } = run;
  let best = 0;
  for (let i = 0; i < p.n; i++) {
    let xs = 0;
    for (let k = 0; k < p.d; k++) xs += p.X[i * p.d + k]! ** 2;
    let g = 0;
    for (let j = 0; j < p.m; j++) {
      const c = Math.sign(p.a[j]!) === p.y[i] ? 1 : p.gamma;
      g += p.a[j]! ** 2 * c * c;
    }
    best = Math.max(best, g * xs);
  }
  return best;
}

/**
 * L(t+1) ≤ L(t) at every checked step t ≥ tFrom where α·L(t)·max‖G_i‖² ≤ c (all steps when c = ∞),
 * up to the rounding of the two loss evaluations. Slack: the smallest relative decrease plus that
 * rounding allowance, over the steps the premise admitted.
 */
export function monotoneLoss(run: H25Run, c: number, tFrom: number): RunVerdict {
  const { problem: p } = run;
  const G2 = maxFeatureSquaredNorm(run);
  const xMax = maxRowNorm(p);
  const cps = run.trajectory.checkpoints;
  let worst = Infinity;
  let worstT = -1;
  let admitted = 0;
  const series: [number, number][] = [];
  for (let k = 0; k + 1 < cps.length; k++) {
    const now = cps[k]!;
    const next = cps[k + 1]!;
    if (now.t < tFrom || next.t !== now.t + 1) continue;
    series.push([now.t, now.loss]);
    if (!(p.lr * now.loss * G2 <= c)) continue;
    admitted++;
    const tol = lossRelativeRounding(p, now.normW, xMax) + lossRelativeRounding(p, next.normW, xMax);
    const rel = (now.loss - next.loss) / now.loss + tol;
    if (rel < worst) {
      worst = rel;
      worstT = now.t;
    }
  }
  if (admitted === 0) return { verdict: 'inapplicable', slack: 0, detail: 'no step met α·L·max‖G‖² ≤ c', measured: { admitted } };
  return verdictFromSlack(worst, `smallest relative decrease ${worst.toPrecision(3)} at t = ${worstT} over ${admitted} steps`, { worstDecrease: worst, worstT, admitted }, { loss: series });
}

const everyStep = Array.from({ length: MONO_STEPS + 1 }, (_, t) => t);

/** H-MONO (H25, derived): monotone loss decrease under the step condition, from t = 1 on. */
export const hMono: Claim<Scenario, H25Run> = {
  id: 'H-MONO',
  source: 'H25',
  tag: 'derived',
  expected: 'holds',
  statement: 'In the activated region, a step with α·L(W(t))·max_i‖G_i‖² ≤ c gives L(W(t+1)) ≤ L(W(t)) at every step t ≥ 1.',
  method: `every step t = 1..${MONO_STEPS} with α·L(t)·max‖G_i‖² ≤ c = ${MONO_C} (c·e^c/2 ≤ 1) must not increase L beyond the rounding bound of two loss evaluations.`,
  parameters: { c: { value: MONO_C, doc: 'c ≤ W₀(2) ≈ 0.8526 so that the descent lemma holds over the whole step (derivation in hMono.ts)' } },
  scenario: withinH25(MONO_STEPS, { lrFactor: [0.2, 0.8] }),
  negativeControl: {
    description: 'planted bug: the premise constant c raised to 100 admits steps of size lrFactor ∈ [5, 60] on data outside Case 1/2, whose loss rises',
    scenario: scenarioArb({ ...MIXED, steps: MONO_STEPS, lrFactor: [5, 60], plant: 'loose-premise' }),
  },
  run: (s) => h25Run(s, everyStep),
  applies: (_s, run) => h25Applicability(run),
  check: (s, run) => monotoneLoss(run, s.plant === 'loose-premise' ? 100 : MONO_C, 1),
};

/** H-MONO-ANYSTEP (known-false): "the loss decreases at every step for any step size". */
export const hMonoAnyStep: Claim<Scenario, H25Run> = {
  id: 'H-MONO-ANYSTEP',
  source: '—',
  tag: 'known-false',
  expected: 'refuted',
  statement: 'The loss decreases at every step for any step size.',
  method: 'every step t = 0..300 must not increase L, with lrFactor ∈ [30, 200] (α up to 200/max‖x_i‖²) on low-dimensional data outside Case 1/2 (inside them no step size overshoots); refuted by the first rise beyond rounding.',
  parameters: {},
  scenario: scenarioArb({ ...MIXED, steps: MONO_STEPS, lrFactor: [30, 200] }),
  negativeControl: {
    description: 'inside Case 1/2 with small steps (lrFactor ≤ 0.3) the statement holds, showing the check can also say "holds"',
    scenario: withinH25(MONO_STEPS, { lrFactor: [0.1, 0.3] }),
  },
  run: (s) => h25Run(s, everyStep),
  applies: () => ({ applies: true, reason: 'a universal statement: every scenario applies' }),
  check: (_s, run) => monotoneLoss(run, Infinity, 0),
};
