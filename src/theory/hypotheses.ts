import { InputError, NumericalError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';
import type { Problem } from '../problem/types.js';
import { dotRows } from './_internals/linalg.js';
import { checkCount, checkFinite, checkFiniteArray, checkLabelledData, checkNetworkData } from './_internals/validate.js';
import { topSingularValue, type TopSingularValue } from './stableRank.js';
import type { LabelledData, NetworkData } from './types.js';

/**
 * Default C of Case 2, γ min_k‖x_k‖² ≥ C n max_{i≠k}|⟨x_i, x_k⟩| (docs/theory.md §4). Reconstructed: H25's
 * constant is not available; 1 is a neutral placeholder, and the measured ratio is always reported
 * so any other C can be applied to it.
 */
export const DEFAULT_CASE2_C = 1;
/**
 * Default c of the step-size form α ≤ c·n/‖X‖_op² (docs/theory.md §4). Reconstructed: the sufficient
 * constant is not available; 1 is a placeholder and the measured α‖X‖_op²/n is reported.
 */
export const DEFAULT_STEP_SIZE_C = 1;
/**
 * Default factor κ of the init form max_j‖w_j(0)‖ < κ·α γ min_k‖x_k‖/(n m) (docs/theory.md §4 states κ = 1).
 * Reconstructed: the source only says "init much smaller than the step"; the ratio is reported.
 */
export const DEFAULT_INIT_FACTOR = 1;
/**
 * Default C of Assumption 6.1a, d ≥ C max(n‖μ‖², n²) (docs/theory.md §4, stated via a review without the
 * constant): reconstructed; 1 is a placeholder and d / max(n‖μ‖², n²) is reported.
 */
export const DEFAULT_ASSUMPTION61A_C = 1;

/** ⟨x_i, x_k⟩, refused when it leaves float64's range (an infinite or NaN one would decide a case silently). */
function finiteDot(X: Float64Array, i: number, k: number, d: number): number {
  const v = dotRows(X, i, X, k, d);
  if (!Number.isFinite(v)) throw new NumericalError('X', `⟨x_${i}, x_${k}⟩ overflows float64 (${v}); rescale the data`);
  return v;
}

/** Case 1 of H25 (docs/theory.md §4): ⟨y_i x_i, y_k x_k⟩ ≥ 0 for all i, k. */
export interface Case1Report {
  readonly holds: boolean;
  /** min over all pairs (i, k), i = k included, of ⟨y_i x_i, y_k x_k⟩; ≥ 0 iff Case 1 holds. */
  readonly minCorrelation: number;
  /** A pair attaining it. */
  readonly argmin: { readonly i: number; readonly k: number };
}

/**
 * Case 1 (strong signal / positive correlation, docs/theory.md §4): holds iff min_{i,k} ⟨y_i x_i, y_k x_k⟩ ≥ 0.
 * The diagonal terms ‖x_i‖² ≥ 0 are included, so n = 1 always holds.
 *
 * @throws InputError on shapes or non-finite entries
 * @throws NumericalError when an inner product overflows float64
 */
export function case1(data: LabelledData): Case1Report {
  checkLabelledData(data);
  const { n, d, X, y } = data;
  let best = Infinity;
  let argmin = { i: 0, k: 0 };
  for (let i = 0; i < n; i++) {
    for (let k = i; k < n; k++) {
      const v = y[i] * y[k] * finiteDot(X, i, k, d);
      if (v < best) {
        best = v;
        argmin = { i, k };
      }
    }
  }
  return { holds: best >= 0, minCorrelation: best, argmin };
}

/** Case 2 of H25 (docs/theory.md §4, reconstructed). */
export interface Case2Report {
  readonly holds: boolean;
  /**
   * γ min_k‖x_k‖² / (n max_{i≠k}|⟨x_i, x_k⟩|), compared to C; +∞ when the data are exactly
   * orthogonal (or n = 1) and the numerator is positive; null when both sides are 0.
   */
  readonly ratio: number | null;
  readonly C: number;
  /** min_k ‖x_k‖². */
  readonly minSquaredNorm: number;
  /** max_{i≠k} |⟨x_i, x_k⟩| (0 when n = 1). */
  readonly maxCrossCorrelation: number;
  /** Why the ratio is special, when it is. */
  readonly note?: string;
}

/**
 * Case 2 (near-orthogonality, docs/theory.md §4, reconstructed): γ min_k‖x_k‖² ≥ C n max_{i≠k}|⟨x_i, x_k⟩|.
 * The verdict is the inequality itself; the ratio is its slack. n = 1 has no pairs: holds vacuously.
 *
 * @param C - the constant (default {@link DEFAULT_CASE2_C}), > 0
 * @throws InputError on shapes, non-finite entries, γ ∉ [0, 1] or C ≤ 0
 * @throws NumericalError when an inner product overflows float64
 */
export function case2(data: LabelledData & Pick<Problem, 'gamma'>, C: number = DEFAULT_CASE2_C): Case2Report {
  checkLabelledData(data);
  if (!(data.gamma >= 0 && data.gamma <= 1)) throw new InputError('gamma', `expected a slope in [0, 1], got ${String(data.gamma)}`);
  if (!(C > 0 && Number.isFinite(C))) throw new InputError('C', `expected a positive finite constant, got ${String(C)}`);
  const { n, d, X, gamma } = data;
  let minSq = Infinity;
  let maxCross = 0;
  for (let i = 0; i < n; i++) {
    minSq = Math.min(minSq, finiteDot(X, i, i, d));
    for (let k = i + 1; k < n; k++) maxCross = Math.max(maxCross, Math.abs(finiteDot(X, i, k, d)));
  }
  const num = gamma * minSq;
  const den = n * maxCross;
  const holds = num >= C * den;
  const base = { holds, C, minSquaredNorm: minSq, maxCrossCorrelation: maxCross };
  if (n === 1) return { ...base, ratio: num > 0 ? Infinity : null, note: 'n = 1: no pairs i ≠ k, Case 2 holds vacuously' };
  if (den === 0) {
    return num > 0
      ? { ...base, ratio: Infinity, note: 'the data are exactly orthogonal: max cross-correlation is 0' }
      : { ...base, ratio: null, note: 'both sides are 0 (γ = 0 or a zero point, and orthogonal data): 0 ≥ 0 holds' };
  }
  return { ...base, ratio: num / den };
}

/** The step-size form α ≤ c·n/‖X‖_op² (docs/theory.md §4, reconstructed). */
export interface StepSizeReport {
  readonly holds: boolean;
  /** α‖X‖_op²/n, compared to c. */
  readonly measured: number;
  readonly c: number;
  /** ‖X‖_op, by power iteration: the estimate `top.sigma`, the lower end of its bracket (see {@link top}). */
  readonly opNorm: number;
  readonly top: TopSingularValue;
}

/**
 * Step-size form of docs/theory.md §4: holds iff α‖X‖_op²/n ≤ c. X = 0 gives measured 0 (holds).
 *
 * @param lr - α > 0
 * @param c - the constant (default {@link DEFAULT_STEP_SIZE_C}), > 0
 * @throws InputError on shapes, non-finite entries, α ≤ 0 or c ≤ 0
 */
export function stepSizeCondition(data: LabelledData, lr: number, c: number = DEFAULT_STEP_SIZE_C): StepSizeReport {
  checkLabelledData(data);
  if (!(lr > 0 && Number.isFinite(lr))) throw new InputError('lr', `expected a positive step size, got ${String(lr)}`);
  if (!(c > 0 && Number.isFinite(c))) throw new InputError('c', `expected a positive finite constant, got ${String(c)}`);
  const top = topSingularValue(data.X, data.n, data.d);
  const measured = (lr * top.sigma * top.sigma) / data.n;
  return { holds: measured <= c, measured, c, opNorm: top.sigma, top };
}

/** The init form max_j‖w_j(0)‖ < κ α γ min_k‖x_k‖/(n m) (docs/theory.md §4, reconstructed). */
export interface InitReport {
  readonly holds: boolean;
  /** max_j‖w_j(0)‖ / (κ α γ min_k‖x_k‖/(n m)); < 1 iff the form holds; null when both are 0. */
  readonly ratio: number | null;
  /** max_j ‖w_j(0)‖. */
  readonly maxRowNorm: number;
  /** κ α γ min_k‖x_k‖/(n m). */
  readonly bound: number;
  readonly factor: number;
  readonly note?: string;
}

/**
 * Init form of docs/theory.md §4: holds iff max_j‖w_j(0)‖ < κ·α γ min_k‖x_k‖/(n m) (strict). When the bound
 * is 0 (γ = 0 or a zero data point) it cannot hold: ratio +∞, or null if W0 = 0 too.
 *
 * @param factor - κ (default {@link DEFAULT_INIT_FACTOR}), > 0
 * @throws InputError on shapes, non-finite entries, α ≤ 0 or κ ≤ 0
 */
export function initCondition(
  data: NetworkData,
  W0: Float64Array,
  lr: number,
  factor: number = DEFAULT_INIT_FACTOR,
): InitReport {
  checkNetworkData(data);
  checkFiniteArray(W0, data.m * data.d, 'W0');
  if (!(lr > 0 && Number.isFinite(lr))) throw new InputError('lr', `expected a positive step size, got ${String(lr)}`);
  if (!(factor > 0 && Number.isFinite(factor))) throw new InputError('factor', `expected a positive finite factor, got ${String(factor)}`);
  const { n, d, m, X, gamma } = data;
  let maxRowNorm = 0;
  for (let j = 0; j < m; j++) maxRowNorm = Math.max(maxRowNorm, euclideanNorm(W0, j * d, d));
  let minNorm = Infinity;
  for (let i = 0; i < n; i++) minNorm = Math.min(minNorm, euclideanNorm(X, i * d, d));
  const bound = (factor * lr * gamma * minNorm) / (n * m);
  const base = { holds: maxRowNorm < bound, maxRowNorm, bound, factor };
  if (bound === 0) {
    return maxRowNorm > 0
      ? { ...base, ratio: Infinity, note: 'the bound is 0 (γ = 0 or a zero data point): no init satisfies it' }
      : { ...base, ratio: null, note: 'W0 = 0 and the bound is 0: 0 < 0 fails' };
  }
  return { ...base, ratio: maxRowNorm / bound };
}

/** Assumption 6.1a of H25 (docs/theory.md §4, Σ = I sub-Gaussian mixtures): d ≥ C max(n‖μ‖², n²). */
export interface Assumption61aReport {
  readonly holds: boolean;
  /** d / max(n‖μ‖², n²), compared to C (always finite: the denominator is ≥ n² ≥ 1). */
  readonly ratio: number;
  readonly C: number;
  /** ‖μ‖². */
  readonly muSquaredNorm: number;
}

/**
 * Assumption 6.1a (docs/theory.md §4): holds iff d ≥ C max(n‖μ‖², n²). Σ = I is part of the assumption and
 * is not checked here.
 *
 * @param C - the constant (default {@link DEFAULT_ASSUMPTION61A_C}), > 0
 * @throws InputError on a bad n, d, μ or C
 */
export function assumption61a(n: number, d: number, mu: Float64Array, C: number = DEFAULT_ASSUMPTION61A_C): Assumption61aReport {
  checkCount(n, 'n');
  checkCount(d, 'd');
  checkFiniteArray(mu, d, 'mu');
  checkFinite(C, 'C');
  if (!(C > 0)) throw new InputError('C', `expected a positive constant, got ${String(C)}`);
  const muNorm = euclideanNorm(mu);
  const muSq = muNorm * muNorm;
  const ratio = d / Math.max(n * muSq, n * n);
  return { holds: ratio >= C, ratio, C, muSquaredNorm: muSq };
}

/** The constants of the reconstructed hypotheses; each defaults to its named export. */
export interface HypothesisConstants {
  readonly case2C?: number;
  readonly stepSizeC?: number;
  readonly initFactor?: number;
  readonly assumption61aC?: number;
}

/** Every hypothesis of docs/theory.md §4 on one problem. */
export interface H25Hypotheses {
  readonly case1: Case1Report;
  readonly case2: Case2Report;
  readonly stepSize: StepSizeReport;
  readonly init: InitReport;
  /** Null when the problem carries no μ. */
  readonly assumption61a: Assumption61aReport | null;
}

/**
 * All hypotheses of docs/theory.md §4 on a validated problem (W(0) = problem.W0, α = problem.lr).
 *
 * @throws InputError on a malformed problem or constant
 */
export function h25Hypotheses(problem: Problem, constants: HypothesisConstants = {}): H25Hypotheses {
  return {
    case1: case1(problem),
    case2: case2(problem, constants.case2C ?? DEFAULT_CASE2_C),
    stepSize: stepSizeCondition(problem, problem.lr, constants.stepSizeC ?? DEFAULT_STEP_SIZE_C),
    init: initCondition(problem, problem.W0, problem.lr, constants.initFactor ?? DEFAULT_INIT_FACTOR),
    assumption61a:
      problem.mu === undefined
        ? null
        : assumption61a(problem.n, problem.d, problem.mu, constants.assumption61aC ?? DEFAULT_ASSUMPTION61A_C),
  };
}
