import type { ClaimContext, RunFacts } from '../../claims/core/types.js';
import { flipCount } from '../../data/index.js';
import type { Problem } from '../../problem/types.js';
import { marginLoss } from '../../problem/marginLoss.js';
import { fcb22Hypotheses, nearOrthogonality, type Fcb22Hypotheses, type NearOrthogonalityReport } from '../../theory/index.js';
import { margins } from '../../theory/margins.js';
import { networkOutputsFromProjections, rowsOf } from '../h25/network.js';
import { scenarioProblem, type Scenario } from '../h25/scenario.js';

/** What FCB-NOISY reads off one scenario. */
export interface FcbRun {
  readonly problem: Problem;
  readonly hypotheses: Fcb22Hypotheses;
  readonly nearOrthogonal: NearOrthogonalityReport;
  /** The flip rate η of the scenario. */
  readonly eta: number;
  /** Training points with q_i(T) ≤ 0 on the (noisy) training labels. */
  readonly trainMisfit: number;
  /** Clean test points on which y·f(x; W(T)) ≤ 0, and how many were drawn. */
  readonly testErrors: number;
  readonly testPoints: number;
}

/**
 * Trains the scenario through the context's trainer (W(0) and W(T) only) and counts the errors of
 * sign f(x; W(T)) on `testPoints` fresh clean points of the same mixture, drawn by the context's theory.
 */
export async function fcbRun(s: Scenario, ctx: ClaimContext, testPoints: number): Promise<FcbRun> {
  const problem = scenarioProblem(s);
  const trained = await ctx.trainer.train(problem, [0, s.steps]);
  const W = trained[trained.length - 1]!.W;
  const q = margins(problem, W, marginLoss(problem.loss)).q;
  let trainMisfit = 0;
  for (const v of q) if (!(v > 0)) trainMisfit++;
  // The points are read only through the rows of W(T) (docs/theory.md §3.7).
  const test = ctx.theory.testProjections(s.data, rowsOf(W, problem.m, problem.d), testPoints, 'fcb22-test');
  const f = networkOutputsFromProjections(problem, test, 0);
  let testErrors = 0;
  for (let i = 0; i < test.n; i++) if (!(test.y[i]! * f[i]! > 0)) testErrors++;
  const eta = s.data.labelNoise ?? 0;
  return {
    problem,
    hypotheses: fcb22Hypotheses(problem.n, problem.d, problem.mu!, flipCount(eta, problem.n)),
    nearOrthogonal: nearOrthogonality(problem),
    eta,
    trainMisfit,
    testErrors,
    testPoints: test.n,
  };
}

/** The per-run record: size, data seed, and FCB22's conditions. */
export function fcbFacts(s: Scenario, run: FcbRun): RunFacts {
  return {
    seed: s.data.seed,
    n: run.problem.n,
    d: run.problem.d,
    m: run.problem.m,
    hypotheses: { dimension: run.hypotheses.dimensionRatio >= run.hypotheses.C, flipFraction: run.hypotheses.flipFraction <= run.hypotheses.maxFlipFraction, nearOrthogonal: run.nearOrthogonal.holds },
  };
}
