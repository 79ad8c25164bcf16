import fc from 'fast-check';
import { defineClaim } from '../../../claims/core/define.js';
import type { RunVerdict } from '../../../claims/core/types.js';
import { refutedBecause, verdictFromSlack } from '../../../claims/core/verdict.js';
import { POWER_ITERATION_REL_TOL } from '../../../numerics/powerIteration.js';
import { wholeRankHeuristic } from '../../../theory/shape.js';
import { window } from '../../h25/measure.js';
import type { Scenario } from '../../h25/scenario.js';
import { at, kcgApplicability, kcgFacts, kcgRun, type KcgRun } from '../run.js';
import { KCG_DEEP, KCG_QUICK, kcgArb, kcgReluArb } from '../scenario.js';

/** Steps of the quick tier: four decades. */
export const RANK_STEPS = 10_000;
/** Steps of the deep tier. */
export const RANK_DEEP_STEPS = 100_000;

/**
 * Largest block stable rank − 1 allowed over the last decade [T/10, T]. Measured on the calibrate
 * stream (seed 7, N = 40 leaky runs, T = 10⁴): at most 3.5·10⁻⁶ (γ near 0.1 is slowest); under
 * `backward-relu`, `backward-sign-flip` and `row-norm-rank` it stays ≥ 0.05. 10⁻⁴ leaves 30× room.
 */
export const BLOCK_RANK_TOL = 1e-4;

/**
 * Rounding of a stable rank: the power iteration brackets σ₁² to relative POWER_ITERATION_REL_TOL
 * (docs/theory.md §2.2), so a difference of two stable ranks near 1 is known to 2·10⁻¹⁰; twice that.
 */
export const RANK_ROUNDING = 4 * POWER_ITERATION_REL_TOL;

/**
 * ReLU: the largest stable rank of the whole W over the last two decades. KCG23 bound it by a constant
 * without a value (reconstructed); measured on the calibrate stream (seed 7, N = 40 ReLU runs, m ≤ 10,
 * T = 10⁴): at most 2.4 (most runs 1.4–2.1). 4 leaves room while a stable rank growing with t or m
 * (a Gaussian-like W has ≈ m(1 − 2√(m/d)) ≥ 3.4 at m = 4) fails it.
 */
export const RELU_RANK_BOUND = 4;

/** Leaky runs: each block's stable rank near 1 over the last decade and not rising since T/100. */
function leakyCheck(s: Scenario, run: KcgRun): RunVerdict {
  const T = run.trajectory.steps;
  const late = window(run.trajectory.checkpoints, T / 10, T);
  const early = at(run, T / 100);
  const last = at(run, T);
  let slack = Infinity;
  const parts: string[] = [];
  const measured: Record<string, number> = {};
  for (const side of ['plus', 'minus'] as const) {
    const lateErr = late.map((c) => c.blockStableRank[side]);
    if (lateErr.some((v) => v === null) || early.blockStableRank[side] === null) return refutedBecause(`block ${side}: no stable rank (an empty or all-zero block)`);
    const worst = Math.max(...lateErr.map((v) => v! - 1));
    const eEarly = early.blockStableRank[side]! - 1;
    const eLast = last.blockStableRank[side]! - 1;
    const level = (BLOCK_RANK_TOL - worst) / BLOCK_RANK_TOL;
    const trend = (eEarly + RANK_ROUNDING - eLast) / (Math.abs(eEarly) + RANK_ROUNDING);
    slack = Math.min(slack, level, trend);
    measured[`${side}.lateMax`] = worst;
    measured[`${side}.atT100`] = eEarly;
    parts.push(`${side}: max SR − 1 over [T/10, T] = ${worst.toExponential(2)} (tol ${BLOCK_RANK_TOL}), ${eEarly.toExponential(2)} at T/100 → ${eLast.toExponential(2)} at T`);
  }
  const whole = last.stableRank ?? NaN;
  const heuristic = wholeRankHeuristic(s.gamma);
  measured['wholeStableRank'] = whole;
  measured['wholeHeuristic'] = heuristic;
  measured['wholeRelativeGap'] = (whole - heuristic) / heuristic;
  const series = {
    'plus SR − 1 vs t': run.trajectory.checkpoints.filter((c) => c.t >= 1).map((c) => [c.t, (c.blockStableRank.plus ?? NaN) - 1] as const),
    'whole SR vs t': run.trajectory.checkpoints.filter((c) => c.t >= 1).map((c) => [c.t, c.stableRank ?? NaN] as const),
  };
  return verdictFromSlack(slack, `${parts.join('; ')}; whole W ${whole.toFixed(5)} vs heuristic ${heuristic.toFixed(5)} (reported)`, measured, series);
}

/** ReLU runs: the whole W's stable rank over [T/100, T] below {@link RELU_RANK_BOUND}. */
function reluCheck(run: KcgRun): RunVerdict {
  const T = run.trajectory.steps;
  const ranks = window(run.trajectory.checkpoints, T / 100, T).map((c) => c.stableRank);
  if (ranks.some((v) => v === null)) return refutedBecause('W = 0 at a late checkpoint: no stable rank');
  const worst = Math.max(...ranks.map((v) => v!));
  return verdictFromSlack((RELU_RANK_BOUND - worst) / RELU_RANK_BOUND, `ReLU: max stable rank over [T/100, T] = ${worst.toFixed(4)} (bound ${RELU_RANK_BOUND})`, { reluMaxStableRank: worst });
}

/** K-RANK (KCG23; docs/theory.md §5, §9.3). */
export const kRank = defineClaim('kcg23', {
  id: 'K-RANK',
  source: 'KCG23',
  tag: 'stated (per block: derived)',
  expected: 'holds',
  statement:
    'Leaky ReLU on nearly-orthogonal data, logistic loss, small init: the stable rank of each sign block → 1 (the whole W approaches 2(1+γ²)/(1+γ)², reported); ReLU: the stable rank stays bounded by a constant.',
  method: `leaky (γ ∈ [0.1, 0.9]): each block's stable rank − 1 at most ${BLOCK_RANK_TOL} over [T/10, T] and not above its value at T/100 (T = 10⁴); whole W reported beside the heuristic. ReLU: stable rank ≤ ${RELU_RANK_BOUND} over [T/100, T].`,
  parameters: {
    blockRankTol: { value: BLOCK_RANK_TOL, doc: 'block stable rank − 1 allowed over the last decade (calibrate seed 7, N = 40: ≤ 3.5e-6)' },
    reluRankBound: { value: RELU_RANK_BOUND, doc: 'ReLU stable-rank bound (reconstructed constant; calibrate seed 7, N = 40: ≤ 2.4)' },
    rankRounding: { value: RANK_ROUNDING, doc: 'rounding of a difference of stable ranks (power iteration tolerance)' },
  },
  scenario: fc.oneof(kcgArb({ ...KCG_QUICK, steps: RANK_STEPS }), kcgReluArb({ ...KCG_QUICK, steps: RANK_STEPS })),
  deepScenario: fc.oneof(kcgArb({ ...KCG_DEEP, steps: RANK_DEEP_STEPS }), kcgReluArb({ ...KCG_DEEP, steps: RANK_DEEP_STEPS })),
  designated: [
    { fault: 'backward-relu', why: 'a ReLU backward pass lets each neuron learn only the points it activates, so a block keeps several directions', scenario: kcgArb({ ...KCG_QUICK, steps: RANK_STEPS }) },
    { fault: 'backward-sign-flip', why: 'the flipped neuron learns the other block’s direction, so its block keeps rank 2', scenario: kcgArb({ ...KCG_QUICK, steps: RANK_STEPS }) },
    { fault: 'row-norm-rank', why: 'with equal rows ‖W‖_F²/max‖w_j‖² is the block’s row count, not 1', scenario: kcgArb({ ...KCG_QUICK, steps: RANK_STEPS }) },
  ],
  controls: [
    {
      description: 'init 10⁴–10⁵ times the safe scale (init ≫ step), hypotheses ignored: the random W(0) dominates and the blocks keep their rank',
      target: 'refuted',
      scenario: kcgArb({ ...KCG_QUICK, steps: RANK_STEPS, initFactor: [1e4, 1e5] }),
    },
  ],
  run: (s, ctx) => kcgRun(s, ctx),
  applies: (_s, run) => kcgApplicability(run),
  facts: kcgFacts,
  check: (s, run) => (s.gamma > 0 ? leakyCheck(s, run) : reluCheck(run)),
});
