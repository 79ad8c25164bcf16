import { describe, expect, it } from 'vitest';
import { lbeta, lgamma, stirlingCorrection } from './lgamma.js';

/** Relative error of Γ ≈ 1e-15 (the TSDoc of the Lanczos set) is an absolute error of log Γ; 2e-15 leaves a margin of 2. */
const ABS = 2e-15;

/** |got − want| within ABS·max(1, |want|). */
function close(got: number, want: number): boolean {
  return Math.abs(got - want) <= ABS * Math.max(1, Math.abs(want));
}

describe('lgamma', () => {
  it('is log((n − 1)!) at the integers 1 … 19, and exactly 0 at 1 and 2', () => {
    // 18! = 6402373705728000 < 2^53, so every factorial here is an exact double.
    let factorial = 1;
    for (let n = 1; n <= 19; n++) {
      if (n > 1) factorial *= n - 1;
      expect(close(lgamma(n), Math.log(factorial)), `lgamma(${n}) = ${lgamma(n)}`).toBe(true);
    }
    expect(Math.abs(lgamma(1))).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(lgamma(2))).toBeLessThanOrEqual(1e-15);
  });

  it('is log √π at ½ and satisfies the reflection Γ(x)Γ(1 − x) = π / sin(πx) below ½', () => {
    expect(close(lgamma(0.5), 0.5 * Math.log(Math.PI))).toBe(true);
    for (const x of [0.01, 0.1, 0.25, 0.3, 0.4375, 0.49]) {
      const want = Math.log(Math.PI / Math.sin(Math.PI * x));
      expect(close(lgamma(x) + lgamma(1 - x), want), `x = ${x}`).toBe(true);
    }
  });

  it('is −log x − γx to first order as x → 0', () => {
    // log Γ(x) = −log x − γx + O(x²), γ the Euler–Mascheroni constant; the x² term is below 1e-20 here.
    const eulerGamma = 0.5772156649015329;
    for (const x of [1e-10, 1e-100, 1e-300]) {
      expect(close(lgamma(x), -Math.log(x) - eulerGamma * x), `x = ${x}`).toBe(true);
    }
  });

  it('obeys log Γ(x + 1) = log Γ(x) + log x across the switch to Stirling at 10', () => {
    for (const x of [9, 9.25, 9.5, 9.75, 9.999, 10, 10.5]) {
      expect(close(lgamma(x + 1), lgamma(x) + Math.log(x)), `x = ${x}`).toBe(true);
    }
  });
});

describe('stirlingCorrection', () => {
  /** B₂ … B₁₄, the Bernoulli numbers of the series Σ B_{2k}/(2k(2k−1)x^{2k−1}). */
  const BERNOULLI = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6];

  function series(x: number): number {
    let s = 0;
    BERNOULLI.forEach((b, i) => {
      const k = i + 1;
      s += b / (2 * k * (2 * k - 1) * x ** (2 * k - 1));
    });
    return s;
  }

  it('is the Bernoulli series through x^{-13}, term by term visible at x = 1 and 2', () => {
    // At x = 1 every term is of the size of its coefficient, so each one counts.
    expect(Math.abs(stirlingCorrection(1) - series(1))).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(stirlingCorrection(2) - series(2))).toBeLessThanOrEqual(1e-16);
    expect(Math.abs(stirlingCorrection(10) / series(10) - 1)).toBeLessThanOrEqual(1e-15);
  });

  it('is log Γ(x) − [(x − ½)log x − x + log√(2π)], which tends to 1/(12x)', () => {
    // 14! = 87178291200 is exact, so log Γ(15) is a correctly rounded logarithm.
    const x = 15;
    const rest = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI);
    expect(Math.abs(stirlingCorrection(x) - (Math.log(87178291200) - rest))).toBeLessThanOrEqual(1e-14);
    expect(stirlingCorrection(1e6) * 12e6).toBeCloseTo(1, 12);
  });
});

describe('lbeta', () => {
  /** log B(a, b) = log((a − 1)!(b − 1)!/(a + b − 1)!) for positive integers, each factorial exact below 19. */
  function integerLogBeta(a: number, b: number): number {
    const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
    return Math.log(fact(a - 1)) + Math.log(fact(b - 1)) - Math.log(fact(a + b - 1));
  }

  it('is log((a − 1)!(b − 1)!/(a + b − 1)!) in each regime, including both edges at 10', () => {
    // p, q < 10; p < 10 = q; p < 10 < q; p = q = 10 (Stirling in both).
    for (const [a, b] of [
      [2, 3],
      [9, 9],
      [3, 10],
      [10, 3],
      [4, 12],
      [10, 10],
    ] as const) {
      expect(close(lbeta(a, b), integerLogBeta(a, b)), `lbeta(${a}, ${b})`).toBe(true);
    }
  });

  it('is symmetric and gives log B(½, ½) = log π', () => {
    expect(close(lbeta(0.5, 0.5), Math.log(Math.PI))).toBe(true);
    expect(lbeta(2.5, 40)).toBe(lbeta(40, 2.5));
    expect(lbeta(1e6, 3e6)).toBe(lbeta(3e6, 1e6));
  });

  it('keeps large arguments accurate where the three log Γ terms would cancel', () => {
    // log B(10⁶, 10⁶) = −1386300.00336292111632612… (mpmath.log(mpmath.beta(…)) at 40 digits).
    expect(Math.abs(lbeta(1e6, 1e6) / -1386300.0033629211 - 1)).toBeLessThanOrEqual(1e-15);
  });
});
