import type { ClaimContext } from '../../claims/core/types.js';
import type { Problem } from '../../problem/types.js';
import { predictionApplicability } from './measure.js';
import { claimCheckpoints, h25Run, type H25Run } from './run.js';
import type { Scenario } from './scenario.js';
import type { Applicability } from '../../claims/core/types.js';

/** What the test-error claims read: the H25 run, and the two directions w̄ whose error they bound. */
export interface BoundRun extends H25Run {
  /** w̄ of the prediction Ŵ, from the context's theory (null: undefined or no Ŵ). */
  readonly wbarTheory: Float64Array | null;
  /** w̄ of the trained W(T): Σ_j a_j w_j(T), the direction f(x; W(T)) is linear in once the rows settle (docs/theory.md §2.5). */
  readonly wbarTrained: Float64Array;
}

/** Σ_j a_j w_j: for W with rows a_j-proportional per block this is (√m/2)·(v₊ − v₋) with balanced blocks. */
export function wbarOfWeights(p: Problem, W: Float64Array): Float64Array {
  const w = new Float64Array(p.d);
  for (let j = 0; j < p.m; j++) for (let k = 0; k < p.d; k++) w[k] += p.a[j]! * W[j * p.d + k]!;
  return w;
}

/** Trains the scenario (the claims speak of what GD converges to) and takes both w̄. */
export async function boundRun(s: Scenario, ctx: ClaimContext): Promise<BoundRun> {
  const run = await h25Run(s, ctx, claimCheckpoints(s.steps).filter((t) => t === 0 || t === s.steps || t >= s.steps / 10));
  return {
    ...run,
    wbarTheory: run.limit.status === 'ok' ? ctx.theory.wbar(run.problem, run.limit) : null,
    wbarTrained: wbarOfWeights(run.problem, run.trajectory.W),
  };
}

/** Ŵ solved with its sign constraints, Case 1 or 2 and init ≪ step, and w̄ defined (docs/theory.md §4). */
export function boundApplicability(run: BoundRun): Applicability {
  const base = predictionApplicability(run);
  if (!base.applies) return base;
  if (run.wbarTheory === null) return { applies: false, reason: 'w̄ undefined: the rows of a block of Ŵ differ' };
  return base;
}

/** ‖μ‖² and n‖μ‖⁴/d of a problem that carries μ. */
export function signal(p: Problem): { mu2: number; ratio: number } {
  let mu2 = 0;
  for (const v of p.mu!) mu2 += v * v;
  return { mu2, ratio: (p.n * mu2 * mu2) / p.d };
}
