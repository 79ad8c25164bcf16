import { trainFloat64, type Float64Trajectory } from '../engines/float64/index.js';
import { logSpacedCheckpoints } from '../engines/schedule.js';
import type { Problem } from '../problem/types.js';
import { h25Hypotheses, limitDirection, linearSvmDirection, type H25Hypotheses, type LimitDirection } from '../theory/index.js';
import { scenarioProblem, type Scenario } from './scenario.js';

/** Everything the H25 claims read off one scenario: the trajectory, the prediction and the hypotheses. */
export interface H25Run {
  readonly problem: Problem;
  readonly trajectory: Float64Trajectory;
  /** Ŵ of THEORY §2 (or, with `plant: 'svm'`, the planted wrong prediction). */
  readonly limit: LimitDirection;
  readonly hypotheses: H25Hypotheses;
}

/** Checkpoints for slow claims: every step up to 20, then 8 per decade (THEORY §5: trends over log-spaced t). */
export function claimCheckpoints(steps: number): number[] {
  const early = Array.from({ length: Math.min(steps, 20) + 1 }, (_, t) => t);
  return [...new Set([...early, ...logSpacedCheckpoints(steps, 8)])].sort((p, q) => p - q);
}

/**
 * Trains the scenario's problem with W recorded at {@link claimCheckpoints} and solves for Ŵ.
 * With `plant: 'svm'` the prediction is the plain linear hard-margin SVM direction copied into every
 * row (signed by a_j): the direction H25 says the network does *not* converge to (THEORY §2).
 */
export function h25Run(s: Scenario, checkpoints?: readonly number[]): H25Run {
  const problem = scenarioProblem(s);
  const trajectory = trainFloat64(problem, { steps: s.steps, checkpoints: checkpoints ?? claimCheckpoints(s.steps), recordW: true });
  let limit = limitDirection(problem);
  if (s.plant === 'svm' && limit.status === 'ok') limit = plantSvm(problem, limit);
  return { problem, trajectory, limit, hypotheses: h25Hypotheses(problem) };
}

function plantSvm(p: Problem, limit: Extract<LimitDirection, { status: 'ok' }>): LimitDirection {
  const svm = linearSvmDirection(p);
  if (svm.status !== 'ok') return limit;
  const W = new Float64Array(p.m * p.d);
  for (let j = 0; j < p.m; j++) for (let k = 0; k < p.d; k++) W[j * p.d + k] = p.a[j]! * svm.w[k]!;
  let s = 0;
  for (const v of W) s += v * v;
  const norm = Math.sqrt(s);
  return { ...limit, W, normF: svm.norm, direction: W.map((v) => v / norm) };
}
