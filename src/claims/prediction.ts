import type { Problem } from '../problem/types.js';
import { limitDirection, type LimitDirection } from '../theory/index.js';
import { scenarioProblem, type Scenario } from './scenario.js';

/** What the test-error claims read: the problem and its predicted limit Ŵ (no training needed). */
export interface PredictionRun {
  readonly problem: Problem;
  readonly limit: LimitDirection;
}

/** Solves for Ŵ on the scenario's problem. */
export function predictionRun(s: Scenario): PredictionRun {
  const problem = scenarioProblem(s);
  return { problem, limit: limitDirection(problem) };
}

/** w̄ of a solved prediction, or the reason there is none. */
export function wbarOf(run: PredictionRun): Float64Array | string {
  if (run.limit.status !== 'ok') return `no Ŵ: ${run.limit.reason}`;
  return run.limit.wbar ?? 'no common row per block (w̄ undefined)';
}
