import { describe, expect, it } from 'vitest';
import { refusal } from '../../_testing/refusal.js';
import type { Problem } from '../../problem/types.js';
import { DualEngine } from './dual.js';
import type { Float64Engine } from './engine.js';
import { PrimalEngine } from './primal.js';

const engines = [
  ['primal', (p: Problem): Float64Engine => new PrimalEngine(p)],
  ['dual', (p: Problem): Float64Engine => new DualEngine(p)],
] as const;

/** One neuron on two one-feature samples, real targets: f(x_i) = a φ(w x_i) = [0.5, 1] exactly. */
const square: Problem = {
  n: 2,
  d: 1,
  m: 1,
  X: Float64Array.of(1, 2),
  y: Float64Array.of(2, -3),
  a: Float64Array.of(1),
  W0: Float64Array.of(0.5),
  gamma: 0.5,
  loss: 'square',
  lr: 0.25,
  steps: 1,
};

describe.each(engines)('the %s engine (GdEngine)', (_name, make) => {
  it('reports the square-loss margins as y_i f(x_i) beside the outputs', () => {
    const engine = make(square);
    expect(Array.from(engine.outputs())).toEqual([0.5, 1]);
    expect(Array.from(engine.margins())).toEqual([1, -3]);
  });

  it('refuses outputs() for a margin loss, naming the loss and pointing to margins()', () => {
    const engine = make({ ...square, y: Float64Array.of(1, -1), loss: 'exp' });
    const e = refusal(() => engine.outputs());
    expect(e.field).toBe('loss');
    expect(e.message).toBe('loss: outputs are kept for the square loss only; read margins()');
  });
});
