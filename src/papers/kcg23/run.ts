import type { Applicability, ClaimContext, RunFacts } from '../../claims/core/types.js';
import type { Problem } from '../../problem/types.js';
import { measureTrajectory, type MeasuredCheckpoint, type MeasuredTrajectory } from '../../theory/trajectory.js';
import { claimCheckpoints } from '../h25/run.js';
import { scenarioProblem, type Scenario } from '../h25/scenario.js';
import { kcgHypotheses, NEAR_ORTHOGONAL_C, type KcgHypotheses } from './hypotheses.js';

/** What the KCG23/FVBSH23 claims read off one scenario: the trajectory with its shape quantities, and the hypotheses. */
export interface KcgRun {
  readonly problem: Problem;
  readonly trajectory: MeasuredTrajectory;
  readonly hypotheses: KcgHypotheses;
}

/**
 * Trains the scenario's problem with the context's trainer and measures every checkpoint, the shape
 * quantities (docs/theory.md §9.1) through the context's theory (default checkpoints: every step up to
 * 20, then 8 per decade).
 */
export async function kcgRun(s: Scenario, ctx: ClaimContext, checkpoints?: readonly number[]): Promise<KcgRun> {
  const problem = scenarioProblem(s);
  const trained = await ctx.trainer.train(problem, checkpoints ?? claimCheckpoints(s.steps));
  return { problem, trajectory: measureTrajectory(problem, ctx.trainer.name, trained, ctx.theory), hypotheses: kcgHypotheses(problem) };
}

/** Both classes, nearly-orthogonal data and an init below the step (docs/theory.md §9.2). */
export function kcgApplicability(run: KcgRun): Applicability {
  const h = run.hypotheses;
  if (!h.bothClasses) return { applies: false, reason: 'one class only' };
  if (!h.nearlyOrthogonal) return { applies: false, reason: `not nearly orthogonal: realised C = ${h.orthogonalityC.toPrecision(3)} < ${NEAR_ORTHOGONAL_C}` };
  if (!h.smallInit) return { applies: false, reason: `init not below the step: max‖w_j(0)‖/bound = ${h.initRatio.toPrecision(3)}` };
  return { applies: true, reason: `realised C = ${h.orthogonalityC.toPrecision(3)}, init/bound = ${h.initRatio.toPrecision(3)}` };
}

/** The per-run record: size, data seed and the hypotheses that held. */
export function kcgFacts(s: Scenario, run: KcgRun): RunFacts {
  const h = run.hypotheses;
  return {
    seed: s.data.seed,
    n: run.problem.n,
    d: run.problem.d,
    m: run.problem.m,
    hypotheses: { bothClasses: h.bothClasses, nearlyOrthogonal: h.nearlyOrthogonal, smallInit: h.smallInit, everyPointServed: h.everyPointServed },
  };
}

/** The checkpoint at step t (the schedules of this paper always contain the decade points asked for). */
export function at(run: KcgRun, t: number): MeasuredCheckpoint {
  const c = run.trajectory.checkpoints.find((x) => x.t === t);
  if (!c) throw new Error(`no checkpoint at t = ${t}`);
  return c;
}

/** The decade points 10^k in [from, to]. */
export function decades(from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = 10 ** Math.ceil(Math.log10(from)); t <= to; t *= 10) out.push(t);
  return out;
}
