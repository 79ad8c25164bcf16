import type { ClaimContext, RunFacts } from '../../claims/core/types.js';
import { gammaK } from '../../numerics/roundoff.js';
import type { Problem } from '../../problem/types.js';
import { h25Hypotheses, linearSvmDirection, type H25Hypotheses } from '../../theory/index.js';
import { measureTrajectory, type MeasuredCheckpoint, type MeasuredTrajectory } from '../../theory/trajectory.js';
import { maxRowNorm } from '../h25/measure.js';

/** What the LL20 claims read off one scenario. */
export interface Ll20Run {
  readonly problem: Problem;
  readonly trajectory: MeasuredTrajectory;
  readonly hypotheses: H25Hypotheses;
  /** The data are linearly separable through 0 (the linear hard-margin SVM exists). */
  readonly separable: boolean;
}

/** Checkpoints: every step up to `every`, then 16 per decade up to `steps` (monotonicity is read between consecutive ones). */
export function monotoneCheckpoints(steps: number, every: number): number[] {
  const out = new Set<number>();
  for (let t = 0; t <= Math.min(every, steps); t++) out.add(t);
  const decades = Math.log10(steps);
  const count = Math.ceil(decades * 16);
  for (let k = 0; k <= count; k++) out.add(Math.min(steps, Math.round(10 ** ((decades * k) / count))));
  out.add(steps);
  return [...out].sort((p, q) => p - q);
}

/** Trains a problem through the context, measuring the shape quantities with the context's theory. */
export async function ll20RunOf(problem: Problem, ctx: ClaimContext, checkpoints: readonly number[]): Promise<Ll20Run> {
  const trained = await ctx.trainer.train(problem, checkpoints);
  return {
    problem,
    trajectory: measureTrajectory(problem, ctx.trainer.name, trained, ctx.theory),
    hypotheses: h25Hypotheses(problem),
    separable: linearSvmDirection(problem).status === 'ok',
  };
}

/** The per-run record. */
export function ll20Facts(seed: number | string, run: Ll20Run): RunFacts {
  const h = run.hypotheses;
  return { seed, n: run.problem.n, d: run.problem.d, m: run.problem.m, hypotheses: { case1: h.case1.holds, stepSize: h.stepSize.holds, separable: run.separable } };
}

/**
 * Bound on the absolute rounding error of one checkpoint's normalised margin q_i/‖W‖_F (docs/theory.md
 * §7.2, §9.3): each q_i errs by at most Δq = γ_{d+m+2}·‖a‖·‖W‖_F·max_i‖x_i‖ (the d- and m-term sums),
 * ‖W‖_F by γ_{md+2} relative, and the quotient by one more rounding.
 */
export function normalizedMarginRounding(p: Problem, c: MeasuredCheckpoint, value: number): number {
  let aSq = 0;
  for (const v of p.a) aSq += v * v;
  const dq = gammaK(p.d + p.m + 2) * Math.sqrt(aSq) * c.normW * maxRowNorm(p);
  return dq / c.normW + Math.abs(value) * gammaK(p.m * p.d + 3);
}

/**
 * Bound on the absolute rounding error of one checkpoint's smoothed margin γ̃ = −log(L_sum-term)/‖W‖_F:
 * a shift Δq of every margin moves log L_sum by at most Δq; the log-sum-exp of n terms adds
 * γ_{n+4}·(|log L_sum| + log n) (src/theory/_internals/logSpace.ts); for the logistic loss the map
 * log L_sum ↦ log(e^{L_sum} − 1) has slope L_sum·e^{L_sum}/(e^{L_sum} − 1) ≤ 1 + L_sum, at most 2 where
 * γ̃ > 0 (L_sum < log 2); ‖W‖_F and the quotient add γ_{md+3} relative.
 */
export function smoothedMarginRounding(p: Problem, c: MeasuredCheckpoint, value: number): number {
  let aSq = 0;
  for (const v of p.a) aSq += v * v;
  const dq = gammaK(p.d + p.m + 2) * Math.sqrt(aSq) * c.normW * maxRowNorm(p);
  const logLSum = c.logLoss + Math.log(p.n);
  const logError = dq + gammaK(p.n + 4) * (Math.abs(logLSum) + Math.log(p.n));
  const slope = p.loss === 'exp' ? 1 : 2;
  return (slope * logError) / c.normW + Math.abs(value) * gammaK(p.m * p.d + 3);
}
