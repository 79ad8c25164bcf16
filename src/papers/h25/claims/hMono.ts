import { defineClaim } from '../../../claims/core/define.js';
import { verdictFromSlack } from '../../../claims/core/verdict.js';
import type { RunVerdict } from '../../../claims/core/types.js';
import { activationValues } from '../../../theory/index.js';
import { lossRelativeRounding, maxRowNorm } from '../measure.js';
import { h25Facts, h25Run, h25RunOf, type H25Run } from '../run.js';
import { scenarioArb } from '../scenario.js';
import { MIXED, withinH25 } from '../spaces.js';
import { wedgeArb, wedgeProblem } from '../wedge.js';

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
 * The activation pattern of W (entry i·m + j: 1 when ⟨w_j, x_i⟩ > 0, else 0) and the largest
 * ‖G_i‖² = Σ_j a_j² φ′(⟨w_j, x_i⟩)² ‖x_i‖² under it (docs/theory.md §2.3).
 */
function patternAndFeatureNorm(p: H25Run['problem'], W: Float64Array): { pattern: string; G2: number } {
  const s = activationValues(p, W);
  let pattern = '';
  let G2 = 0;
  for (let i = 0; i < p.n; i++) {
    let xs = 0;
    for (let k = 0; k < p.d; k++) xs += p.X[i * p.d + k]! ** 2;
    let g = 0;
    for (let j = 0; j < p.m; j++) {
      const positive = s[i * p.m + j]! * p.a[j]! * p.y[i]! > 0;
      pattern += positive ? '1' : '0';
      g += p.a[j]! ** 2 * (positive ? 1 : p.gamma * p.gamma);
    }
    G2 = Math.max(G2, g * xs);
  }
  return { pattern, G2 };
}

/**
 * L(t+1) ≤ L(t) at every step t where the premise holds: the activation pattern is the same at W(t)
 * and W(t+1) (a pattern's region is a convex cone, so the whole step stays in it and the margins are
 * linear in W there; H25's activated region is one such pattern) and α·L(t)·max‖G_i‖² ≤ c, with G_i
 * under that pattern (every step when `premise` is false), up to the rounding of the two loss
 * evaluations. Slack: the smallest relative decrease plus that allowance, over the admitted steps.
 */
export function monotoneLoss(run: H25Run, c: number, premise: boolean): RunVerdict {
  const { problem: p } = run;
  const xMax = maxRowNorm(p);
  const cps = run.trajectory.checkpoints;
  const patterns = cps.map((cp) => (premise ? patternAndFeatureNorm(p, cp.W) : { pattern: '', G2: 0 }));
  let worst = Infinity;
  let worstT = -1;
  let admitted = 0;
  const series: [number, number][] = [];
  for (let k = 0; k + 1 < cps.length; k++) {
    const now = cps[k]!;
    const next = cps[k + 1]!;
    if (next.t !== now.t + 1) continue;
    series.push([now.t, now.logLoss]);
    if (premise && (patterns[k]!.pattern !== patterns[k + 1]!.pattern || !(p.lr * now.loss * patterns[k]!.G2 <= c))) continue;
    admitted++;
    const tol = lossRelativeRounding(p, now.normW, xMax, now.logLoss) + lossRelativeRounding(p, next.normW, xMax, next.logLoss);
    const rel = -Math.expm1(next.logLoss - now.logLoss) + tol;
    if (rel < worst) {
      worst = rel;
      worstT = now.t;
    }
  }
  if (admitted === 0) return { verdict: 'inapplicable', slack: 0, detail: 'no step met the premise (one activation pattern at both ends, α·L·max‖G‖² ≤ c)', measured: { admitted } };
  return verdictFromSlack(worst, `smallest relative decrease ${worst.toPrecision(3)} at t = ${worstT} over ${admitted} admitted steps`, { worstDecrease: worst, worstT, admitted }, { 'log L vs t': series });
}

/** H-MONO (H25, derived; docs/theory.md §5): monotone loss decrease under the step condition. */
export const hMono = defineClaim('h25', {
  id: 'H-MONO',
  source: 'H25',
  tag: 'derived',
  expected: 'holds',
  statement: 'In the activated region (more generally: within one activation pattern), a step with α·L(W(t))·max_i‖G_i‖² ≤ c gives L(W(t+1)) ≤ L(W(t)).',
  method: `planar wedge data outside Case 1 (obtuse pairs, separable through 0), m ∈ {2, 4}, with α = (0.9–1)·c/max‖G_i‖², tight at L = 1: every step t < ${MONO_STEPS} with one activation pattern at W(t) and W(t+1) and α·L(t)·max‖G_i‖² ≤ c = ${MONO_C} (c·e^c/2 ≤ 1) must not increase L beyond the rounding bound of two loss evaluations.`,
  parameters: { c: { value: MONO_C, doc: 'c ≤ W₀(2) ≈ 0.8526 so that the descent lemma holds over the whole step (hMono.ts)' } },
  scenario: wedgeArb({ stepFactor: [0.9, 1], steps: MONO_STEPS }),
  designated: [{ fault: 'loss-derivative-sign', why: 'a step along +∇L raises the loss at first order, inside one activation pattern' }],
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
  method: `every step t < ${MONO_STEPS} must not increase L, with α = (30–200)/max‖x_i‖² on low-dimensional data with almost no signal (outside Case 1/2: inside Case 1 the exp loss falls for any step); refuted by the first rise beyond rounding.`,
  parameters: {},
  scenario: scenarioArb({ ...MIXED, steps: MONO_STEPS, lrFactor: [30, 200] }),
  designated: [],
  controls: [
    {
      description: 'inside Case 1/2 with small steps (α ≤ 0.3/max‖x_i‖²): the statement holds, showing the check can also say "holds"',
      target: 'holds',
      scenario: withinH25(MONO_STEPS, { lrFactor: [0.1, 0.3] }),
    },
  ],
  run: (s, ctx) => h25Run(s, ctx, everyStep),
  applies: () => ({ applies: true, reason: 'a universal statement: every scenario applies' }),
  facts: (s, run) => h25Facts(s.data.seed, run.problem, run.hypotheses),
  check: (_s, run) => monotoneLoss(run, Infinity, false),
});
