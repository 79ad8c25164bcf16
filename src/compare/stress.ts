import {
  collinearPoints,
  duplicatedPoints,
  fewerFeaturesThanPoints,
  hugeNorms,
  nonSeparable,
  oneClass,
  singlePoint,
  tinyNorms,
  zeroPreactivation,
  type EdgeCase,
} from '../data/edge.js';
import { generateDataset, type Dataset } from '../data/generate.js';
import { makeProblemFile, type TrainingSettings } from '../data/problemFile.js';
import { NumericalError, TrainerError } from '../errors.js';
import { gaussianInit } from '../problem/init.js';
import type { Problem } from '../problem/types.js';
import { validateProblem } from '../problem/validate.js';
import type { Trainer } from '../trainers/types.js';
import { judgeTrajectory, type TrajectoryJudgement } from './judge.js';

/**
 * The edge tier: a trainer on the corners of docs/theory.md §3.5 (src/data/edge.ts) and a few more
 * (a zero data point, W(0) = 0, an overflowing run), each judged against the decimal reference with
 * checkpoints every step (judge.ts). A case passes when the trainer's W stays finite and within the
 * model, or, for a case that expects it, when the trainer refuses with a clear message: a numerical
 * failure naming the quantity, or an error it reports itself (trainer protocol `"error"` answer).
 */

/** Steps of each stress run: every step is a checkpoint, so every segment is a sharp one-step test. */
export const STRESS_STEPS = 20;
/** Seed of the edge datasets (any fixed value: the cases must be the same on every run). */
const STRESS_SEED = 'stress';
/** Width of every case's network (even: balanced blocks). */
const STRESS_M = 4;
/** Slope of every case's leaky ReLU. */
const STRESS_GAMMA = 0.1;
/** Factor on the suggested step α = n/‖X‖²_op that makes the non-separable run's margins leave exp's range after one step. */
const OVERFLOW_STEP_FACTOR = 1e4;

/** One case of the edge tier. */
export interface StressCase {
  readonly name: string;
  /** What is special about it, exactly. */
  readonly description: string;
  readonly problem: Problem;
  /** When set, the run is expected to leave the float64 range: a clear refusal passes (a finite answer must still be within the model). */
  readonly expectsRefusal?: string;
}

function fromEdge(edge: EdgeCase, settings: Partial<TrainingSettings> = {}): StressCase {
  return {
    name: edge.name,
    description: edge.description,
    problem: validateProblem(
      makeProblemFile(edge.dataset, {
        m: edge.m ?? STRESS_M,
        gamma: STRESS_GAMMA,
        steps: STRESS_STEPS,
        ...(edge.W0 ? { W0: edge.W0 } : {}),
        ...settings,
      }),
    ),
  };
}

function mixture(n: number, d: number, seed: string): Dataset {
  return generateDataset({ kind: 'gaussian', n, d, muNorm: 2, seed: `${STRESS_SEED}:${seed}` });
}

/** The cases, in a fixed order. */
export function stressCases(): StressCase[] {
  const zeroPointData = mixture(4, 3, 'zero-point');
  const X = Float64Array.from(zeroPointData.X);
  X.fill(0, 0, zeroPointData.d);
  const zeroPoint: Dataset = { n: zeroPointData.n, d: zeroPointData.d, X, y: zeroPointData.y };
  const zeroInit = mixture(4, 3, 'zero-init');
  const overflow = nonSeparable(STRESS_SEED);
  return [
    fromEdge(duplicatedPoints(STRESS_SEED)),
    fromEdge(collinearPoints(STRESS_SEED)),
    {
      name: 'zero-point',
      description: 'x_0 = 0: ⟨w_j, x_0⟩ = 0 for every W, so φ′(0) = γ always and point 0 adds nothing to the gradient',
      // The suggested init scale is 0 when a point is 0 (H25's bound is 0): W(0) is drawn at a fixed scale instead.
      problem: validateProblem(makeProblemFile(zeroPoint, { m: STRESS_M, gamma: STRESS_GAMMA, steps: STRESS_STEPS, initScale: 1e-3, initSeed: STRESS_SEED })),
    },
    {
      name: 'zero-init',
      description: 'W(0) = 0: every pre-activation is exactly 0 at step 0 (φ′(0) = γ), and step 1 makes the rows proportional to a_j',
      problem: validateProblem(makeProblemFile(zeroInit, { m: STRESS_M, gamma: STRESS_GAMMA, steps: STRESS_STEPS, W0: new Float64Array(STRESS_M * zeroInit.d) })),
    },
    fromEdge(zeroPreactivation(gaussianInit(STRESS_M, 3, 1e-2, STRESS_SEED), STRESS_M, 3, { seed: STRESS_SEED })),
    fromEdge(hugeNorms(STRESS_SEED)),
    fromEdge(tinyNorms(STRESS_SEED)),
    fromEdge(fewerFeaturesThanPoints(STRESS_SEED)),
    fromEdge(nonSeparable(STRESS_SEED)),
    fromEdge(oneClass(STRESS_SEED)),
    fromEdge(singlePoint(STRESS_SEED)),
    {
      ...fromEdge(overflow, { stepFactor: OVERFLOW_STEP_FACTOR }),
      name: 'exp-overflow',
      description: `${overflow.description}, with α = 10⁴·n/‖X‖²_op: within a few steps one of q_0 = −q_1 is below −709, where e^{−q} overflows`,
      expectsRefusal: 'the exp loss overflows float64 (docs/theory.md §1.4)',
    },
  ];
}

/** How a case ended. */
export type StressOutcome =
  /** Finite W at every step, every judged segment within the model. */
  | 'within-model'
  /** The case expects a refusal and got a clear one. */
  | 'refused-as-expected'
  /** Finite W, but some segment beyond the model. */
  | 'beyond-model'
  /** The trainer failed where it should have run, or failed unclearly (a crash, a malformed answer, a timeout). */
  | 'failed'
  /** The case expects a refusal and got W the model cannot judge (every segment unbounded). */
  | 'not-refused';

/** One case's verdict. */
export interface StressVerdict {
  readonly name: string;
  readonly description: string;
  readonly outcome: StressOutcome;
  readonly pass: boolean;
  /** The trainer's error, when it raised one. */
  readonly error?: { readonly kind: string; readonly message: string };
  /** The judgement of its trajectory, when it returned one. */
  readonly judgement?: TrajectoryJudgement;
}

/** Whether an error is a clear refusal: a numerical failure naming its quantity, or an error the trainer reported itself. */
function clearRefusal(e: unknown): boolean {
  return e instanceof NumericalError || (e instanceof TrainerError && e.field === 'error');
}

/**
 * Runs `trainer` on one case, checkpoints 0..{@link STRESS_STEPS} every step, and judges the answer.
 * Never throws for the trainer's sake: any error it raises is part of the verdict.
 */
export async function runStressCase(c: StressCase, trainer: Trainer, options: { digits?: number } = {}): Promise<StressVerdict> {
  const base = { name: c.name, description: c.description };
  const ts = Array.from({ length: STRESS_STEPS + 1 }, (_, t) => t);
  let answer;
  try {
    answer = await trainer.train(c.problem, ts);
  } catch (e) {
    const error = { kind: (e as Error).name ?? 'Error', message: (e as Error).message ?? String(e) };
    const pass = c.expectsRefusal !== undefined && clearRefusal(e);
    return { ...base, outcome: pass ? 'refused-as-expected' : 'failed', pass, error };
  }
  const judgement = judgeTrajectory(c.problem, answer, options.digits !== undefined ? { digits: options.digits } : {});
  if (!judgement.pass) return { ...base, outcome: 'beyond-model', pass: false, judgement };
  if (c.expectsRefusal !== undefined && judgement.judged === 0) return { ...base, outcome: 'not-refused', pass: false, judgement };
  return { ...base, outcome: 'within-model', pass: true, judgement };
}
