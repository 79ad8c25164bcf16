import type { ClaimContext, RunFacts } from '../../claims/core/types.js';
import type { Problem } from '../../problem/types.js';
import { degenerateSupport, driftFreeTransientRate, type DegenerateSupport, type LimitDirection } from '../../theory/index.js';
import { measureTrajectory, type MeasuredTrajectory } from '../../theory/trajectory.js';
import { MIN_TRANSIENT_RATE } from '../h25/measure.js';
import { claimCheckpoints } from '../h25/run.js';
import { linearProblem, type LinearScenario } from './scenario.js';

/** What the SHNGS18 claims read off one linear scenario. */
export interface LinearRun {
  /** Null when the scenario's data could not be built (see `linearDataset`). */
  readonly problem: Problem | null;
  /** ŵ from the context's theory (`limitDirection` at γ = 1, m = 1, a = 1 is the hard-margin SVM without bias). */
  readonly limit: LimitDirection | null;
  readonly degeneracy: DegenerateSupport | null;
  /** Slowest transient exponent r of ρ(t) (t^−r) apart from the log log drift of zero-dual margin points. */
  readonly rate: number;
  /** Null when the run was not trained: no problem, no ŵ, or transients slower than t^−MIN_TRANSIENT_RATE. */
  readonly trajectory: MeasuredTrajectory | null;
  /** Why there is no trajectory, when there is none. */
  readonly reason: string;
}


/**
 * The checkpoints of a linear run: those of the H25 slow claims (every step to 20, then 8 per decade)
 * with T/100 and T/10 exactly, where the residual's last two decades start.
 */
function linearCheckpoints(steps: number): number[] {
  return [...new Set([...claimCheckpoints(steps), Math.round(steps / 100), Math.round(steps / 10)])].sort((p, q) => p - q);
}

/**
 * Builds the linear problem, solves for ŵ through the context's theory and trains through its trainer,
 * unless the transients are too slow to see the asymptote at T (then the run is not trained: the
 * claims find it inapplicable without paying for it).
 */
export async function linearRun(s: LinearScenario, ctx: ClaimContext): Promise<LinearRun> {
  const problem = linearProblem(s);
  if (problem === null) return { problem, limit: null, degeneracy: null, rate: 0, trajectory: null, reason: 'no margin point fits: d ≤ n or the base data are not separable' };
  const limit = ctx.theory.limitDirection(problem);
  if (limit.status !== 'ok') return { problem, limit, degeneracy: null, rate: 0, trajectory: null, reason: `no ŵ: ${limit.reason}` };
  const degeneracy = degenerateSupport(limit);
  const rate = driftFreeTransientRate(problem, limit);
  if (!(rate >= MIN_TRANSIENT_RATE)) {
    return { problem, limit, degeneracy, rate, trajectory: null, reason: `asymptote out of reach at T = ${s.steps}: transients decay like t^-${rate.toPrecision(3)} < t^-${MIN_TRANSIENT_RATE}` };
  }
  const trained = await ctx.trainer.train(problem, linearCheckpoints(s.steps));
  return { problem, limit, degeneracy, rate, trajectory: measureTrajectory(problem, ctx.trainer.name, trained), reason: '' };
}

/** The per-run record: size, data seed, and separability, non-degeneracy and fast transients. */
export function linearFacts(s: LinearScenario, run: LinearRun): RunFacts {
  const ok = run.limit?.status === 'ok';
  return {
    seed: s.data.seed,
    n: run.problem?.n ?? s.data.n,
    d: s.data.d,
    m: 1,
    hypotheses: {
      separable: ok,
      nonDegenerate: ok && run.degeneracy !== null && !run.degeneracy.degenerate,
      fastTransients: run.rate >= MIN_TRANSIENT_RATE,
    },
  };
}
