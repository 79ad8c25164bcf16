import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { gaussianInit } from '../problem/init.js';
import { validateProblem } from '../problem/validate.js';
import { euclideanNorm } from '../numerics/norms.js';
import {
  HUGE_NORM,
  TINY_NORM,
  collinearPoints,
  duplicatedPoints,
  edgeCases,
  fewerFeaturesThanPoints,
  hugeNorms,
  nonSeparable,
  oneClass,
  singlePoint,
  tinyNorms,
  zeroPreactivation,
} from './edge.js';
import { makeProblemFile } from './problemFile.js';

/** Enough digits for any product of two doubles (each at most 767 significant decimal digits). */
const Exact = Decimal.clone({ precision: 2000, minE: -9e15, maxE: 9e15 });

/**
 * The exact value of a double as a Decimal. `new Decimal(v)` would read the shortest round-trip
 * string of v, which is not v's value; here v = mantissa·2^exponent is expanded exactly.
 */
function exactDecimal(v: number): Decimal {
  if (v === 0) return new Exact(0);
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, v);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const sign = hi >>> 31 ? -1 : 1;
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  return new Exact(mantissa.toString()).times(new Exact(2).pow(exponent)).times(sign);
}

function row(X: Float64Array, i: number, d: number): number[] {
  return Array.from(X.subarray(i * d, (i + 1) * d));
}

/** ⟨w, x⟩ in float64, summed forwards, backwards and pairwise: the orders an engine might use. */
function dotAllOrders(w: ArrayLike<number>, x: ArrayLike<number>): number[] {
  const t = Array.from({ length: w.length }, (_, k) => w[k] * x[k]);
  const pairwise = (a: number[]): number => (a.length === 1 ? a[0] : pairwise(a.slice(0, a.length >> 1)) + pairwise(a.slice(a.length >> 1)));
  return [t.reduce((s, v) => s + v, 0), t.reduceRight((s, v) => s + v, 0), pairwise(t)];
}

describe('edge cases (docs/theory.md §3)', () => {
  it('duplicated points: x_1 = x_0, y_1 = y_0 exactly', () => {
    const { dataset: ds } = duplicatedPoints(1, { n: 5, d: 4 });
    expect(row(ds.X, 1, 4)).toEqual(row(ds.X, 0, 4));
    expect(ds.y[1]).toBe(ds.y[0]);
    expect(() => duplicatedPoints(1, { n: 1 })).toThrow(InputError);
  });

  it('collinear points: every 2×2 minor is exactly 0 and y_i = sign(c_i)', () => {
    const { dataset: ds } = collinearPoints('c', { n: 6, d: 5 });
    const { X, d, n } = ds;
    const minors: number[] = [];
    const correlations: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        for (let a = 0; a < d; a++) {
          for (let b = 0; b < d; b++) minors.push(X[i * d + a] * X[k * d + b] - X[i * d + b] * X[k * d + a]);
        }
        // Positive correlation (H25 Case 1): ⟨y_i x_i, y_k x_k⟩ ≥ 0.
        let dot = 0;
        for (let a = 0; a < d; a++) dot += ds.y[i] * X[i * d + a] * ds.y[k] * X[k * d + a];
        correlations.push(dot);
      }
    }
    expect(minors.every((v) => v === 0)).toBe(true);
    expect(Math.min(...correlations)).toBeGreaterThan(0);
    expect(ds.y.some((v) => v === 1) && ds.y.some((v) => v === -1)).toBe(true);
  });

  it('zero pre-activation: ⟨w_j, x_i⟩ = 0.0 exactly, in every summation order and in exact arithmetic', () => {
    const cases: [Float64Array, number, number, number][] = [];
    for (let s = 0; s < 20; s++) cases.push([gaussianInit(3, 5, 10 ** (s % 7 - 3), s), 3, 5, s % 3]);
    const withZero = gaussianInit(2, 4, 1, 'z');
    withZero[1 * 4 + 2] = 0;
    cases.push([withZero, 2, 4, 1]);
    // Very different magnitudes in one row: scaled exactly, and (second row) the scaling of 1e−300
    // by 2^−997 would underflow, so the construction falls back to c = 1.
    cases.push([Float64Array.from([1e300, 1e-300, 5]), 1, 3, 0]);
    cases.push([Float64Array.from([1e300, 1e-300]), 1, 2, 0]);
    for (const [W0, m, d, j] of cases) {
      const ec = zeroPreactivation(W0, m, d, { seed: 'z', n: 3, i: 2, j });
      const x = row(ec.dataset.X, 2, d);
      const w = Array.from(W0.subarray(j * d, (j + 1) * d));
      expect(x.some((v) => v !== 0)).toBe(true);
      for (const v of dotAllOrders(w, x)) expect(v).toBe(0);
      const exact = w.reduce((s, wk, k) => s.plus(exactDecimal(wk).times(exactDecimal(x[k]))), new Exact(0));
      expect(exact.isZero()).toBe(true);
      expect(Array.from(ec.W0 ?? [])).toEqual(Array.from(W0));
    }
  });

  it('converts doubles to Decimal exactly (the check above depends on it)', () => {
    expect(exactDecimal(0.1).toString()).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(exactDecimal(-3).toString()).toBe('-3');
    expect(exactDecimal(Number.MIN_VALUE).eq(new Exact(2).pow(-1074))).toBe(true);
  });

  it('zero pre-activation refuses what it cannot build', () => {
    expect(() => zeroPreactivation([2], 1, 1, { seed: 1 })).toThrow(/^d:/);
    expect(zeroPreactivation([0], 1, 1, { seed: 1 }).dataset.X[0]).toBe(1);
    expect(() => zeroPreactivation([1e200, 1e200], 1, 2, { seed: 1 })).not.toThrow();
    expect(() => zeroPreactivation([1, 2], 1, 3, { seed: 1 })).toThrow(/^W0:/);
    expect(() => zeroPreactivation([1, 2], 1, 2, { seed: 1, j: 1 })).toThrow(/^j:/);
    expect(() => zeroPreactivation([1, 2], 1, 2, { seed: 1, n: 2, i: 2 })).toThrow(/^i:/);
  });

  it('huge and tiny norms: every row has norm 1e150 or 1e-150 to a few ulps', () => {
    for (const [ec, norm] of [[hugeNorms(3), HUGE_NORM], [tinyNorms(3), TINY_NORM]] as const) {
      const { X, n, d } = ec.dataset;
      for (let i = 0; i < n; i++) expect(Math.abs(euclideanNorm(X, i * d, d) / norm - 1)).toBeLessThanOrEqual(8 * 2 ** -52);
    }
  });

  it('d < n, non-separable, one class, n = 1', () => {
    const few = fewerFeaturesThanPoints(1).dataset;
    expect(few.d).toBeLessThan(few.n);
    expect(() => fewerFeaturesThanPoints(1, { n: 3, d: 3 })).toThrow(/^d:/);
    const ns = nonSeparable(1).dataset;
    expect(row(ns.X, 1, ns.d)).toEqual(row(ns.X, 0, ns.d));
    expect(ns.y[1]).toBe(-ns.y[0]);
    expect(oneClass(1).dataset.y.every((v) => v === 1)).toBe(true);
    const one = singlePoint(1, { d: 7 }).dataset;
    expect([one.n, one.d, one.X.length, one.y.length]).toEqual([1, 7, 7, 1]);
  });

  it('edgeCases lists every case once, seeded, and each makes a valid problem file', () => {
    const all = edgeCases('s');
    expect(new Set(all.map((c) => c.name)).size).toBe(9);
    expect(JSON.stringify(edgeCases('s'), (_k, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v))).toBe(
      JSON.stringify(all, (_k, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v)),
    );
    for (const c of all) {
      const f = makeProblemFile(c.dataset, { m: c.m ?? 4, gamma: 0.1, steps: 10, ...(c.W0 ? { W0: c.W0 } : {}) });
      const p = validateProblem(f);
      expect(Number.isFinite(p.lr) && p.lr > 0).toBe(true);
      if (c.name === 'zero-preactivation') {
        const d = p.d;
        expect(dotAllOrders(p.W0.subarray(0, d), p.X.subarray(0, d))).toEqual([0, 0, 0]);
      }
    }
  });
});
