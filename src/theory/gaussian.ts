import { InputError } from '../errors.js';

/*
 * Standard normal distribution function Φ by W. J. Cody's rational Chebyshev approximations
 * (W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
 * 631–637; the coefficients are those of routine ANORM in Cody's SPECFUN package, ACM TOMS
 * Algorithm 715 (1993), public domain on Netlib, also used by R's pnorm). The approximations are in x
 * itself, not x/√2, so no rounding of the argument is amplified in the tail; exp(−x²/2) is evaluated
 * as exp(−x̃²/2)·exp(−(x − x̃)(x + x̃)/2) with x̃ = trunc(16x)/16, so x̃² is exact and the large part of
 * the exponent carries no rounding. Relative accuracy is about 1e-15 wherever Φ(x) is a normal
 * double (x ≥ −37.5) — checked against 50-digit references in gaussian.test.ts.
 */

/** Rational approximation of (Φ(x) − ½)/x on |x| ≤ 0.67448975 (numerator, in x²). */
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
/** Its denominator. */
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
/** Rational approximation of e^{x²/2}Φ(−x) on 0.67448975 < x ≤ √32 (numerator, in x). */
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
/** Its denominator. */
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
/** Rational approximation of the Mills-ratio correction for x > √32 (numerator, in 1/x²). */
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
/** Its denominator. */
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** Upper end of the central range: ≈ Φ⁻¹(3/4), where Φ(−x) = ½ − (Φ(x) − ½) loses no digit. */
const CENTRAL = 0.67448975;
/** √32: the boundary between Cody's middle and tail approximations. */
const SQRT32 = 5.656854249492380195206754896838;
/** Beyond this Φ(−x) is subnormal (< 2.2e-308); it is then returned as exp(log Φ(−x)). */
const SUBNORMAL_TAIL = 37.5193;
/** Beyond this log Φ(−x) ≈ −x²/2 is below −Number.MAX_VALUE, so it is −∞ (and the tail formula would overflow). */
const HUGE = 1e170;
/** 1/√(2π). */
const INV_SQRT_2PI = 0.398942280401432677939946059934;

/** For y ≥ 0 outside the central range: Φ(−y) = exp(−ỹ²/2)·exp(−δ/2)·t (or its log), t from Cody. */
function tailParts(y: number): { readonly half: number; readonly del: number; readonly t: number } {
  let t: number;
  if (y <= SQRT32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    t = (num + C[7]) / (den + D[7]);
  } else {
    const r = 1 / (y * y);
    let num = P[5] * r;
    let den = r;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * r;
      den = (den + Q[i]) * r;
    }
    t = (INV_SQRT_2PI - (r * (num + P[4])) / (den + Q[4])) / y;
  }
  const ys = Math.trunc(y * 16) / 16; // 16ỹ is an integer below 2^53, so ỹ² is exact
  return { half: ys * ys * 0.5, del: (y - ys) * (y + ys), t };
}

/** (Φ(x) − ½) on the central range |x| ≤ CENTRAL. */
function central(x: number): number {
  const xsq = x * x;
  let num = A[4] * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * xsq;
    den = (den + B[i]) * xsq;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** Φ(−y) for y > CENTRAL (the small tail), relative accuracy ≈ 1e-15 down to the subnormal range. */
function smallTail(y: number): number {
  if (y === Infinity) return 0;
  if (y > SUBNORMAL_TAIL) return Math.exp(logSmallTail(y));
  const { half, del, t } = tailParts(y);
  return Math.exp(-half) * Math.exp(-del * 0.5) * t;
}

/** log Φ(−y) for y > CENTRAL, finite for every finite y below ≈ 1.3e154 (−∞ beyond: x² overflows). */
function logSmallTail(y: number): number {
  if (y >= HUGE) return -Infinity;
  const { half, del, t } = tailParts(y);
  return -half - del * 0.5 + Math.log(t);
}

function checkArgument(x: number): void {
  if (Number.isNaN(x)) throw new InputError('x', 'expected a number, got NaN');
}

/**
 * Φ(x), the standard normal distribution function, to relative accuracy ≈ 1e-15 on the whole
 * range where the result is a normal double (x ≥ −37.5, Φ ≥ 2.2e-308); subnormal results below that.
 * Φ(−∞) = 0, Φ(+∞) = 1.
 *
 * @throws InputError for NaN
 */
export function normalCdf(x: number): number {
  checkArgument(x);
  const y = Math.abs(x);
  if (y <= CENTRAL) return 0.5 + central(x);
  const tail = smallTail(y);
  return x < 0 ? tail : 1 - tail;
}

/**
 * 1 − Φ(x) = Φ(−x), the upper tail, evaluated directly (never as 1 − Φ(x)): relative accuracy
 * ≈ 1e-15 for x ≤ 37.5.
 *
 * @throws InputError for NaN
 */
export function normalSf(x: number): number {
  checkArgument(x);
  return normalCdf(-x);
}

/**
 * log Φ(x), finite for every finite x down to ≈ −1.3e154 (below that the true value is under
 * −8e307·… and the result is −∞): the tail is evaluated in log space, never as log(Φ(x)) of an
 * underflowed Φ. Near +∞ it is log1p(−Φ(−x)), accurate to relative 1e-15 of the tiny result.
 *
 * @throws InputError for NaN
 */
export function logNormalCdf(x: number): number {
  checkArgument(x);
  const y = Math.abs(x);
  if (y <= CENTRAL) return Math.log(0.5 + central(x));
  if (x < 0) return logSmallTail(y);
  const tail = smallTail(y);
  return tail === 0 ? 0 : Math.log1p(-tail);
}
