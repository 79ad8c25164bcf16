import { describe, expect, it } from 'vitest';
import { makeRng } from '../data/rng.js';
import { balancedSecondLayer } from '../problem/init.js';
import { cosineSimilarity } from './cosine.js';
import { case1 } from './hypotheses.js';
import { limitDirection, linearSvmDirection, type LimitDirection, type LimitDirectionOk } from './limitDirection.js';
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
  expect(got.kkt.normIdentity, label).toBeGreaterThanOrEqual(0);
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

function solved(r: LimitDirection): LimitDirectionOk {
  if (r.status !== 'ok') throw new Error(`status ${r.status}: ${r.reason}`);
  return r;
}

function expectClose(got: ArrayLike<number> | null, want: readonly number[], digits = 14): void {
  expect(got).not.toBeNull();
  expect(got!.length).toBe(want.length);
  want.forEach((v, k) => expect(got![k], `entry ${k}`).toBeCloseTo(v, digits));
}

/*
 * Orthogonal two-class data x₁ = e₁ (y = +1), x₂ = e₂ (y = −1), plus x₃ = 2e₁ (y = +1), which the first
 * point's constraint already covers. With one neuron per sign (A₊ = A₋ = 1) and γ = 1/2:
 * K₁₁ = K₂₂ = 1 + γ² = 5/4, K₁₂ = 0, so λ = (4/5, 4/5, 0); u₊ = λ₁x₁ − γλ₂x₂ = (0.8, −0.4),
 * u₋ = γλ₁x₁ − λ₂x₂ = (0.4, −0.8); the row of a_j is a_j u_{sign a_j}; ‖Ŵ‖² = Σλ = 8/5.
 */
const ORTHO_X = [[1, 0], [0, 1], [2, 0]];
const ORTHO_Y = [1, -1, 1];

describe('limitDirection on hand-worked instances (docs/theory.md §2)', () => {
  it('gives λ, Ŵ, its direction and the block rows of the orthogonal two-class instance', () => {
    // a = (−1, +1): the negative neuron comes first, so the blocks start at rows 1 (a > 0) and 0 (a < 0).
    const got = solved(limitDirection(data(ORTHO_X, ORTHO_Y, 0.5, [-1, 1])));
    expect(got.notes).toEqual([]);
    expectClose(got.lambda, [0.8, 0.8, 0]);
    expectClose(got.W, [-0.4, 0.8, 0.8, -0.4]);
    expect(got.normF).toBeCloseTo(Math.sqrt(1.6), 14);
    expectClose(got.direction, [-0.4, 0.8, 0.8, -0.4].map((v) => v / Math.sqrt(1.6)));
    expectClose(got.uPlus, [0.8, -0.4]);
    expectClose(got.uMinus, [0.4, -0.8]);
    expectClose(got.vPlus, [0.8, -0.4]);
    expectClose(got.vMinus, [-0.4, 0.8]);
    expectClose(got.wbar, [1.2, -1.2]);
    expect(got.blockRowSpread).toEqual({ positive: 0, negative: 0 });
    expect(got.blockWeights).toEqual({ positiveSquares: 1, negativeSquares: 1, positiveSum: 1, negativeSum: 1 });
    expect(got.linearBoundary.exact).toBe(true);
    expect(got.linearBoundary.reason).toMatch(/balanced blocks with common rows/);
  });

  it('gives the linearised and network margins, the primal residual and the sign constraints', () => {
    const got = solved(limitDirection(data(ORTHO_X, ORTHO_Y, 0.5, [-1, 1])));
    // x₃ = 2x₁ has twice the margin of x₁; the sign constraints hold, so f agrees with the linearisation.
    expectClose(got.margins, [1, 1, 2]);
    expectClose(got.networkMargins, [1, 1, 2]);
    // primal = min_i q_i − 1 = 0: the support vectors sit exactly on the margin.
    expect(got.kkt.primal).toBeCloseTo(0, 14);
    expect(got.kkt.normIdentity).toBeGreaterThanOrEqual(0);
    expect(got.kkt.normIdentity).toBeLessThanOrEqual(1e-15);
    // a_j y_i ⟨ŵ_j, x_i⟩ is λγ = 0.4 for the cross pairs (x₁ with the a < 0 row, x₂ with the a > 0 row).
    expect(got.signConstraints.holds).toBe(true);
    expect(got.signConstraintsHold).toBe(true);
    expect(got.signConstraints.violations).toBe(0);
    expect(got.signConstraints.worst).toBeCloseTo(0.4, 14);
    // No pair is negative: no violation to report, and the pair is the documented (0, 0).
    expect(got.signConstraints.worstRelative).toBe(0);
    expect(got.signConstraints.argmin).toEqual({ i: 0, j: 0 });
  });

  it('reports a block whose a_j differ: rows a_j u±, spread 1, no common row and no w̄', () => {
    // a = (−1, 1, 2, −2): A₊ = A₋ = 5, K₁₁ = K₂₂ = 5(1 + γ²) = 25/4, λ = (4/25, 4/25, 0). The row of a = 2 is
    // twice the row of a = 1, so it differs from the block's first row by that row's norm: spread 1.
    const got = solved(limitDirection(data(ORTHO_X, ORTHO_Y, 0.5, [-1, 1, 2, -2])));
    expectClose(got.lambda, [0.16, 0.16, 0]);
    expectClose(got.W, [-0.08, 0.16, 0.16, -0.08, 0.32, -0.16, -0.16, 0.32]);
    expect(got.blockRowSpread.positive).toBeCloseTo(1, 14);
    expect(got.blockRowSpread.negative).toBeCloseTo(1, 14);
    expect(got.vPlus).toBeNull();
    expect(got.vMinus).toBeNull();
    expect(got.wbar).toBeNull();
    // Σ a_j⁺ = Σ |a_j⁻| = 3: balanced, yet without common rows the boundary argument does not apply.
    expect(got.linearBoundary.exact).toBe(false);
    expect(got.linearBoundary.reason).toMatch(/a_j of a block differ/);
    expect(got.notes).toEqual([]);
  });

  it('leaves a neuron with a_j = 0 out of both blocks (its row is 0)', () => {
    const got = solved(limitDirection(data(ORTHO_X, ORTHO_Y, 0.5, [0, 1, -1])));
    expectClose(got.W, [0, 0, 0.8, -0.4, -0.4, 0.8]);
    expectClose(got.vPlus, [0.8, -0.4]);
    expectClose(got.vMinus, [-0.4, 0.8]);
    expect(got.blockRowSpread).toEqual({ positive: 0, negative: 0 });
    expect(got.blockWeights).toEqual({ positiveSquares: 1, negativeSquares: 1, positiveSum: 1, negativeSum: 1 });
    expect(got.linearBoundary.exact).toBe(true);
    expect(got.notes).toEqual([]);
  });

  it('takes the row of an empty block as 0 and says which block is empty', () => {
    // a = (1, 1): λ₁ = 1/(A₊) = 1/2 on x₁, λ₂ = 1/(A₊γ²) = 2 on x₂, so v₊ = λ₁x₁ − γλ₂x₂ = (1/2, −1).
    const noNeg = solved(limitDirection(data(ORTHO_X, ORTHO_Y, 0.5, [1, 1])));
    expect(noNeg.notes).toEqual(['block a_j < 0 is empty: its row is taken as 0 in w̄']);
    expectClose(noNeg.vPlus, [0.5, -1]);
    expectClose(noNeg.vMinus, [0, 0]);
    expectClose(noNeg.wbar, [0.5, -1]);
    expect(noNeg.linearBoundary.reason).toMatch(/unbalanced blocks/);
    // a = (−1): λ₁ = 1/γ² = 4 on x₁, λ₂ = 1 on x₂, so the row is −u₋ = −(γλ₁x₁ − λ₂x₂) = (−2, 1).
    const noPos = solved(limitDirection(data(ORTHO_X, ORTHO_Y, 0.5, [-1])));
    expect(noPos.notes).toEqual(['block a_j > 0 is empty: its row is taken as 0 in w̄']);
    expectClose(noPos.vPlus, [0, 0]);
    expectClose(noPos.vMinus, [-2, 1]);
    expectClose(noPos.wbar, [2, -1]);
  });

  it('does not count an exact zero a_j y_i ⟨ŵ_j, x_i⟩ (x_i ⟂ ŵ_j) as a sign violation', () => {
    // γ = 0: the cross features vanish, λ = (1, 1) and Ŵ = (e₁; e₂), so x₁ ⟂ ŵ₂ and x₂ ⟂ ŵ₁ exactly.
    const got = solved(limitDirection(data([[1, 0], [0, 1]], [1, -1], 0, [1, -1])));
    expectClose(got.W, [1, 0, 0, 1]);
    expect(got.signConstraints.violations).toBe(0);
    expect(got.signConstraints.holds).toBe(true);
    expect(Math.abs(got.signConstraints.worst)).toBe(0);
    expectClose(got.networkMargins, [1, 1]);
    expect(got.notes).toEqual([]);
  });

  it('says the linear boundary argument needs γ > 0', () => {
    const got = solved(limitDirection(data([[1, 0], [0, 1]], [1, -1], 0, [1, -1])));
    expect(got.linearBoundary.exact).toBe(false);
    expect(got.linearBoundary.reason).toMatch(/γ = 0/);
  });

  it('measures a vanishing block row (one class, γ = 0) as 0, not NaN', () => {
    // All y = +1 and γ = 0: every c⁻_i = 0, so u₋ = 0 and the a < 0 row is exactly 0.
    const got = solved(limitDirection(data([[1, 0], [0, 1]], [1, 1], 0, [1, -1])));
    expectClose(got.W, [1, 1, 0, 0]);
    expect(got.rowFormDeviation).toBe(0);
    expect(got.blockRowSpread).toEqual({ positive: 0, negative: 0 });
    expectClose(got.vMinus, [0, 0]);
    expectClose(got.wbar, [1, 1]);
  });

  it('counts a second layer balanced to relative rounding (1e-12) as balanced, and 1e-11 as not', () => {
    // Σ a_j⁺ = 1 against Σ |a_j⁻| = 1 + δ: the sums carry relative rounding far below 1e-12.
    const near = solved(limitDirection(data([[1, 0], [0, 1]], [1, -1], 0.5, [1, -(1 + 1e-12)])));
    expect(near.linearBoundary.exact).toBe(true);
    const off = solved(limitDirection(data([[1, 0], [0, 1]], [1, -1], 0.5, [1, -(1 + 1e-11)])));
    expect(off.linearBoundary.exact).toBe(false);
    expect(off.linearBoundary.reason).toMatch(/unbalanced blocks/);
  });

  it('locates the worst sign constraint of an acute two-point instance', () => {
    // x₁ = (2, 0.6) (y = +1), x₂ = (0.3, 1) (y = −1), a = (1, −1), γ = 0.05: both points are support
    // vectors, with K₁₁ = ‖x₁‖²(1 + γ²), K₂₂ = ‖x₂‖²(1 + γ²), K₁₂ = −2γ⟨x₁, x₂⟩ and λ = K⁻¹1 (Cramer).
    const gamma = 0.05;
    const x1 = [2, 0.6];
    const x2 = [0.3, 1];
    const n1 = 4.36;
    const n2 = 1.09;
    const x12 = 1.2;
    const K11 = n1 * (1 + gamma * gamma);
    const K22 = n2 * (1 + gamma * gamma);
    const K12 = -2 * gamma * x12;
    const det = K11 * K22 - K12 * K12;
    const l1 = (K22 - K12) / det;
    const l2 = (K11 - K12) / det;
    // Rows: ŵ₊ = λ₁x₁ − γλ₂x₂ and ŵ₋ = −(γλ₁x₁ − λ₂x₂).
    const wp = [l1 * x1[0] - gamma * l2 * x2[0], l1 * x1[1] - gamma * l2 * x2[1]];
    const wm = [l2 * x2[0] - gamma * l1 * x1[0], l2 * x2[1] - gamma * l1 * x1[1]];
    const got = solved(limitDirection(data([x1, x2], [1, -1], gamma, [1, -1])));
    expectClose(got.lambda, [l1, l2], 12);
    expectClose(got.W, [...wp, ...wm], 12);
    // The cross pairs a_j y_i ⟨ŵ_j, x_i⟩: (x₁, ŵ₋) is −⟨ŵ₋, x₁⟩ and (x₂, ŵ₊) is −⟨ŵ₊, x₂⟩; both negative.
    const s01 = -(wm[0] * x1[0] + wm[1] * x1[1]);
    const s10 = -(wp[0] * x2[0] + wp[1] * x2[1]);
    const r01 = s01 / (Math.hypot(...wm) * Math.sqrt(n1));
    const r10 = s10 / (Math.hypot(...wp) * Math.sqrt(n2));
    expect(s01).toBeLessThan(0);
    expect(s10).toBeLessThan(0);
    expect(r01).toBeLessThan(r10);
    expect(got.signConstraints.violations).toBe(2);
    expect(got.signConstraints.holds).toBe(false);
    expect(got.signConstraints.worst).toBeCloseTo(Math.min(s01, s10), 12);
    expect(got.signConstraints.worstRelative).toBeCloseTo(r01, 12);
    expect(got.signConstraints.argmin).toEqual({ i: 0, j: 1 });
    expect(got.notes).toEqual(["sign constraints fail at 2 pair(s): Ŵ is outside H25's theorem"]);
    // The linearised margins are 1, but the network sees φ of the negative cross terms.
    const phi = (z: number) => (z > 0 ? z : gamma * z);
    const f1 = phi(wp[0] * x1[0] + wp[1] * x1[1]) - phi(wm[0] * x1[0] + wm[1] * x1[1]);
    const f2 = phi(wp[0] * x2[0] + wp[1] * x2[1]) - phi(wm[0] * x2[0] + wm[1] * x2[1]);
    expectClose(got.margins, [1, 1], 12);
    expectClose(got.networkMargins, [f1, -f2], 12);
    expect(got.networkMargins[0]).toBeLessThan(0);
  });

  it('names the first pair attaining the worst sign constraint when a copy of the point ties with it', () => {
    // The instance above with x₁ repeated as point 2: the copy's pairs equal x₁'s bit for bit.
    const got = solved(limitDirection(data([[2, 0.6], [0.3, 1], [2, 0.6]], [1, -1, 1], 0.05, [1, -1])));
    expect(got.signConstraints.violations).toBe(3);
    expect(got.signConstraints.argmin).toEqual({ i: 0, j: 1 });
  });
});

describe('limitDirection notes and verdicts', () => {
  it('notes one class with its label, and n = 1', () => {
    const pos = solved(limitDirection(data([[1, 0], [0, 1]], [1, 1], 0.5, [1, -1])));
    expect(pos.notes).toEqual([expect.stringMatching(/^one class only \(all y = \+1\)/)]);
    const neg = solved(limitDirection(data([[1, 0], [0, 1]], [-1, -1], 0.5, [1, -1])));
    expect(neg.notes).toEqual([expect.stringMatching(/^one class only \(all y = -1\)/)]);
    const single = solved(limitDirection(data([[3, 4]], [1], 0.5, [1, -1])));
    expect(single.notes).toEqual([expect.stringMatching(/one class only/), 'n = 1: λ = 1/K₁₁ and Ŵ = G₁/‖G₁‖²']);
  });

  it('notes nothing about classes for three points of two classes', () => {
    const got = solved(limitDirection(data([[1, 0], [2, 0.5], [0, 1]], [1, 1, -1], 0.5, [1, -1])));
    expect(got.notes).toEqual([]);
  });

  it('reports a = 0 as degenerate before solving, keeping the notes', () => {
    const got = limitDirection(data([[1, 0], [0, 1]], [1, 1], 0.5, [0, 0]));
    expect(got.status).toBe('degenerate');
    expect(got.reason).toMatch(/^a = 0/);
    expect(got.notes).toEqual([expect.stringMatching(/one class only/)]);
  });

  it('keeps its own notes on an infeasible verdict', () => {
    // x and −x with the same label: ½(G₁ + G₂) = 0.
    const got = limitDirection(data([[1, 0], [-1, 0]], [1, 1], 0.5, [1, -1]));
    expect(got.status).toBe('infeasible');
    expect(got.notes[0]).toMatch(/one class only/);
  });

  it('passes on a margin too small to decide as degenerate, keeping the notes', () => {
    // γ = 1 makes every F_i ∝ y_i x_i: (1, ε) and (−1, ε) have relative margin ≈ ε = 1e-8, between the
    // 'infeasible' level 1e-9 and the 'ok' level 1e-6 of solveMarginDual.
    const got = limitDirection(data([[1, 1e-8], [-1, 1e-8]], [1, 1], 1, [1, -1]));
    expect(got.status).toBe('degenerate');
    expect(got.reason).toMatch(/relative margin undecided/);
    expect(got.notes[0]).toMatch(/one class only/);
    // Polishing the duals on the support fails at this margin, and the notes say so.
    expect(got.notes).toContainEqual(expect.stringMatching(/^K on the support is not numerically definite/));
  });
});
