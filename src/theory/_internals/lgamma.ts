/** log √(2π). */
const LN_SQRT_2PI = 0.918938533204672741780329736406;

/**
 * Lanczos coefficients (g = 7, 9 terms; the widely published set of P. Godfrey), relative error of Γ
 * about 1e-15 for x ≥ 0.5.
 */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** At and above this x the Stirling series below is used; its truncation error is < 1e-17 there. */
const STIRLING_FROM = 10;

/**
 * Stirling's correction lgamma(x) − [(x − ½)log x − x + log√(2π)] = Σ B_{2k}/(2k(2k−1)x^{2k−1}),
 * terms up to x^{-13}; the next term is 3617/(122400 x^15) < 3e-17 at x = 10.
 */
export function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))))
  );
}

/** log Γ(x) for x > 0. */
export function lgamma(x: number): number {
  if (x >= STIRLING_FROM) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
  if (x < 0.5) return lgamma(x + 1) - Math.log(x); // Γ(x) = Γ(x + 1)/x
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/**
 * log B(a, b) = lgamma(a) + lgamma(b) − lgamma(a + b) for a, b > 0, arranged (as in R's lbeta) so that
 * no two large lgamma values cancel. With p = min(a, b), q = max(a, b), c = a + b:
 * - p ≥ 10: (p − ½)log(p/c) + (q − ½)log(q/c) − ½log c + log√(2π) + corr(p) + corr(q) − corr(c);
 * - p < 10 ≤ q: lgamma(p) + p − p·log c + (q − ½)·log1p(−p/c) + corr(q) − corr(c);
 * - both < 10: the plain sum (every term is small).
 */
export function lbeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  const c = a + b;
  if (p >= STIRLING_FROM) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(c);
    return (p - 0.5) * Math.log(p / c) + (q - 0.5) * Math.log1p(-p / c) - 0.5 * Math.log(c) + LN_SQRT_2PI + corr;
  }
  if (q >= STIRLING_FROM) {
    return lgamma(p) + p - p * Math.log(c) + (q - 0.5) * Math.log1p(-p / c) + stirlingCorrection(q) - stirlingCorrection(c);
  }
  return lgamma(p) + lgamma(q) - lgamma(c);
}
