import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { validateProblem, toProblemFile } from './validate.js';

const good = { X: [[1, 2], [3, 4], [-1, 0]], y: [1, -1, 1], gamma: 0.1, m: 4, lr: 0.1, steps: 10 };

function fieldOf(raw: unknown): string {
  try {
    validateProblem(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).field;
  }
  throw new Error('accepted a malformed problem');
}

describe('validateProblem', () => {
  it('resolves the defaults of docs/theory.md §1', () => {
    const p = validateProblem(good);
    expect([p.n, p.d, p.m, p.loss]).toEqual([3, 2, 4, 'exp']);
    expect(Array.from(p.a)).toEqual([0.5, 0.5, -0.5, -0.5]);
    expect(p.W0.length).toBe(8);
    expect(validateProblem(toProblemFile(p))).toEqual(p);
  });

  it('gives odd m one more positive neuron', () => {
    expect(Array.from(validateProblem({ ...good, m: 3 }).a).map(Math.sign)).toEqual([1, 1, -1]);
  });

  it.each([
    ['not an object', [1, 2], 'problem'],
    ['ragged X', { ...good, X: [[1, 2], [3], [0, 0]] }, 'X[1]'],
    ['a string entry', { ...good, X: [[1, '2'], [3, 4], [0, 0]] }, 'X[0][1]'],
    ['a null entry (JSON of NaN)', { ...good, X: [[1, null], [3, 4], [0, 0]] }, 'X[0][1]'],
    ['an infinite entry', { ...good, X: [[1, Infinity], [3, 4], [0, 0]] }, 'X[0][1]'],
    ['a label 0', { ...good, y: [1, 0, 1] }, 'y[1]'],
    ['y too short', { ...good, y: [1, -1] }, 'y'],
    ['gamma above 1', { ...good, gamma: 1.5 }, 'gamma'],
    ['gamma negative', { ...good, gamma: -0.1 }, 'gamma'],
    ['m = 0', { ...good, m: 0 }, 'm'],
    ['m fractional', { ...good, m: 2.5 }, 'm'],
    ['a of the wrong length', { ...good, a: [1, -1] }, 'a'],
    ['W0 of the wrong shape', { ...good, W0: [[1, 2, 3]] }, 'W0'],
    ['W0 with the wrong column count', { ...good, W0: [[1], [2], [3], [4]] }, 'W0[0]'],
    ['lr zero', { ...good, lr: 0 }, 'lr'],
    ['lr missing', { ...good, lr: undefined }, 'lr'],
    ['steps fractional', { ...good, steps: 1.5 }, 'steps'],
    ['steps negative', { ...good, steps: -1 }, 'steps'],
    ['an unknown loss', { ...good, loss: 'hinge' }, 'loss'],
    ['an unknown field', { ...good, lossFn: 'exp' }, 'lossFn'],
    ['init without a scale', { ...good, init: { seed: 1 } }, 'init.scale'],
    ['mu of the wrong length', { ...good, mu: [1] }, 'mu'],
    ['a negative variance', { ...good, sigmaDiag: [1, -1] }, 'sigmaDiag[1]'],
  ])('refuses %s, naming the field', (_label, raw, field) => {
    expect(fieldOf(raw)).toBe(field);
  });
});

describe('validateProblem: the square loss and a trained second layer (docs/theory.md §11)', () => {
  const square = { X: [[1.5, 0], [0, 1.2]], y: [1.7, -1.3], gamma: 0, m: 3, loss: 'square', lr: 0.1, steps: 10 };

  it('takes real targets with the square loss and keeps trainSecondLayer off by default', () => {
    const p = validateProblem(square);
    expect(Array.from(p.y)).toEqual([1.7, -1.3]);
    expect(p.trainSecondLayer).toBeUndefined();
    expect(validateProblem(toProblemFile(p))).toEqual(p);
  });

  it('draws a balanced a(0) with |a_j(0)| = ‖w_j(0)‖ when the second layer is trained', () => {
    const p = validateProblem({ ...square, trainSecondLayer: true, init: { scale: 0.01, seed: 5 } });
    expect(p.trainSecondLayer).toBe(true);
    for (let j = 0; j < p.m; j++) {
      expect(Math.abs(p.a[j]!)).toBe(Math.sqrt(p.W0[2 * j]! ** 2 + p.W0[2 * j + 1]! ** 2));
    }
    expect(validateProblem(toProblemFile(p))).toEqual(p);
  });

  it('draws a Gaussian a(0) of the init scale when asked, the same bits for the same seed', () => {
    const f = { ...square, trainSecondLayer: true, init: { scale: 0.01, seed: 5, secondLayer: 'gaussian' } };
    const p = validateProblem(f);
    expect(Array.from(p.a)).toEqual(Array.from(validateProblem(f).a));
    expect(Array.from(p.a).every((v) => Math.abs(v) < 0.1)).toBe(true);
  });

  it.each([
    ['real y with the exp loss', { ...square, loss: 'exp' }, 'y[0]'],
    ['real y with the logistic loss', { ...square, loss: 'logistic' }, 'y[0]'],
    ['trainSecondLayer with a margin loss', { ...square, y: [1, -1], loss: 'logistic', trainSecondLayer: true }, 'trainSecondLayer'],
    ['trainSecondLayer not a boolean', { ...square, trainSecondLayer: 1 }, 'trainSecondLayer'],
    ['a of the wrong length', { ...square, trainSecondLayer: true, a: [1, 2] }, 'a'],
    ['an unknown second-layer init', { ...square, init: { scale: 0.1, seed: 1, secondLayer: 'uniform' } }, 'init.secondLayer'],
    ['a and init.secondLayer both', { ...square, a: [1, 1, 1], init: { scale: 0.1, seed: 1, secondLayer: 'balanced' } }, 'init.secondLayer'],
    ['an unknown init field', { ...square, init: { scale: 0.1, seed: 1, layer2: 'balanced' } }, 'init.layer2'],
  ])('refuses %s, naming the field', (_label, raw, field) => {
    expect(fieldOf(raw)).toBe(field);
  });
});
