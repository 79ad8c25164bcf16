import { Decimal } from 'decimal.js';
import { decimalConstructor, exactDecimal, squareLossAt, toDouble, trainDecimalSquare } from '../../src/engines/decimal/index.js';
import { decimalRelativeError, squareStepErrorBound } from '../../src/engines/errorModel.js';
import { PrimalEngine, squareGradientOf, squareLoss } from '../../src/engines/float64/index.js';
import type { Problem } from '../../src/problem/types.js';

/** The state of a square-loss run (docs/theory.md §11). */
export interface SquareState {
  readonly W: Float64Array;
  readonly a: Float64Array;
}

/** One float64 step on `(W, a)`, from the state the comparison hands it (the engine, or a planted bug). */
export interface SquareStepper {
  step(state: SquareState): SquareState;
}

/** The primal engine as a {@link SquareStepper}: it steps from its own state, which the lockstep keeps equal to the one handed in. */
export function squarePrimalStepper(p: Problem): SquareStepper {
  const engine = new PrimalEngine(p);
  return {
    step: () => {
      engine.step();
      return { W: Float64Array.from(engine.weights()), a: Float64Array.from(engine.secondLayer()) };
    },
  };
}

/** Digits of the exact pre-activations and of the decimal step (the step's own error, 10^{3−60}, is negligible). */
const DECIMAL_DIGITS = 60;

/** `⟨w_j, x_i⟩` at `i*m + j`, from the doubles read exactly, rounded to doubles at the end. */
function exactPreactivations(p: Problem, W: Float64Array): Float64Array {
  const D = decimalConstructor(DECIMAL_DIGITS + 20);
  const z = new Float64Array(p.n * p.m);
  for (let i = 0; i < p.n; i++) {
    for (let j = 0; j < p.m; j++) {
      let s = new D(0);
      for (let k = 0; k < p.d; k++) s = s.plus(exactDecimal(W[j * p.d + k]!, D).times(exactDecimal(p.X[i * p.d + k]!, D)));
      z[i * p.m + j] = toDouble(s);
    }
  }
  return z;
}

/** The decimal engine's step from `(W, a)`: its square-loss path for one step from that state. */
function decimalStep(p: Problem, s: SquareState): { W: number[]; a: number[]; loss: number } {
  const run = trainDecimalSquare({ ...p, W0: s.W, a: s.a, steps: 1 }, { digits: DECIMAL_DIGITS, checkpoints: [0, 1], recordW: true });
  const after = run.checkpoints[1]!;
  const a = after.a ?? Array.from(s.a, (v) => new Decimal(v));
  return {
    W: (after.W as readonly Decimal[]).map(toDouble),
    a: (a as readonly Decimal[]).map(toDouble),
    loss: toDouble(run.checkpoints[0]!.loss),
  };
}

/** The outcome of a square-loss lockstep comparison. */
export interface SquareLockstepReport {
  /** Worst |float64 − decimal| / bound over the entries of W and a, over steps without kinks. */
  readonly worstRatio: number;
  readonly worstLossRatio: number;
  readonly kinkSteps: readonly number[];
}

/**
 * Runs a float64 stepper for `T` steps and redoes every step from the same `(W, a)` in the decimal
 * engine; compares entry by entry against `squareStepErrorBound` (src/engines/errorModel.ts) plus the
 * decimal step's own error. Steps where a pre-activation sits within its bound of 0 are listed in
 * `kinkSteps` and left out of the ratios, never hidden.
 */
export function squareLockstep(p: Problem, T: number, stepper: SquareStepper = squarePrimalStepper(p)): SquareLockstepReport {
  const decRel = decimalRelativeError(DECIMAL_DIGITS);
  let state: SquareState = { W: Float64Array.from(p.W0), a: Float64Array.from(p.a) };
  let worstRatio = 0;
  let worstLossRatio = 0;
  const kinkSteps: number[] = [];
  for (let t = 0; t < T; t++) {
    const z = exactPreactivations(p, state.W);
    const bound = squareStepErrorBound(p, state.W, state.a, z);
    const exact = decimalStep(p, state);
    const lossF = squareLoss(outputs(p, state, z), p.y).loss;
    const next = stepper.step(state);
    if (bound.kinks.length > 0) kinkSteps.push(t);
    else {
      for (let e = 0; e < next.W.length; e++) {
        const b = bound.W[e]! + decRel * Math.abs(exact.W[e]!);
        worstRatio = Math.max(worstRatio, b > 0 ? Math.abs(next.W[e]! - exact.W[e]!) / b : next.W[e] === exact.W[e] ? 0 : Infinity);
      }
      for (let j = 0; j < next.a.length; j++) {
        const b = bound.a[j]! + decRel * Math.abs(exact.a[j]!);
        worstRatio = Math.max(worstRatio, b > 0 ? Math.abs(next.a[j]! - exact.a[j]!) / b : next.a[j] === exact.a[j] ? 0 : Infinity);
      }
      const lb = bound.loss + decRel * Math.abs(exact.loss);
      worstLossRatio = Math.max(worstLossRatio, lb > 0 ? Math.abs(lossF - exact.loss) / lb : 0);
    }
    state = next;
  }
  return { worstRatio, worstLossRatio, kinkSteps };
}

/** The engine's own outputs are not exposed from a state, so the loss reads the reference outputs from the exact z. */
function outputs(p: Problem, s: SquareState, z: Float64Array): Float64Array {
  const f = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) {
    let v = 0;
    for (let j = 0; j < p.m; j++) {
      const zj = z[i * p.m + j]!;
      v += s.a[j]! * (zj > 0 ? zj : p.gamma * zj);
    }
    f[i] = v;
  }
  return f;
}

/**
 * Relative move of the central difference (as differential.ts): `h·scale = 10^-20`, so the truncation
 * error `h²|L'''|/6` is below 10^-40 of the gradient's scale and at 60 digits the cancellation
 * `10^{3−60}·L/h` below 10^-35 of it.
 */
const FD_RELATIVE_MOVE = 1e-20;
/** Bound on the central difference's own relative error (truncation + cancellation, see above). */
const FD_RELATIVE_ERROR = 1e-30;
/**
 * Relative error of the plain float64 gradient (`squareGradientOf`): n-term sums of 4-factor products of
 * inputs carrying the d-term and m-term errors of z and f, `γ_{d+m+n+8}` relative to the sum of
 * magnitudes; bounded here by `64·(d+m+n+8)·u` of the magnitude sum, a 64× first-order margin.
 */
const GRADIENT_REL_ROUNDINGS = 64;

/**
 * The float64 reference gradient in `(W, a)` against a central difference of the decimal engine's
 * square loss, coordinate by coordinate, away from kinks (an independent check of the gradient formula:
 * it reads the decimal loss only). Returns the worst |g − FD| / bound (≤ 1 passes) and the skipped entries.
 */
export function squareGradientVersusFiniteDifference(p: Problem, s: SquareState): { ratio: number; skipped: number } {
  const g = squareGradientOf(p, s.W, s.a);
  const z = exactPreactivations(p, s.W);
  const D = decimalConstructor(DECIMAL_DIGITS);
  const lossAt = (W: Decimal[], a: Decimal[]): Decimal => squareLossAt(p, W, a, DECIMAL_DIGITS);
  const { n, d, m, X, gamma } = p;
  const u = 2 ** -53;
  const rel = GRADIENT_REL_ROUNDINGS * (d + m + n + 8) * u;
  let ratio = 0;
  let skipped = 0;
  const Wd = Array.from(s.W, (v) => exactDecimal(v, D));
  const ad = Array.from(s.a, (v) => exactDecimal(v, D));
  const f = outputs(p, s, z);
  const rAbs = f.map((v, i) => Math.abs(v - p.y[i]!));
  const coords: { kind: 'W' | 'a'; idx: number; j: number; k: number }[] = [];
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < d; k++) coords.push({ kind: 'W', idx: j * d + k, j, k });
    if (p.trainSecondLayer === true) coords.push({ kind: 'a', idx: j, j, k: -1 });
  }
  for (const c of coords) {
    let scale = 0;
    let magnitude = 0;
    for (let i = 0; i < n; i++) {
      const zij = z[i * m + c.j]!;
      const slope = zij > 0 ? 1 : gamma;
      const b = c.kind === 'W' ? Math.abs(s.a[c.j]! * slope * X[i * d + c.k]!) : Math.abs(zij > 0 ? zij : gamma * zij);
      scale = Math.max(scale, b);
      magnitude += (rAbs[i]! * b) / n;
    }
    if (scale === 0) continue;
    const h = FD_RELATIVE_MOVE / scale;
    if (c.kind === 'W') {
      let near = false;
      for (let i = 0; i < n; i++) if (Math.abs(z[i * m + c.j]!) <= 2 * h * Math.abs(X[i * d + c.k]!)) near = true;
      if (near) {
        skipped++;
        continue;
      }
    }
    const hd = exactDecimal(h, D);
    const plusW = Wd.slice();
    const minusW = Wd.slice();
    const plusA = ad.slice();
    const minusA = ad.slice();
    if (c.kind === 'W') {
      plusW[c.idx] = Wd[c.idx]!.plus(hd);
      minusW[c.idx] = Wd[c.idx]!.minus(hd);
    } else {
      plusA[c.idx] = ad[c.idx]!.plus(hd);
      minusA[c.idx] = ad[c.idx]!.minus(hd);
    }
    const fd = toDouble(lossAt(plusW, plusA).minus(lossAt(minusW, minusA)).div(hd.times(2)));
    const gv = c.kind === 'W' ? g.W[c.idx]! : g.a[c.idx]!;
    const bound = rel * (magnitude + Math.abs(gv)) + FD_RELATIVE_ERROR * Math.abs(fd) + Number.MIN_VALUE;
    ratio = Math.max(ratio, Math.abs(gv - fd) / bound);
  }
  return { ratio, skipped };
}
