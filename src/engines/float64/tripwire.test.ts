import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LossName, Problem } from '../../problem/types.js';
import { wasmKernelStatus } from '../wasm/kernel.js';
import { trainFloat64, type Float64TrainOptions, type Float64Trajectory } from './train.js';

/**
 * Non-regression tripwire, not a truth: the bits of 500 GD steps of each float64 engine, pinned.
 * Correctness is tested elsewhere (engines.test.ts and train.test.ts against the reference loops);
 * this fires when a change moves a single rounding of the step (docs/theory.md §1): a reordered
 * sum, a fused or split product, another summation block. Re-pin only on purpose, and say why.
 *
 * The problems are generated here, from integer arithmetic, so that a change to the data layer's
 * RNG or generators cannot fire it. The pins hold for any IEEE 754 platform: V8's Math.exp and
 * Math.log1p are its own fdlibm ports, and WebAssembly float64 arithmetic is exactly specified.
 */

const STEPS = 500;

/** mulberry32: uniform doubles in [−1, 1), a fixed function of the seed on every platform. */
function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  };
}

/** A separable two-class problem: `x_i = y_i e_0 + u_i/√d`, u uniform in the cube; W0 entries ±0.1. */
function problem(n: number, d: number, m: number, loss: LossName, seed: number): Problem {
  const u = uniforms(seed);
  const y = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1));
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) X[i * d + k] = u() / Math.sqrt(d) + (k === 0 ? y[i] : 0);
  const W0 = Float64Array.from({ length: m * d }, () => 0.1 * u());
  const a = Float64Array.from({ length: m }, (_, j) => (j % 2 === 0 ? 1 : -1) / Math.sqrt(m));
  return { n, d, m, X, y, a, W0, gamma: 0.2, loss, lr: 0.5, steps: STEPS };
}

function sha(...arrays: Float64Array[]): string {
  const h = createHash('sha256');
  for (const v of arrays) h.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  return h.digest('hex').slice(0, 16);
}

/** The final W, and every checkpoint's values (which take the dual form's ‖W‖ formula). */
function fingerprint(run: Float64Trajectory): string {
  const values = run.checkpoints.flatMap((c) => [c.t, c.loss, c.logLoss, c.minMargin, c.maxMargin, c.normW]);
  return `W ${sha(run.W)} checkpoints ${sha(Float64Array.from(values))}`;
}

const shapes = [
  [5, 20, 4],
  [8, 50, 6],
  [3, 200, 2],
] as const;
const losses: LossName[] = ['exp', 'logistic'];
const cases = shapes.flatMap(([n, d, m], s) => losses.map((loss) => ({ name: `(${n}, ${d}, ${m}) ${loss}`, p: problem(n, d, m, loss, 1 + s) })));

const engines: [string, Float64TrainOptions][] = [
  ['primal/js', { formulation: 'primal', kernel: 'js' }],
  ['primal/wasm', { formulation: 'primal', kernel: 'wasm' }],
  ['dual', { formulation: 'dual' }],
];

/** Pinned at commit 3b3c263, before the step was written once over a dense-products strategy. */
const PINS: Record<string, Record<string, string>> = {
  'primal/js': {
    '(5, 20, 4) exp': 'W 9b2fc3b91336be20 checkpoints fec90388f99cf936',
    '(5, 20, 4) logistic': 'W 3402ee9bb1986cbb checkpoints 8b338e5ba34a00fb',
    '(8, 50, 6) exp': 'W 999b3e6ebe1e67d5 checkpoints 139d01e754f8187b',
    '(8, 50, 6) logistic': 'W f395b290903521f7 checkpoints 2a3eae68adab3483',
    '(3, 200, 2) exp': 'W 196ab7b740325d5f checkpoints 7f4a669358519efa',
    '(3, 200, 2) logistic': 'W 1124a46b1b29d1ca checkpoints 7b41d7ebf89deecc',
  },
  'primal/wasm': {
    '(5, 20, 4) exp': 'W 0e3a4c8bad1fe286 checkpoints a1c12224ca7d18ba',
    '(5, 20, 4) logistic': 'W 62cd395381fc1c1e checkpoints bea7b8edc24345de',
    '(8, 50, 6) exp': 'W 5a4a7a9b4e82cf48 checkpoints b48890b886fad646',
    '(8, 50, 6) logistic': 'W af2b5417577a3970 checkpoints f39211dde0e6cda2',
    '(3, 200, 2) exp': 'W 14fcc1c6555681a7 checkpoints 0a430f34a464984f',
    '(3, 200, 2) logistic': 'W 616b94a3c888968c checkpoints 5330e051f86d9fd9',
  },
  dual: {
    '(5, 20, 4) exp': 'W abcff18b6e6b9e17 checkpoints 64311d998a6e37e1',
    '(5, 20, 4) logistic': 'W 89d417537826ba03 checkpoints e05a492048c4180c',
    '(8, 50, 6) exp': 'W c3c06f85c547b653 checkpoints e4d86925b2086e23',
    '(8, 50, 6) logistic': 'W 361fc9744fa15afe checkpoints 47edd0c63afabf8a',
    '(3, 200, 2) exp': 'W 432491b526cd1cc9 checkpoints 2857eb850ed7c1d0',
    '(3, 200, 2) logistic': 'W 556d7a5a4a1115a6 checkpoints 555b3a491e8f178b',
  },
};

describe('float64 engines: non-regression tripwire (pinned bits of 500 steps)', () => {
  it('runs that get somewhere: every loss falls, every pin differs', () => {
    for (const { p } of cases) {
      const run = trainFloat64(p, { formulation: 'primal', kernel: 'js' });
      expect(run.loss).toBeLessThan(run.checkpoints[0]!.loss / 2);
    }
    const all = Object.values(PINS).flatMap((byCase) => Object.values(byCase).map((print) => print.slice(0, 18)));
    expect(new Set(all).size).toBe(engines.length * cases.length);
  });

  for (const [name, options] of engines) {
    it.skipIf(options.kernel === 'wasm' && !wasmKernelStatus().available)(name, () => {
      const prints = Object.fromEntries(cases.map(({ name: c, p }) => [c, fingerprint(trainFloat64(p, options))]));
      expect(prints).toEqual(PINS[name]);
    });
  }
});
