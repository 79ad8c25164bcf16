import { describe, expect, it } from 'vitest';
import { refusal } from '../_testing/refusal.js';
import { MAX_ENTRIES, type DatasetDescriptor } from './descriptor.js';
import { generateDataset } from './generate.js';
import { projectedMixture } from './projection.js';
import { makeRng } from './rng.js';

const base: DatasetDescriptor = { kind: 'gaussian', n: 50, d: 40, muNorm: 2, seed: 'proj' };

function randomDirection(d: number, seed: string): Float64Array {
  const rng = makeRng(seed);
  return Float64Array.from({ length: d }, () => rng.normal());
}

function unit(d: number, k: number): Float64Array {
  const e = new Float64Array(d);
  e[k] = 1;
  return e;
}

function column(P: Float64Array, r: number, s: number): number[] {
  return Array.from({ length: P.length / r }, (_, i) => P[i * r + s]!);
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('projectedMixture', () => {
  it('draws Gaussian isotropic mixtures in the span, and every other law or Σ coordinate by coordinate', () => {
    const u = randomDirection(40, 'u');
    expect(projectedMixture(base, [u]).method).toBe('span');
    expect(projectedMixture({ ...base, kind: 'nearly-orthogonal' }, [u]).method).toBe('span');
    expect(projectedMixture({ ...base, sigmaDiag: new Array<number>(40).fill(2.5) }, [u]).method).toBe('span');
    expect(projectedMixture({ ...base, kind: 'rademacher' }, [u]).method).toBe('full');
    expect(projectedMixture({ ...base, sigmaDiag: [2, ...new Array<number>(39).fill(1)] }, [u]).method).toBe('full');
    // d − k = 40 − 2 directions − e₁ would leave χ²₁, below the Gamma sampler's shape 1: coordinate by coordinate.
    const many = Array.from({ length: 38 }, (_, s) => randomDirection(40, `v${s}`));
    expect(projectedMixture(base, many).method).toBe('full');
    expect(projectedMixture(base, many.slice(0, 37)).method).toBe('span');
  });

  it('coordinate by coordinate: the projections and norms of exactly the points testPoints draws', () => {
    const desc: DatasetDescriptor = { ...base, kind: 'student-t', labelNoise: 0.2 };
    const u = randomDirection(40, 'u');
    const v = randomDirection(40, 'v');
    const got = projectedMixture(desc, [u, v]);
    const { labelNoise: _noise, ...clean } = desc;
    const data = generateDataset(clean);
    expect(Array.from(got.y)).toEqual(Array.from(data.y));
    for (let i = 0; i < data.n; i++) {
      const row = data.X.subarray(i * 40, (i + 1) * 40);
      const dot = (w: Float64Array): number => row.reduce((s, x, k) => s + x * w[k]!, 0);
      expect(got.P[i * 2]).toBe(dot(u));
      expect(got.P[i * 2 + 1]).toBe(dot(v));
      expect(got.sqNorm[i]).toBe(dot(row));
    }
  });

  it('in the span: the same bits for the same descriptor, the labels of testPoints, and clean labels', () => {
    const u = randomDirection(40, 'u');
    const a = projectedMixture({ ...base, labelNoise: 0.4 }, [u]);
    const b = projectedMixture(base, [Float64Array.from(u)]);
    expect(Buffer.from(a.P.buffer).equals(Buffer.from(b.P.buffer))).toBe(true);
    expect(Buffer.from(a.sqNorm.buffer).equals(Buffer.from(b.sqNorm.buffer))).toBe(true);
    expect(Array.from(a.y)).toEqual(Array.from(generateDataset(base).y));
    expect(Buffer.from(projectedMixture({ ...base, seed: 'other' }, [u]).P.buffer).equals(Buffer.from(a.P.buffer))).toBe(false);
  });

  it('in the span: projections are linear in the direction, dependent directions included', () => {
    const u = randomDirection(40, 'u');
    const v = randomDirection(40, 'v');
    const sum = u.map((x, k) => x + v[k]!);
    const got = projectedMixture(base, [u, v, sum, u.map((x) => 2 * x), new Float64Array(40)]);
    for (let i = 0; i < got.n; i++) {
      const [pu, pv, ps, p2, p0] = [0, 1, 2, 3, 4].map((s) => got.P[i * 5 + s]!);
      expect(ps).toBeCloseTo(pu! + pv!, 10);
      expect(p2).toBeCloseTo(2 * pu!, 10);
      expect(p0).toBe(0);
    }
  });

  it('in the span: a direction whose squared norm overflows is projected like its unit multiple', () => {
    const u = randomDirection(40, 'u');
    const small = projectedMixture(base, [u]);
    const huge = projectedMixture(base, [u.map((x) => 1e200 * x)]);
    for (let i = 0; i < small.n; i++) expect(huge.P[i]! / 1e200).toBeCloseTo(small.P[i]!, 10);
  });

  it('in the span: without noise every point is yμ, so ⟨v, x⟩ = y‖μ‖v₁ and ‖x‖² = ‖μ‖² exactly', () => {
    const u = randomDirection(40, 'u');
    const got = projectedMixture({ ...base, sigmaDiag: new Array<number>(40).fill(0) }, [u]);
    expect(got.method).toBe('span');
    for (let i = 0; i < got.n; i++) {
      expect(got.P[i]).toBe(got.y[i]! * 2 * u[0]!);
      expect(got.sqNorm[i]).toBe(4);
    }
  });

  it('in the span: ‖x‖² is at least the squares of the projections on orthonormal directions (Bessel), point by point', () => {
    const directions = [1, 2, 3, 4, 5].map((k) => unit(40, k));
    const got = projectedMixture({ ...base, n: 500 }, [unit(40, 0), ...directions]);
    for (let i = 0; i < got.n; i++) {
      const sq = [0, 1, 2, 3, 4, 5].reduce((a, s) => a + got.P[i * 6 + s]! ** 2, 0);
      expect(got.sqNorm[i]).toBeGreaterThanOrEqual(sq * (1 - 1e-12));
    }
  });

  // Each moment below is a mean of N = 20 000 independent draws, compared with its exact value within
  // 6 standard errors: by the central limit theorem a correct sampler fails one such check with
  // probability about 2e-9, and the draws are fixed by the seed, so the test is deterministic.
  it('in the span: the law of the full draw (means, variances and covariances of ⟨v, x⟩, mean and variance of ‖x‖²)', () => {
    const N = 20_000;
    // A small d keeps ‖x‖²'s spread small enough that one degree of freedom too many or too few (a shift of σ²) shows.
    const d = 30;
    const sigma2 = 1.7;
    const muNorm = 1.3;
    const u = randomDirection(d, 'u');
    const v = randomDirection(d, 'v').map((x, k) => x + 0.5 * u[k]!);
    const got = projectedMixture({ kind: 'gaussian', n: N, d, muNorm, sigmaDiag: new Array<number>(d).fill(sigma2), seed: 'law' }, [u, v]);
    expect(got.method).toBe('span');
    const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, x, k) => s + x * b[k]!, 0);
    // Given y, ⟨w, x⟩ = y‖μ‖w₁ + N(0, σ²‖w‖²), so ⟨w, x⟩·y has mean ‖μ‖w₁ and variance σ²‖w‖².
    for (const [s, w] of [u, v].entries()) {
      const signed = column(got.P, 2, s).map((p, i) => p * got.y[i]!);
      const sd = Math.sqrt(sigma2 * dot(w, w));
      expect(Math.abs(mean(signed) - muNorm * w[0]!)).toBeLessThan((6 * sd) / Math.sqrt(N));
      const variance = mean(signed.map((p) => (p - muNorm * w[0]!) ** 2));
      // The sample variance of a normal has standard deviation σ_w²·√(2/N).
      expect(Math.abs(variance / sd ** 2 - 1)).toBeLessThan(6 * Math.sqrt(2 / N));
    }
    // Covariance of the noise parts: σ²⟨u, v⟩; the product of two unit normals with correlation ρ has variance 1 + ρ².
    const nu = column(got.P, 2, 0).map((p, i) => p - got.y[i]! * muNorm * u[0]!);
    const nv = column(got.P, 2, 1).map((p, i) => p - got.y[i]! * muNorm * v[0]!);
    const su = Math.sqrt(sigma2 * dot(u, u));
    const sv = Math.sqrt(sigma2 * dot(v, v));
    const rho = (sigma2 * dot(u, v)) / (su * sv);
    expect(Math.abs(mean(nu.map((a, i) => (a * nv[i]!) / (su * sv))) - rho)).toBeLessThan(6 * Math.sqrt((1 + rho * rho) / N));
    // ‖x‖² = ‖μ‖² + 2y‖μ‖σg₁ + σ²‖g‖²: mean ‖μ‖² + σ²d, variance 4‖μ‖²σ² + 2σ⁴d.
    const sq = Array.from(got.sqNorm);
    const sqSd = Math.sqrt(4 * muNorm ** 2 * sigma2 + 2 * sigma2 ** 2 * d);
    expect(Math.abs(mean(sq) - (muNorm ** 2 + sigma2 * d))).toBeLessThan((6 * sqSd) / Math.sqrt(N));
    const sqVar = mean(sq.map((x) => (x - muNorm ** 2 - sigma2 * d) ** 2));
    // The sample variance of ‖x‖² (nearly σ²χ²_d, kurtosis 3 + 12/d) has relative sd √((2 + 12/d)/N); 2.5 covers d = 30.
    expect(Math.abs(sqVar / sqSd ** 2 - 1)).toBeLessThan(6 * Math.sqrt(2.5 / N));
  });

  it('draws in the span more points than a full dataset of that dimension may hold, and refuses them coordinate by coordinate', () => {
    const d = 40_000;
    const count = Math.floor(MAX_ENTRIES / d) + 1;
    const u = randomDirection(d, 'u');
    const got = projectedMixture({ kind: 'gaussian', n: count, d, muNorm: 1, seed: 'big' }, [u]);
    expect(got.method).toBe('span');
    expect(got.n).toBe(count);
    expect(refusal(() => projectedMixture({ kind: 'rademacher', n: count, d, muNorm: 1, seed: 'big' }, [u]))).toMatchObject({ field: 'n' });
  });

  it('refuses bad input with the field named', () => {
    expect(refusal(() => projectedMixture(base, [new Float64Array(39)]))).toMatchObject({ field: 'directions[0]' });
    const nan = new Float64Array(40);
    nan[3] = NaN;
    expect(refusal(() => projectedMixture(base, [new Float64Array(40), nan]))).toMatchObject({ field: 'directions[1][3]' });
    expect(refusal(() => projectedMixture({ kind: 'orthogonal', n: 3, d: 4, muNorm: 0, seed: 1 }, []))).toMatchObject({ field: 'kind' });
    expect(refusal(() => projectedMixture({ ...base, n: 0 }, []))).toMatchObject({ field: 'n' });
    expect(refusal(() => projectedMixture({ ...base, n: 2.5 }, []))).toMatchObject({ field: 'n' });
    expect(refusal(() => projectedMixture({ ...base, d: 0 }, []))).toMatchObject({ field: 'd' });
  });
});
