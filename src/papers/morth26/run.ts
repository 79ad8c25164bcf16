import type { ClaimContext, RunFacts } from '../../claims/core/types.js';
import { logSpacedCheckpoints } from '../../engines/schedule.js';
import type { Problem } from '../../problem/types.js';
import { measureSquareTrajectory, type SquareCheckpoint } from '../../theory/squareTrajectory.js';

/**
 * The interpolation threshold of docs/theory.md §11 as a fraction of the data scale: a run interpolates
 * when `L(T) ≤ INTERPOLATION_FRACTION · min_i y_i²/(2n)`. Any stationary point that leaves a point i unfit
 * has `L ≥ y_i²/(2n)` (its residual is −y_i: a neuron inactive on x_i contributes nothing there), so the
 * threshold separates interpolation from every saddle by a factor 10⁶, while an interpolating run reaches
 * the float64 floor `L ~ 10⁻³⁰` (residuals of a few ulps) long before T.
 */
export const INTERPOLATION_FRACTION = 1e-6;

/** `INTERPOLATION_FRACTION · min_i y_i² / (2n)`: the loss below which a run has interpolated. */
export function interpolationLoss(p: Problem): number {
  let min = Infinity;
  for (const v of p.y) min = Math.min(min, v * v);
  return (INTERPOLATION_FRACTION * min) / (2 * p.n);
}

/** Trains through the context's trainer and measures `(W(t), a(t))` at the checkpoints (docs/theory.md §11). */
export async function squareRun(problem: Problem, ctx: ClaimContext, checkpoints: readonly number[]): Promise<SquareCheckpoint[]> {
  const trained = await ctx.trainer.train(problem, checkpoints);
  return measureSquareTrajectory(problem, ctx.trainer.name, checkpoints, trained);
}

/** Dense log-spaced checkpoints for loss curves read in log time: every step up to 10, then `perDecade` a decade. */
export function curveCheckpoints(steps: number, perDecade = 100): number[] {
  const early = Array.from({ length: Math.min(steps, 10) + 1 }, (_, t) => t);
  return [...new Set([...early, ...logSpacedCheckpoints(steps, perDecade)])].sort((p, q) => p - q);
}

/** The per-run record of a MORTH26 run. */
export function orthoFacts(seed: number | string, p: Pick<Problem, 'n' | 'd' | 'm'>, hypotheses: Readonly<Record<string, boolean>>): RunFacts {
  return { seed, n: p.n, d: p.d, m: p.m, hypotheses };
}
