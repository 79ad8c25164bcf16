import { describe, expect, it } from 'vitest';
import { makeRng } from '../data/rng.js';
import { InputError } from '../errors.js';
import { ACTIVE_TOL, solveMarginDual, type MarginDualOk } from './marginDual.js';

function okOf(F: number[], n: number, D: number): MarginDualOk {
  const r = solveMarginDual(Float64Array.from(F), n, D);
  if (r.status !== 'ok') throw new Error(r.reason);
  return r;
}

function rowDot(F: Float64Array, i: number, w: ArrayLike<number>, D: number): number {
  let s = 0;
  for (let k = 0; k < D; k++) s += F[i * D + k] * w[k];
  return s;
}

/**
 * Checks an 'ok' answer against the KKT conditions of min ½‖w‖² s.t. ⟨F_i, w⟩ ≥ 1 (docs/theory.md §2),
 * recomputed here from λ and F: they are sufficient for optimality, so together they certify w.
 */
function expectKktOptimal(F: Float64Array, n: number, D: number, r: MarginDualOk, tol: number): void {
  const w = new Float64Array(D);
  for (let i = 0; i < n; i++) for (let k = 0; k < D; k++) w[k] += r.lambda[i] * F[i * D + k];
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.sqrt(rowDot(F, i, F.subarray(i * D), D)));
  const norm = Math.hypot(...w);
  for (let k = 0; k < D; k++) expect(Math.abs(r.w[k] - w[k])).toBeLessThanOrEqual(tol * norm);
  expect(r.norm).toBeCloseTo(norm, 12);
  let minMargin = Infinity;
  let maxMargin = -Infinity;
  let sumL = 0;
  let maxL = 0;
  for (let i = 0; i < n; i++) {
    const m = rowDot(F, i, w, D);
    expect(Math.abs(r.margins[i] - m)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(m)));
    minMargin = Math.min(minMargin, m);
    maxMargin = Math.max(maxMargin, m);
    expect(r.lambda[i]).toBeGreaterThanOrEqual(0);
    // Complementary slackness: a point off the margin carries no dual weight.
    if (r.lambda[i] > 0) expect(Math.abs(m - 1)).toBeLessThanOrEqual(tol);
    sumL += r.lambda[i];
    maxL = Math.max(maxL, r.lambda[i]);
  }
  expect(minMargin).toBeGreaterThanOrEqual(1 - tol);
  // Strong duality: ‖w‖² = 1ᵀλ at the optimum.
  expect(Math.abs(norm * norm - sumL)).toBeLessThanOrEqual(tol * sumL);
  expect(r.kkt.normIdentity).toBeGreaterThanOrEqual(0);
  expect(r.kkt.normIdentity).toBeLessThanOrEqual(tol);
  expect(r.kkt.primal).toBeCloseTo(minMargin - 1, 10);
  expect(r.kkt.dual).toBeCloseTo(Math.min(...r.lambda), 14);
  expect(r.kkt.stationarity).toBeLessThanOrEqual(tol);
  expect(r.kkt.complementarity).toBeLessThanOrEqual(tol * maxL);
  expect(r.relativeMargin).toBeCloseTo(minMargin / (norm * scale), 10);
  const support = [...r.lambda.keys()].filter((i) => r.lambda[i] > 0);
  expect(r.support).toEqual(support);
  expect(r.reason).toBe(`separable; ${support.length} support vector(s), relative margin ${r.relativeMargin.toExponential(3)}`);
  const active = [...r.margins.keys()].filter((i) => Math.abs(r.margins[i] - 1) <= ACTIVE_TOL);
  expect(r.active).toEqual(active);
  expect(r.minActiveDual).toBeCloseTo(Math.min(...active.map((i) => r.lambda[i] / maxL)), 14);
  expect(r.refusedColumns).toBe(0);
  expect(r.iterations.outer).toBeGreaterThanOrEqual(support.length);
  expect(r.iterations.inner).toBeGreaterThanOrEqual(0);
}

describe('solveMarginDual (Lawson–Hanson LDP)', () => {
  it('solves the textbook two-point SVM: F = (1, 0), (0, 1) → w = (1, 1), λ = (1, 1)', () => {
    const r = solveMarginDual(Float64Array.of(1, 0, 0, 1), 2, 2);
    if (r.status !== 'ok') throw new Error(r.reason);
    expect([...r.w]).toEqual([1, 1]);
    expect([...r.lambda]).toEqual([1, 1]);
    expect(r.nonDegenerate).toBe(true);
  });

  it('drops a dominated point: F₂ = 2F₁ is inactive', () => {
    const r = solveMarginDual(Float64Array.of(1, 1, 2, 2), 2, 2);
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(r.support).toEqual([0]);
    expect(r.lambda[0]).toBeCloseTo(0.5, 15);
    expect(r.margins[1]).toBeCloseTo(2, 15);
  });

  it('moves the weight to a shorter collinear copy: F₂ = F₁/2 is the only support vector', () => {
    const r = solveMarginDual(Float64Array.of(2, 0, 1, 0), 2, 2);
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(r.support).toEqual([1]);
    expect(r.w[0]).toBeCloseTo(1, 15);
  });

  it('flags a degenerate active set (an active point with λ = 0)', () => {
    // F₃ = (F₁ + F₂)/2 lies on the margin of w = (1, 1) but carries no dual weight.
    const r = solveMarginDual(Float64Array.of(1, 0, 0, 1, 0.5, 0.5), 3, 2);
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(r.active).toEqual([0, 1, 2]);
    expect(r.nonDegenerate).toBe(false);
    expect(r.dualUnique).toBe(false);
  });

  it('returns a Gordan certificate for infeasible features', () => {
    const r = solveMarginDual(Float64Array.of(1, 0, -1, 0, 0, 1), 3, 2);
    expect(r.status).toBe('infeasible');
    if (r.status === 'infeasible') {
      expect(r.certificate[0]).toBeCloseTo(0.5, 12);
      expect(r.certificate[1]).toBeCloseTo(0.5, 12);
      expect(r.certificateNorm).toBeLessThanOrEqual(1e-12);
    }
  });

  it('calls a margin too small to resolve degenerate, not ok or infeasible', () => {
    // Relative margin ≈ 1e-8: between the 'infeasible' level 1e-9 and the 'ok' level 1e-6.
    const eps = 1e-8;
    const r = solveMarginDual(Float64Array.of(1, eps, -1, eps), 2, 2);
    expect(r.status).toBe('degenerate');
  });

  it('refuses bad shapes and non-finite entries, naming the field', () => {
    const F = Float64Array.of(1, 0, 0, 1);
    expect(() => solveMarginDual(F, 0, 2)).toThrow(InputError);
    expect(() => solveMarginDual(F, 0, 2)).toThrow(/^n: expected a positive integer, got 0$/);
    expect(() => solveMarginDual(F, 2, 1.5)).toThrow(/^D: expected a positive integer, got 1.5$/);
    expect(() => solveMarginDual(F, 3, 2)).toThrow(/^F: expected 6 entries, got 4$/);
    expect(() => solveMarginDual(Float64Array.of(1, 0, Infinity, 1), 2, 2)).toThrow(/^F\[2\]: expected a finite number/);
  });

  it('calls all-zero features degenerate: no direction exists', () => {
    const r = solveMarginDual(new Float64Array(6), 3, 2);
    expect(r).toEqual({ status: 'degenerate', reason: 'every feature vector is 0: no direction exists', notes: [] });
  });

  it('calls a single zero feature vector infeasible, with that point as the certificate', () => {
    const r = solveMarginDual(Float64Array.of(1, 0, 0, 0, 0, 1), 3, 2);
    if (r.status !== 'infeasible') throw new Error(r.status);
    expect([...r.certificate]).toEqual([0, 1, 0]);
    expect(r.certificateNorm).toBe(0);
    expect(r.reason).toBe('point 1 has a zero feature vector: its margin is 0 for every W');
  });

  it('reports every field of the textbook two-point solution', () => {
    const F = [1, 0, 0, 1];
    const r = okOf(F, 2, 2);
    expect([...r.margins]).toEqual([1, 1]);
    expect(r.norm).toBeCloseTo(Math.SQRT2, 15);
    // min margin 1 over ‖w‖ = √2 times max‖F_i‖ = 1.
    expect(r.relativeMargin).toBeCloseTo(Math.SQRT1_2, 15);
    expect(r.kkt.primal).toBe(0);
    expect(r.kkt.dual).toBe(1);
    expect(r.support).toEqual([0, 1]);
    expect(r.active).toEqual([0, 1]);
    expect(r.minActiveDual).toBe(1);
    expect(r.dualUnique).toBe(true);
    expect(r.refusedColumns).toBe(0);
    expect(r.notes).toEqual([]);
    expect(r.reason).toBe('separable; 2 support vector(s), relative margin 7.071e-1');
    // Both gradients start at 1 (the tie goes to index 0, u = (1/2, 0)); then index 1 has gradient 1/2
    // and enters with z = (1/3, 1/3) > 0: two outer steps, no backtracking.
    expect(r.iterations).toEqual({ outer: 2, inner: 0 });
    expectKktOptimal(Float64Array.from(F), 2, 2, r, 1e-14);
  });

  it('backtracks once when the longer collinear copy enters first', () => {
    // Normalised F' = (1, 0), (1/2, 0). Index 0 enters first (tie at gradient 1), u = (1/2, 0); index 1
    // then has gradient 1 − 1/4 − 1/2 = 1/4 and enters with z = (−1, 2), so one inner pass steps to
    // u = (0, 2/3), drops index 0, and re-solves z = 1/(K'₁₁ + 1) = 4/5 on {1}; index 0's gradient is
    // then 1 − 2/5 − 4/5 < 0 and the method stops: λ' = u/(1 − 1ᵀu) = (0, 4), λ = λ'/‖F₁‖² = (0, 1).
    const F = [2, 0, 1, 0];
    const r = okOf(F, 2, 2);
    expect(r.iterations).toEqual({ outer: 2, inner: 1 });
    expect([...r.lambda]).toEqual([0, 1]);
    expect([...r.margins]).toEqual([2, 1]);
    expect(r.norm).toBe(1);
    expect(r.kkt.primal).toBe(0);
    expect(r.kkt.dual).toBe(0);
    // min margin 1 over ‖w‖ = 1 times max‖F_i‖ = 2.
    expect(r.relativeMargin).toBe(0.5);
    expect(r.active).toEqual([1]);
    expect(r.notes).toEqual([]);
    expectKktOptimal(Float64Array.from(F), 2, 2, r, 1e-14);
  });

  it('undoes the normalisation: F → cF gives λ/c², w/c, ‖w‖/c and the same margins', () => {
    const base = okOf([1, 0, 0, 1], 2, 2);
    for (const c of [2, 0.125, 1024]) {
      const r = okOf([c, 0, 0, c], 2, 2);
      for (let i = 0; i < 2; i++) {
        expect(r.lambda[i]).toBeCloseTo(base.lambda[i] / (c * c), 12);
        expect(r.w[i]).toBeCloseTo(base.w[i] / c, 12);
        expect(r.margins[i]).toBeCloseTo(1, 14);
      }
      expect(r.norm).toBeCloseTo(base.norm / c, 12);
      expect(r.kkt.dual).toBeCloseTo(1 / (c * c), 12);
      expect(r.relativeMargin).toBeCloseTo(base.relativeMargin, 14);
    }
  });

  it('notes a small relative margin, and only below 1e-3', () => {
    // F = (1, ε), (−1, ε): w = (0, 1/ε), relative margin ε/√(1 + ε²).
    const small = okOf([1, 1e-4, -1, 1e-4], 2, 2);
    expect(small.relativeMargin).toBeCloseTo(1e-4, 10);
    expect(small.notes).toEqual([`small relative margin ${small.relativeMargin.toExponential(2)}: KKT residuals grow like n·u/ρ²`]);
    const fine = okOf([1, 1e-2, -1, 1e-2], 2, 2);
    expect(fine.notes).toEqual([]);
  });

  it('notes linearly dependent active features', () => {
    const r = okOf([1, 0, 0, 1, 0.5, 0.5], 3, 2);
    expect(r.notes).toEqual(['active features are linearly dependent: the dual optimum is not unique (nonDegenerate refers to this λ)']);
    expect(r.minActiveDual).toBe(0);
  });

  it('states the certificate norm in the infeasibility reason', () => {
    const r = solveMarginDual(Float64Array.of(1, 0, -1, 0, 0, 1), 3, 2);
    if (r.status !== 'infeasible') throw new Error(r.status);
    expect(r.reason).toBe('not separable: a convex combination of the features has norm 0.00e+0 × max‖F_i‖');
    expect(r.notes).toEqual([]);
  });

  it('states both bounds when the margin is undecided', () => {
    // ε = 1e-8: lower bound (the computed relative margin) and upper bound (the hull point) are both ≈ ε.
    const r = solveMarginDual(Float64Array.of(1, 1e-8, -1, 1e-8), 2, 2);
    expect(r.status).toBe('degenerate');
    expect(r.reason).toBe(
      "relative margin undecided within float64: certified lower bound 1.00e-8, upper bound 1.00e-8 (need ≥ 0.000001 for 'ok', ≤ 1e-9 for 'infeasible')",
    );
  });

  it('satisfies the KKT conditions on random separable data (n ≤ D)', () => {
    const rng = makeRng('marginDual-separable');
    for (let trial = 0; trial < 40; trial++) {
      const D = 2 + Math.floor(rng.uniform() * 5);
      const n = 1 + Math.floor(rng.uniform() * D);
      // Gaussian rows with a common offset, so that some points are support vectors and some are not.
      const F = new Float64Array(n * D);
      for (let i = 0; i < n; i++) for (let k = 0; k < D; k++) F[i * D + k] = rng.normal() + (k === 0 ? 1.5 : 0);
      const r = solveMarginDual(F, n, D);
      if (r.status !== 'ok') throw new Error(`trial ${trial}: ${r.reason}`);
      expectKktOptimal(F, n, D, r, 1e-10);
    }
  });

  it('either certifies infeasibility or satisfies the KKT conditions on random data (n > D)', () => {
    const rng = makeRng('marginDual-mixed');
    const seen = { ok: 0, infeasible: 0 };
    for (let trial = 0; trial < 60; trial++) {
      const D = 2 + Math.floor(rng.uniform() * 3);
      const n = D + 1 + Math.floor(rng.uniform() * 5);
      const shift = rng.uniform() * 2;
      const F = new Float64Array(n * D);
      for (let i = 0; i < n; i++) for (let k = 0; k < D; k++) F[i * D + k] = rng.normal() + (k === 0 ? shift : 0);
      const r = solveMarginDual(F, n, D);
      if (r.status === 'ok') {
        seen.ok++;
        expectKktOptimal(F, n, D, r, 1e-10);
      } else if (r.status === 'infeasible') {
        seen.infeasible++;
        // θ ≥ 0, Σθ = 1 and ‖Σ θ_i F_i‖ = certificateNorm · max‖F_i‖ ≤ 1e-9 · max‖F_i‖ (Gordan's alternative).
        let scale = 0;
        for (let i = 0; i < n; i++) scale = Math.max(scale, Math.sqrt(rowDot(F, i, F.subarray(i * D), D)));
        const v = new Float64Array(D);
        let sum = 0;
        for (let i = 0; i < n; i++) {
          expect(r.certificate[i]).toBeGreaterThanOrEqual(0);
          sum += r.certificate[i];
          for (let k = 0; k < D; k++) v[k] += r.certificate[i] * F[i * D + k];
        }
        expect(sum).toBeCloseTo(1, 14);
        expect(Math.hypot(...v) / scale).toBeLessThanOrEqual(1e-9);
        expect(r.certificateNorm).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(r.certificateNorm - Math.hypot(...v) / scale)).toBeLessThanOrEqual(1e-14);
      } else {
        throw new Error(`trial ${trial}: ${r.reason}`);
      }
    }
    expect(seen.ok).toBeGreaterThan(5);
    expect(seen.infeasible).toBeGreaterThan(5);
  });

  it('calls the certified lower bound ≤ 0 when 1 − 1ᵀu rounds to 0', () => {
    // F = (1, ε), (−1, ε) with ε = 2e-9: the exact gap 1 − 1ᵀu = ε²/(1 + ε²) ≈ 4e-18 is below half an ulp
    // of 1, so no dual is formed; the hull point (0, ε) still has relative norm ε > 1e-9.
    const r = solveMarginDual(Float64Array.of(1, 2e-9, -1, 2e-9), 2, 2);
    expect(r.status).toBe('degenerate');
    expect(r.reason).toBe(
      "relative margin undecided within float64: certified lower bound ≤ 0, upper bound 2.00e-9 (need ≥ 0.000001 for 'ok', ≤ 1e-9 for 'infeasible')",
    );
  });

  it('lets the index with the largest gradient enter', () => {
    // F' = (1, 0), (1/2, 3/10), (−1/2, 4/5). After index 0 enters (u₀ = 1/2) the gradients are
    // 1 − (K'_i0 + 1)/2 = 1/4 and 3/4, so index 2 enters; on {0, 2} K λ = 1 gives λ = (139/64, 150/64)
    // with w = (1, 15/8) and margin 1.0625 for index 1: optimal after two outer steps.
    const F = [1, 0, 0.5, 0.3, -0.5, 0.8];
    const r = okOf(F, 3, 2);
    expect(r.iterations).toEqual({ outer: 2, inner: 0 });
    expect([...r.lambda]).toEqual([139 / 64, 0, 150 / 64]);
    expectKktOptimal(Float64Array.from(F), 3, 2, r, 1e-14);
  });

  it('drops a passive coordinate that the new least-squares solution sets to exactly 0', () => {
    // F' = (1, 0), (1/2, 1/2). Index 0 enters (u = (1/2, 0)); index 1 has gradient 1 − 3/4 = 1/4 and
    // enters with z = M⁻¹1 = (0, 2/3) (M = [[2, 3/2], [3/2, 3/2]]), so one full inner step drops
    // index 0: λ = (0, 2), w = (1, 1), and point 0 is active with λ₀ = 0.
    const F = [1, 0, 0.5, 0.5];
    const r = okOf(F, 2, 2);
    expect(r.iterations).toEqual({ outer: 2, inner: 1 });
    expect([...r.lambda]).toEqual([0, 2]);
    expect(r.support).toEqual([1]);
    expect(r.active).toEqual([0, 1]);
    expect(r.nonDegenerate).toBe(false);
    expectKktOptimal(Float64Array.from(F), 2, 2, r, 1e-14);
  });

  it('stops each backtracking step where the first passive coordinate reaches 0', () => {
    // F = (4, 1), (0, 3), (0, 2), (2, 0), (4, −1). Points 0 and 2 enter; point 4 enters with z = (−1, 1, 1)
    // on (0, 2, 4), so u moves towards z only until u₀ = 0 and point 0 leaves. Point 3 then enters with
    // z = (−1, −2, 4) on (2, 4, 3): both old coordinates are negative, u₄ reaches 0 first (at α ≈ 0.094,
    // u₂ at ≈ 0.40), point 4 leaves, and {2, 3} is optimal: w = (1/2, 1/2) with λ₂ = λ₃ = 1/4.
    const F = [4, 1, 0, 3, 0, 2, 2, 0, 4, -1];
    const r = okOf(F, 5, 2);
    expect(r.iterations).toEqual({ outer: 4, inner: 2 });
    expect(r.support).toEqual([2, 3]);
    [0.5, 0.5].forEach((v, k) => expect(r.w[k]).toBeCloseTo(v, 14));
    [0, 0, 0.25, 0.25, 0].forEach((v, i) => expect(r.lambda[i]).toBeCloseTo(v, 14));
    [2.5, 1.5, 1, 1, 1.5].forEach((v, i) => expect(r.margins[i]).toBeCloseTo(v, 14));
    expect(r.nonDegenerate).toBe(true);
    expectKktOptimal(Float64Array.from(F), 5, 2, r, 1e-13);
  });

  it('backs off part of the way to the new least-squares solution when an old support point turns negative', () => {
    // F = (3, −1), (1, 2), (0, 1), (1, −1). After points 0 and 2, point 3 enters with z = (−1/4, 1/2, 3/4)
    // on (0, 2, 3): u moves a fraction α ≈ 0.37 of the way, to where u₀ = 0, and the re-solve on {2, 3}
    // is optimal: w = 3·(0, 1) + 2·(1, −1) = (2, 1), margins (5, 4, 1, 1).
    const F = [3, -1, 1, 2, 0, 1, 1, -1];
    const r = okOf(F, 4, 2);
    expect(r.iterations).toEqual({ outer: 3, inner: 1 });
    expect(r.support).toEqual([2, 3]);
    [2, 1].forEach((v, k) => expect(r.w[k]).toBeCloseTo(v, 13));
    [0, 0, 3, 2].forEach((v, i) => expect(r.lambda[i]).toBeCloseTo(v, 13));
    [5, 4, 1, 1].forEach((v, i) => expect(r.margins[i]).toBeCloseTo(v, 13));
    expectKktOptimal(Float64Array.from(F), 4, 2, r, 1e-13);
  });

  it('drops every passive coordinate that reaches 0 in the same backtracking pass', () => {
    // F = (2, 3), (2, −1), (1, 0), (4, −1). Points 0 and 1 enter with u = (17/84, 17/28); point 2 enters
    // with z = (−1/4, −3/4, 2), proportional to u on {0, 1}, so u₀ and u₁ reach 0 together at α = 17/38 and
    // both leave in one pass. Point 2 alone is optimal: w = (1, 0), λ = (0, 0, 1, 0).
    const F = [2, 3, 2, -1, 1, 0, 4, -1];
    const r = okOf(F, 4, 2);
    expect(r.iterations).toEqual({ outer: 3, inner: 1 });
    expect(r.support).toEqual([2]);
    expect(r.active).toEqual([2]);
    [1, 0].forEach((v, k) => expect(r.w[k]).toBeCloseTo(v, 14));
    [0, 0, 1, 0].forEach((v, i) => expect(r.lambda[i]).toBeCloseTo(v, 14));
    [2, 2, 1, 4].forEach((v, i) => expect(r.margins[i]).toBeCloseTo(v, 14));
    expectKktOptimal(Float64Array.from(F), 4, 2, r, 1e-13);
  });

  it('lets a point that left the passive set re-enter later', () => {
    // F = (1, 2, 0), (2, −1, 2), (0, 1, 3), (2, 0, −1), (1, 0, 1). Point 0 enters first; when point 2 enters,
    // points 1 and then 0 are backed out of the passive set; points 4 and 0 enter afterwards, and the
    // optimum needs point 0 again: w = (2/3, 1/6, 1/3), λ = (1/12, 0, 0, 1/12, 5/12). The min-norm w for
    // points 1–4 alone, (2/3, 0, 1/3), would leave point 0 at margin 2/3.
    const F = [1, 2, 0, 2, -1, 2, 0, 1, 3, 2, 0, -1, 1, 0, 1];
    const r = okOf(F, 5, 3);
    expect(r.support).toEqual([0, 3, 4]);
    [2 / 3, 1 / 6, 1 / 3].forEach((v, k) => expect(r.w[k]).toBeCloseTo(v, 13));
    [1 / 12, 0, 0, 1 / 12, 5 / 12].forEach((v, i) => expect(r.lambda[i]).toBeCloseTo(v, 13));
    [1, 11 / 6, 7 / 6, 1, 1].forEach((v, i) => expect(r.margins[i]).toBeCloseTo(v, 13));
    expect(r.dualUnique).toBe(true);
    expectKktOptimal(Float64Array.from(F), 5, 3, r, 1e-12);
  });

  it('backtracks to the nearest zero even when a passive coordinate of the new solution is 0', () => {
    // 12 points in R⁴. When point 10 enters, z is −1/3 on point 0, −4/3 on point 2 and 0 (to rounding) on
    // point 3: the step stops where u₂ reaches 0, not at z. The optimum has support {3, 4, 10, 11}:
    // w = (−7/3, 4/3, 4/3, 14/3), λ = (16/3, 101/9, 43/9, 85/9) there.
    const F = [
      2, -2, 3, 1, 4, 1, 4, 3, -1, 4, -1, -1, -1, -1, 0, 0, -1, 1, -2, 0, 3, 2, 4, 3,
      -1, 0, 1, 4, -1, -1, 0, 1, 1, 4, 2, 3, 3, 4, 3, 0, 1, 3, 3, -1, 1, -2, 1, 1,
    ];
    const r = okOf(F, 12, 4);
    expect(r.support).toEqual([3, 4, 10, 11]);
    [-7 / 3, 4 / 3, 4 / 3, 14 / 3].forEach((v, k) => expect(r.w[k]).toBeCloseTo(v, 11));
    const lambda = new Array<number>(12).fill(0);
    [lambda[3], lambda[4], lambda[10], lambda[11]] = [16 / 3, 101 / 9, 43 / 9, 85 / 9];
    lambda.forEach((v, i) => expect(r.lambda[i]).toBeCloseTo(v, 11));
    expectKktOptimal(Float64Array.from(F), 12, 4, r, 1e-10);
  });

  it('never admits an exact duplicate of a passive column', () => {
    // F_s = F_t has gradient 0 once s is passive; rounding must not push it over the entry threshold.
    const rng = makeRng('marginDual-duplicates');
    for (let trial = 0; trial < 100; trial++) {
      const n = 5;
      const D = 3;
      const F = new Float64Array(n * D);
      for (let i = 0; i < n; i++) for (let k = 0; k < D; k++) F[i * D + k] = rng.normal() + (k === 0 ? 2 : 0);
      F.copyWithin(3 * D, 0, D);
      F.copyWithin(4 * D, D, 2 * D);
      const r = solveMarginDual(F, n, D);
      if (r.status !== 'ok') throw new Error(`trial ${trial}: ${r.reason}`);
      expect(r.refusedColumns).toBe(0);
      expect(r.notes.filter((s) => s.includes('refused'))).toEqual([]);
    }
  });

  it('refuses a near-collinear copy as numerically dependent, with a note', () => {
    // F₂ = (1 − 1e-8)F₁: its gradient (1 − c)/2 = 5e-9 passes the entry threshold, but the columns (F_i, 1)
    // of E are within 1e-8 of each other, so the Cholesky pivot² (~1e-16) fails the 1e-12 test.
    const r = okOf([1, 0, 1 - 1e-8, 0], 2, 2);
    expect(r.refusedColumns).toBe(1);
    expect(r.notes).toEqual(['1 candidate column(s) refused as numerically dependent']);
    expect(r.support).toEqual([0]);
    expect(r.margins[1]).toBeCloseTo(1, 7);
  });
});

