import { InputError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';
import { dotRows } from './_internals/linalg.js';
import { checkFinite, checkFiniteArray, checkLabelledData } from './_internals/validate.js';
import { DUAL_POSITIVE_TOL, type MarginDualOk } from './marginDual.js';
import type { LimitDirectionOk } from './limitDirection.js';
import { asymptoticRates } from './transient.js';
import type { LabelledData, NetworkData } from './types.js';

/**
 * The residual of SHNGS18's expansion w(t) = ŵ log t + ρ(t) (docs/theory.md §10.1) for the linear model
 * (γ = 1, m = 1, a = 1): ρ(t) = w(t) − ŵ·log t, with ŵ the hard-margin SVM without bias
 * (`linearSvmDirection`). Length d; `t` must be ≥ 1.
 *
 * @throws InputError on lengths, non-finite entries or t < 1
 */
export function linearResidual(w: Float64Array, wHat: Float64Array, t: number): Float64Array {
  checkFiniteArray(wHat, wHat.length, 'wHat');
  checkFiniteArray(w, wHat.length, 'w');
  checkFinite(t, 't');
  if (!(t >= 1)) throw new InputError('t', `expected a step count ≥ 1, got ${t}`);
  const l = Math.log(t);
  return w.map((v, k) => v - wHat[k] * l);
}

/**
 * How far the residual moved between two checkpoints, in units of ‖ŵ‖:
 * ‖ρ(t₂) − ρ(t₁)‖/‖ŵ‖ = ‖w(t₂) − w(t₁) − ŵ log(t₂/t₁)‖/‖ŵ‖ (docs/theory.md §10.1). Bounded ρ makes it
 * fall to 0 across decades (like t^−r, §6); a degenerate support point makes it fall only like
 * 1/log t (ρ ∝ log log t, §10.2).
 *
 * @throws InputError on lengths, non-finite entries, t₁ < 1, t₂ < t₁ or ŵ = 0
 */
export function residualGrowth(w1: Float64Array, t1: number, w2: Float64Array, t2: number, wHat: Float64Array): number {
  checkFinite(t2, 't2');
  if (!(t2 >= t1)) throw new InputError('t2', `expected t2 ≥ t1 = ${t1}, got ${t2}`);
  const r1 = linearResidual(w1, wHat, t1);
  const r2 = linearResidual(w2, wHat, t2);
  const norm = euclideanNorm(wHat);
  if (!(norm > 0)) throw new InputError('wHat', 'expected a non-zero max-margin vector');
  return euclideanNorm(r2.map((v, k) => v - r1[k])) / norm;
}

/** The parts of a solved margin dual (`MarginDualOk` or `LimitDirectionOk`) the residual quantities read. */
export type SupportDuals = Pick<MarginDualOk, 'lambda' | 'support' | 'active' | 'nonDegenerate' | 'minActiveDual'>;

/** {@link residualOffset}'s result: the limit of ρ(t) on the support, and how far a w(t) is from it. */
export interface ResidualOffset {
  /** The support S (λ_i > 0), ascending. */
  readonly support: readonly number[];
  /** Predicted ⟨y_i x_i, w̃⟩ = log(α/(n λ_i)) for i ∈ S, in the order of {@link support}. */
  readonly predicted: Float64Array;
  /** Measured ⟨y_i x_i, ρ(t)⟩ = q_i(t) − log t for i ∈ S. */
  readonly measured: Float64Array;
  /** max over S of |measured − predicted|: → 0 when ρ(t) → w̃ on the support. */
  readonly maxDeviation: number;
}

/**
 * SHNGS18's offset w̃ on the support (docs/theory.md §10.1): for the mean risk with step α (the
 * paper's summed risk with step η = α/n), the residual r(t) = w(t) − ŵ log t − w̃ is bounded and
 * w̃ solves (α/n)·exp(−⟨y_i x_i, w̃⟩) = λ_i on the support. Compares ⟨y_i x_i, ρ(t)⟩ at one checkpoint
 * with log(α/(nλ_i)).
 *
 * @param svm - the duals of the solved margin problem on the features y_i x_i (`linearSvmDirection(data)`,
 *   or `limitDirection` at γ = 1, m = 1, a = 1)
 * @param wHat - its max-margin vector ŵ
 * @throws InputError on shapes, non-finite entries, α ≤ 0 or t < 1
 */
export function residualOffset(data: LabelledData, svm: SupportDuals, wHat: Float64Array, w: Float64Array, t: number, lr: number): ResidualOffset {
  checkLabelledData(data);
  if (!(lr > 0 && Number.isFinite(lr))) throw new InputError('lr', `expected a positive step size, got ${String(lr)}`);
  const rho = linearResidual(w, wHat, t);
  const { n, d, X, y } = data;
  const support = svm.support;
  const predicted = new Float64Array(support.length);
  const measured = new Float64Array(support.length);
  let maxDeviation = 0;
  support.forEach((i, r) => {
    predicted[r] = Math.log(lr / (n * svm.lambda[i]));
    measured[r] = y[i] * dotRows(X, i, rho, 0, d);
    maxDeviation = Math.max(maxDeviation, Math.abs(measured[r] - predicted[r]));
  });
  return { support, predicted, measured, maxDeviation };
}

/** {@link degenerateSupport}'s result. */
export interface DegenerateSupport {
  /** Some point on the margin has a zero dual (SHNGS18's measure-zero case). */
  readonly degenerate: boolean;
  /** Active points (margin 1 at ŵ) whose dual is ≤ DUAL_POSITIVE_TOL·max λ. */
  readonly zeroDualActive: readonly number[];
  /** min over active i of λ_i/max λ, from the solver. */
  readonly minActiveDual: number;
}

/**
 * The degeneracy of docs/theory.md §10.2, read off the exact margin dual: a point on the margin
 * (|⟨y_i x_i, ŵ⟩ − 1| ≤ ACTIVE_TOL) with a zero dual. Then ρ(t) is not bounded: it grows like
 * log log t along the directions that raise that point's margin.
 */
export function degenerateSupport(svm: SupportDuals): DegenerateSupport {
  let maxL = 0;
  for (const v of svm.lambda) maxL = Math.max(maxL, v);
  const zeroDualActive = svm.active.filter((i) => !(svm.lambda[i] > DUAL_POSITIVE_TOL * maxL));
  return { degenerate: !svm.nonDegenerate, zeroDualActive, minActiveDual: svm.minActiveDual };
}

/** {@link marginResidualGrowth}'s result. */
export interface MarginResidualGrowth {
  /** max_i |⟨y_i x_i, ρ(t₂) − ρ(t₁)⟩|: how far the residual moved, read through the margins. */
  readonly growth: number;
  /** The first point read that attains it; −1 when no point is read. */
  readonly argmax: number;
}

/**
 * The residual's movement between two checkpoints read through the margins (docs/theory.md §10.1):
 * max_i |⟨y_i x_i, ρ(t₂) − ρ(t₁)⟩| = max_i |q_i(t₂) − q_i(t₁) − q̂_i log(t₂/t₁)| with q̂_i = ⟨y_i x_i, ŵ⟩.
 * GD moves w only inside the span of the data, on which X is injective, so ρ is bounded iff these
 * margin residuals are. A zero-dual point on the margin moves by log(ℓ(t₂)/ℓ(t₁)), ℓ(t) ≈ log t
 * (§10.2), whatever its distance from the others; a bounded residual's movement falls like t^−r.
 *
 * @param points - the points to read (default all); e.g. the active ones, which alone can drift (§10.2)
 * @throws InputError on shapes, non-finite entries, t₁ < 1, t₂ < t₁ or a point index out of range
 */
export function marginResidualGrowth(
  data: LabelledData,
  wHat: Float64Array,
  w1: Float64Array,
  t1: number,
  w2: Float64Array,
  t2: number,
  points?: readonly number[],
): MarginResidualGrowth {
  checkLabelledData(data);
  checkFinite(t2, 't2');
  if (!(t2 >= t1)) throw new InputError('t2', `expected t2 ≥ t1 = ${t1}, got ${t2}`);
  const r1 = linearResidual(w1, wHat, t1);
  const r2 = linearResidual(w2, wHat, t2);
  const delta = r2.map((v, k) => v - r1[k]);
  let growth = 0;
  let argmax = -1;
  for (const i of points ?? Array.from({ length: data.n }, (_, k) => k)) {
    if (!(Number.isInteger(i) && i >= 0 && i < data.n)) throw new InputError('points', `expected indices in [0, ${data.n}), got ${String(i)}`);
    const g = Math.abs(dotRows(data.X, i, delta, 0, data.d));
    if (argmax < 0 || g > growth) {
      growth = g;
      argmax = i;
    }
  }
  return { growth, argmax };
}

/**
 * The transient exponent of docs/theory.md §6 for the non-degenerate part of ρ(t): the support rate
 * (λ_i > 0) and the margin gap q̂_i − 1 of the points off the margin. A point on the margin with a
 * zero dual is left out: it does not decay, it drifts like log log t (§10.2).
 */
export function driftFreeTransientRate(data: NetworkData, limit: LimitDirectionOk): number {
  const { supportRate } = asymptoticRates(data, limit);
  const active = new Set(limit.active);
  let gap = Infinity;
  for (let i = 0; i < data.n; i++) if (!active.has(i) && !(limit.lambda[i]! > 0)) gap = Math.min(gap, limit.margins[i]! - 1);
  return Math.min(supportRate, gap);
}
