import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { validateProblem } from '../../problem/validate.js';
import { trainDecimal } from '../decimal/index.js';
import { PrimalEngine } from './primal.js';
import { squareLoss } from './loss.js';
import { trainFloat64 } from './train.js';

const file = {
  X: [[1.5, 0, 0], [0, 1.25, 0], [0, 0, 1.75]],
  y: [1.5, -1.25, 1.0],
  gamma: 0,
  m: 4,
  loss: 'square',
  lr: 0.2,
  steps: 50,
  init: { scale: 0.3, seed: 'sq' },
} as const;

describe('the float64 engine on the square loss (docs/theory.md §11)', () => {
  it('keeps a fixed unless trainSecondLayer, and records a(t) at every checkpoint when it is trained', () => {
    const fixed = validateProblem(file);
    const run = trainFloat64(fixed, { steps: 20, recordW: true });
    expect(run.a).toBeUndefined();
    expect(run.checkpoints.every((c) => c.a === undefined)).toBe(true);
    const trained = validateProblem({ ...file, trainSecondLayer: true });
    const run2 = trainFloat64(trained, { steps: 20 });
    expect(run2.checkpoints.every((c) => c.a instanceof Float64Array && c.a.length === 4)).toBe(true);
    expect(Array.from(run2.a!)).not.toEqual(Array.from(trained.a));
    expect(Array.from(trained.a)).toEqual(Array.from(validateProblem({ ...file, trainSecondLayer: true }).a));
  });

  it('lowers the square loss on a small stable problem and reports L = (1/n) Σ ½ r²', () => {
    const p = validateProblem({ ...file, trainSecondLayer: true });
    const run = trainFloat64(p, { steps: 400, checkpoints: [0, 400] });
    expect(run.checkpoints[1]!.loss).toBeLessThan(run.checkpoints[0]!.loss);
    const f = new PrimalEngine(p).outputs();
    const direct = f.reduce((s, v, i) => s + 0.5 * (v - p.y[i]!) ** 2, 0) / p.n;
    expect(run.checkpoints[0]!.loss).toBeCloseTo(direct, 14);
  });

  it('moves W only within the row space of X, with a trained second layer too (the dual form holds)', () => {
    // d = 4 > n = 2: e₃ and e₄ are orthogonal to both rows, so W(t) − W(0) has no component along them.
    const p = validateProblem({ X: [[1, 0.5, 0, 0], [0.25, -1, 0, 0]], y: [1.3, -0.7], gamma: 0, m: 3, loss: 'square', trainSecondLayer: true, init: { scale: 0.3, seed: 'rows' }, lr: 0.2, steps: 100 });
    for (const formulation of ['primal', 'dual'] as const) {
      const run = trainFloat64(p, { steps: 100, formulation });
      for (let j = 0; j < 3; j++) for (const k of [2, 3]) expect(run.W[j * 4 + k]).toBe(p.W0[j * 4 + k]);
      expect(run.loss).toBeLessThan(trainFloat64(p, { steps: 0 }).loss);
    }
  });

  it('squareLoss is −Infinity in log only when every residual is 0', () => {
    expect(squareLoss(Float64Array.of(1, 2), Float64Array.of(1, 2))).toEqual({ loss: 0, logLoss: -Infinity });
    expect(squareLoss(Float64Array.of(3), Float64Array.of(1)).loss).toBeCloseTo(2, 15);
  });

  it('refuses a trained second layer with a margin loss, and outputs() on a margin loss, naming the field', () => {
    const p = { ...validateProblem({ ...file, y: [1, -1, 1], loss: 'exp' }), trainSecondLayer: true };
    expect(() => new PrimalEngine(p)).toThrowError(InputError);
    expect(() => new PrimalEngine(validateProblem({ ...file, y: [1, -1, 1], loss: 'exp' })).outputs()).toThrow(/loss/);
  });

  it('the decimal engine takes the square-loss path and carries a(t)', () => {
    const p = validateProblem({ ...file, trainSecondLayer: true });
    const run = trainDecimal(p, { steps: 3, digits: 30, checkpoints: [0, 3] });
    expect(run.a).toHaveLength(4);
    expect(run.checkpoints[1]!.a).toHaveLength(4);
    expect(Math.abs(run.checkpoints[1]!.loss.toNumber() - trainFloat64(p, { steps: 3, checkpoints: [3] }).loss)).toBeLessThan(1e-13);
    expect(() => trainDecimal(p, { steps: 1, arithmetic: 'fixed' })).toThrowError(InputError);
  });
});
