import { InputError, NumericalError } from '../errors.js';
import { lbeta } from './_internals/lgamma.js';

/**
 * The continued fraction is stopped when a step changes it by a factor within 1e-15 of 1: the
 * remaining factors converge to 1 monotonically in the tail, so the result carries relative error
 * ≈ 1e-15 from truncation, below the ≈ (a + b)·1e-16 of the prefactor's exponent.
 */
export const BETA_CF_TOL = 1e-15;
/** Iteration cap of the continued fraction: it needs O(√max(a, b)) steps, ≈ 3·10³ for a, b ≈ 10⁷. */
const BETA_CF_MAX_STEPS = 100_000;
/** Lentz's replacement for a zero denominator: far below any value the fraction takes. */
const LENTZ_TINY = 1e-300;

/**
 * The continued fraction of I_x(a, b) (Numerical Recipes §6.4 form), by the modified Lentz method;
 * undefined when it has not converged in {@link BETA_CF_MAX_STEPS} steps.
 */
function betaContinuedFraction(x: number, a: number, b: number): number | undefined {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < LENTZ_TINY) d = LENTZ_TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= BETA_CF_MAX_STEPS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < LENTZ_TINY) d = LENTZ_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < LENTZ_TINY) c = LENTZ_TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < LENTZ_TINY) d = LENTZ_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < LENTZ_TINY) c = LENTZ_TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < BETA_CF_TOL) return h;
  }
  return undefined;
}

/** Both tails of the regularised incomplete beta function. */
export interface BetaTails {
  /** I_x(a, b) = P(B ≤ x) for B ~ Beta(a, b). */
  readonly lower: number;
  /** 1 − I_x(a, b) = P(B > x), computed without cancellation when it is the small one. */
  readonly upper: number;
}

/**
 * The regularised incomplete beta function I_x(a, b) and its complement, each with relative accuracy
 * ≈ (a + b)·1e-16 (the prefactor's exponent a·log x + b·log(1 − x) − log B(a, b) carries that absolute
 * error). Method: Lentz's continued fraction with log-gamma (Numerical Recipes §6.4), evaluated for
 * x < (a + 1)/(a + b + 2) directly and otherwise through I_x(a, b) = 1 − I_{1−x}(b, a), so the
 * fraction converges fast and the tail that is computed directly is the smaller one.
 *
 * @throws InputError unless a, b > 0 are finite and 0 ≤ x ≤ 1
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): BetaTails {
  if (!(a > 0 && Number.isFinite(a))) throw new InputError('a', `expected a positive finite number, got ${String(a)}`);
  if (!(b > 0 && Number.isFinite(b))) throw new InputError('b', `expected a positive finite number, got ${String(b)}`);
  if (!(x >= 0 && x <= 1)) throw new InputError('x', `expected a number in [0, 1], got ${String(x)}`);
  if (x === 0) return { lower: 0, upper: 1 };
  if (x === 1) return { lower: 1, upper: 0 };
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - lbeta(a, b);
  const direct = x < (a + 1) / (a + b + 2);
  const fraction = direct ? betaContinuedFraction(x, a, b) : betaContinuedFraction(1 - x, b, a);
  if (fraction === undefined) {
    throw new NumericalError('incomplete beta', `continued fraction did not converge in ${BETA_CF_MAX_STEPS} steps (x=${x}, a=${a}, b=${b})`);
  }
  if (direct) {
    const lower = (Math.exp(logFront) * fraction) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (Math.exp(logFront) * fraction) / b;
  return { lower: 1 - upper, upper };
}
