import { describe, expect, it } from 'vitest';
import { makeRng } from '../data/rng.js';
import { balancedSecondLayer } from '../problem/init.js';
import { cosineSimilarity } from './cosine.js';
import { case1 } from './hypotheses.js';
import { limitDirection, linearSvmDirection, type LimitDirectionOk } from './limitDirection.js';
import type { NetworkData } from './types.js';

/*
 * The reference solver here shares nothing with the production path: it builds the m×d features G_i
 * from their definition (row j = a_j c_ij y_i x_i, docs/theory.md §2), forms K_ik = ⟨G_i, G_k⟩, and enumerates
 * every candidate support set S ⊆ {1..n}: it solves K_SS λ_S = 1_S by Gaussian elimination with
 * partial pivoting (skipping singular S) and keeps the λ ≥ 0 with (Kλ)_i ≥ 1 for all i. For a convex
 * QP any such KKT point is optimal and Ŵ = Σ λ_i G_i is unique, so every kept S gives the same Ŵ.
 */

interface Reference {
  readonly feasible: boolean;
  readonly W: Float64Array;
  readonly norm: number;
  readonly signHolds: boolean;
}

function slopes(data: NetworkData): (i: number, j: number) => number {
  return (i, j) => (Math.sign(data.a[j]) === data.y[i] ? 1 : data.gamma);
}

function features(data: NetworkData): Float64Array[] {
  const { n, d, m, X, y, a } = data;
  const c = slopes(data);
  const G: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const g = new Float64Array(m * d);
    for (let j = 0; j < m; j++) for (let k = 0; k < d; k++) g[j * d + k] = a[j] * c(i, j) * y[i] * X[i * d + k];
    G.push(g);
  }
  return G;
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let k = 0; k < u.length; k++) s += u[k] * v[k];
  return s;
}

/** Solves A x = b (p×p) by Gaussian elimination with partial pivoting; null if a pivot is tiny. */
function gaussSolve(A: number[][], b: number[]): number[] | null {
  const p = b.length;
  const M = A.map((row, r) => [...row, b[r]]);
  let scale = 0;
  for (const row of A) for (const v of row) scale = Math.max(scale, Math.abs(v));
  for (let col = 0; col < p; col++) {
    let piv = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(M[r][col]) > Math.abs(M[piv][col])) piv = r;
    if (Math.abs(M[piv][col]) <= 1e-10 * scale) return null;
    [M[col], M[piv]] = [M[piv], M[col]];
    for (let r = col + 1; r < p; r++) {
      const f = M[r][col] / M[col][col];
      for (let c = col; c <= p; c++) M[r][c] -= f * M[col][c];
    }
  }
  const x = new Array<number>(p).fill(0);
  for (let r = p - 1; r >= 0; r--) {
    let s = M[r][p];
    for (let c = r + 1; c < p; c++) s -= M[r][c] * x[c];
    x[r] = s / M[r][r];
  }
  return x;
}

function referenceSolve(data: NetworkData): Reference {
  const { n, d, m, X, y, a } = data;
  const G = features(data);
  const K = G.map((gi) => G.map((gk) => dot(gi, gk)));
  let best: number[] | null = null;
  let bestObj = Infinity;
  for (let mask = 1; mask < 1 << n; mask++) {
    const S = [...Array(n).keys()].filter((i) => mask & (1 << i));
    const sol = gaussSolve(
      S.map((i) => S.map((k) => K[i][k])),
      S.map(() => 1),
    );
    if (sol === null || sol.some((v) => v < 0)) continue;
    const lam = new Array<number>(n).fill(0);
    S.forEach((i, r) => (lam[i] = sol[r]));
    const Kl = K.map((row) => row.reduce((s, v, k) => s + v * lam[k], 0));
    if (Kl.some((v) => v < 1 - 1e-9)) continue;
    const obj = -0.5 * lam.reduce((s, v) => s + v, 0);
    if (obj < bestObj) {
      bestObj = obj;
      best = lam;
    }
  }
  if (best === null) return { feasible: false, W: new Float64Array(0), norm: 0, signHolds: false };
  const W = new Float64Array(m * d);
  best.forEach((l, i) => G[i].forEach((v, k) => (W[k] += l * v)));
  let signHolds = true;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const row = W.subarray(j * d, (j + 1) * d);
      const x = X.subarray(i * d, (i + 1) * d);
      const s = a[j] * y[i] * dot(row, x);
      if (s < -1e-9 * Math.abs(a[j]) * Math.sqrt(dot(row, row) * dot(x, x))) signHolds = false;
    }
  }
  return { feasible: true, W, norm: Math.sqrt(dot(W, W)), signHolds };
}

function data(X: number[][], y: number[], gamma: number, a?: number[]): NetworkData {
  const n = X.length;
  const d = X[0].length;
  const av = a === undefined ? balancedSecondLayer(4) : Float64Array.from(a);
  return { n, d, m: av.length, X: Float64Array.from(X.flat()), y: Float64Array.from(y), a: av, gamma };
}

/** Random instance: n points in d dims, labels from a mixture with mean `signal`·e₁. */
function randomData(seed: string, n: number, d: number, m: number, gamma: number, signal: number, generalA = false): NetworkData {
  const rng = makeRng(seed);
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.uniform() < 0.5 ? 1 : -1;
    for (let k = 0; k < d; k++) X[i * d + k] = rng.normal() + (k === 0 ? signal * y[i] : 0);
  }
  const a = generalA ? Float64Array.from({ length: m }, () => rng.normal()) : balancedSecondLayer(m);
  return { n, d, m, X, y, a, gamma };
}

/** KKT residuals at this level or below count as exact for well-conditioned test data. */
const KKT_TOL = 1e-12;

function expectMatchesReference(data: NetworkData, label: string): LimitDirectionOk | null {
  const got = limitDirection(data);
  const ref = referenceSolve(data);
  expect(got.status === 'ok', `${label}: status ${got.status} (${got.reason}) vs reference feasible=${ref.feasible}`).toBe(ref.feasible);
  if (got.status !== 'ok') return null;
  const cos = cosineSimilarity(got.W, ref.W);
  expect(cos, label).not.toBeNull();
  expect(cos!, label).toBeGreaterThanOrEqual(1 - 1e-12);
  expect(Math.abs(got.normF - ref.norm) / ref.norm, label).toBeLessThanOrEqual(1e-10);
  expect(got.signConstraints.holds, label).toBe(ref.signHolds);
  expect(got.kkt.primal, label).toBeGreaterThanOrEqual(-KKT_TOL);
  expect(got.kkt.dual, label).toBeGreaterThanOrEqual(0);
  expect(got.kkt.stationarity, label).toBeLessThanOrEqual(KKT_TOL);
  expect(got.kkt.complementarity, label).toBeLessThanOrEqual(KKT_TOL * Math.max(1, ...got.lambda));
  expect(got.kkt.normIdentity, label).toBeLessThanOrEqual(1e-12);
  expect(got.rowFormDeviation, label).toBeLessThanOrEqual(1e-13);
  return got;
}

describe('limitDirection against exhaustive support enumeration', () => {
  it('agrees on random separable instances (balanced and general a)', () => {
    for (let s = 0; s < 24; s++) {
      const n = 1 + (s % 8);
      const d = 1 + ((s * 5) % 6);
      const m = 1 + ((s * 3) % 5);
      const gamma = [0.05, 0.1, 0.3, 0.5, 0.9, 1][s % 6];
      const inst = randomData(`ld:${s}`, n, d, m, gamma, 2.5, s % 3 === 0);
      expectMatchesReference(inst, `seed ${s} (n=${n}, d=${d}, m=${m}, γ=${gamma})`);
    }
  });

  it('handles duplicated points (singular K)', () => {
    const X = [[1, 0.2], [1, 0.2], [-0.3, -1], [0.8, -0.1], [-0.3, -1]];
    const got = expectMatchesReference(data(X, [1, 1, -1, 1, -1], 0.2), 'duplicates');
    expect(got!.dualUnique || got!.support.length < 5).toBe(true);
  });

  it('handles collinear points (a shorter copy makes K_SS singular for the plain system)', () => {
    const X = [[1, 0.5], [2, 1], [0.5, 0.25], [-0.2, 1], [0.4, -2]];
    expectMatchesReference(data(X, [1, 1, 1, -1, -1], 0.3), 'collinear');
  });

  it('solves one class and says so', () => {
    const got = expectMatchesReference(data([[1, 0], [0.2, 1], [0.5, 0.5]], [1, 1, 1], 0.1), 'one class');
    expect(got!.notes.join(' ')).toMatch(/one class/);
    // One class: the sign constraints reduce to ⟨u, x_i⟩ ≥ 0, implied by the margins (see report).
    expect(got!.signConstraints.holds).toBe(true);
  });

  it('solves n = 1: λ = 1/K₁₁', () => {
    const inst = data([[3, 4]], [-1], 0.25);
    const got = expectMatchesReference(inst, 'n = 1')!;
    // K₁₁ = ‖x‖² (A₊ γ² + A₋) with A± = 1/2 for the balanced m = 4 layer.
    expect(got.lambda[0]).toBeCloseTo(1 / (25 * (0.5 * 0.0625 + 0.5)), 14);
    expect(got.notes.join(' ')).toMatch(/n = 1/);
  });

  it('finds failing sign constraints on a constructed two-point example', () => {
    // Opposite classes at an acute angle (Case 1 fails): with small γ the negative block row
    // v₋ ∝ −λ₂x₂ + γλ₁x₁ has ⟨v₋, x₁⟩ < 0 while a_j y_1 < 0, so a_j y_1 ⟨v₋, x₁⟩ < 0.
    const inst = data([[1, 0.3], [0.3, 1]], [1, -1], 0.05);
    const got = expectMatchesReference(inst, 'sign failure')!;
    expect(got.signConstraints.holds).toBe(false);
    expect(got.signConstraints.worstRelative).toBeLessThan(-0.1);
    expect(got.notes.join(' ')).toMatch(/outside H25/);
  });

  it('identical inputs with opposite labels are separable by the features but violate the signs', () => {
    const got = expectMatchesReference(data([[1, 1], [1, 1]], [1, -1], 0.5), 'contradictory labels')!;
    expect(got.signConstraints.holds).toBe(false);
  });
});

describe('limitDirection verdicts for degenerate inputs', () => {
  it('reports infeasible data (x and −x with one label) with a certificate', () => {
    const inst = data([[1, 0], [-1, 0], [0.3, 2]], [1, 1, -1], 0.2);
    expect(referenceSolve(inst).feasible).toBe(false);
    const got = limitDirection(inst);
    expect(got.status).toBe('infeasible');
    if (got.status !== 'ok') expect(got.certificate).toBeDefined();
  });

  it('reports a 1-d non-separable triple as infeasible', () => {
    const inst = data([[1], [-2], [0.5]], [1, 1, -1], 0.3);
    expect(referenceSolve(inst).feasible).toBe(false);
    expect(limitDirection(inst).status).toBe('infeasible');
    expect(linearSvmDirection(inst).status).toBe('infeasible');
  });

  it('reports X = 0 as degenerate', () => {
    const got = limitDirection(data([[0, 0], [0, 0]], [1, -1], 0.5));
    expect(got.status).toBe('degenerate');
    expect(got.reason).toMatch(/X = 0/);
  });

  it('reports a zero data point as infeasible', () => {
    const got = limitDirection(data([[0, 0], [1, 0]], [1, -1], 0.5));
    expect(got.status).toBe('infeasible');
    expect(got.reason).toMatch(/point 0/);
  });

  it('stays optimal on data padded with duplicates, collinear, sign-flipped and near-duplicate copies', () => {
    // KKT residuals certify optimality of a convex QP. A near-duplicate at relative distance 1e-9 is
    // refused as numerically dependent, and its margin may then fall short of 1 by about that distance.
    const rng = makeRng('padded');
    const problems: string[] = [];
    for (let t = 0; t < 40; t++) {
      const base = 3 + (t % 9);
      const d = 1 + (t % 5);
      const inst = randomData(`padded:${t}`, base, d, 4, [0.05, 0.3, 1][t % 3], 2);
      const rows = [...Array(base).keys()].map((i) => [...inst.X.subarray(i * d, (i + 1) * d)]);
      const y = [...inst.y];
      for (let e = 0; e < 6; e++) {
        const src = Math.floor(rng.uniform() * base);
        const kind = e % 4;
        const s = kind === 0 ? 1 : kind === 1 ? 0.5 + 2 * rng.uniform() : kind === 2 ? 1 + 1e-9 * rng.normal() : -1;
        rows.push(rows[src].map((v) => v * s));
        y.push(kind === 3 ? -y[src] : y[src]);
      }
      const padded: NetworkData = { ...inst, n: rows.length, X: Float64Array.from(rows.flat()), y: Float64Array.from(y) };
      const got = limitDirection(padded);
      if (got.status !== 'ok') continue;
      const primalTol = got.refusedColumns > 0 ? 1e-8 : KKT_TOL;
      if (got.kkt.primal < -primalTol || got.kkt.stationarity > KKT_TOL) problems.push(`t=${t}: ${JSON.stringify(got.kkt)}`);
    }
    expect(problems).toEqual([]);
  });

  it('never returns NaN on random small inputs', () => {
    for (let s = 0; s < 40; s++) {
      const inst = randomData(`nan:${s}`, 1 + (s % 7), 1 + (s % 3), 1 + (s % 4), (s % 5) / 4, 0.3 * (s % 3));
      const got = limitDirection(inst);
      if (got.status === 'ok') {
        for (const v of [...got.W, ...got.lambda, got.normF, got.kkt.stationarity]) expect(Number.isNaN(v)).toBe(false);
      }
    }
  });
});

describe('limitDirection against the linear SVM', () => {
  it('w̄ is the linear SVM direction at γ = 1 and approaches it as γ → 1', () => {
    const base = randomData('gamma-limit', 12, 15, 6, 1, 1.0);
    const svm = linearSvmDirection(base);
    expect(svm.status).toBe('ok');
    if (svm.status !== 'ok') return;
    const gaps: number[] = [];
    for (const gamma of [1, 1 - 1e-2, 1 - 1e-4, 1 - 1e-6].reverse()) {
      const got = limitDirection({ ...base, gamma });
      expect(got.status).toBe('ok');
      if (got.status !== 'ok' || got.wbar === null) throw new Error('no w̄');
      gaps.push(1 - cosineSimilarity(got.wbar, svm.w)!);
    }
    // gaps for γ = 1 − 1e-6, 1 − 1e-4, 1 − 1e-2 ascending, and γ = 1 itself last: exact to rounding.
    expect(gaps[3]).toBeLessThanOrEqual(1e-14);
    expect(gaps[0]).toBeLessThanOrEqual(gaps[1]);
    expect(gaps[1]).toBeLessThanOrEqual(gaps[2]);
    expect(gaps[0]).toBeLessThanOrEqual(1e-9);
  });

  it('w̄ is not the linear SVM direction for γ = 0.1 (generic Case-1 data)', () => {
    // Strong signal (‖μ‖ = 8 ≫ noise cross terms in d = 30) puts the data in Case 1, so Ŵ is H25's (5).
    const inst = randomData('gamma-0.1', 20, 30, 10, 0.1, 8);
    expect(case1(inst).holds).toBe(true);
    const got = limitDirection(inst);
    const svm = linearSvmDirection(inst);
    if (got.status !== 'ok' || svm.status !== 'ok' || got.wbar === null) throw new Error('not solved');
    expect(got.signConstraints.holds).toBe(true);
    const cos = cosineSimilarity(got.wbar, svm.w)!;
    expect(cos).toBeLessThan(1 - 1e-6);
    expect(cos).toBeGreaterThan(0.9);
  });

  it('under Case 1 the sign constraints hold (y_i⟨u±, x_i⟩ = Σ_k λ_k c±_k ⟨y_k x_k, y_i x_i⟩ ≥ 0)', () => {
    let checked = 0;
    for (let s = 0; s < 30; s++) {
      const inst = randomData(`case1:${s}`, 3 + (s % 10), 2 + (s % 7), 4, [0.01, 0.1, 0.5][s % 3], 3 + (s % 5));
      if (!case1(inst).holds) continue;
      checked++;
      const got = limitDirection(inst);
      expect(got.status).toBe('ok');
      if (got.status === 'ok') expect(got.signConstraints.holds, `seed ${s}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('limitDirection structure (docs/theory.md §2)', () => {
  it('Ŵ has equal rows per block and sign f(x; Ŵ) = sign⟨w̄, x⟩ for balanced blocks', () => {
    const inst = randomData('structure', 15, 20, 8, 0.2, 1.5);
    const got = limitDirection(inst);
    if (got.status !== 'ok' || got.wbar === null) throw new Error(`status ${got.status}`);
    expect(got.blockRowSpread.positive).toBe(0);
    expect(got.blockRowSpread.negative).toBe(0);
    expect(got.linearBoundary.exact).toBe(true);
    const rng = makeRng('structure:test-points');
    const { m, d, a, gamma } = inst;
    const mismatches: number[] = [];
    for (let t = 0; t < 500; t++) {
      const x = Float64Array.from({ length: d }, () => rng.normal());
      let f = 0;
      for (let j = 0; j < m; j++) {
        const z = dot(got.W.subarray(j * d, (j + 1) * d), x);
        f += a[j] * (z > 0 ? z : gamma * z);
      }
      if (Math.sign(f) !== Math.sign(dot(got.wbar, x))) mismatches.push(t);
    }
    expect(mismatches).toEqual([]);
  });

  it('flags the unbalanced second layer of odd m (the linear boundary argument does not apply)', () => {
    const got = limitDirection(randomData('odd-m', 6, 8, 5, 0.3, 2));
    if (got.status !== 'ok') throw new Error(got.status);
    expect(got.linearBoundary.exact).toBe(false);
    expect(got.linearBoundary.reason).toMatch(/unbalanced/);
  });

  it('reports rows a_j·u± (no common row) for a general second layer', () => {
    const got = limitDirection(randomData('general-a', 6, 8, 5, 0.3, 2, true));
    if (got.status !== 'ok') throw new Error(got.status);
    expect(got.rowFormDeviation).toBeLessThanOrEqual(1e-13);
    expect(got.linearBoundary.exact).toBe(false);
  });
});
