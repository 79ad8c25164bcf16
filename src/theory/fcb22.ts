import { InputError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';
import { checkCount, checkFinite, checkFiniteArray } from './_internals/validate.js';

/**
 * Default C of FCB22's dimension condition d ≥ C·max(n‖μ‖², n² log n) (docs/theory.md §10.5).
 * Reconstructed: the paper's C is "a large enough constant"; 1 is a placeholder and the measured
 * d / max(n‖μ‖², n² log n) is reported so any other C can be applied to it.
 */
export const DEFAULT_FCB22_DIMENSION_C = 1;

/**
 * Largest label-flip fraction η FCB22's theorem admits here (it asks η ≤ 1/C for a large C).
 * Reconstructed: 0.2 keeps the flipped labels a clear minority (the error bound needs 1 − 2η > 0).
 */
export const FCB22_MAX_FLIP_FRACTION = 0.2;

/** FCB22's hypotheses on one training set (docs/theory.md §10.5). */
export interface Fcb22Hypotheses {
  /** The dimension condition and the flip fraction both hold. */
  readonly holds: boolean;
  /** d / max(n‖μ‖², n² log n), compared to C (finite: the denominator is > 0 for n ≥ 2). */
  readonly dimensionRatio: number;
  readonly C: number;
  /** The realised flip fraction (flipped labels / n). */
  readonly flipFraction: number;
  readonly maxFlipFraction: number;
  /** ‖μ‖². */
  readonly muSquaredNorm: number;
  /** n‖μ‖⁴/d: the exponent of the error bound before dividing by C. */
  readonly signal: number;
}

/**
 * FCB22's conditions (docs/theory.md §10.5, reconstructed): d ≥ C·max(n‖μ‖², n² log n) and a flip
 * fraction η ≤ {@link FCB22_MAX_FLIP_FRACTION}. n = 1 has n² log n = 0: the condition is then d ≥ C‖μ‖².
 *
 * @param flipped - labels flipped in the training set
 * @param C - the constant (default {@link DEFAULT_FCB22_DIMENSION_C}), > 0
 * @throws InputError on a bad n, d, μ, count or C
 */
export function fcb22Hypotheses(n: number, d: number, mu: Float64Array, flipped: number, C: number = DEFAULT_FCB22_DIMENSION_C): Fcb22Hypotheses {
  checkCount(n, 'n');
  checkCount(d, 'd');
  checkFiniteArray(mu, d, 'mu');
  checkFinite(C, 'C');
  if (!(C > 0)) throw new InputError('C', `expected a positive constant, got ${String(C)}`);
  if (!Number.isInteger(flipped) || flipped < 0 || flipped > n) throw new InputError('flipped', `expected an integer in [0, ${n}], got ${String(flipped)}`);
  const mu2 = euclideanNorm(mu) ** 2;
  const dimensionRatio = d / Math.max(n * mu2, n * n * Math.log(n), Number.MIN_VALUE);
  const flipFraction = flipped / n;
  return {
    holds: dimensionRatio >= C && flipFraction <= FCB22_MAX_FLIP_FRACTION,
    dimensionRatio,
    C,
    flipFraction,
    maxFlipFraction: FCB22_MAX_FLIP_FRACTION,
    muSquaredNorm: mu2,
    signal: (n * mu2 * mu2) / d,
  };
}

/** FCB22's test-error bound in both forms (docs/theory.md §10.5). */
export interface Fcb22Bound {
  /** η + 2exp(−n‖μ‖⁴/(Cd)): the paper's bound on the error under label noise η. */
  readonly noisy: number;
  /** 2exp(−n‖μ‖⁴/(Cd))/(1 − 2η): the same bound on the clean error (flips independent of x). */
  readonly clean: number;
}

/**
 * FCB22's bound: P(ỹ ≠ sign f(x)) ≤ η + 2exp(−n‖μ‖⁴/(Cd)) under flips of rate η independent of x,
 * and, since that error is η + (1 − 2η)·err_clean, err_clean ≤ 2exp(−n‖μ‖⁴/(Cd))/(1 − 2η) (§10.5).
 *
 * @param signal - n‖μ‖⁴/d, ≥ 0
 * @param eta - flip rate in [0, ½)
 * @param C - the constant, > 0
 * @throws InputError on a bad signal, η or C
 */
export function fcb22Bound(signal: number, eta: number, C: number): Fcb22Bound {
  checkFinite(signal, 'signal');
  if (!(signal >= 0)) throw new InputError('signal', `expected n‖μ‖⁴/d ≥ 0, got ${signal}`);
  if (!(eta >= 0 && eta < 0.5)) throw new InputError('eta', `expected a flip rate in [0, 0.5), got ${String(eta)}`);
  if (!(C > 0 && Number.isFinite(C))) throw new InputError('C', `expected a positive finite constant, got ${String(C)}`);
  const tail = 2 * Math.exp(-signal / C);
  return { noisy: eta + tail, clean: tail / (1 - 2 * eta) };
}
