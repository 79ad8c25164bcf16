import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { gaussianInit } from '../problem/init.js';
import { parseProblem, validateProblem } from '../problem/validate.js';
import { generateDataset } from './generate.js';
import { suggestedInitScale, suggestedStepSize } from './hyperparameters.js';
import { makeProblemFile, type TrainingSettings } from './problemFile.js';

const ds = generateDataset({ kind: 'pareto', n: 6, d: 4, muNorm: 1, sigmaDiag: [1, 2, 3, 0], seed: 'pf' });
const settings: TrainingSettings = { m: 4, gamma: 0.2, steps: 30 };

function fieldOf(s: TrainingSettings): string {
  try {
    makeProblemFile(ds, s);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).field;
  }
  throw new Error('accepted');
}

describe('makeProblemFile', () => {
  it('writes a valid file with the data, μ, Σ and the suggested defaults', () => {
    const f = makeProblemFile(ds, settings);
    const p = validateProblem(f);
    expect(Array.from(p.X)).toEqual(Array.from(ds.X));
    expect(Array.from(p.y)).toEqual(Array.from(ds.y));
    expect(f.mu).toEqual([1, 0, 0, 0]);
    expect(f.sigmaDiag).toEqual([1, 2, 3, 0]);
    expect(f.loss).toBe('exp');
    const lr = suggestedStepSize(ds.X, 6, 4);
    expect(f.lr).toBe(lr);
    expect(f.init).toEqual({ scale: suggestedInitScale(ds.X, 6, 4, { gamma: 0.2, lr, m: 4 }), seed: 0 });
    expect(f.a).toBeUndefined();
    // The JSON text gives the same engine-form problem, bit for bit.
    expect(parseProblem(JSON.stringify(f))).toEqual(p);
  });

  it('keeps explicit settings, a stepFactor, a second layer and an explicit W0', () => {
    const f = makeProblemFile(ds, { ...settings, lr: 0.01, loss: 'logistic', initScale: 0.5, initSeed: 'w' });
    expect([f.lr, f.loss, f.init]).toEqual([0.01, 'logistic', { scale: 0.5, seed: 'w' }]);
    expect(makeProblemFile(ds, { ...settings, stepFactor: 0.5 }).lr).toBe(suggestedStepSize(ds.X, 6, 4, { c: 0.5 }));
    const a = [1, 1, 1, -1];
    expect(makeProblemFile(ds, { ...settings, a }).lr).toBe(suggestedStepSize(ds.X, 6, 4, { a }));
    const W0 = gaussianInit(4, 4, 1, 3);
    const fw = makeProblemFile(ds, { ...settings, W0 });
    expect(fw.init).toBeUndefined();
    expect(Array.from(validateProblem(fw).W0)).toEqual(Array.from(W0));
  });

  it('refuses bad settings by their field, before computing defaults', () => {
    expect(fieldOf({ ...settings, m: 0 })).toBe('m');
    expect(fieldOf({ ...settings, gamma: 2 })).toBe('gamma');
    expect(fieldOf({ ...settings, steps: -1 })).toBe('steps');
    expect(fieldOf({ ...settings, lr: 0 })).toBe('lr');
    expect(fieldOf({ ...settings, lr: 0.1, stepFactor: 1 })).toBe('stepFactor');
    expect(fieldOf({ ...settings, stepFactor: -1 })).toBe('stepFactor');
    expect(fieldOf({ ...settings, initScale: -1 })).toBe('init.scale');
    expect(fieldOf({ ...settings, initSeed: NaN })).toBe('init.seed');
    expect(fieldOf({ ...settings, a: [1, 2] })).toBe('a');
    expect(fieldOf({ ...settings, W0: [1, 2] })).toBe('W0');
    expect(fieldOf({ ...settings, W0: new Float64Array(16), initScale: 1 })).toBe('W0');
    expect(fieldOf({ ...settings, loss: 'hinge' as 'exp' })).toBe('loss');
  });
});

describe('makeProblemFile on orthogonal data (docs/theory.md §3, §11)', () => {
  const ortho = generateDataset({ kind: 'orthogonal', n: 5, d: 5, muNorm: 0, seed: 'ortho' });

  it('writes the real targets with the square loss, and their signs with a margin loss', () => {
    const f = makeProblemFile(ortho, { m: 4, gamma: 0, steps: 10, loss: 'square', trainSecondLayer: true, initScale: 1e-3, lr: 0.1 });
    expect(f.y).toEqual(Array.from(ortho.targets!));
    expect(f.y.every((v) => Math.abs(v) >= 1 && Math.abs(v) < 2)).toBe(true);
    expect(f.trainSecondLayer).toBe(true);
    const p = validateProblem(f);
    expect(p.trainSecondLayer).toBe(true);
    expect(makeProblemFile(ortho, { m: 4, gamma: 0, steps: 10, lr: 0.1 }).y).toEqual(Array.from(ortho.y));
  });

  it('refuses trainSecondLayer with a margin loss, naming the field', () => {
    expect(fieldOf({ m: 4, gamma: 0, steps: 10, lr: 0.1, trainSecondLayer: true })).toBe('trainSecondLayer');
  });
});
