import { judgeSegment } from '../../src/compare/judge.js';
import {
  exactDecimal,
  loss as decimalLoss,
  makeDecimalContext,
  preactivations as decimalPreactivations,
  toDouble,
} from '../../src/engines/decimal/index.js';
import { decimalRelativeError, float64StepErrorBound } from '../../src/engines/errorModel.js';
import { PrimalEngine, gradientOf, lossOf } from '../../src/engines/float64/index.js';
import type { Problem } from '../../src/problem/types.js';

/** One step's worst disagreement, as a fraction of its error bound (≤ 1 means within the model). */
export interface StepComparison {
  readonly t: number;
  /** max over entries of |W⁺_float64 − W⁺_decimal| / bound. */
  readonly ratio: number;
  readonly lossRatio: number;
  /** Pre-activations within their error bound of 0 at this step: the branch of φ is ambiguous. */
  readonly kinks: number;
}

/** One float64 GD step from W (the engine under test, or a planted-bug variant of it). */
export interface Stepper {
  step(W: Float64Array): Float64Array;
}

/** The primal engine as a {@link Stepper}: it steps from its own state, which lockstep keeps equal to W. */
export function primalStepper(p: Problem): Stepper {
  const engine = new PrimalEngine(p);
  return {
    step: () => {
      engine.step();
      return engine.weights();
    },
  };
}

/** The outcome of a lockstep comparison of the float64 primal engine with the decimal reference. */
export interface LockstepReport {
  readonly steps: readonly StepComparison[];
  /** Worst ratio over the steps without kinks (the assertion: ≤ 1). */
  readonly worstRatio: number;
  readonly worstLossRatio: number;
  /** Steps skipped from the assertion because a pre-activation sat within its bound of 0. */
  readonly kinkSteps: readonly number[];
}

/**
 * Runs the float64 primal engine for `T` steps and, at every step, redoes the same step from the same
 * W (converted exactly) in the decimal engine; compares entry by entry against the error model of
 * `src/engines/errorModel.ts` plus the decimal engine's own error: a one-step segment of
 * `src/compare/judge.ts` (the judge of `benign-check compare`: for one step from the same W its bound
 * is this one, inflated by its own rounding). Steps where the branch of φ is ambiguous are reported
 * in `kinkSteps` and excluded from `worstRatio`, never hidden.
 */
export function lockstep(p: Problem, T: number, options: { digits?: number; stepper?: Stepper } = {}): LockstepReport {
  const digits = options.digits ?? 50;
  const ctx = makeDecimalContext(p, { digits });
  const engine = options.stepper ?? primalStepper(p);
  const decRel = decimalRelativeError(digits);
  const steps: StepComparison[] = [];
  let current: Float64Array = p.W0;
  for (let t = 0; t < T; t++) {
    const W = t === 0 ? Float64Array.from(p.W0) : Float64Array.from(current);
    const Wd = Array.from(W, (v) => exactDecimal(v, ctx.D));
    const z = Float64Array.from(decimalPreactivations(ctx, Wd), toDouble);
    const model = float64StepErrorBound(p, W, z);
    const lossF = lossOf(p, W);
    const lossD = toDouble(decimalLoss(ctx, Wd));
    const next = engine.step(W);
    const segment = judgeSegment(p, ctx, { from: t, to: t + 1, start: Wd, candidate: next });
    if (segment.status === 'unbounded') throw new Error(`lockstep at step ${t}: ${segment.reason}`);
    const lossBound = model.loss + decRel * Math.abs(lossD);
    const lossRatio = lossBound > 0 ? Math.abs(lossF - lossD) / lossBound : 0;
    steps.push({ t, ratio: segment.ratio, lossRatio, kinks: segment.kinks });
    current = Float64Array.from(next);
  }
  const clean = steps.filter((s) => s.kinks === 0);
  return {
    steps,
    worstRatio: Math.max(0, ...clean.map((s) => s.ratio)),
    worstLossRatio: Math.max(0, ...clean.map((s) => s.lossRatio)),
    kinkSteps: steps.filter((s) => s.kinks > 0).map((s) => s.t),
  };
}

/** The float64 gradient against a central difference of the decimal loss, entry by entry. */
export interface GradientComparison {
  /** max over entries of |g_float64 − g_FD| / (float64 bound + FD bound). */
  readonly ratio: number;
  /** Entries skipped because a ±h move would cross a kink of φ (none should be at a random W). */
  readonly skipped: number;
}

/**
 * Relative move of the central difference: h·max_i|b_i| = 10^-20, where b_i = ∂q_i/∂w_jk, so the
 * truncation error (h²/6)·|L'''| is below 10^-40 of the gradient's scale, and at 60 digits the
 * cancellation error 10^{3−60}·L/h stays below 10^-35 of it: the difference is exact for float64 purposes.
 */
const FD_RELATIVE_MOVE = 1e-20;
/** Working precision of the finite-difference loss evaluations. */
const FD_DIGITS = 60;
/** Bound on the central difference's own relative error (truncation + cancellation, see above). */
const FD_RELATIVE_ERROR = 1e-30;

/**
 * Compares the float64 reference gradient (`gradientOf`) with a central finite difference of the
 * decimal loss, coordinate by coordinate, away from kinks: an independent check of the gradient
 * formula (it uses only the decimal engine's loss, not its gradient).
 */
export function gradientVersusFiniteDifference(p: Problem, W: Float64Array): GradientComparison {
  const ctx = makeDecimalContext(p, { digits: FD_DIGITS });
  const Wd = Array.from(W, (v) => exactDecimal(v, ctx.D));
  const z = Float64Array.from(decimalPreactivations(ctx, Wd), toDouble);
  const model = float64StepErrorBound(p, W, z);
  const g = gradientOf(p, W);
  const { n, d, m, X, a } = p;
  let ratio = 0;
  let skipped = 0;
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < d; k++) {
      let bMax = 0;
      for (let i = 0; i < n; i++) bMax = Math.max(bMax, Math.abs(a[j]! * X[i * d + k]!));
      if (bMax === 0) continue;
      const h = FD_RELATIVE_MOVE / bMax;
      let nearKink = false;
      for (let i = 0; i < n; i++) if (Math.abs(z[i * m + j]!) <= 2 * h * Math.abs(X[i * d + k]!)) nearKink = true;
      if (nearKink) {
        skipped++;
        continue;
      }
      const hd = exactDecimal(h, ctx.D);
      const plus = Wd.slice();
      const minus = Wd.slice();
      plus[j * d + k] = Wd[j * d + k]!.plus(hd);
      minus[j * d + k] = Wd[j * d + k]!.minus(hd);
      const fd = toDouble(decimalLoss(ctx, plus).minus(decimalLoss(ctx, minus)).div(hd.times(2)));
      const bound = model.gradient[j * d + k]! + FD_RELATIVE_ERROR * Math.abs(fd);
      ratio = Math.max(ratio, bound > 0 ? Math.abs(g[j * d + k]! - fd) / bound : 0);
    }
  }
  return { ratio, skipped };
}
