import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { gammaK, unitRoundoff as u } from '../numerics/roundoff.js';
import type { LossName, Problem } from '../problem/types.js';
import { validateProblem } from '../problem/validate.js';
import {
  exactDecimal,
  gradient as decimalGradient,
  loss as decimalLoss,
  makeDecimalContext,
  preactivations as decimalPreactivations,
  step as decimalStep,
  toDouble,
  trainDecimalSquare,
  decimalConstructor,
} from './decimal/index.js';
import { randomProblem } from './decimal/randomProblem.js';
import { decimalRelativeError, float64StepErrorBound, lossDerivativeRoundings, squareStepErrorBound } from './errorModel.js';
import { gradientOf, lossOf, squareGradientOf, stepFrom } from './float64/index.js';

/** Digits of the decimal reference: its own error, 10^{3−60}, is far below any float64 bound. */
const DIGITS = 60;

/** The exact pre-activations ⟨w_j, x_i⟩ at `i*m + j`, rounded to doubles once. */
function exactZ(p: Problem, W: Float64Array): Float64Array {
  const ctx = makeDecimalContext(p, { digits: DIGITS });
  return Float64Array.from(decimalPreactivations(ctx, Array.from(W, (v) => exactDecimal(v, ctx.D))), toDouble);
}

/**
 * One neuron, one coordinate, and `n` copies of one point, so the chain of the bound can be followed by
 * hand (x = 3, w = ±0.25, a = 0.5, y = 1): every per-point term is the same, and the sums over the points
 * are n times it.
 */
function scalarProblem(
  loss: LossName | 'square',
  options: { z: 'positive' | 'negative'; n: number; trainSecondLayer?: boolean },
): Problem {
  const w = options.z === 'positive' ? 0.25 : -0.25;
  return validateProblem({
    X: Array.from({ length: options.n }, () => [3]),
    y: Array.from({ length: options.n }, () => 1),
    gamma: 0.2,
    m: 1,
    a: [0.5],
    W0: [[w]],
    loss,
    lr: 0.125,
    steps: 1,
    ...(options.trainSecondLayer === undefined ? {} : { trainSecondLayer: options.trainSecondLayer }),
  });
}

describe('float64StepErrorBound on one neuron, one coordinate, n copies of one point', () => {
  it.each([
    ['exp', 'positive', 1, 1],
    ['exp', 'negative', 0.2, 1],
    ['logistic', 'positive', 1, 1],
    ['logistic', 'negative', 0.2, 1],
    ['exp', 'positive', 1, 2],
    ['logistic', 'negative', 0.2, 3],
  ] as const)('follows the documented chain z → q → ℓ′ → g → W for the %s loss with z %s (φ′ = %s), n = %s', (loss, sign, slope, n) => {
    const p = scalarProblem(loss, { z: sign, n });
    const x = 3;
    const w = p.W0[0]!;
    const a = 0.5;
    const z = w * x;
    const phi = z > 0 ? z : 0.2 * z;
    const q = a * phi;
    const zBound = gammaK(1) * Math.abs(w * x); // one d-term dot, d = 1
    const qErr = Math.abs(a) * slope * zBound + gammaK(3) * Math.abs(a * phi); // m + 2 roundings, m = 1
    const ell = loss === 'exp' ? Math.exp(-q) : Math.log1p(Math.exp(-q));
    const dEll = loss === 'exp' ? Math.exp(-q) : 1 / (1 + Math.exp(q));
    const rel = Math.expm1(qErr) + lossDerivativeRoundings * u;
    const gAbs = n * ((Math.abs(a) * slope * dEll) / n) * x; // the mean over the n copies
    const gErr = gAbs * ((1 + rel) * (1 + gammaK(n + 6)) - 1); // n + coefficientRoundings
    const inflate = 1 + gammaK(1 + n + 1 + 16); // the bound's own error, d + n + m + 16
    const b = float64StepErrorBound(p, Float64Array.from([w]), new Float64Array(n).fill(z));
    expect(b.kinks).toEqual([]);
    expect(b.gradient[0]).toBeCloseTo(inflate * (gErr + u * gAbs), 30);
    expect(b.gradient[0]! / (inflate * (gErr + u * gAbs))).toBeCloseTo(1, 12);
    expect(b.W[0]! / (inflate * (p.lr * gErr + 2 * u * (p.lr * gAbs + Math.abs(w) + p.lr * gAbs)))).toBeCloseTo(1, 12);
    expect(b.loss / (inflate * (ell * rel + gammaK(n + 1) * ell))).toBeCloseTo(1, 12);
  });

  it('lists a pre-activation within its own bound of 0 as a kink, with its bound', () => {
    const p = validateProblem({ X: [[1, 1]], y: [1], gamma: 0.2, m: 1, a: [1], W0: [[0.5, -0.5]], loss: 'exp', lr: 0.1, steps: 1 });
    const b = float64StepErrorBound(p, p.W0, Float64Array.from([0]));
    expect(b.kinks).toEqual([{ i: 0, j: 0, z: 0, bound: gammaK(2) * 1 }]);
  });

  it('lists no kink where W is zero (a zero bound leaves no ambiguity)', () => {
    const p = validateProblem({ X: [[1, 1]], y: [1], gamma: 0.2, m: 1, a: [1], W0: [[0, 0]], loss: 'exp', lr: 0.1, steps: 1 });
    expect(float64StepErrorBound(p, p.W0, Float64Array.from([0])).kinks).toEqual([]);
  });
});

describe('float64StepErrorBound against the decimal reference', () => {
  const cases = [
    ['exp', 1],
    ['exp', 2],
    ['logistic', 3],
    ['logistic', 4],
  ] as const;

  it.each(cases)('holds entry by entry for the step, the gradient and the loss (%s loss, problem %s), and is far below the step itself', (loss, seed) => {
    const p = randomProblem({ n: 4, d: 5, m: 3, seed: `error-model:${seed}`, loss, initScale: 0.5 });
    const ctx = makeDecimalContext(p, { digits: DIGITS });
    const decRel = decimalRelativeError(DIGITS);
    let W: Float64Array = Float64Array.from(p.W0);
    for (let t = 0; t < 3; t++) {
      const Wd = Array.from(W, (v) => exactDecimal(v, ctx.D));
      const b = float64StepErrorBound(p, W, exactZ(p, W));
      expect(b.kinks).toEqual([]);
      const next = stepFrom(p, W);
      const exactNext = decimalStep(ctx, Wd).map(toDouble);
      const g = gradientOf(p, W);
      const exactG = decimalGradient(ctx, Wd).map(toDouble);
      for (let k = 0; k < W.length; k++) {
        expect(Math.abs(next[k]! - exactNext[k]!)).toBeLessThanOrEqual(b.W[k]! + decRel * Math.abs(exactNext[k]!));
        expect(Math.abs(g[k]! - exactG[k]!)).toBeLessThanOrEqual(b.gradient[k]! + decRel * Math.abs(exactG[k]!));
        // A backward pass 2⁻³⁰ off in relative terms moves the step by far more than the bound allows.
        expect(b.W[k]!).toBeLessThan(2 ** -30 * Math.abs(next[k]! - W[k]!));
        expect(b.gradient[k]!).toBeLessThan(2 ** -30 * Math.abs(g[k]!));
      }
      const exactLoss = toDouble(decimalLoss(ctx, Wd));
      expect(Math.abs(lossOf(p, W) - exactLoss)).toBeLessThanOrEqual(b.loss + decRel * exactLoss);
      expect(b.loss).toBeLessThan(2 ** -40 * exactLoss);
      W = next;
    }
  });
});

describe('squareStepErrorBound on one neuron, one coordinate, n copies of one point', () => {
  it.each([
    ['positive', 1, true, 1],
    ['negative', 0.2, true, 1],
    ['positive', 1, false, 1],
    ['positive', 1, true, 2],
    ['negative', 0.2, true, 3],
  ] as const)('follows the documented chain z → f → g → (W, a) with z %s (φ′ = %s), second layer trained: %s, n = %s', (sign, slope, trainA, n) => {
    const p = scalarProblem('square', { z: sign, n, trainSecondLayer: trainA });
    const x = 3;
    const w = p.W0[0]!;
    const a = 0.5;
    const z = w * x;
    const phi = z > 0 ? z : 0.2 * z;
    const ez = gammaK(1) * Math.abs(w * x);
    const f = a * phi;
    const ef = Math.abs(a) * ez + gammaK(2) * Math.abs(a * phi); // m + 1 roundings, m = 1
    const r = f - 1;
    // Per copy g_i = (α/n)|r| and e^g_i = (α/n)(e^f + γ₃(|r| + e^f)); W and a see their sums over the copies.
    const g = n * ((p.lr / n) * Math.abs(r));
    const eg = n * ((p.lr / n) * (ef + gammaK(3) * (Math.abs(r) + ef)));
    const L = (n * r * r) / (2 * n);
    const logTerms = 2 * Math.abs(Math.log(Math.abs(r))) + Math.abs(Math.log(n)) + Math.log(2 * n) + 3; // Σ(r/max)² = n
    const lossErr = Math.abs(r) * ef + ef * ef + (gammaK(n + 4) + 2 * u * logTerms) * L;
    const inflate = 1 + gammaK(1 + n + 1 + 16);
    const b = squareStepErrorBound(p, Float64Array.from([w]), Float64Array.from([a]), new Float64Array(n).fill(z));
    expect(b.kinks).toEqual([]);
    expect(b.W[0]! / (inflate * ((eg + gammaK(3) * g) * a * slope * x + gammaK(n + 1) * (Math.abs(w) + g * a * slope * x)))).toBeCloseTo(1, 12);
    expect(b.loss / (inflate * lossErr)).toBeCloseTo(1, 12);
    if (trainA) expect(b.a[0]! / (inflate * (eg * Math.abs(phi) + g * (ez + u * Math.abs(phi)) + gammaK(n + 2) * (a + g * Math.abs(phi))))).toBeCloseTo(1, 12);
    else expect(b.a[0]).toBe(0);
  });

  it('has no log terms in the loss bound when every residual is 0', () => {
    const p = validateProblem({ X: [[2]], y: [1], gamma: 0.2, m: 1, a: [1], W0: [[0.5]], loss: 'square', lr: 0.1, steps: 1 });
    const b = squareStepErrorBound(p, p.W0, Float64Array.from([1]), Float64Array.from([1]));
    const ef = gammaK(1) * 1 + gammaK(2) * 1;
    expect(b.loss / ((1 + gammaK(19)) * ef * ef)).toBeCloseTo(1, 12);
  });

  it('lists a pre-activation within its own bound of 0 as a kink', () => {
    const p = validateProblem({ X: [[1, 1]], y: [1], gamma: 0.2, m: 1, a: [1], W0: [[0.5, -0.5]], loss: 'square', lr: 0.1, steps: 1 });
    expect(squareStepErrorBound(p, p.W0, Float64Array.from([1]), Float64Array.from([0])).kinks).toEqual([{ i: 0, j: 0, z: 0, bound: gammaK(2) }]);
  });
});

describe('squareStepErrorBound against the decimal reference', () => {
  it.each([1, 2, 3])('holds entry by entry for W and a, with the second layer trained (problem %s)', (seed) => {
    const base = randomProblem({ n: 4, d: 3, m: 3, seed: `square-error-model:${seed}`, initScale: 0.7 });
    const p = validateProblem({
      X: Array.from({ length: base.n }, (_, i) => Array.from(base.X.subarray(i * base.d, (i + 1) * base.d))),
      y: Array.from(base.y, (v) => 1.5 * v),
      gamma: base.gamma,
      m: base.m,
      a: [0.6, -0.4, 0.3],
      W0: Array.from({ length: base.m }, (_, j) => Array.from(base.W0.subarray(j * base.d, (j + 1) * base.d))),
      loss: 'square',
      lr: 0.05,
      steps: 1,
      trainSecondLayer: true,
    });
    const D = decimalConstructor(DIGITS + 20);
    const z = new Float64Array(p.n * p.m);
    for (let i = 0; i < p.n; i++) {
      for (let j = 0; j < p.m; j++) {
        let s = new D(0);
        for (let k = 0; k < p.d; k++) s = s.plus(exactDecimal(p.W0[j * p.d + k]!, D).times(exactDecimal(p.X[i * p.d + k]!, D)));
        z[i * p.m + j] = toDouble(s);
      }
    }
    const b = squareStepErrorBound(p, p.W0, p.a, z);
    expect(b.kinks).toEqual([]);
    const G = squareGradientOf(p, p.W0, p.a);
    const after = trainDecimalSquare(p, { digits: DIGITS, checkpoints: [0, 1], recordW: true }).checkpoints[1]!;
    const exactW = (after.W as readonly Decimal[]).map(toDouble);
    const exactA = (after.a as readonly Decimal[]).map(toDouble);
    const decRel = decimalRelativeError(DIGITS);
    for (let k = 0; k < p.W0.length; k++) {
      const float = p.W0[k]! - p.lr * G.W[k]!;
      expect(Math.abs(float - exactW[k]!)).toBeLessThanOrEqual(b.W[k]! + decRel * Math.abs(exactW[k]!));
    }
    for (let j = 0; j < p.m; j++) {
      const float = p.a[j]! - p.lr * G.a[j]!;
      expect(Math.abs(float - exactA[j]!)).toBeLessThanOrEqual(b.a[j]! + decRel * Math.abs(exactA[j]!));
    }
  });
});

describe('both bounds, neuron by neuron', () => {
  // Two points, two coordinates, two neurons on opposite sides of the kink (φ′ = 1 and γ) with
  // different a_j: listing the neurons in the other order must list the bound's rows in the other order.
  const X = [
    [3, 1],
    [-1, 2],
  ];
  const W = [
    [0.25, 0.5],
    [-0.75, 0.125],
  ];
  const a = [0.5, -1.5];
  const swap = <T,>(rows: readonly T[]): T[] => [rows[1]!, rows[0]!];
  const zOf = (w: number[][]) => Float64Array.from(X.flatMap((x) => w.map((row) => row[0]! * x[0]! + row[1]! * x[1]!)));
  const expectRowsSwapped = (got: Float64Array, want: Float64Array, width: number) => {
    for (let k = 0; k < width; k++) {
      expect(got[k]! / want[width + k]!).toBeCloseTo(1, 12);
      expect(got[width + k]! / want[k]!).toBeCloseTo(1, 12);
    }
  };

  it.each(['exp', 'logistic'] as const)('float64StepErrorBound lists its rows in the order of the neurons (%s loss)', (loss) => {
    const problem = (w: number[][], second: number[]) => validateProblem({ X, y: [1, -1], gamma: 0.2, m: 2, a: second, W0: w, loss, lr: 0.125, steps: 1 });
    const p = problem(W, a);
    const q = problem(swap(W), swap(a));
    const b = float64StepErrorBound(p, p.W0, zOf(W));
    const c = float64StepErrorBound(q, q.W0, zOf(swap(W)));
    expect(b.kinks).toEqual([]);
    for (const v of [...b.W, ...b.gradient]) expect(v).toBeGreaterThan(0);
    expectRowsSwapped(c.W, b.W, 2);
    expectRowsSwapped(c.gradient, b.gradient, 2);
    expect(c.loss / b.loss).toBeCloseTo(1, 12);
  });

  it('squareStepErrorBound lists its rows of W and entries of a in the order of the neurons', () => {
    const problem = (w: number[][], second: number[]) =>
      validateProblem({ X, y: [1.5, -1], gamma: 0.2, m: 2, a: second, W0: w, loss: 'square', lr: 0.125, steps: 1, trainSecondLayer: true });
    const p = problem(W, a);
    const q = problem(swap(W), swap(a));
    const b = squareStepErrorBound(p, p.W0, p.a, zOf(W));
    const c = squareStepErrorBound(q, q.W0, q.a, zOf(swap(W)));
    expect(b.kinks).toEqual([]);
    for (const v of [...b.W, ...b.a]) expect(v).toBeGreaterThan(0);
    expectRowsSwapped(c.W, b.W, 2);
    expectRowsSwapped(c.a, b.a, 1);
    expect(c.loss / b.loss).toBeCloseTo(1, 12);
  });

  it('squareStepErrorBound lists no kink where a row of W is zero', () => {
    const p = validateProblem({ X: [[1, 1]], y: [1], gamma: 0.2, m: 1, a: [1], W0: [[0, 0]], loss: 'square', lr: 0.1, steps: 1 });
    expect(squareStepErrorBound(p, p.W0, Float64Array.from([1]), Float64Array.from([0])).kinks).toEqual([]);
  });
});

describe('decimalRelativeError', () => {
  it('is 10^{3−digits}: five roundings to `digits` digits and exp, with room', () => {
    expect(decimalRelativeError(50)).toBe(1e-47);
    expect(decimalRelativeError(3)).toBe(1);
  });
});
