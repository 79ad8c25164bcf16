import { referenceContext } from '../claims/core/context.js';
import { streamSeed } from '../claims/core/seeds.js';
import type { ClaimContext } from '../claims/core/types.js';
import type { Dataset } from '../data/index.js';
import { wbarOfWeights } from '../papers/h25/bounds.js';
import { UB_C, heuristicError } from '../papers/h25/claims/hBounds.js';
import { scenarioProblem, type Scenario } from '../papers/h25/scenario.js';
import type { Problem } from '../problem/types.js';
import { h25Hypotheses, monteCarloTestError } from '../theory/index.js';
import { cellKey, type SweepCellRef, type SweepSpec } from './grid.js';

/** Confidence of the Monte Carlo test error's Clopper–Pearson interval (non-Gaussian noise). */
export const SWEEP_MC_CONFIDENCE = 0.95;

/** The test error of one direction: exact (Gaussian noise) or Monte Carlo with its interval. */
export interface SweepError {
  /** Φ(−⟨w̄, μ⟩/‖Σ^{1/2}w̄‖) (Gaussian) or the Monte Carlo estimate. */
  readonly value: number;
  /** log of the exact value, finite far below its underflow (Gaussian only). */
  readonly log: number | null;
  /** Clopper–Pearson interval at {@link SWEEP_MC_CONFIDENCE} (Monte Carlo only). */
  readonly interval: { readonly lower: number; readonly upper: number } | null;
}

/** One replicate of a cell: one dataset, its Ŵ, and what held. */
export interface SweepReplicate {
  /** The dataset seed (`streamSeed(global, 'sweep', cellKey, r)`). */
  readonly seed: number;
  /** Ŵ's status: 'ok', or why there is none ('infeasible': not separable by the features). */
  readonly limit: 'ok' | 'infeasible' | 'degenerate';
  /** Test error of w̄ of Ŵ (null: no Ŵ, or w̄ undefined). */
  readonly error: SweepError | null;
  /** Test error of w̄ of W(T) (null unless the sweep trains). */
  readonly trainedError: SweepError | null;
  /** docs/theory.md §4 on this dataset, and whether Ŵ met H25's sign constraints. */
  readonly hypotheses: {
    readonly case1: boolean;
    readonly case2: boolean;
    readonly init: boolean;
    readonly stepSize: boolean;
    readonly assumption61a: boolean;
    readonly signConstraints: boolean;
  };
  /** Case 1 or 2, init ≪ step, and Ŵ inside H25 (sign constraints): the theorem speaks of this run. */
  readonly h25: boolean;
}

/** Quantiles of the replicates' test errors (type 7: linear between order statistics). */
export interface SweepQuantiles {
  readonly min: number;
  readonly q25: number;
  readonly median: number;
  readonly q75: number;
  readonly max: number;
}

/** One cell of the sweep: its parameters, H-UB's bound there, and every replicate. */
export interface SweepCell extends SweepCellRef {
  readonly n: number;
  /** n‖μ‖⁴/d: the weak-signal exponent of H-UB (docs/theory.md §5). */
  readonly signalRatio: number;
  /** n‖μ‖²/d: < 1 weak signal, > 1 strong (the transition n‖μ‖² = d). */
  readonly strength: number;
  /** H-UB's bound exp(−UB_C·min(n‖μ‖⁴/d, ‖μ‖²)) with the fitted UB_C. */
  readonly bound: number;
  /** docs/theory.md's heuristic Φ(−‖μ‖²/√(‖μ‖² + d/n)). */
  readonly heuristic: number;
  readonly replicates: readonly SweepReplicate[];
  /** Quantiles of the test error of Ŵ over the replicates that have one (null: none has). */
  readonly quantiles: SweepQuantiles | null;
  /** The same for W(T) (null unless the sweep trains). */
  readonly trainedQuantiles: SweepQuantiles | null;
  /** Replicates where H25's hypotheses held ({@link SweepReplicate.h25}). */
  readonly h25Held: number;
  /** Of those, the replicates whose error (Ŵ's, and W(T)'s when trained) is within the bound. */
  readonly boundHeld: number;
}

/** Type-7 quantiles of a non-empty list. */
export function quantiles(values: readonly number[]): SweepQuantiles | null {
  if (values.length === 0) return null;
  const s = [...values].sort((p, q) => p - q);
  const at = (q: number): number => {
    const h = (s.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(s.length - 1, lo + 1);
    return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
  };
  return { min: s[0]!, q25: at(0.25), median: at(0.5), q75: at(0.75), max: s[s.length - 1]! };
}

function errorOf(wbar: Float64Array, p: Problem, spec: SweepSpec, ctx: ClaimContext, test: () => Dataset): SweepError {
  if (spec.kind === 'gaussian' || spec.kind === 'nearly-orthogonal') {
    const e = ctx.theory.gaussianTestError(wbar, p.mu!, p.sigmaDiag);
    return { value: e.value, log: e.logValue, interval: null };
  }
  const t = test();
  let i = 0;
  const mc = monteCarloTestError(
    wbar,
    () => {
      const x = t.X.subarray(i * t.d, (i + 1) * t.d);
      return { x, y: t.y[i++]! };
    },
    t.n,
    SWEEP_MC_CONFIDENCE,
  );
  return { value: mc.estimate, log: null, interval: { lower: mc.interval.lower, upper: mc.interval.upper } };
}

/** The scenario of replicate `seed` of a cell (the same descriptor the claims use). */
export function replicateScenario(spec: SweepSpec, cell: Pick<SweepCellRef, 'muNorm' | 'd'>, seed: number): Scenario {
  return {
    data: { kind: spec.kind, n: spec.n, d: cell.d, muNorm: cell.muNorm, seed },
    m: spec.m,
    gamma: spec.gamma,
    loss: 'exp',
    lrFactor: spec.lrFactor,
    initFactor: spec.initFactor,
    steps: spec.train,
  };
}

/** The dataset seed of replicate r of a cell: from the global seed and the cell, never from scheduling. */
export function replicateSeed(globalSeed: number, spec: SweepSpec, cell: Pick<SweepCellRef, 'muNorm' | 'd'>, r: number): number {
  return streamSeed(globalSeed, 'sweep', cellKey(spec, cell), String(r)) >>> 0;
}

async function replicate(spec: SweepSpec, cell: SweepCellRef, seed: number, ctx: ClaimContext): Promise<SweepReplicate> {
  const s = replicateScenario(spec, cell, seed);
  const p = scenarioProblem(s);
  const h = h25Hypotheses(p);
  const limit = ctx.theory.limitDirection(p);
  let testSet: Dataset | undefined;
  const test = (): Dataset => (testSet ??= ctx.theory.testPoints(s.data, spec.testPoints, 'sweep-test'));
  const wbar = limit.status === 'ok' ? ctx.theory.wbar(p, limit) : null;
  const error = wbar ? errorOf(wbar, p, spec, ctx, test) : null;
  let trainedError: SweepError | null = null;
  if (spec.train > 0) {
    const [last] = await ctx.trainer.train(p, [spec.train]);
    trainedError = errorOf(wbarOfWeights(p, last!.W), p, spec, ctx, test);
  }
  const sign = limit.status === 'ok' && limit.signConstraintsHold;
  const hypotheses = {
    case1: h.case1.holds,
    case2: h.case2.holds,
    init: h.init.holds,
    stepSize: h.stepSize.holds,
    assumption61a: h.assumption61a?.holds ?? false,
    signConstraints: sign,
  };
  return { seed, limit: limit.status, error, trainedError, hypotheses, h25: (h.case1.holds || h.case2.holds) && h.init.holds && sign };
}

/**
 * Runs one cell: `spec.seeds` datasets, each with Ŵ, its exact (or Monte Carlo) test error, the
 * hypotheses of docs/theory.md §4, and optionally W(T) trained by the context's trainer. A pure
 * function of (spec, cell, global seed): any worker, any order, the same bits.
 */
export async function runSweepCell(spec: SweepSpec, cell: SweepCellRef, globalSeed: number, ctx: ClaimContext = referenceContext()): Promise<SweepCell> {
  const replicates: SweepReplicate[] = [];
  for (let r = 0; r < spec.seeds; r++) replicates.push(await replicate(spec, cell, replicateSeed(globalSeed, spec, cell, r), ctx));
  const mu2 = cell.muNorm * cell.muNorm;
  const signalRatio = (spec.n * mu2 * mu2) / cell.d;
  const bound = Math.exp(-UB_C * Math.min(signalRatio, mu2));
  const values = (pick: (r: SweepReplicate) => SweepError | null): number[] => replicates.flatMap((r) => (pick(r) ? [pick(r)!.value] : []));
  const within = (e: SweepError | null): boolean => e !== null && (e.interval ? e.interval.lower : e.value) <= bound;
  const held = replicates.filter((r) => r.h25);
  return {
    ...cell,
    n: spec.n,
    signalRatio,
    strength: (spec.n * mu2) / cell.d,
    bound,
    heuristic: heuristicError(spec.n, cell.d, mu2),
    replicates,
    quantiles: quantiles(values((r) => r.error)),
    trainedQuantiles: spec.train > 0 ? quantiles(values((r) => r.trainedError)) : null,
    h25Held: held.length,
    boundHeld: held.filter((r) => within(r.error) && (spec.train === 0 || within(r.trainedError))).length,
  };
}
