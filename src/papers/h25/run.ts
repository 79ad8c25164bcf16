import type { ClaimContext, RunFacts } from '../../claims/core/types.js';
import { logSpacedCheckpoints } from '../../engines/schedule.js';
import type { Problem } from '../../problem/types.js';
import { h25Hypotheses, type H25Hypotheses, type LimitDirection } from '../../theory/index.js';
import { measureTrajectory, type MeasuredTrajectory } from '../../theory/trajectory.js';
import { scenarioProblem, type Scenario } from './scenario.js';

/** Everything the H25 claims read off one scenario: the trajectory, the prediction and the hypotheses. */
export interface H25Run {
  readonly problem: Problem;
  readonly trajectory: MeasuredTrajectory;
  /** Ŵ of docs/theory.md §2, from the context's theory. */
  readonly limit: LimitDirection;
  readonly hypotheses: H25Hypotheses;
}

/** Checkpoints for slow claims: every step up to 20, then 8 per decade (docs/theory.md §5: trends over log-spaced t). */
export function claimCheckpoints(steps: number): number[] {
  const early = Array.from({ length: Math.min(steps, 20) + 1 }, (_, t) => t);
  return [...new Set([...early, ...logSpacedCheckpoints(steps, 8)])].sort((p, q) => p - q);
}

/** Trains the scenario's problem with the context's trainer, measures the trajectory and solves for Ŵ. */
export async function h25Run(s: Scenario, ctx: ClaimContext, checkpoints?: readonly number[]): Promise<H25Run> {
  return h25RunOf(scenarioProblem(s), ctx, checkpoints ?? claimCheckpoints(s.steps));
}

/** {@link h25Run} on a given problem. */
export async function h25RunOf(problem: Problem, ctx: ClaimContext, checkpoints: readonly number[]): Promise<H25Run> {
  const trained = await ctx.trainer.train(problem, checkpoints);
  const trajectory = measureTrajectory(problem, ctx.trainer.name, trained);
  return { problem, trajectory, limit: ctx.theory.limitDirection(problem), hypotheses: h25Hypotheses(problem) };
}

/** The per-run record of an H25 run: size, data seed and the hypotheses of docs/theory.md §4 that held. */
export function h25Facts(seed: number | string, p: Problem, h: H25Hypotheses): RunFacts {
  return {
    seed,
    n: p.n,
    d: p.d,
    m: p.m,
    hypotheses: { case1: h.case1.holds, case2: h.case2.holds, stepSize: h.stepSize.holds, init: h.init.holds },
  };
}
