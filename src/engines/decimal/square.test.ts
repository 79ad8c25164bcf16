import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { refusal, thrown } from '../../_testing/refusal.js';
import { NumericalError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import { validateProblem } from '../../problem/validate.js';
import { defaultCheckpoints } from '../schedule.js';
import { squareDescent80 } from './_testing/squareDescent80.js';
import { DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS } from './context.js';
import { exactDecimal } from './exact.js';
import { decimalConstructor } from './precision.js';
import { randomProblem } from './randomProblem.js';
import { squareLossAt, trainDecimalSquare } from './square.js';

/** Exact decimal of a short literal (no rounding: construction from a string keeps every digit). */
const X = decimalConstructor(1000);
const dec = (s: string | number): Decimal => new X(s);

function expectDecimals(actual: readonly Decimal[] | Float64Array | undefined, expected: readonly (string | number)[]): void {
  expect(actual).toBeDefined();
  const got = Array.from(actual as readonly Decimal[], (v) => v.toString());
  expect(got).toEqual(expected.map((e) => dec(e).toString()));
}

/**
 * Two points, two neurons, both layers trained, all numbers dyadic so every step is exact. The four
 * pre-activations cover each branch of φ and φ': z_11 = 1 and z_12 = 0.5 (positive), z_21 = −1
 * (negative) and z_22 = 0 (exactly zero, where φ'(0) = γ).
 */
const hand = validateProblem({
  X: [
    [1, 0],
    [0, 1],
  ],
  y: [1, -1],
  gamma: 0.25,
  W0: [
    [1, 0.5],
    [-1, 0],
  ],
  a: [0.5, -0.5],
  loss: 'square',
  trainSecondLayer: true,
  lr: 0.5,
  steps: 1,
});

/*
 * One step of `hand`, by hand (α/n = 0.5/2 = 0.25):
 *   φ(z): φ(1) = 1, φ(0.5) = 0.5, φ(−1) = −0.25, φ(0) = 0
 *   f_1 = 0.5·1 + (−0.5)(−0.25) = 0.625,  f_2 = 0.5·0.5 + (−0.5)·0 = 0.25
 *   r_1 = 0.625 − 1 = −0.375,             r_2 = 0.25 + 1 = 1.25
 *   a_1: Σ r_i φ(z_1i) = −0.375 + 0.625 = 0.25        → 0.5 − 0.25·0.25 = 0.4375
 *   a_2: Σ r_i φ(z_2i) = 0.09375 + 0                  → −0.5 − 0.25·0.09375 = −0.5234375
 *   w_1 (φ' = 1, 1; a_1 = 0.5): grad = (r_1·0.5, r_2·0.5) = (−0.1875, 0.625)
 *        → (1 + 0.046875, 0.5 − 0.15625) = (1.046875, 0.34375)
 *   w_2 (φ' = γ, γ; a_2 = −0.5): grad = (r_1·(−0.125), r_2·(−0.125)) = (0.046875, −0.15625)
 *        → (−1 − 0.01171875, 0 + 0.0390625) = (−1.01171875, 0.0390625)
 * The W update uses the old a (a simultaneous step).
 */
const handW1 = ['1.046875', '0.34375', '-1.01171875', '0.0390625'];
const handA1 = ['0.4375', '-0.5234375'];

/*
 * d = 1, one neuron w = 1, a = 1 (not trained), γ = 0.5, x = (1, −2, 3), y = (1, 1, 1):
 * f = φ(x) = (1, −1, 3), so the margins y_i f_i are 1, −1, 3 (smallest in the middle, largest last)
 * and L = (1/3)·½·(0² + 2² + 2²) = 4/3, which has no finite decimal expansion.
 */
const line = validateProblem({ X: [[1], [-2], [3]], y: [1, 1, 1], gamma: 0.5, W0: [[1]], a: [1], loss: 'square', lr: 0.1, steps: 0 });

describe('trainDecimalSquare: one step by hand', () => {
  it('moves W and a by the square-loss gradient, with φ\'(0) = γ and the old a in the W update', () => {
    const run = trainDecimalSquare(hand, { digits: 20, recordW: true });
    expectDecimals(run.W, handW1);
    expectDecimals(run.a, handA1);
    expect(run.checkpoints.map((c) => c.t)).toEqual([0, 1]);
    expectDecimals(run.checkpoints[1]!.W, handW1);
    expectDecimals(run.checkpoints[1]!.a, handA1);
  });

  it('records at t = 0 the loss, margins and norm of the initial state, and the state exactly', () => {
    const c0 = trainDecimalSquare(hand, { digits: 20, recordW: true }).checkpoints[0]!;
    expect(c0.t).toBe(0);
    expectDecimals(c0.W, [1, 0.5, -1, 0]);
    expectDecimals(c0.a, [0.5, -0.5]);
    // L = (1/2)·½·(0.375² + 1.25²) = ¼·(0.140625 + 1.5625) = 0.42578125
    expect(c0.loss.toString()).toBe('0.42578125');
    const ln = decimalConstructor(20).ln('0.42578125');
    expect(c0.logLoss.eq(ln)).toBe(true);
    expect(c0.logLoss.lt(0)).toBe(true);
    // margins y_i f_i: 1·0.625 and −1·0.25
    expect(c0.minMargin.toString()).toBe('-0.25');
    expect(c0.maxMargin.toString()).toBe('0.625');
    // ‖W‖_F = √(1 + 0.25 + 1 + 0) = 1.5
    expect(c0.normW.toString()).toBe('1.5');
  });

  it('reports the loss of the final state, the engine, steps, digits and the plain arithmetic', () => {
    const run = trainDecimalSquare(hand, { digits: 20 });
    /*
     * After the step: f_1 = 0.4375·1.046875 + (−0.5234375)·(−1.01171875·0.25) = 0.4580078125 + 0.132392883300781250
     *   = 0.59040069580078125, f_2 = 0.4375·0.34375 + (−0.5234375)·0.0390625 = 0.150390625 − 0.02044677734375
     *   = 0.12994384765625; L = ¼·((f_1 − 1)² + (f_2 + 1)²).
     */
    const f1 = dec('0.4375').times('1.046875').plus(dec('-0.5234375').times(dec('-1.01171875').times('0.25')));
    const f2 = dec('0.4375').times('0.34375').plus(dec('-0.5234375').times('0.0390625'));
    expect(f1.toString()).toBe('0.59040069580078125');
    expect(f2.toString()).toBe('0.12994384765625');
    const L = f1.minus(1).pow(2).plus(f2.plus(1).pow(2)).div(4);
    expect(run.loss.eq(L.toSignificantDigits(20, Decimal.ROUND_HALF_EVEN))).toBe(true);
    expect(run.loss.eq(run.checkpoints[1]!.loss)).toBe(true);
    expect(run).toMatchObject({ engine: 'decimal', steps: 1, digits: 20, arithmetic: 'plain' });
  });

  it('keeps a fixed when the second layer is not trained, and then reports no a', () => {
    const fixedA: Problem = { ...hand, trainSecondLayer: false };
    const run = trainDecimalSquare(fixedA, { digits: 20, recordW: true });
    // Same W step as by hand: the W update only reads a(0).
    expectDecimals(run.W, handW1);
    expect(run.a).toBeUndefined();
    expect('a' in run).toBe(false);
    expect(run.checkpoints.every((c) => c.a === undefined)).toBe(true);
    // A second step still uses a(0) = (0.5, −0.5), hence differs from the trained-a run.
    const two = trainDecimalSquare({ ...fixedA, steps: 2 }, { digits: 20 });
    const twoTrained = trainDecimalSquare({ ...hand, steps: 2 }, { digits: 20 });
    expect(two.W.some((w, k) => !(w as Decimal).eq(twoTrained.W[k] as Decimal))).toBe(true);
  });

  it('stays put with loss 0 and log-loss −∞ when the network fits the targets', () => {
    const fit: Problem = { ...hand, y: new Float64Array([0.625, 0.25]), steps: 3 };
    const run = trainDecimalSquare(fit, { digits: 20, checkpoints: [0, 3] });
    expectDecimals(run.W, [1, 0.5, -1, 0]);
    expectDecimals(run.a, [0.5, -0.5]);
    for (const c of run.checkpoints) {
      expect(c.loss.isZero()).toBe(true);
      expect(c.logLoss.isNegative() && !c.logLoss.isFinite()).toBe(true);
    }
    expect(run.loss.isZero()).toBe(true);
  });
});

describe('trainDecimalSquare: records', () => {
  it('takes the smallest and largest margin wherever they sit, and rounds the loss to the precision', () => {
    const c0 = trainDecimalSquare(line, { digits: 20 }).checkpoints[0]!;
    expect(c0.minMargin.toString()).toBe('-1');
    expect(c0.maxMargin.toString()).toBe('3');
    expect(c0.loss.toString()).toBe('1.3333333333333333333');
    expect(c0.logLoss.eq(decimalConstructor(20).ln(dec(4).div(3).toSignificantDigits(40)))).toBe(true);
    expect(c0.normW.toString()).toBe('1');
    const c25 = trainDecimalSquare(line, { digits: 25 }).checkpoints[0]!;
    expect(c25.loss.toString()).toBe('1.333333333333333333333333');
  });

  it('agrees with squareLossAt, which refuses a W or a of the wrong length', () => {
    const D = decimalConstructor(20);
    expect(squareLossAt(line, [new D(1)], [new D(1)], 20).toString()).toBe('1.3333333333333333333');
    // Default precision: 50 digits.
    expect(squareLossAt(line, [new D(1)], [new D(1)]).toString()).toBe(`1.${'3'.repeat(DEFAULT_DIGITS - 1)}`);
    // Of `hand` at (W(0), a(0)): 0.42578125 as in the t = 0 record.
    const W0 = [1, 0.5, -1, 0].map((v) => new D(v));
    expect(squareLossAt(hand, W0, [new D(0.5), new D(-0.5)], 20).toString()).toBe('0.42578125');
    const w = refusal(() => squareLossAt(hand, W0.slice(1), [new D(0.5), new D(-0.5)]));
    expect(w.field).toBe('W');
    expect(w.message).toContain('expected 4 entries, got 3');
    const a = refusal(() => squareLossAt(hand, W0, [new D(0.5)]));
    expect(a.field).toBe('a');
    expect(a.message).toContain('expected 2 entries, got 1');
  });

  it('records W only when asked, and a whenever it is trained', () => {
    const run = trainDecimalSquare(hand, { digits: 20 });
    expect(run.checkpoints.every((c) => c.W === undefined)).toBe(true);
    expect(run.checkpoints.every((c) => c.a !== undefined)).toBe(true);
  });

  it('gives the last checkpoint its own copies of W and a, apart from the returned state', () => {
    // The checkpoint at t = steps holds the same state as the result: editing one must not change the other.
    const run = trainDecimalSquare(hand, { digits: 20, recordW: true, checkpoints: [0, 1] });
    const last = run.checkpoints.at(-1)!;
    expect(last.t).toBe(1);
    expectDecimals(last.W, run.W.map(String));
    expectDecimals(last.a, run.a!.map(String));
    expect(last.W).not.toBe(run.W);
    expect(last.a).not.toBe(run.a);
  });
});

describe('trainDecimalSquare: schedule', () => {
  const p = validateProblem({ X: [[1], [-2], [3]], y: [0.5, 1, -1], gamma: 0.5, W0: [[0.25]], a: [0.5], loss: 'square', trainSecondLayer: true, lr: 0.125, steps: 12 });

  it('uses the problem steps and the default log-spaced schedule unless told otherwise', () => {
    const run = trainDecimalSquare(p, { digits: 20 });
    expect(run.steps).toBe(12);
    expect(run.checkpoints.map((c) => c.t)).toEqual(defaultCheckpoints(12));
    expect(trainDecimalSquare(p, { digits: 20, steps: 3 }).checkpoints.map((c) => c.t)).toEqual(defaultCheckpoints(3));
  });

  it('sorts and deduplicates the checkpoints, and records at each the state after that many steps', () => {
    const run = trainDecimalSquare(p, { digits: 20, steps: 5, checkpoints: [3, 0, 3, 5], recordW: true });
    expect(run.checkpoints.map((c) => c.t)).toEqual([0, 3, 5]);
    for (const c of run.checkpoints) {
      const upTo = trainDecimalSquare(p, { digits: 20, steps: c.t, checkpoints: [] });
      expect(upTo.checkpoints).toEqual([]);
      expect((c.W as readonly Decimal[]).map(String)).toEqual(upTo.W.map(String));
      expect((c.a as readonly Decimal[]).map(String)).toEqual(upTo.a!.map(String));
      expect(c.loss.eq(upTo.loss)).toBe(true);
    }
  });

  it('returns the given state, rounded to the precision, after 0 steps', () => {
    // 1 + 2⁻⁵² has 53 significant digits: 1.0000000000000002220446049250313080847263336181640625.
    const q: Problem = { ...p, W0: new Float64Array([1 + 2 ** -52]), a: new Float64Array([-1 - 2 ** -52]), steps: 0 };
    const run20 = trainDecimalSquare(q, { digits: 20, recordW: true });
    expectDecimals(run20.W, ['1.0000000000000002220']);
    expectDecimals(run20.checkpoints[0]!.W, ['1.0000000000000002220']);
    expectDecimals(run20.a, ['-1.0000000000000002220']);
    expectDecimals(run20.checkpoints[0]!.a, ['-1.0000000000000002220']);
    const runDefault = trainDecimalSquare(q);
    expect(runDefault.digits).toBe(DEFAULT_DIGITS);
    expectDecimals(runDefault.W, ['1.0000000000000002220446049250313080847263336181641']);
  });

  it('rounds the state half to even', () => {
    // 1000001·2⁻²¹ = 0.476837635040283203125 has 21 digits, its last a 5: a tie at 20 digits, kept even (…312).
    const q: Problem = { ...p, W0: new Float64Array([1000001 * 2 ** -21]), steps: 0 };
    expect(exactDecimal(q.W0[0]!, X).toString()).toBe('0.476837635040283203125');
    expectDecimals(trainDecimalSquare(q, { digits: 20 }).W, ['0.47683763504028320312']);
  });
});

describe('trainDecimalSquare: precision of a step', () => {
  it('matches an independent 80-digit step to within one unit of the last digit of the state', () => {
    // Random X (long exact expansions), W(0) and a(0) short dyadics, so both runs start from the same state.
    const r = randomProblem({ n: 3, d: 2, m: 2, seed: 'square-step', loss: 'square' });
    const p: Problem = {
      ...r,
      y: new Float64Array([0.3, -1.7, 0.9]),
      W0: new Float64Array([0.5, -0.25, 0.75, 0.125]),
      a: new Float64Array([0.5, -0.75]),
      trainSecondLayer: true,
      lr: 0.1,
    };
    const digits = 20;
    const run = trainDecimalSquare(p, { digits, steps: 1 });
    const ref = squareDescent80(p, 1);
    const pairs: [Decimal, Decimal][] = [...run.W.map((w, k) => [w, ref.W[k]!] as [Decimal, Decimal]), ...run.a!.map((v, j) => [v, ref.a[j]!] as [Decimal, Decimal])];
    for (const [got, want] of pairs) {
      expect(got.sd()).toBeLessThanOrEqual(digits);
      // One unit in the 20th significant digit of the reference.
      const ulp = dec(10).pow(want.abs().log(10).floor().toNumber() - (digits - 1));
      expect(dec(got.toString()).minus(want).abs().lte(ulp)).toBe(true);
    }
  });
});

describe('trainDecimalSquare: refusals', () => {
  it('refuses a margin loss, naming it', () => {
    const e = refusal(() => trainDecimalSquare({ ...hand, loss: 'logistic' }));
    expect(e.field).toBe('loss');
    expect(e.message).toContain('"logistic"');
  });

  it('accepts digits from MIN_DIGITS to MAX_DIGITS, integers only', () => {
    for (const digits of [MIN_DIGITS - 1, MAX_DIGITS + 1, 30.5, Number.NaN]) {
      const e = refusal(() => trainDecimalSquare(hand, { digits }));
      expect(e.field).toBe('digits');
      expect(e.message).toContain(`[${MIN_DIGITS}, ${MAX_DIGITS}], got ${digits}`);
    }
    expect(trainDecimalSquare(hand, { digits: MIN_DIGITS, steps: 0 }).digits).toBe(MIN_DIGITS);
    const top = trainDecimalSquare(line, { digits: MAX_DIGITS, checkpoints: [] });
    expect(top.digits).toBe(MAX_DIGITS);
    expect(top.loss.toString()).toBe(`1.${'3'.repeat(MAX_DIGITS - 1)}`);
  });

  it('refuses the fixed arithmetic and accepts plain', () => {
    const e = refusal(() => trainDecimalSquare(hand, { arithmetic: 'fixed' }));
    expect(e.field).toBe('arithmetic');
    expect(e.message).toContain('one arithmetic');
    expect(trainDecimalSquare(hand, { digits: 20, arithmetic: 'plain' }).arithmetic).toBe('plain');
  });

  it('refuses a negative, fractional or unsafe step count, and accepts 0', () => {
    for (const steps of [-1, 1.5, Number.NaN, 2 ** 53]) {
      const e = refusal(() => trainDecimalSquare(hand, { steps }));
      expect(e.field).toBe('steps');
      expect(e.message).toContain(`got ${steps}`);
    }
    expect(trainDecimalSquare(hand, { digits: 20, steps: 0 }).checkpoints.map((c) => c.t)).toEqual([0]);
  });

  it('refuses checkpoints past the last step or not non-negative integers', () => {
    for (const checkpoints of [[2], [-1], [0.5]]) {
      expect(refusal(() => trainDecimalSquare(hand, { checkpoints })).field).toBe('checkpoints');
    }
  });

  it('throws a NumericalError naming the step at which (W, a) leaves the finite range', () => {
    // f = a·w·x grows like the cube of the state each step, so from 1e300 the exponent passes 9e15 within ~30 steps.
    const big: Problem = { ...hand, n: 1, d: 1, m: 1, X: new Float64Array([1]), y: new Float64Array([0]), W0: new Float64Array([1e300]), a: new Float64Array([1e300]), lr: 1, steps: 60 };
    const e = thrown(() => trainDecimalSquare(big, { digits: 20, checkpoints: [] }));
    expect(e).toBeInstanceOf(NumericalError);
    const quantity = (e as NumericalError).quantity;
    const k = Number(/^W at step (\d+)$/.exec(quantity)![1]);
    expect((e as NumericalError).message).toContain('left the finite range');
    // Step k is the first that fails: k − 1 steps run through.
    expect(() => trainDecimalSquare({ ...big, steps: k - 1 }, { digits: 20, checkpoints: [] })).not.toThrow();
    expect(thrown(() => trainDecimalSquare({ ...big, steps: k }, { digits: 20, checkpoints: [] }))).toBeInstanceOf(NumericalError);
  });
});
