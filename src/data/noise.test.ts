import { describe, expect, it } from 'vitest';
import type { DataKind } from './descriptor.js';
import { generateDataset } from './generate.js';

/*
 * Statistical checks of the noise laws (docs/theory.md §3), on N = 120·1000 = 1.2e5 noise coordinates of one
 * dataset per law (muNorm = 0, so X is pure noise), with a fixed seed. Each bound is chosen so that a
 * correct generator fails it with probability < 1e−9 (its false-alarm probability):
 *
 * Moments, by median of means (robust to the heavy tails of Student-t and Pareto, needing only a
 * finite variance of the statistic: E X⁴ < ∞, which is what ν, α > 4 buy). Split the N samples into
 * K = 30 blocks of B = 4000. A block mean of f(X) misses E f(X) by ε = 4σ_f/√B with probability
 * ≤ σ_f²/(Bε²) = 1/16 (Chebyshev). The median misses by ε only if ≥ 15 of the 30 blocks do:
 * probability ≤ C(30, 15)·(1/16)^15 ≤ 2^30·2^−60 = 2^−30 ≈ 9.3e−10 < 1e−9.
 *
 * Distribution, by the Dvoretzky–Kiefer–Wolfowitz inequality (Massart's constant):
 * P(sup_t |F_N(t) − F(t)| > ε) ≤ 2·exp(−2Nε²) = 1e−9 for ε = √(ln(2e9)/(2N)) ≈ 0.0094.
 */
const N_ROWS = 120;
const N_COLS = 1000;
const N = N_ROWS * N_COLS;
const BLOCKS = 30;
const BLOCK = N / BLOCKS;
const DKW_EPS = Math.sqrt(Math.log(2e9) / (2 * N));

function medianOfMeans(xs: Float64Array, f: (x: number) => number): number {
  const means: number[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    let s = 0;
    for (let t = b * BLOCK; t < (b + 1) * BLOCK; t++) s += f(xs[t]);
    means.push(s / BLOCK);
  }
  means.sort((p, q) => p - q);
  return (means[BLOCKS / 2 - 1] + means[BLOCKS / 2]) / 2;
}

/** Half-width of the median-of-means bound for a statistic of variance `variance` (see the header). */
function momEps(variance: number): number {
  return (4 * Math.sqrt(variance)) / Math.sqrt(BLOCK);
}

function empiricalCdf(xs: Float64Array, t: number): number {
  let c = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i] <= t) c++;
  return c / xs.length;
}

const sqrt3 = Math.sqrt(3);
/** Φ at 0.5, 1, 2 (standard normal CDF, to 16 digits). */
const PHI: Record<number, number> = { 0.5: 0.6914624612740131, 1: 0.8413447460685429, 2: 0.9772498680518208 };

/** Student-t CDF for even ν by the finite series (Abramowitz & Stegun 26.7.3), here at ν = 6. */
function studentCdfNu6(s: number): number {
  const x = s / Math.sqrt(6 + s * s);
  const u = 1 - x * x;
  return 0.5 + (x / 2) * (1 + u / 2 + (3 / 8) * u * u);
}

interface Law {
  kind: DataKind;
  noise?: { nu?: number; alpha?: number };
  /** Var(X²) = E X⁴ − 1 of the unit-variance law. */
  varSq: number;
  cdf: (t: number) => number;
}

const paretoCdf = (alpha: number) => {
  const xm = Math.sqrt((alpha - 2) / alpha);
  return (t: number) => (t >= xm ? 1 - 0.5 * (xm / t) ** alpha : t <= -xm ? 0.5 * (xm / -t) ** alpha : 0.5);
};

const LAWS: Law[] = [
  { kind: 'gaussian', varSq: 2, cdf: (t) => (t === 0 ? 0.5 : t > 0 ? PHI[t] : 1 - PHI[-t]) },
  { kind: 'rademacher', varSq: 0, cdf: (t) => (t < -1 ? 0 : t < 1 ? 0.5 : 1) },
  { kind: 'uniform', varSq: 9 / 5 - 1, cdf: (t) => Math.min(1, Math.max(0, (t + sqrt3) / (2 * sqrt3))) },
  // E X⁴ = 3(ν−2)/(ν−4) for the unit-variance t_ν.
  { kind: 'student-t', varSq: 3 * (5 - 2) / (5 - 4) - 1, cdf: () => NaN },
  { kind: 'student-t', noise: { nu: 6 }, varSq: 3 * (6 - 2) / (6 - 4) - 1, cdf: (t) => studentCdfNu6(t * Math.sqrt(6 / 4)) },
  // E X⁴ = (α−2)²/(α(α−4)) for the unit-variance symmetric Pareto.
  { kind: 'pareto', varSq: (5 - 2) ** 2 / (5 * (5 - 4)) - 1, cdf: paretoCdf(5) },
  { kind: 'pareto', noise: { alpha: 4.5 }, varSq: (4.5 - 2) ** 2 / (4.5 * (4.5 - 4)) - 1, cdf: paretoCdf(4.5) },
];

const CDF_POINTS = [-2, -1, -0.5, 0, 0.5, 1, 2];

describe('noise laws (docs/theory.md §3)', () => {
  it.each(LAWS.map((l) => [`${l.kind} ${JSON.stringify(l.noise ?? {})}`, l] as const))(
    '%s: mean 0 and variance 1 (median of means), CDF within DKW (false alarm < 1e-9 each)',
    (_label, law) => {
      const { X } = generateDataset({ kind: law.kind, n: N_ROWS, d: N_COLS, muNorm: 0, seed: `moments:${_label}`, ...(law.noise ? { noise: law.noise } : {}) });
      const mean = medianOfMeans(X, (x) => x);
      const second = medianOfMeans(X, (x) => x * x);
      expect(Math.abs(mean)).toBeLessThanOrEqual(momEps(1));
      expect(Math.abs(second - 1)).toBeLessThanOrEqual(momEps(law.varSq));
      if (!Number.isNaN(law.cdf(0))) {
        for (const t of CDF_POINTS) expect(Math.abs(empiricalCdf(X, t) - law.cdf(t))).toBeLessThanOrEqual(DKW_EPS);
      }
    },
  );

  it('keeps each law on its support', () => {
    const draw = (kind: DataKind, noise?: { alpha: number }) =>
      generateDataset({ kind, n: 50, d: 200, muNorm: 0, seed: 'support', ...(noise ? { noise } : {}) }).X;
    expect(draw('rademacher').every((x) => x === 1 || x === -1)).toBe(true);
    expect(draw('uniform').every((x) => x >= -sqrt3 && x < sqrt3)).toBe(true);
    const xm = Math.sqrt(3 / 5); // x_m = √((α−2)/α) at α = 5
    expect(draw('pareto', { alpha: 5 }).every((x) => Math.abs(x) >= xm * (1 - 2 ** -52))).toBe(true);
  });

  it('scales coordinate k by √sigmaDiag[k] and shifts by y·μ (μ = muNorm·e_1)', () => {
    // Per column: n = 5000 Gaussian entries, so Σ z²/σ_k ~ χ²_n. Laurent–Massart with x = 22:
    // 2√(nx) + 2x = 707 ≤ 0.15n, so |Σz²/n − σ_k| > 0.15σ_k has probability ≤ 2e^{−22} ≈ 5.6e−10.
    const sigmaDiag = [4, 0.25, 0, 1];
    const n = 5000;
    const { X, y, mu } = generateDataset({ kind: 'gaussian', n, d: 4, muNorm: 3, sigmaDiag, seed: 'scale' });
    expect(Array.from(mu ?? [])).toEqual([3, 0, 0, 0]);
    for (let k = 0; k < 4; k++) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const z = X[i * 4 + k] - y[i] * (k === 0 ? 3 : 0);
        s += z;
        s2 += z * z;
      }
      expect(Math.abs(s2 / n - sigmaDiag[k])).toBeLessThanOrEqual(0.15 * sigmaDiag[k]);
      // |mean| of n N(0, σ²) draws exceeds 6.2σ/√n with probability 2Φ(−6.2) ≈ 5.6e−10.
      expect(Math.abs(s / n)).toBeLessThanOrEqual((6.2 * Math.sqrt(sigmaDiag[k])) / Math.sqrt(n));
    }
    // Zero variance: the coordinate is exactly y·μ_k = +0 (never −0).
    expect(Array.from({ length: n }, (_, i) => X[i * 4 + 2]).every((x) => Object.is(x, 0))).toBe(true);
  });
});
