import { describe, expect, it, vi } from 'vitest';
import { InputError, NumericalError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import { defaultCheckpoints } from '../schedule.js';
import { chooseFormulation, formulationCost } from './cost.js';
import { DualEngine } from './dual.js';
import { euclideanNorm } from '../../numerics/norms.js';
import { lossOf, margins } from './reference.js';
import { FORMULATION_REL_TOL, STEP_REL_TOL, relativeDistance, testProblem } from './_testing/support.js';
import { trainFloat64 } from './train.js';
import { wasmKernelStatus } from '../wasm/kernel.js';
import { samples } from '../../_testing/samples.js';
import { refusal, thrown } from '../../_testing/refusal.js';

/** Steps of the long agreement runs (fewer on instrumented code). */
const LONG_RUN = samples(2000, 200);

function rel(x: number, ref: number): number {
  return Math.abs(x - ref) / Math.abs(ref);
}

function bytes(v: Float64Array): Uint8Array {
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

const formulations = ['primal', 'dual'] as const;

describe('trainFloat64 checkpoints', () => {
  it.each(formulations)('record W0 and its values at t = 0 (%s)', (formulation) => {
    const p = testProblem({ n: 7, d: 12, m: 5, gamma: 0.2, loss: 'logistic', lr: 0.5, seed: 't0' });
    const run = trainFloat64(p, { formulation, recordW: true, steps: 3 });
    expect(run.formulation).toBe(formulation);
    const c0 = run.checkpoints[0];
    expect(c0.t).toBe(0);
    expect(bytes(c0.W as Float64Array)).toEqual(bytes(p.W0));
    const q = margins(p, p.W0);
    expect(rel(c0.loss, lossOf(p, p.W0))).toBeLessThanOrEqual(STEP_REL_TOL);
    expect(rel(c0.logLoss, Math.log(lossOf(p, p.W0)))).toBeLessThanOrEqual(STEP_REL_TOL);
    expect(rel(c0.minMargin, Math.min(...q))).toBeLessThanOrEqual(STEP_REL_TOL);
    expect(rel(c0.maxMargin, Math.max(...q))).toBeLessThanOrEqual(STEP_REL_TOL);
    expect(rel(c0.normW, Math.hypot(...p.W0))).toBeLessThanOrEqual(STEP_REL_TOL);
    expect(run.checkpoints.map((c) => c.t)).toEqual(defaultCheckpoints(3));
  });

  it.each(formulations)('show the loss decreasing on a separable toy problem (%s)', (formulation) => {
    const p = testProblem({ n: 10, d: 5, m: 4, gamma: 0.1, loss: 'exp', lr: 0.2, seed: 'separable', signal: 2, initScale: 1e-3 });
    const run = trainFloat64(p, { formulation, steps: 500 });
    const losses = run.checkpoints.map((c) => c.loss);
    for (let k = 1; k < losses.length; k++) expect(losses[k]).toBeLessThan(losses[k - 1]);
    expect(run.checkpoints.at(-1)!.minMargin).toBeGreaterThan(0);
    expect(run.loss).toBe(losses.at(-1));
  });

  it.each(formulations)('are bit-identical on repeat (%s)', (formulation) => {
    const p = testProblem({ n: 8, d: 30, m: 6, gamma: 0.3, loss: 'exp', lr: 0.5, seed: 'repeat' });
    const options = { formulation, steps: 50, recordW: true, checkpoints: [0, 7, 50] };
    const first = trainFloat64(p, options);
    const second = trainFloat64(p, options);
    expect(bytes(second.W)).toEqual(bytes(first.W));
    expect(second.checkpoints).toEqual(first.checkpoints);
  });

  it(`primal and dual agree after ${LONG_RUN} steps on (n, d, m) = (20, 200, 6)`, () => {
    const p = testProblem({ n: 20, d: 200, m: 6, gamma: 0.2, loss: 'exp', lr: 0.5, seed: 'agree', steps: LONG_RUN });
    const primal = trainFloat64(p, { formulation: 'primal' });
    const dual = trainFloat64(p, { formulation: 'dual' });
    expect(relativeDistance(dual.W, primal.W)).toBeLessThanOrEqual(FORMULATION_REL_TOL);
    expect(dual.checkpoints.length).toBe(primal.checkpoints.length);
    for (let k = 0; k < primal.checkpoints.length; k++) {
      const [cp, cd] = [primal.checkpoints[k], dual.checkpoints[k]];
      for (const key of ['loss', 'logLoss', 'minMargin', 'maxMargin', 'normW'] as const) {
        expect(rel(cd[key], cp[key])).toBeLessThanOrEqual(FORMULATION_REL_TOL);
      }
    }
    expect(primal.checkpoints.at(-1)!.minMargin).toBeGreaterThan(0); // the run got somewhere
  });

  it.runIf(wasmKernelStatus().available)(`the WebAssembly and plain-TypeScript primal kernels agree after ${LONG_RUN} steps on (n, d, m) = (20, 200, 6)`, () => {
    // Same error model as primal against dual: only the forward sum's order differs (kernel.wat header).
    const p = testProblem({ n: 20, d: 200, m: 6, gamma: 0.2, loss: 'exp', lr: 0.5, seed: 'kernels', steps: LONG_RUN });
    const wasm = trainFloat64(p, { formulation: 'primal', kernel: 'wasm', recordW: true });
    const js = trainFloat64(p, { formulation: 'primal', kernel: 'js', recordW: true });
    expect([wasm.kernel, js.kernel]).toEqual(['wasm', 'js']);
    expect(relativeDistance(wasm.W, js.W)).toBeLessThanOrEqual(FORMULATION_REL_TOL);
    for (let k = 0; k < js.checkpoints.length; k++) {
      for (const key of ['loss', 'logLoss', 'minMargin', 'maxMargin', 'normW'] as const) {
        expect(rel(wasm.checkpoints[k]![key], js.checkpoints[k]![key])).toBeLessThanOrEqual(FORMULATION_REL_TOL);
      }
    }
    // The comparison can fail: one step fewer on one side is far outside the bound.
    const short = trainFloat64(p, { formulation: 'primal', kernel: 'js', steps: 1999 });
    expect(relativeDistance(wasm.W, short.W)).toBeGreaterThan(1e3 * FORMULATION_REL_TOL);
  });

  it('auto takes the WebAssembly kernel for the primal form here, is bit-identical on repeat, and refuses an unknown kernel', () => {
    const p = testProblem({ n: 8, d: 30, m: 6, gamma: 0.3, loss: 'exp', lr: 0.5, seed: 'repeat' });
    const first = trainFloat64(p, { formulation: 'primal', steps: 50 });
    const second = trainFloat64(p, { formulation: 'primal', steps: 50 });
    expect(first.kernel).toBe(wasmKernelStatus().available ? 'wasm' : 'js');
    expect(bytes(second.W)).toEqual(bytes(first.W));
    expect(trainFloat64(p, { formulation: 'dual', steps: 5 }).kernel).toBe('js');
    expect(() => trainFloat64(p, { kernel: 'gpu' as never })).toThrow(InputError);
  });

  it('returns W0 and one checkpoint for zero steps', () => {
    const p = testProblem({ n: 3, d: 4, m: 2, gamma: 0.5, loss: 'exp', lr: 0.5, seed: 'zero' });
    const run = trainFloat64(p, { steps: 0 });
    expect(run.formulation).toBe('primal');
    expect(run.W).toEqual(p.W0);
    expect(run.checkpoints.map((c) => c.t)).toEqual([0]);
  });

  it('throws NumericalError when the loss at a checkpoint overflows', () => {
    const p: Problem = {
      n: 1, d: 1, m: 1, X: Float64Array.from([1]), y: Float64Array.from([1]), a: Float64Array.from([1]),
      W0: Float64Array.from([-1000]), gamma: 1, loss: 'exp', lr: 0.1, steps: 1,
    };
    expect(() => trainFloat64(p)).toThrow(NumericalError);
    expect(() => trainFloat64(p, { checkpoints: [1] })).toThrow(/W at step 1/);
  });

  it.each([
    [{ steps: -1 }, 'steps'],
    [{ steps: 2.5 }, 'steps'],
    [{ checkpoints: [0, 11] }, 'checkpoints'],
    [{ checkpoints: [-1] }, 'checkpoints'],
    [{ formulation: 'both' as 'auto' }, 'formulation'],
  ])('refuses bad options %j, naming the field', (options, field) => {
    const p = testProblem({ n: 3, d: 4, m: 2, gamma: 0.5, loss: 'exp', lr: 0.5, seed: 'bad', steps: 10 });
    expect(() => trainFloat64(p, options)).toThrow(InputError);
    try {
      trainFloat64(p, options);
    } catch (e) {
      expect((e as InputError).field).toBe(field);
    }
  });

  it('refuses a problem whose arrays do not match its shapes', () => {
    const p = testProblem({ n: 3, d: 4, m: 2, gamma: 0.5, loss: 'exp', lr: 0.5, seed: 'shape' });
    expect(() => trainFloat64({ ...p, W0: new Float64Array(7) }, { formulation: 'dual' })).toThrow(/W0/);
    expect(() => trainFloat64({ ...p, X: new Float64Array(11) })).toThrow(InputError);
  });
});

describe('formulation cost model', () => {
  it('counts 4nmd a primal step, 2mn² a dual step plus 2n²d + 2mnd once and 2mnd per materialisation', () => {
    expect(formulationCost({ n: 50, d: 200, m: 10 }, 3, 2)).toEqual({
      primal: 3 * 4 * 50 * 10 * 200,
      dual: 3 * 2 * 10 * 50 * 50 + 2 * 50 * 50 * 200 + 2 * 10 * 50 * 200 + 2 * 2 * 10 * 50 * 200,
    });
  });

  it('picks dual for d ≫ n in long runs, primal for d < n and for zero or few steps', () => {
    expect(chooseFormulation({ n: 50, d: 2000, m: 20 }, 1000, 1)).toBe('dual');
    expect(chooseFormulation({ n: 50, d: 20, m: 20 }, 1000, 1)).toBe('primal');
    expect(chooseFormulation({ n: 50, d: 2000, m: 20 }, 0, 1)).toBe('primal');
    // One-off 2n²d + 4mnd = 1.8e7 flops against a saving of 4nmd − 2mn² ≈ 7.9e6 a step: dual from 3 steps.
    expect(chooseFormulation({ n: 50, d: 2000, m: 20 }, 2, 1)).toBe('primal');
    expect(chooseFormulation({ n: 50, d: 2000, m: 20 }, 3, 1)).toBe('dual');
  });

  it('is what auto runs, and auto counts recorded checkpoints as materialisations', () => {
    const wide = testProblem({ n: 4, d: 200, m: 2, gamma: 0.5, loss: 'exp', lr: 0.5, seed: 'wide', steps: 100 });
    expect(trainFloat64(wide).formulation).toBe('dual');
    const tall = testProblem({ n: 30, d: 3, m: 2, gamma: 0.5, loss: 'exp', lr: 0.5, seed: 'tall', steps: 100 });
    expect(trainFloat64(tall).formulation).toBe('primal');
    // 2 steps: the one-off Gram matrix and Z0 outweigh the saving.
    expect(trainFloat64(wide, { steps: 2 }).formulation).toBe('primal');
  });
});

describe('dual ‖W‖ without materialising', () => {
  it('matches the materialised norm in an ordinary run, without materialising', () => {
    const p = testProblem({ n: 10, d: 100, m: 4, gamma: 0.2, loss: 'exp', lr: 0.5, seed: 'norm' });
    const engine = new DualEngine(p);
    for (let t = 0; t < 30; t++) engine.step();
    const viaFormula = engine.normW();
    expect(engine.materialisations).toBe(0);
    expect(rel(viaFormula, euclideanNorm(engine.weights()))).toBeLessThanOrEqual(STEP_REL_TOL);
  });

  it('falls back to materialising when the formula would cancel (W(t) ≈ 0)', () => {
    // One weight, linear φ, ∇L(w0) = −e: w(1) = −1 + lr·e ≈ 1e-9, so W0 + A X cancels to 1e-9.
    const p: Problem = {
      n: 1, d: 1, m: 1, X: Float64Array.from([1]), y: Float64Array.from([1]), a: Float64Array.from([1]),
      W0: Float64Array.from([-1]), gamma: 1, loss: 'exp', lr: (1 + 1e-9) / Math.E, steps: 1,
    };
    const engine = new DualEngine(p);
    engine.step();
    const norm = engine.normW();
    expect(engine.materialisations).toBe(1);
    const w = engine.weights()[0];
    expect(norm).toBe(Math.abs(w));
    expect(rel(norm, 1e-9)).toBeLessThan(1e-6);
  });
});

/**
 * One weight on one sample, linear φ (γ = 1), exp loss, x = y = a = 1, w(0) = 0, α = 1: the margin is w,
 * L(w) = e^{−w} and ∇L(w) = −e^{−w}, so w(1) = 0 + 1·e^0 = 1 exactly, L(0) = 1 and L(1) = e^{−1}.
 */
function oneWeight(steps: number): Problem {
  return {
    n: 1, d: 1, m: 1, X: Float64Array.from([1]), y: Float64Array.from([1]), a: Float64Array.from([1]),
    W0: Float64Array.from([0]), gamma: 1, loss: 'exp', lr: 1, steps,
  };
}

const runs = [
  ['primal', 'js'],
  ['primal', 'wasm'],
  ['dual', 'js'],
] as const;

describe('trainFloat64 on one weight worked by hand', () => {
  it.each(runs.filter(([, kernel]) => kernel === 'js' || wasmKernelStatus().available))(
    'reports the loss of the last step when no checkpoint is asked for (%s, %s)',
    (formulation, kernel) => {
      const run = trainFloat64(oneWeight(1), { formulation, kernel, checkpoints: [] });
      expect(run.engine).toBe('float64');
      expect(run.checkpoints).toEqual([]);
      expect([...run.W]).toEqual([1]);
      expect(run.loss).toBe(Math.exp(-1));
    },
  );

  it.each(runs.filter(([, kernel]) => kernel === 'js' || wasmKernelStatus().available))(
    'reports the loss of the last step, not of the last checkpoint, when the checkpoints stop early (%s, %s)',
    (formulation, kernel) => {
      const run = trainFloat64(oneWeight(1), { formulation, kernel, checkpoints: [0], recordW: true });
      expect(run.checkpoints).toEqual([{ t: 0, loss: 1, logLoss: 0, minMargin: 0, maxMargin: 0, normW: 0, W: Float64Array.from([0]) }]);
      expect(run.loss).toBe(Math.exp(-1));
      expect([...run.W]).toEqual([1]);
    },
  );

  it('records each checkpoint of a run that ends on one, and reports the last as the run’s loss', () => {
    const run = trainFloat64(oneWeight(1), { formulation: 'primal', kernel: 'js', checkpoints: [1, 0, 1], recordW: true });
    expect(run.engine).toBe('float64');
    expect(run.checkpoints.map((c) => [c.t, c.loss, c.minMargin, c.normW, [...c.W!]])).toEqual([
      [0, 1, 0, 0, [0]],
      [1, Math.exp(-1), 1, 1, [1]],
    ]);
    expect(run.loss).toBe(Math.exp(-1));
  });

  it('throws NumericalError at the first checkpoint whose loss overflows, before any step, stating log L', () => {
    // w(0) = −1000: the margin is −1000, L = e^{1000} overflows while log L = 1000 is exact.
    const p = { ...oneWeight(0), W0: Float64Array.from([-1000]) };
    const e = thrown(() => trainFloat64(p, { formulation: 'primal', kernel: 'js' }));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('loss at step 0');
    expect((e as NumericalError).message).toBe('loss at step 0: L overflows float64 (log L = 1000): a margin is below about −709 with the exp loss');
  });
});

describe('trainFloat64 refusals state the value and what was expected', () => {
  const p = oneWeight(3);

  it('refuses a negative or fractional step count', () => {
    expect(refusal(() => trainFloat64(p, { steps: -1 })).message).toBe('steps: must be a non-negative integer, got -1');
    expect(refusal(() => trainFloat64(p, { steps: 0.5 })).message).toBe('steps: must be a non-negative integer, got 0.5');
  });

  it('refuses a recordW that is not a boolean, naming its type', () => {
    expect(refusal(() => trainFloat64(p, { recordW: 1 as never })).message).toBe('recordW: expected a boolean, got number');
    expect(refusal(() => trainFloat64(p, { recordW: 'yes' as never })).message).toBe('recordW: expected a boolean, got string');
  });

  it('refuses an unknown formulation or kernel, listing the known ones', () => {
    expect(refusal(() => trainFloat64(p, { formulation: 'both' as never })).message).toBe(
      'formulation: expected one of "primal", "dual", "auto", got both',
    );
    expect(refusal(() => trainFloat64(p, { kernel: 'gpu' as never })).message).toBe('kernel: expected one of "wasm", "js", "auto", got gpu');
  });

  it.runIf(wasmKernelStatus().available)('refuses the WebAssembly kernel when the runtime cannot instantiate it, while auto falls back to plain code', () => {
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const e = refusal(() => trainFloat64(p, { formulation: 'primal', kernel: 'wasm' }));
      expect(e.field).toBe('kernel');
      // The binary compiled (the status is available, with no reason), so the fallback names the memory.
      expect(e.message).toBe('kernel: the WebAssembly kernel cannot run here: the shape does not fit in its memory');
      const auto = trainFloat64(p, { formulation: 'primal' });
      expect(auto.kernel).toBe('js');
      expect(bytes(auto.W)).toEqual(bytes(trainFloat64(p, { formulation: 'primal', kernel: 'js' }).W));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.runIf(!wasmKernelStatus().available)('refuses the WebAssembly kernel where it cannot run, giving the reason', () => {
    const e = refusal(() => trainFloat64(p, { formulation: 'primal', kernel: 'wasm' }));
    expect(e.message).toBe(`kernel: the WebAssembly kernel cannot run here: ${wasmKernelStatus().reason!}`);
  });
});

describe('auto counts each materialisation of W once', () => {
  // n = d = m = 1, 4 steps: primal 4·4nmd = 16 flops; dual 4·2mn² + 2n²d + 2mnd = 12 plus 2mnd = 2 per
  // materialisation, so dual (14 < 16) with one materialisation and primal (16) with two.
  it('takes dual when W is recorded only at the last step, which is also the final W', () => {
    expect(formulationCost({ n: 1, d: 1, m: 1 }, 4, 1)).toEqual({ primal: 16, dual: 14 });
    expect(trainFloat64(oneWeight(4), { checkpoints: [4], recordW: true }).formulation).toBe('dual');
  });

  it('takes primal when W is recorded at an earlier checkpoint, so the final W is a second materialisation', () => {
    expect(formulationCost({ n: 1, d: 1, m: 1 }, 4, 2)).toEqual({ primal: 16, dual: 16 });
    expect(trainFloat64(oneWeight(4), { checkpoints: [0], recordW: true }).formulation).toBe('primal');
  });

  it('takes dual when no W is recorded: only the final W is materialised', () => {
    expect(trainFloat64(oneWeight(4), { checkpoints: [0], recordW: false }).formulation).toBe('dual');
    expect(trainFloat64(oneWeight(4), { checkpoints: [4], recordW: false }).formulation).toBe('dual');
  });
});
