import { defineClaim } from '../../../claims/core/define.js';
import { verdictFromSlack } from '../../../claims/core/verdict.js';
import type { RunVerdict } from '../../../claims/core/types.js';
import { allActivated } from '../../../theory/index.js';
import { lossRelativeRounding, maxRowNorm } from '../measure.js';
import { h25RunOf, type H25Run } from '../run.js';
import { maxFeatureSquaredNorm, wedgeArb, wedgeProblem } from '../wedge.js';

/**
 * The suite's c of H-MONO: in the activated region L is convex with Hessian ≼ L·max‖G_i‖² along the
 * step as long as L does not grow; over the segment of one step L can grow by at most e^{c}, so the
 * descent lemma needs c·e^{c}/2 ≤ 1, i.e. c ≤ W₀(2) ≈ 0.8526 (Lambert W; docs/theory.md §5). 0.85 is just inside.
 */
export const MONO_C = 0.85;
/** Steps checked one by one (every step is a checkpoint). */
const MONO_STEPS = 300;
const everyStep = Array.from({ length: MONO_STEPS + 1 }, (_, t) => t);

/**
 * L(t+1) ≤ L(t) at every step t where the premise holds: W(t) and W(t+1) in the activated region
 * (a convex cone, so the whole step is) and α·L(t)·max‖G_i‖² ≤ c (every step when c = ∞ and
 * `needActivation` is false), up to the rounding of the two loss evaluations. Slack: the smallest
 * relative decrease plus that allowance, over the admitted steps.
 */
export function monotoneLoss(run: H25Run, c: number, needActivation: boolean): RunVerdict {
  const { problem: p } = run;
  const G2 = maxFeatureSquaredNorm(p);
  const xMax = maxRowNorm(p);
  const cps = run.trajectory.checkpoints;
  const active = cps.map((cp) => !needActivation || allActivated(p, cp.W).allActivated);
  let worst = Infinity;
  let worstT = -1;
  let admitted = 0;
  const series: [number, number][] = [];
  for (let k = 0; k + 1 < cps.length; k++) {
    const now = cps[k]!;
    const next = cps[k + 1]!;
    if (next.t !== now.t + 1) continue;
    series.push([now.t, now.logLoss]);
    if (!active[k] || !active[k + 1] || !(p.lr * now.loss * G2 <= c)) continue;
    admitted++;
    const tol = lossRelativeRounding(p, now.normW, xMax, now.logLoss) + lossRelativeRounding(p, next.normW, xMax, next.logLoss);
    const rel = -Math.expm1(next.logLoss - now.logLoss) + tol;
    if (rel < worst) {
      worst = rel;
      worstT = now.t;
    }
  }
  if (admitted === 0) return { verdict: 'inapplicable', slack: 0, detail: 'no step met the premise (activated at both ends, α·L·max‖G‖² ≤ c)', measured: { admitted } };
  return verdictFromSlack(worst, `smallest relative decrease ${worst.toPrecision(3)} at t = ${worstT} over ${admitted} admitted steps`, { worstDecrease: worst, worstT, admitted }, { 'log L vs t': series });
}

/** H-MONO (H25, derived; docs/theory.md §5): monotone loss decrease under the step condition. */
export const hMono = defineClaim('h25', {
  id: 'H-MONO',
  source: 'H25',
  tag: 'derived',
  expected: 'holds',
  statement: 'In the activated region, a step with α·L(W(t))·max_i‖G_i‖² ≤ c gives L(W(t+1)) ≤ L(W(t)).',
  method: `planar wedge data outside Case 1 (obtuse pairs, separable through 0) with α = (0.9–1)·c/max‖G_i‖², tight at L = 1: every step t < ${MONO_STEPS} with W(t), W(t+1) activated and α·L(t)·max‖G_i‖² ≤ c = ${MONO_C} (c·e^c/2 ≤ 1) must not increase L beyond the rounding bound of two loss evaluations.`,
  parameters: { c: { value: MONO_C, doc: 'c ≤ W₀(2) ≈ 0.8526 so that the descent lemma holds over the whole step (hMono.ts)' } },
  scenario: wedgeArb({ stepFactor: [0.9, 1], steps: MONO_STEPS }),
  designated: [{ fault: 'step-size', epsilon: 2, why: 'a step 3× the premise’s bound overshoots along the obtuse pairs and raises the loss' }],
  controls: [],
  run: (s, ctx) => h25RunOf(wedgeProblem(s, MONO_C), ctx, everyStep),
  applies: () => ({ applies: true, reason: 'the premise is checked step by step' }),
  facts: (s, run) => ({ seed: s.seed, n: run.problem.n, d: run.problem.d, m: run.problem.m, hypotheses: { case1: run.hypotheses.case1.holds, case2: run.hypotheses.case2.holds } }),
  check: (_s, run) => monotoneLoss(run, MONO_C, true),
});

/** H-MONO-ANYSTEP (known-false; docs/theory.md §5): "the loss decreases at every step for any step size". */
export const hMonoAnyStep = defineClaim('h25', {
  id: 'H-MONO-ANYSTEP',
  source: '—',
  tag: 'known-false',
  expected: 'refuted',
  statement: 'The loss decreases at every step for any step size.',
  method: `every step t < ${MONO_STEPS} must not increase L, on planar wedge data outside Case 1 with α = (10–100)·c/max‖G_i‖²; refuted by the first rise beyond rounding.`,
  parameters: {},
  scenario: wedgeArb({ stepFactor: [10, 100], steps: MONO_STEPS }),
  designated: [],
  controls: [
    {
      description: 'small steps (α ≤ 0.3·c/max‖G_i‖²): the statement holds, showing the check can also say "holds"',
      target: 'holds',
      scenario: wedgeArb({ stepFactor: [0.1, 0.3], steps: MONO_STEPS }),
    },
  ],
  run: (s, ctx) => h25RunOf(wedgeProblem(s, MONO_C), ctx, everyStep),
  applies: () => ({ applies: true, reason: 'a universal statement: every scenario applies' }),
  facts: (s, run) => ({ seed: s.seed, n: run.problem.n, d: run.problem.d, m: run.problem.m, hypotheses: { case1: run.hypotheses.case1.holds, case2: run.hypotheses.case2.holds } }),
  check: (_s, run) => monotoneLoss(run, Infinity, false),
});
