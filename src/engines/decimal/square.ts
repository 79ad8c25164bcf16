import { Decimal } from 'decimal.js';
import { InputError, NumericalError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import { defaultCheckpoints, normalizeCheckpoints } from '../schedule.js';
import type { CheckpointOf } from '../types.js';
import { DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS } from './context.js';
import { exactDecimal } from './exact.js';
import { decimalConstructor } from './precision.js';
import type { DecimalTrainOptions, DecimalTrajectory } from './train.js';

/**
 * The square loss on real targets with both layers trained (MORTH26, DBP25; docs/theory.md §1, §11), in
 * decimal.js, written to be read against the formulas, apart from the margin-loss path (fixed.ts,
 * plain.ts): the state is `(W, a)`, not W alone. One GD step from `(W(t), a(t))`:
 *
 *     z_ji = ⟨w_j, x_i⟩,   f_i = Σ_j a_j φ(z_ji),   r_i = f_i − y_i
 *     a_j(t+1)  = a_j − (α/n) Σ_i r_i φ(z_ji)
 *     w_jk(t+1) = w_jk − (α/n) Σ_i r_i a_j φ'(z_ji) x_ik          (φ'(z) = 1 for z > 0, γ for z ≤ 0)
 *
 * Every quantity of a step is computed at `digits + SQUARE_GUARD_DIGITS` significant digits, and the new
 * `(W, a)` is rounded once to `digits`: the state always has exactly `digits` digits, as in the fixed
 * arithmetic, and the guard digits absorb the roundings of the sums inside the step.
 */

/**
 * Digits carried inside a step beyond the state's: each sum has at most n·m·d terms, so its rounding
 * error is below (n·m·d)·10^{−(digits+guard)} relative, under one unit of the state's last digit for
 * n·m·d < 10^9.
 */
export const SQUARE_GUARD_DIGITS = 10;

/** The state of a square-loss run, both layers, as Decimals of the state precision. */
interface SquareState {
  /** m×d row-major. */
  readonly W: Decimal[];
  /** Length m. */
  readonly a: Decimal[];
}

/** The data and step of a problem, read exactly at the guard precision. */
interface SquareData {
  readonly n: number;
  readonly d: number;
  readonly m: number;
  readonly X: readonly Decimal[];
  readonly y: readonly Decimal[];
  readonly gamma: Decimal;
  /** `α/n` at the guard precision. */
  readonly lrOverN: Decimal;
  readonly trainA: boolean;
  readonly G: Decimal.Constructor;
  readonly D: Decimal.Constructor;
}

/** `x` rounded once to `D.precision` digits, half to even (a Decimal built from another is not rounded). */
function round(D: Decimal.Constructor, x: Decimal): Decimal {
  return new D(x).toSignificantDigits(D.precision, Decimal.ROUND_HALF_EVEN);
}

/** φ(z) = max(z, γz) (docs/theory.md §1). */
function phi(z: Decimal, gamma: Decimal): Decimal {
  return z.gt(0) ? z : z.times(gamma);
}

/** φ'(z): 1 for z > 0, γ for z ≤ 0 (docs/theory.md §1: φ'(0) = γ). */
function phiPrime(z: Decimal, gamma: Decimal, G: Decimal.Constructor): Decimal {
  return z.gt(0) ? new G(1) : gamma;
}

/** `z[j·n + i] = ⟨w_j, x_i⟩` and `f[i] = Σ_j a_j φ(z_ji)` at the guard precision. */
function forward(data: SquareData, s: SquareState): { z: Decimal[]; f: Decimal[] } {
  const { n, d, m, X, G, gamma } = data;
  const z: Decimal[] = new Array(m * n);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      let sum = new G(0);
      for (let k = 0; k < d; k++) sum = sum.plus(new G(s.W[j * d + k]!).times(X[i * d + k]!));
      z[j * n + i] = sum;
    }
  }
  const f: Decimal[] = [];
  for (let i = 0; i < n; i++) {
    let sum = new G(0);
    for (let j = 0; j < m; j++) sum = sum.plus(new G(s.a[j]!).times(phi(z[j * n + i]!, gamma)));
    f.push(sum);
  }
  return { z, f };
}

/** One simultaneous GD step on `(W, a)` from the same state (the formulas above), rounded to `digits`. */
function squareStep(data: SquareData, s: SquareState, t: number): SquareState {
  const { n, d, m, X, y, G, D, gamma, lrOverN } = data;
  const { z, f } = forward(data, s);
  const r = f.map((fi, i) => fi.minus(y[i]!));
  const W: Decimal[] = new Array(m * d);
  const a: Decimal[] = s.a.slice();
  for (let j = 0; j < m; j++) {
    const aj = new G(s.a[j]!);
    if (data.trainA) {
      let grad = new G(0);
      for (let i = 0; i < n; i++) grad = grad.plus(r[i]!.times(phi(z[j * n + i]!, gamma)));
      a[j] = round(D, aj.minus(lrOverN.times(grad)));
    }
    for (let k = 0; k < d; k++) {
      let grad = new G(0);
      for (let i = 0; i < n; i++) grad = grad.plus(r[i]!.times(aj).times(phiPrime(z[j * n + i]!, gamma, G)).times(X[i * d + k]!));
      W[j * d + k] = round(D, new G(s.W[j * d + k]!).minus(lrOverN.times(grad)));
    }
  }
  for (const [idx, v] of [...W, ...a].entries()) {
    if (!v.isFinite()) throw new NumericalError(`W at step ${t + 1}`, `entry ${idx} of (W, a) left the finite range (${v.toString()})`);
  }
  return { W, a };
}

/** The checkpoint record of a state: `L = (1/n) Σ ½ r_i²` and its log, the margins `y_i f_i`, `‖W‖_F`, W and a. */
function record(data: SquareData, s: SquareState, t: number, recordW: boolean): CheckpointOf<Decimal> {
  const { n, y, G, D } = data;
  const { f } = forward(data, s);
  let sq = new G(0);
  for (let i = 0; i < n; i++) sq = sq.plus(f[i]!.minus(y[i]!).pow(2));
  const L = sq.div(2 * n);
  const q = f.map((fi, i) => round(D, fi.times(y[i]!)));
  let minMargin = q[0]!;
  let maxMargin = q[0]!;
  for (const qi of q) {
    if (qi.lt(minMargin)) minMargin = qi;
    if (qi.gt(maxMargin)) maxMargin = qi;
  }
  let w2 = new G(0);
  for (const w of s.W) w2 = w2.plus(new G(w).pow(2));
  return {
    t,
    loss: round(D, L),
    logLoss: L.isZero() ? new D(-Infinity) : round(D, G.ln(L)),
    minMargin,
    maxMargin,
    normW: round(D, w2.sqrt()),
    ...(recordW ? { W: s.W.slice() } : {}),
    ...(data.trainA ? { a: s.a.slice() } : {}),
  };
}

/**
 * GD on the square loss (docs/theory.md §11) from the problem's `(W(0), a(0))`, at `options.digits`
 * (default 50) digits; `a` moves only when the problem sets `trainSecondLayer`. Checkpoints as
 * `trainDecimal`; each carries `a(t)` when `a` is trained, and so does the result.
 *
 * @throws InputError on `digits`, `steps`, `checkpoints`, on `arithmetic: 'fixed'` (this path has
 *   one arithmetic, reported as `plain`), or on a problem whose loss is not `square`
 * @throws NumericalError when the run leaves decimal.js's finite range
 */
export function trainDecimalSquare(problem: Problem, options: DecimalTrainOptions = {}): DecimalTrajectory & { readonly a?: readonly Decimal[] } {
  if (problem.loss !== 'square') throw new InputError('loss', `this path trains the square loss, got "${problem.loss}"`);
  const digits = options.digits ?? DEFAULT_DIGITS;
  if (!Number.isInteger(digits) || digits < MIN_DIGITS || digits > MAX_DIGITS) {
    throw new InputError('digits', `must be an integer in [${MIN_DIGITS}, ${MAX_DIGITS}], got ${digits}`);
  }
  if (options.arithmetic === 'fixed') throw new InputError('arithmetic', 'the square-loss path has one arithmetic (plain, with guard digits)');
  const steps = options.steps ?? problem.steps;
  if (!Number.isSafeInteger(steps) || steps < 0) throw new InputError('steps', `must be a non-negative integer, got ${steps}`);
  const schedule = options.checkpoints === undefined ? defaultCheckpoints(steps) : normalizeCheckpoints(options.checkpoints, steps);
  const data = squareData(problem, digits);
  const { D, G } = data;
  const recordW = options.recordW ?? false;
  // W(0) and a(0) are doubles: D reads them exactly only when they fit in `digits` digits, so round once.
  let state: SquareState = {
    W: Array.from(problem.W0, (x) => round(D, exactDecimal(x, G))),
    a: Array.from(problem.a, (x) => round(D, exactDecimal(x, G))),
  };
  const checkpoints: CheckpointOf<Decimal>[] = [];
  let next = 0;
  for (let t = 0; ; t++) {
    if (schedule[next] === t) {
      checkpoints.push(record(data, state, t, recordW));
      next++;
    }
    if (t === steps) break;
    state = squareStep(data, state, t);
  }
  const last = record(data, state, steps, false);
  return {
    engine: 'decimal',
    steps,
    W: state.W,
    ...(data.trainA ? { a: state.a } : {}),
    loss: last.loss,
    checkpoints,
    digits,
    arithmetic: 'plain',
  };
}

/** The problem's data read exactly at the guard precision, with the constructors of `digits`. */
function squareData(problem: Problem, digits: number): SquareData {
  const D = decimalConstructor(digits);
  const G = decimalConstructor(digits + SQUARE_GUARD_DIGITS);
  const exact = (v: Float64Array): Decimal[] => Array.from(v, (x) => exactDecimal(x, G));
  return {
    n: problem.n,
    d: problem.d,
    m: problem.m,
    X: exact(problem.X),
    y: exact(problem.y),
    gamma: exactDecimal(problem.gamma, G),
    lrOverN: exactDecimal(problem.lr, G).div(problem.n),
    trainA: problem.trainSecondLayer === true,
    G,
    D,
  };
}

/**
 * The square loss `L = (1/n) Σ_i ½(f(x_i) − y_i)²` (docs/theory.md §11) at a state given in Decimals (any
 * digits, read exactly), at `digits` significant digits: the loss the GD path of this file descends, for
 * finite differences at moves no double can represent.
 */
export function squareLossAt(problem: Problem, W: readonly Decimal[], a: readonly Decimal[], digits = DEFAULT_DIGITS): Decimal {
  if (W.length !== problem.m * problem.d) throw new InputError('W', `expected ${problem.m * problem.d} entries, got ${W.length}`);
  if (a.length !== problem.m) throw new InputError('a', `expected ${problem.m} entries, got ${a.length}`);
  const data = squareData(problem, digits);
  return record(data, { W: W.slice(), a: a.slice() }, 0, false).loss;
}
