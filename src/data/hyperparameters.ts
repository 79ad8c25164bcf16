import { InputError, NumericalError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';
import { dataOperatorNorm } from './operatorNorm.js';
import { checkMatrix } from './_internals/shape.js';

/**
 * Default `c` of the step-size rule `α = c·n / (‖a‖²·‖X‖_op²)` (docs/theory.md §4, reconstructed form).
 * In the activated region `q_i = ⟨G_i, W⟩` (docs/theory.md §2), so `∇²L = (1/n) Σ_i ℓ''(q_i) G_i G_iᵀ` has norm
 * at most `β = max_i ℓ''(q_i)·‖a‖²·‖X‖_op² / n` (the `c_ij ≤ 1`). The exponential loss has `ℓ''(0) = 1`
 * at small init and `ℓ''` falls as margins grow; the logistic loss has `ℓ'' ≤ 1/4`. So `c = 1` is
 * `α = 1/β`: half the descent limit `2/β` for exp at zero margins, an eighth of it for logistic.
 */
export const DEFAULT_STEP_FACTOR = 1;

/**
 * Safety margin of the init rule: `max_j ‖w_j(0)‖` is kept below this fraction of H25's bound
 * (docs/theory.md §4), so "init ≪ step" holds with a factor 10 to spare, not at the edge.
 */
export const INIT_MARGIN = 0.1;

/** Probability that a Gaussian `W(0)` drawn at the suggested scale still breaks the margin (see {@link suggestedInitScale}). */
export const INIT_FAILURE_PROBABILITY = 1e-12;

/**
 * The slope used in place of γ = 0 by the init rule. For ReLU the H25 form asks for `W(0) = 0`,
 * a fixed point of ReLU GD (`φ'(0) = 0`); the form at γ = 0.01, below every leaky slope the suite
 * uses by default, keeps the init small without freezing it.
 */
export const RELU_GAMMA_SURROGATE = 0.01;

function positiveFinite(v: number, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) throw new InputError(field, `must be a finite number > 0, got ${String(v)}`);
  return v;
}

function allZero(): InputError {
  return new InputError('X', 'every entry is 0: the network output is constant and sets no scale');
}

/**
 * The step size `α = c·n / (‖a‖²·‖X‖_op²)` (docs/theory.md §4 reconstructed form `α ≤ c·n/‖X‖_op²`; for the
 * balanced second layer of docs/theory.md §1, `‖a‖² = 1`). `‖X‖_op` is the upper end of
 * {@link dataOperatorNorm}'s bracket, so the step is on the safe side of the rule: the step-size
 * hypothesis (`stepSizeCondition`, which reads the same power iteration's estimate) measures
 * `α‖X‖_op²/n ≈ c·(1 − POWER_ITERATION_REL_TOL)`, below c by far more than rounding.
 *
 * @param opts.c - the factor, default {@link DEFAULT_STEP_FACTOR}
 * @param opts.a - the second layer, for `‖a‖²` (default: balanced, `‖a‖² = 1`)
 * @throws InputError on a malformed `X`, `c` or `a`, or an all-zero `X` (no scale exists)
 * @throws NumericalError if the step is not a positive finite double (data norms below ~1e−150 or above ~1e150 times √n)
 */
export function suggestedStepSize(X: ArrayLike<number>, n: number, d: number, opts: { c?: number; a?: ArrayLike<number> } = {}): number {
  checkMatrix(X, n, d);
  const c = positiveFinite(opts.c ?? DEFAULT_STEP_FACTOR, 'c');
  let aNormSq = 1;
  if (opts.a !== undefined) {
    aNormSq = 0;
    for (let j = 0; j < opts.a.length; j++) {
      const aj = opts.a[j];
      if (!Number.isFinite(aj)) throw new InputError(`a[${j}]`, `expected a finite number, got ${aj}`);
      aNormSq += aj * aj;
    }
    positiveFinite(aNormSq, 'a');
  }
  const op = dataOperatorNorm(X, n, d).upper;
  if (op === 0) throw allZero();
  // Divide step by step so that an intermediate ‖X‖² cannot overflow when α itself is representable.
  const alpha = (c * n) / aNormSq / op / op;
  if (!(alpha > 0) || !Number.isFinite(alpha)) {
    throw new NumericalError('suggested step size', `c·n/(‖a‖²‖X‖_op²) = ${alpha} is not a positive finite double (‖X‖_op = ${op})`);
  }
  return alpha;
}

/**
 * H25's reconstructed init bound (docs/theory.md §4): `α·γ·min_k ‖x_k‖ / (n·m)`, where the minimum runs over
 * the nonzero rows (a zero row has `⟨w_j, x_k⟩ = 0` for every W and constrains nothing). The
 * hypothesis is `max_j ‖w_j(0)‖ <` this value. γ = 0 gives 0: the bound is then unsatisfiable.
 *
 * @throws InputError on a malformed argument or an all-zero `X`
 */
export function h25InitBound(X: ArrayLike<number>, n: number, d: number, s: { gamma: number; lr: number; m: number }): number {
  checkMatrix(X, n, d);
  checkTraining(s);
  let minNorm = Infinity;
  for (let i = 0; i < n; i++) {
    const r = euclideanNorm(X, i * d, d);
    if (r > 0) minNorm = Math.min(minNorm, r);
  }
  if (minNorm === Infinity) throw allZero();
  return ((minNorm / (n * s.m)) * s.gamma) * s.lr;
}

function checkTraining(s: { gamma: number; lr: number; m: number }): void {
  if (typeof s.gamma !== 'number' || !(s.gamma >= 0 && s.gamma <= 1)) throw new InputError('gamma', `must lie in [0, 1], got ${String(s.gamma)}`);
  positiveFinite(s.lr, 'lr');
  if (!Number.isSafeInteger(s.m) || s.m < 1) throw new InputError('m', `must be an integer ≥ 1, got ${String(s.m)}`);
}

/**
 * A Gaussian init scale ω (entries `N(0, ω²)`, docs/theory.md §1) such that `max_j ‖w_j(0)‖ < margin·B` with
 * probability at least `1 − δ`, where `B` is {@link h25InitBound} (γ = 0 replaced by
 * {@link RELU_GAMMA_SURROGATE}):
 * `ω = margin·B / (√d + √(2 ln(m/δ)))`. Reason: `‖g‖` of `g ~ N(0, I_d)` is 1-Lipschitz with
 * `E‖g‖ ≤ √d`, so `P(‖g‖ ≥ √d + t) ≤ e^{−t²/2}` (Gaussian concentration); a union bound over the m
 * rows with `t = √(2 ln(m/δ))` gives the claim.
 *
 * @param s.margin - default {@link INIT_MARGIN}; must lie in (0, 1]
 * @param s.failureProbability - δ, default {@link INIT_FAILURE_PROBABILITY}; must lie in (0, 1)
 * @returns ω ≥ 0; 0 only when the bound underflows (then `W(0) = 0` meets it, strictly)
 * @throws InputError on a malformed argument or an all-zero `X`
 * @throws NumericalError if ω overflows
 */
export function suggestedInitScale(
  X: ArrayLike<number>,
  n: number,
  d: number,
  s: { gamma: number; lr: number; m: number; margin?: number; failureProbability?: number },
): number {
  checkMatrix(X, n, d);
  checkTraining(s);
  const margin = s.margin ?? INIT_MARGIN;
  if (!(margin > 0 && margin <= 1)) throw new InputError('margin', `must lie in (0, 1], got ${String(margin)}`);
  const delta = s.failureProbability ?? INIT_FAILURE_PROBABILITY;
  if (!(delta > 0 && delta < 1)) throw new InputError('failureProbability', `must lie in (0, 1), got ${String(delta)}`);
  const gamma = s.gamma > 0 ? s.gamma : RELU_GAMMA_SURROGATE;
  const bound = h25InitBound(X, n, d, { gamma, lr: s.lr, m: s.m });
  const spread = Math.sqrt(d) + Math.sqrt(2 * Math.log(s.m / delta));
  const omega = (margin * bound) / spread;
  if (!Number.isFinite(omega)) throw new NumericalError('suggested init scale', `margin·B/(√d + √(2 ln(m/δ))) = ${omega} (B = ${bound})`);
  return omega;
}
