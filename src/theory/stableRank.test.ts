import { describe, expect, it } from 'vitest';
import { makeRng } from '../data/rng.js';
import { blockStableRanks, POWER_ITERATION_REL_TOL, stableRank, topSingularValue } from './stableRank.js';
import { fieldOf } from '../_testing/refusal.js';

function value(r: ReturnType<typeof stableRank>): number {
  if (r.status !== 'ok') throw new Error(r.reason);
  return r.value;
}

describe('stableRank', () => {
  it('is 1 for a rank-1 matrix (to the stated tolerance)', () => {
    const rng = makeRng('sr:rank1');
    const u = Float64Array.from({ length: 7 }, () => rng.normal());
    const v = Float64Array.from({ length: 30 }, () => rng.normal());
    const W = new Float64Array(7 * 30);
    for (let j = 0; j < 7; j++) for (let k = 0; k < 30; k++) W[j * 30 + k] = u[j] * v[k];
    expect(Math.abs(value(stableRank(W, 7, 30)) - 1)).toBeLessThanOrEqual(POWER_ITERATION_REL_TOL);
    const Wt = new Float64Array(30 * 7);
    for (let j = 0; j < 7; j++) for (let k = 0; k < 30; k++) Wt[k * 7 + j] = W[j * 30 + k];
    expect(Math.abs(value(stableRank(Wt, 30, 7)) - 1)).toBeLessThanOrEqual(POWER_ITERATION_REL_TOL); // tall: WᵀW side
  });

  it('is m for the m×m identity', () => {
    for (const m of [1, 2, 5, 40]) {
      const I = new Float64Array(m * m);
      for (let j = 0; j < m; j++) I[j * m + j] = 1;
      expect(Math.abs(value(stableRank(I, m, m)) - m) / m).toBeLessThanOrEqual(POWER_ITERATION_REL_TOL);
    }
  });

  it('matches a known spectrum diag(3, 2, 1): (9 + 4 + 1)/9', () => {
    const W = Float64Array.of(3, 0, 0, 0, 2, 0, 0, 0, 1);
    const r = stableRank(W, 3, 3);
    expect(Math.abs(value(r) - 14 / 9) / (14 / 9)).toBeLessThanOrEqual(POWER_ITERATION_REL_TOL);
    if (r.status === 'ok') {
      expect(r.top.converged).toBe(true);
      expect(r.top.residual).toBeLessThanOrEqual(POWER_ITERATION_REL_TOL);
      expect(r.top.iterations).toBeGreaterThan(1);
    }
  });

  it('reports W = 0 instead of NaN and survives extreme scales', () => {
    expect(stableRank(new Float64Array(6), 2, 3).status).toBe('zero');
    const W = Float64Array.of(1e300, 0, 0, 1e300);
    expect(value(stableRank(W, 2, 2))).toBeCloseTo(2, 12);
    const top = topSingularValue(Float64Array.of(3e-300, 4e-300), 1, 2);
    expect(top.sigma / 5e-300).toBeCloseTo(1, 14);
  });

  it('starts inside the range of the Gram matrix even when a fixed start is orthogonal to it', () => {
    // B = wwᵀ with w ⟂ (the first start vector is irrelevant: any start is mapped into range(B)).
    const W = Float64Array.of(1, -1, 2, -2);
    expect(Math.abs(value(stableRank(W, 2, 2)) - 1)).toBeLessThanOrEqual(POWER_ITERATION_REL_TOL);
  });
});

describe('blockStableRanks', () => {
  it('splits by the sign of a_j and reports empty and zero blocks', () => {
    const W = Float64Array.of(1, 0, 2, 0, 0, 0, 0, 0);
    const r = blockStableRanks(W, Float64Array.of(1, 1, -1, -1), 2);
    expect(r.positive.status).toBe('ok');
    expect(r.negative.status).toBe('zero');
    const empty = blockStableRanks(Float64Array.of(1, 2), Float64Array.of(1), 2);
    expect(empty.negative.status).toBe('empty');
    expect(empty.zeroWeightRows).toBe(0);
    const zeroA = blockStableRanks(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 1), 2);
    expect(zeroA.zeroWeightRows).toBe(1);
    expect(zeroA.positive.status === 'ok' && zeroA.positive.rows).toBe(1);
  });
});

/** diag(3, 2, 1): ‖·‖₂ = 3, ‖·‖_F² = 14. */
const DIAG321 = Float64Array.of(3, 0, 0, 0, 2, 0, 0, 0, 1);

describe('topSingularValue', () => {
  it('refuses bad shapes and entries, naming the field', () => {
    expect(fieldOf(() => topSingularValue(DIAG321, 0, 3))).toBe('rows');
    expect(fieldOf(() => topSingularValue(DIAG321, 3, 0))).toBe('cols');
    expect(fieldOf(() => topSingularValue(DIAG321, 3, 2))).toBe('A');
  });

  it('refuses a relTol outside (0, 1) and a maxIterations below 1, naming the option', () => {
    for (const relTol of [0, 1, -0.5, 2, NaN]) expect(fieldOf(() => topSingularValue(DIAG321, 3, 3, { relTol }))).toBe('relTol');
    expect(() => topSingularValue(DIAG321, 3, 3, { relTol: 1 })).toThrow(/expected a number in \(0, 1\), got 1/);
    expect(fieldOf(() => topSingularValue(DIAG321, 3, 3, { maxIterations: 0 }))).toBe('maxIterations');
  });

  it('runs with the options it is given', () => {
    const loose = topSingularValue(DIAG321, 3, 3, { relTol: 0.5 });
    expect(loose.relTol).toBe(0.5);
    const one = topSingularValue(DIAG321, 3, 3, { maxIterations: 1 });
    expect(one.iterations).toBe(1);
    expect(one.converged).toBe(false); // one step from the fixed start leaves a residual far above 1e-10
  });
});

describe('stableRank and blockStableRanks input and reasons', () => {
  it('stableRank refuses bad shapes and entries, naming the field', () => {
    expect(fieldOf(() => stableRank(DIAG321, 0, 3))).toBe('m');
    expect(fieldOf(() => stableRank(DIAG321, 3, 0))).toBe('d');
    expect(fieldOf(() => stableRank(DIAG321, 2, 3))).toBe('W');
  });

  it('stableRank of W = 0 says that every row of W is zero', () => {
    const r = stableRank(new Float64Array(4), 2, 2);
    expect(r).toEqual({ status: 'zero', reason: 'W: every row is zero', rows: 2 });
  });

  it('blockStableRanks refuses bad shapes and entries, naming the field', () => {
    expect(fieldOf(() => blockStableRanks(Float64Array.of(1, 2), Float64Array.of(1), 0))).toBe('d');
    expect(fieldOf(() => blockStableRanks(new Float64Array(0), new Float64Array(0), 2))).toBe('m');
    expect(fieldOf(() => blockStableRanks(Float64Array.of(1, 2), Float64Array.of(NaN), 2))).toBe('a[0]');
    expect(fieldOf(() => blockStableRanks(Float64Array.of(1, 2), Float64Array.of(1, -1), 2))).toBe('W');
  });

  it('blockStableRanks names the block that has no rows or only zero rows', () => {
    const r = blockStableRanks(Float64Array.of(0, 0, 1, 2), Float64Array.of(1, 0), 2);
    expect(r.positive).toEqual({ status: 'zero', reason: 'block a_j > 0: every row is zero', rows: 1 });
    expect(r.negative).toEqual({ status: 'empty', reason: 'block a_j < 0: no rows', rows: 0 });
    const neg = blockStableRanks(Float64Array.of(1, 2, 0, 0), Float64Array.of(1, -1), 2);
    expect(neg.negative).toEqual({ status: 'zero', reason: 'block a_j < 0: every row is zero', rows: 1 });
    expect(blockStableRanks(Float64Array.of(1, 2), Float64Array.of(-1), 2).positive).toEqual({ status: 'empty', reason: 'block a_j > 0: no rows', rows: 0 });
  });

  it('counts the rows with a_j = 0 apart from both blocks', () => {
    const r = blockStableRanks(Float64Array.of(1, 0, 0, 1, 1, 1, 2, 2), Float64Array.of(1, -1, 0, 0), 2);
    expect(r.zeroWeightRows).toBe(2);
    expect(r.positive.rows).toBe(1);
    expect(r.negative.rows).toBe(1);
  });
});
