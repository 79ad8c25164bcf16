import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { refusal } from '../../_testing/refusal.js';
import { InputError } from '../../errors.js';
import { validateProblem } from '../../problem/validate.js';
import { defaultCheckpoints } from '../schedule.js';
import { makeDecimalContext } from './context.js';
import { logLoss, loss, margins, normW, step } from './engine.js';
import { exactDecimal } from './exact.js';
import { randomProblem } from './randomProblem.js';
import { trainDecimal } from './train.js';

/** Linearly separable toy problem (docs/theory.md §4 Case 1: ⟨y_i x_i, y_k x_k⟩ ≥ 0 for all i, k). */
const toy = validateProblem({
  X: [
    [1, 0.2],
    [0.8, -0.3],
    [-1, 0.1],
    [-0.7, -0.4],
  ],
  y: [1, 1, -1, -1],
  gamma: 0.2,
  m: 4,
  init: { scale: 1e-3, seed: 7 },
  lr: 0.5,
  steps: 30,
});

describe('trainDecimal', () => {
  it('records W(0) at t = 0, exactly as given', () => {
    const run = trainDecimal(toy, { digits: 30, recordW: true, steps: 3 });
    const c0 = run.checkpoints[0]!;
    expect(c0.t).toBe(0);
    const W0 = c0.W as readonly Decimal[];
    W0.forEach((w, k) => expect(w.eq(exactDecimal(toy.W0[k]!, makeDecimalContext(toy).D))).toBe(true));
    const ctx = makeDecimalContext(toy, { digits: 30 });
    expect(c0.loss.eq(loss(ctx, ctx.W0))).toBe(true);
    expect(c0.logLoss.eq(logLoss(ctx, ctx.W0))).toBe(true);
    expect(c0.normW.eq(normW(ctx, ctx.W0))).toBe(true);
    const q = margins(ctx, ctx.W0);
    expect(c0.minMargin.eq(q.reduce((s, v) => (v.lt(s) ? v : s)))).toBe(true);
    expect(c0.maxMargin.eq(q.reduce((s, v) => (v.gt(s) ? v : s)))).toBe(true);
  });

  it('decreases the loss at every step on a separable toy problem, and ends where the steps lead', () => {
    const every = Array.from({ length: toy.steps + 1 }, (_, t) => t);
    const run = trainDecimal(toy, { digits: 25, checkpoints: every });
    expect(run.checkpoints.map((c) => c.t)).toEqual(every);
    for (let t = 1; t <= toy.steps; t++) {
      expect(run.checkpoints[t]!.loss.lt(run.checkpoints[t - 1]!.loss)).toBe(true);
    }
    expect(run.checkpoints[toy.steps]!.minMargin.gt(0)).toBe(true); // interpolated
    const ctx = makeDecimalContext(toy, { digits: 25 });
    let W: readonly Decimal[] = ctx.W0;
    for (let t = 0; t < toy.steps; t++) W = step(ctx, W);
    (run.W as readonly Decimal[]).forEach((w, k) => expect(w.eq(W[k]!)).toBe(true));
    expect(run.loss.eq(run.checkpoints[toy.steps]!.loss)).toBe(true);
    expect(run).toMatchObject({ engine: 'decimal', steps: toy.steps, digits: 25, arithmetic: 'fixed' });
  });

  it('uses the default log-spaced schedule and the problem steps unless told otherwise', () => {
    const problem = randomProblem({ n: 3, d: 2, m: 2, seed: 'schedule', steps: 12 });
    const run = trainDecimal(problem, { digits: 20 });
    expect(run.checkpoints.map((c) => c.t)).toEqual(defaultCheckpoints(12));
    expect(run.checkpoints.every((c) => c.W === undefined)).toBe(true);
    expect(trainDecimal(problem, { digits: 20, steps: 0 }).checkpoints.map((c) => c.t)).toEqual([0]);
  });

  it('refuses bad options before computing', () => {
    const field = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof InputError ? e.field : 'not an InputError';
      }
      return undefined;
    };
    expect(field(() => trainDecimal(toy, { digits: 19 }))).toBe('digits');
    expect(field(() => trainDecimal(toy, { digits: 1001 }))).toBe('digits');
    expect(field(() => trainDecimal(toy, { digits: 30.5 }))).toBe('digits');
    expect(field(() => trainDecimal(toy, { steps: -1 }))).toBe('steps');
    expect(field(() => trainDecimal(toy, { checkpoints: [40] }))).toBe('checkpoints');
    expect(field(() => trainDecimal(toy, { arithmetic: 'fast' as 'plain' }))).toBe('arithmetic');
  });

  it('hands a square-loss problem to the square path, which trains both layers in its one arithmetic', () => {
    const square = validateProblem({ X: [[1], [-2]], y: [0.5, -1], gamma: 0.5, W0: [[0.25]], a: [0.5], loss: 'square', trainSecondLayer: true, lr: 0.125, steps: 2 });
    const run = trainDecimal(square, { digits: 20 });
    expect(run.arithmetic).toBe('plain');
    expect(run.a).toBeDefined();
    expect(run.checkpoints.every((c) => c.a !== undefined)).toBe(true);
  });

  it('states the refused value and the allowed range', () => {
    const steps = refusal(() => trainDecimal(toy, { steps: 2.5 }));
    expect(steps.field).toBe('steps');
    expect(steps.message).toContain('must be a non-negative integer, got 2.5');
    const digits = refusal(() => trainDecimal(toy, { digits: 19 }));
    expect(digits.message).toContain('must be an integer in [20, 1000], got 19');
    expect(refusal(() => trainDecimal(toy, { steps: 3, checkpoints: [4] })).message).toContain('checkpoint 4 is past the last step (3)');
  });

  it('records the listed checkpoints only, sorted and without repeats, with W when asked', () => {
    const run = trainDecimal(toy, { digits: 20, steps: 4, checkpoints: [4, 1, 1], recordW: true });
    expect(run.checkpoints.map((c) => c.t)).toEqual([1, 4]);
    expect(run.checkpoints.every((c) => c.W !== undefined && c.W.length === toy.m * toy.d)).toBe(true);
    expect((run.checkpoints[1]!.W as readonly Decimal[]).map(String)).toEqual(run.W.map(String));
    expect(trainDecimal(toy, { digits: 20, steps: 4, arithmetic: 'plain' }).arithmetic).toBe('plain');
  });

  it('records the smallest and the largest margin wherever they sit among the points', () => {
    // one neuron, w = 1, a = 1, γ = 0.5, all labels +1: q_i = φ(x_i) = 2, γ·(−3) = −1.5, 1
    const p = validateProblem({ X: [[2], [-3], [1]], y: [1, 1, 1], gamma: 0.5, a: [1], W0: [[1]], lr: 0.5, steps: 0 });
    const c0 = trainDecimal(p, { digits: 20 }).checkpoints[0]!;
    expect(c0.maxMargin.toString()).toBe('2');
    expect(c0.minMargin.toString()).toBe('-1.5');
  });
});
