import type { Decimal } from 'decimal.js';
import {
  exactDecimal,
  makeDecimalContext,
  preactivations as decimalPreactivations,
  step as decimalStep,
  toDouble,
  type DecimalContext,
} from '../engines/decimal/index.js';
import { decimalRelativeError, float64StepErrorBound } from '../engines/errorModel.js';
import { NumericalError } from '../errors.js';
import { leakyRelu, leakyReluSlope } from '../numerics/phi.js';
import { gammaK } from '../numerics/roundoff.js';
import type { Problem } from '../problem/types.js';

/**
 * Judges a float64 trajectory (anyone's: the float64 engine, a user's own code) against the decimal
 * reference, segment by segment, within a rounding-error model: no tuned tolerance.
 *
 * The model (docs/theory.md §7 for one step, §1.3 for the map, §2.3 for the Hessian bound). Take a
 * segment between checkpoints t_k < t_{k+1}, Δ = t_{k+1} − t_k. The reference starts from the
 * candidate's own W(t_k), converted exactly, and takes Δ decimal GD steps W_ref(0..Δ). A float64 run
 * from the same start takes Δ steps W_f(0..Δ). With F the exact GD map, F̃ its float64 evaluation and
 * F_D the decimal one,
 *
 *   W_f(s+1) − W_ref(s+1) = [F̃(W_f) − F(W_f)] + [F(W_f) − F(W_ref)] + [F(W_ref) − F_D(W_ref)].
 *
 * - The first term is the one-step model b_s of `float64StepErrorBound` (§7.2), evaluated at W_ref(s)
 *   rounded to double: a first-order stand-in for W_f(s), which differs from it by δ_s (relative
 *   size ~10⁻¹⁵), far below the model's own slack.
 * - The third is the decimal engine's own error, `decimalRelativeError(digits)` × (|W_ref(s+1)| + |W_ref(s)|),
 *   as in the lockstep property (§7.3).
 * - The second is the propagation of earlier error through the GD map. F(W) = W − α∇L(W), so entry
 *   (j, k) of F(W_f) − F(W_ref) is at most |e_jk| + α‖∇²L‖·‖e‖_F along the segment between the two,
 *   provided no pre-activation changes sign on it (φ is linear on each side of 0, so L is smooth
 *   within one activation pattern). There q_i = ⟨G_i, W⟩ with row j of G_i equal to
 *   a_j φ′(z_ij) y_i x_i, ∇²L = (1/n) Σ_i ℓ″(q_i) G_i G_iᵀ and
 *
 *     ‖∇²L‖ ≤ H_s = (1/n) Σ_i sup ℓ″ · ‖x_i‖² Σ_j a_j² φ′(z_ij)²,
 *
 *   the sup of ℓ″ taken over q_i ± ‖G_i‖‖δ_s‖_F: ℓ″ = e^{−q} for exp, ℓ″ = σ(q)σ(−q) ≤ min(¼, e^{−|q|})
 *   for logistic (§1.2). In the activated region this is at most the §2.3 bound max ℓ″·‖a‖²‖X‖²_op/n
 *   summed row by row.
 *
 * So the per-entry bound δ_s on |W_f(s) − W_ref(s)| follows
 *
 *   δ_0 = startDeviation (0 when the candidate started from the reference's start exactly),
 *   δ_{s+1} = b_s + c_s + δ_s + α·H_s·‖δ_s‖_F,
 *
 * and the segment's verdict is ratio = max_jk |W_candidate(t_{k+1}) − W_ref(Δ)|_jk / δ_Δ,jk (≤ 1: within
 * the model). The factor (1 + α H_s) compounds: the bound grows at least linearly and at worst
 * geometrically with Δ, so a loose bound on a long segment says little. Checkpoints every step (Δ = 1,
 * where δ_1 is the lockstep bound up to the recurrence's own rounding) are the sharp test; use them for short runs.
 *
 * Kinks. A pre-activation z_ij within r_ij = γ_d Σ_k |w_jk x_ik| + ‖x_i‖‖δ_s,j‖ of 0 (its float64
 * rounding plus the accumulated deviation of row j) may sit on the other side of 0 in the float64 run:
 * φ's branch is ambiguous, neither b_s nor the Hessian bound covers it. Such a segment is reported as
 * `kink` (not judged), with its ratio for information, as the lockstep property does; never hidden.
 */

/** Default working precision of the reference, in significant decimal digits (§7.3's 50). */
export const DEFAULT_JUDGE_DIGITS = 50;

/** How a segment was judged. */
export type SegmentStatus =
  /** Every pre-activation kept its sign within its error radius: the ratio is the verdict. */
  | 'judged'
  /** Some pre-activation sat within its error radius of 0: the branch of φ is ambiguous; not judged. */
  | 'kink'
  /** The reference or the bound left the finite range (an overflow): not judged. */
  | 'unbounded';

/** The entry of a segment that came closest to (or furthest beyond) its bound. */
export interface WorstEntry {
  /** Neuron (row of W). */
  readonly j: number;
  /** Feature (column of W). */
  readonly k: number;
  /** The candidate's value. */
  readonly candidate: number;
  /** The reference's value, rounded to double. */
  readonly reference: number;
  /** |candidate − reference|, computed exactly and rounded. */
  readonly deviation: number;
  /** The model's bound on that entry. */
  readonly bound: number;
}

/** One segment's verdict. */
export interface SegmentJudgement {
  /** Checkpoint the segment starts from (t_k). */
  readonly from: number;
  /** Checkpoint it ends at (t_{k+1}). */
  readonly to: number;
  /** Δ = to − from GD steps. */
  readonly steps: number;
  readonly status: SegmentStatus;
  /** max over entries of deviation / bound; for `kink` segments for information only; NaN when `unbounded`. */
  readonly ratio: number;
  /** The entry attaining {@link ratio}; absent when `unbounded`. */
  readonly worst?: WorstEntry;
  /** Largest per-entry bound δ_Δ of the segment. */
  readonly maxBound: number;
  /** Largest α·H_s over the segment's steps (the per-step growth of propagated error is 1 + α·H_s). */
  readonly maxStepGrowth: number;
  /** Pre-activations (step, i, j) within their error radius of 0 over the segment. */
  readonly kinks: number;
  /** The first of them: absolute step t, point i, neuron j, z_ij and its radius. */
  readonly firstKink?: { readonly t: number; readonly i: number; readonly j: number; readonly z: number; readonly radius: number };
  /** Why a segment is `unbounded`. */
  readonly reason?: string;
}

/** Whether a segment is within the model (segments not judged pass, and are reported as such). */
export function segmentPasses(s: SegmentJudgement): boolean {
  return s.status !== 'judged' || s.ratio <= 1;
}

/** A segment to judge: where the reference starts, where the candidate started, where it ended. */
export interface SegmentInput {
  readonly from: number;
  readonly to: number;
  /** The reference's start W_ref(0), exact, m×d row-major. */
  readonly start: readonly Decimal[];
  /** A per-entry bound on |candidate's start − start| (default: 0, the candidate started from `start`). */
  readonly startDeviation?: Float64Array;
  /** The candidate's W after Δ steps, m×d row-major. */
  readonly candidate: Float64Array;
  /**
   * The reference path W_ref(0..Δ) when already known (e.g. from a fixture): `path[0]` is `start`. The
   * candidate is compared with `path[Δ]`. Computed with the decimal engine when absent.
   */
  readonly path?: readonly (readonly Decimal[])[];
}

/** Each step's rounding of the recurrence itself (a norm of m·d terms and three operations), as a factor. */
function recurrenceInflation(p: Problem): number {
  return 1 + gammaK(p.m * p.d + 4);
}

/** The entries of `W` rounded to the nearest doubles. */
export function roundedWeights(W: readonly Decimal[]): Float64Array {
  return Float64Array.from(W, (v) => toDouble(v));
}

/** sup of ℓ″ over [q − r, q + r] (docs/theory.md §1.2). */
function lossCurvatureSup(loss: Problem['loss'], q: number, r: number): number {
  if (loss === 'exp') return Math.exp(-q + r);
  const distance = Math.abs(q) - r;
  return distance <= 0 ? 0.25 : Math.min(0.25, Math.exp(-distance));
}

/** What one reference step contributes: the model's bound b_s + c_s, α·H_s and the kinks at W_ref(s). */
interface StepTerms {
  readonly perStep: Float64Array;
  readonly growth: number;
  readonly kinks: { i: number; j: number; z: number; radius: number }[];
}

function stepTerms(p: Problem, ctx: DecimalContext, W: readonly Decimal[], next: readonly Decimal[], delta: Float64Array): StepTerms {
  const { n, d, m, X, y, a, gamma, lr } = p;
  const Wr = roundedWeights(W);
  const z = Float64Array.from(decimalPreactivations(ctx, W), (v) => toDouble(v));
  const model = float64StepErrorBound(p, Wr, z);
  const decRel = decimalRelativeError(ctx.digits);
  const perStep = new Float64Array(m * d);
  for (let e = 0; e < m * d; e++) perStep[e] = model.W[e]! + decRel * (Math.abs(toDouble(next[e]!)) + Math.abs(Wr[e]!));

  let deltaNormSq = 0;
  const rowDelta = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += delta[j * d + k]! * delta[j * d + k]!;
    rowDelta[j] = Math.sqrt(s);
    deltaNormSq += s;
  }
  const deltaNorm = Math.sqrt(deltaNormSq);
  const gd = gammaK(d);
  const gm = gammaK(m + 2);
  const kinks: { i: number; j: number; z: number; radius: number }[] = [];
  let H = 0;
  for (let i = 0; i < n; i++) {
    let xSq = 0;
    for (let k = 0; k < d; k++) xSq += X[i * d + k]! * X[i * d + k]!;
    const xNorm = Math.sqrt(xSq);
    let f = 0;
    let fAbs = 0;
    let slopeSq = 0;
    for (let j = 0; j < m; j++) {
      const zij = z[i * m + j]!;
      let dotAbs = 0;
      for (let k = 0; k < d; k++) dotAbs += Math.abs(Wr[j * d + k]! * X[i * d + k]!);
      const radius = gd * dotAbs + xNorm * rowDelta[j]!;
      if (radius > 0 && Math.abs(zij) <= radius) kinks.push({ i, j, z: zij, radius });
      const phi = leakyRelu(zij, gamma);
      f += a[j]! * phi;
      fAbs += Math.abs(a[j]! * phi);
      const slope = leakyReluSlope(zij, gamma);
      slopeSq += a[j]! * a[j]! * slope * slope;
    }
    const gNormSq = xSq * slopeSq;
    const r = Math.sqrt(gNormSq) * deltaNorm + gm * fAbs;
    H += lossCurvatureSup(p.loss, y[i]! * f, r) * gNormSq;
  }
  return { perStep, growth: (lr * H) / n, kinks };
}

/**
 * Judges one segment (see the model above).
 * @param ctx - a decimal context of `p` (its digits are the reference's precision)
 */
export function judgeSegment(p: Problem, ctx: DecimalContext, input: SegmentInput): SegmentJudgement {
  const { from, to, candidate } = input;
  const steps = to - from;
  const size = p.m * p.d;
  const inflation = recurrenceInflation(p);
  let delta = input.startDeviation ? Float64Array.from(input.startDeviation) : new Float64Array(size);
  let W: readonly Decimal[] = input.path ? input.path[0]! : input.start;
  let kinkCount = 0;
  let firstKink: SegmentJudgement['firstKink'];
  let maxStepGrowth = 0;
  const unbounded = (reason: string): SegmentJudgement => ({
    from,
    to,
    steps,
    status: 'unbounded',
    ratio: Number.NaN,
    maxBound: Number.NaN,
    maxStepGrowth,
    kinks: kinkCount,
    ...(firstKink ? { firstKink } : {}),
    reason,
  });
  for (let s = 0; s < steps; s++) {
    let next: readonly Decimal[];
    let terms: StepTerms;
    try {
      next = input.path ? input.path[s + 1]! : decimalStep(ctx, W);
      terms = stepTerms(p, ctx, W, next, delta);
    } catch (e) {
      if (e instanceof NumericalError) return unbounded(`the reference failed at step ${from + s}: ${e.message}`);
      throw e;
    }
    if (terms.kinks.length > 0 && firstKink === undefined) firstKink = { t: from + s, ...terms.kinks[0]! };
    kinkCount += terms.kinks.length;
    maxStepGrowth = Math.max(maxStepGrowth, terms.growth);
    let deltaNorm = 0;
    for (let e = 0; e < size; e++) deltaNorm += delta[e]! * delta[e]!;
    const propagated = terms.growth * Math.sqrt(deltaNorm);
    const nextDelta = new Float64Array(size);
    for (let e = 0; e < size; e++) nextDelta[e] = (terms.perStep[e]! + delta[e]! + propagated) * inflation;
    delta = nextDelta;
    W = next;
  }
  const reference = W;
  let ratio = 0;
  let worst: WorstEntry | undefined;
  let maxBound = 0;
  for (let e = 0; e < size; e++) {
    const bound = delta[e]!;
    if (!Number.isFinite(bound)) return unbounded(`the bound on W[${Math.floor(e / p.d)}][${e % p.d}] is not finite (${bound})`);
    maxBound = Math.max(maxBound, bound);
    const deviation = Math.abs(toDouble(exactDecimal(candidate[e]!, ctx.D).minus(reference[e]!)));
    const r = bound > 0 ? deviation / bound : deviation > 0 ? Infinity : 0;
    if (worst === undefined || r > ratio) {
      ratio = r;
      worst = { j: Math.floor(e / p.d), k: e % p.d, candidate: candidate[e]!, reference: toDouble(reference[e]!), deviation, bound };
    }
  }
  return {
    from,
    to,
    steps,
    status: kinkCount > 0 ? 'kink' : 'judged',
    ratio,
    ...(worst ? { worst } : {}),
    maxBound,
    maxStepGrowth,
    kinks: kinkCount,
    ...(firstKink ? { firstKink } : {}),
  };
}

/** A checkpoint of a candidate trajectory. */
export interface CandidateCheckpoint {
  readonly t: number;
  /** W(t), m×d row-major. */
  readonly W: Float64Array;
}

/** The verdict on a whole trajectory. */
export interface TrajectoryJudgement {
  readonly digits: number;
  /** One per consecutive pair of checkpoints, the first from (0, problem.W0) (see {@link judgeTrajectory}). */
  readonly segments: readonly SegmentJudgement[];
  /** Every judged segment within the model (ratio ≤ 1). */
  readonly pass: boolean;
  /** The first judged segment beyond the model. */
  readonly firstFailure?: SegmentJudgement;
  readonly judged: number;
  readonly kinkSegments: number;
  readonly unboundedSegments: number;
  /** Largest ratio over the judged segments (0 when none was judged). */
  readonly worstRatio: number;
}

/** Options of {@link judgeTrajectory}. */
export interface JudgeOptions {
  /** Precision of the reference (default {@link DEFAULT_JUDGE_DIGITS}). */
  readonly digits?: number;
  /** Called after each segment (progress). */
  readonly onSegment?: (s: SegmentJudgement, index: number, count: number) => void;
}

/**
 * Judges a trajectory {t, W(t)} (t strictly increasing, any t ≥ 0, even past `problem.steps`) of GD on
 * `p`. The trajectory is anchored at (0, p.W0): a first checkpoint at t = 0 must equal W0 exactly (a
 * zero-step segment, bound 0), and a first checkpoint at t > 0 is judged as a segment from W0. Every
 * later segment starts the reference from the candidate's own W(t_k), converted exactly.
 *
 * @throws InputError on `digits`
 */
export function judgeTrajectory(p: Problem, checkpoints: readonly CandidateCheckpoint[], options: JudgeOptions = {}): TrajectoryJudgement {
  const digits = options.digits ?? DEFAULT_JUDGE_DIGITS;
  const ctx = makeDecimalContext(p, { digits });
  const exact = (W: Float64Array): Decimal[] => Array.from(W, (v) => exactDecimal(v, ctx.D));
  const anchored: CandidateCheckpoint[] = checkpoints[0]?.t === 0 ? [] : [{ t: 0, W: p.W0 }];
  const starts = [...anchored, ...checkpoints];
  const pairs: [CandidateCheckpoint, CandidateCheckpoint][] = [];
  if (checkpoints[0]?.t === 0) pairs.push([{ t: 0, W: p.W0 }, checkpoints[0]]);
  for (let k = 0; k + 1 < starts.length; k++) pairs.push([starts[k]!, starts[k + 1]!]);
  const segments: SegmentJudgement[] = [];
  pairs.forEach(([a, b], index) => {
    const s = judgeSegment(p, ctx, { from: a.t, to: b.t, start: exact(a.W), candidate: b.W });
    segments.push(s);
    options.onSegment?.(s, index, pairs.length);
  });
  return summarise(digits, segments);
}

/** The verdict on a list of segment judgements. */
export function summarise(digits: number, segments: readonly SegmentJudgement[]): TrajectoryJudgement {
  const judged = segments.filter((s) => s.status === 'judged');
  const firstFailure = judged.find((s) => !segmentPasses(s));
  return {
    digits,
    segments,
    pass: firstFailure === undefined,
    ...(firstFailure ? { firstFailure } : {}),
    judged: judged.length,
    kinkSegments: segments.filter((s) => s.status === 'kink').length,
    unboundedSegments: segments.filter((s) => s.status === 'unbounded').length,
    worstRatio: Math.max(0, ...judged.map((s) => s.ratio)),
  };
}
