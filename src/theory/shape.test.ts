import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli, file } from '../cli/_testing/cli.js';
import { generateDataset, makeProblemFile } from '../data/index.js';
import type { Problem } from '../problem/types.js';
import { validateProblem } from '../problem/validate.js';
import { float64Trainer, problemToFile } from '../trainers/index.js';
import { jacobiSingularValues, jacobiStableRank } from './_testing/jacobiSvd.js';
import { referenceShapeTheory, shapeQuantities, wholeRankHeuristic, type ShapeQuantities } from './shape.js';
import { measureTrajectory } from './trajectory.js';

/** Agreement asked of the shape quantities against the Jacobi reference (the power iteration stops at 1e-10). */
const REL = 1e-8;

interface Reference {
  stableRank: number | null;
  plus: number | null;
  minus: number | null;
  minNormalizedMargin: number;
  maxNormalizedMargin: number;
  smoothedMargin: number;
}

/** The shape quantities by plain loops and Jacobi SVD, sharing no code with src/theory. */
function reference(p: Problem, W: ArrayLike<number>): Reference {
  const { n, d, m, X, y, a, gamma } = p;
  const q: number[] = [];
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < m; j++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += W[j * d + k]! * X[i * d + k]!;
      f += a[j]! * (z > 0 ? z : gamma * z);
    }
    q.push(y[i]! * f);
  }
  let fro = 0;
  for (let k = 0; k < m * d; k++) fro += W[k]! ** 2;
  const norm = Math.sqrt(fro);
  const block = (sign: number): number | null => {
    const rows = [...Array(m).keys()].filter((j) => Math.sign(a[j]!) === sign);
    const B = rows.flatMap((j) => Array.from({ length: d }, (_, k) => W[j * d + k]!));
    return jacobiStableRank(B, rows.length, d);
  };
  const lSum = q.reduce((s, v) => s + (p.loss === 'exp' ? Math.exp(-v) : Math.log1p(Math.exp(-v))), 0);
  const inner = p.loss === 'exp' ? lSum : Math.expm1(lSum);
  return {
    stableRank: jacobiStableRank(W, m, d),
    plus: block(1),
    minus: block(-1),
    minNormalizedMargin: Math.min(...q) / norm,
    maxNormalizedMargin: Math.max(...q) / norm,
    smoothedMargin: Math.log(1 / inner) / norm,
  };
}

function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(REL * Math.abs(expected));
}

function expectAgree(got: ShapeQuantities, ref: Reference, at: string): void {
  expectClose(got.stableRank, ref.stableRank, `${at} stableRank`);
  expectClose(got.blockStableRank.plus, ref.plus, `${at} blockStableRank.plus`);
  expectClose(got.blockStableRank.minus, ref.minus, `${at} blockStableRank.minus`);
  expectClose(got.minNormalizedMargin, ref.minNormalizedMargin, `${at} minNormalizedMargin`);
  expectClose(got.maxNormalizedMargin, ref.maxNormalizedMargin, `${at} maxNormalizedMargin`);
  expectClose(got.smoothedMargin, ref.smoothedMargin, `${at} smoothedMargin`);
}

/** Fresh problems: wide (m ≤ d) and tall (m > d) first layers, both losses, leaky and plain ReLU. */
const problemArb = fc
  .record({
    n: fc.integer({ min: 2, max: 8 }),
    d: fc.integer({ min: 2, max: 60 }),
    m: fc.integer({ min: 2, max: 12 }),
    gamma: fc.constantFrom(0, 0.3, 0.7),
    loss: fc.constantFrom('exp' as const, 'logistic' as const),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map(({ n, d, m, gamma, loss, seed }) => {
    const ds = generateDataset({ kind: 'gaussian', n, d, muNorm: 2, seed });
    return validateProblem(makeProblemFile(ds, { m, gamma, loss, steps: 30, initScale: 0.3, initSeed: `${seed}:init` }));
  });

describe('shape quantities against an independent Jacobi SVD', () => {
  it('the Jacobi reference itself: diag(3, 2, 1) has singular values 3, 2, 1', () => {
    const s = jacobiSingularValues(Float64Array.of(0, 2, 0, 3, 0, 0, 0, 0, 1), 3, 3);
    expect(s.map((v) => Math.abs(v - Math.round(v)) < 1e-14)).toEqual([true, true, true]);
    expect(s.map(Math.round)).toEqual([3, 2, 1]);
  });

  it('measureTrajectory: every checkpoint agrees to relative 1e-8', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, async (p) => {
        const trained = await float64Trainer().train(p, [0, 1, 5, 30]);
        for (const c of measureTrajectory(p, 'float64', trained).checkpoints) expectAgree(c, reference(p, c.W), `t = ${c.t}`);
      }),
      { numRuns: 12 },
    );
  });

  it('train: the JSON checkpoints agree at W(0) and the final W', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, fc.constantFrom(0, 1, 30), async (p, steps) => {
        const path = file('shape.json', problemToFile(p));
        const r = await cli('train', path, '--steps', String(steps), '--checkpoints', String(steps));
        expect(r.code, r.err).toBe(0);
        const out = JSON.parse(r.out) as { W: number[][]; checkpoints: ShapeQuantities[] };
        expectAgree(out.checkpoints[0]!, reference(p, out.W.flat()), `train --steps ${steps}`);
      }),
      { numRuns: 6 },
    );
  });

  it('W = 0 and an empty block give null, never NaN', () => {
    const p = { a: Float64Array.of(1, 1), m: 2, d: 3, loss: 'exp' as const };
    const s = shapeQuantities(p, new Float64Array(6), new Float64Array(2), 0);
    expect(s).toEqual({ stableRank: null, blockStableRank: { plus: null, minus: null }, minNormalizedMargin: null, maxNormalizedMargin: null, smoothedMargin: null });
    const W = Float64Array.of(1, 0, 0, 0, 1, 0);
    const t = shapeQuantities(p, W, Float64Array.of(1, 2), Math.SQRT2);
    expect(t.blockStableRank.minus).toBeNull();
    expect(t.blockStableRank.plus).toBeCloseTo(2, 12);
  });

  it('measured checkpoints compute the shape on first read, once, and show it to JSON and spread', () => {
    let calls = 0;
    const counting = { ...referenceShapeTheory, stableRank: (W: Float64Array, m: number, d: number) => (calls++, referenceShapeTheory.stableRank(W, m, d)) };
    const p = validateProblem(makeProblemFile(generateDataset({ kind: 'gaussian', n: 3, d: 4, muNorm: 1, seed: 1 }), { m: 2, gamma: 0.5, steps: 1, initScale: 0.1 }));
    const [c] = measureTrajectory(p, 'toy', [{ t: 0, W: p.W0 }], counting).checkpoints;
    expect(calls).toBe(0);
    const first = c!.stableRank;
    expect(c!.stableRank).toBe(first);
    expect(calls).toBe(1);
    expect(JSON.parse(JSON.stringify(c)).stableRank).toBe(first);
    expect({ ...c! }.stableRank).toBe(first);
    expect(calls).toBe(1);
  });

  it('the whole-W heuristic is 2 at γ = 0, 1 at γ = 1, and 2(1 + γ²)/(1 + γ)² between', () => {
    expect(wholeRankHeuristic(0)).toBe(2);
    expect(wholeRankHeuristic(1)).toBe(1);
    expect(wholeRankHeuristic(0.5)).toBeCloseTo(2.5 / 2.25, 15);
  });
});

describe('shape quantities that do not exist are null whatever the theory says', () => {
  /** A theory whose γ̃ is always 7, to see when withShape asks it at all. */
  const seven = { ...referenceShapeTheory, smoothedMargin: () => 7 };
  const W = Float64Array.of(1, 0, 0, 0, 1, 0);
  const q = Float64Array.of(1, 2);

  it('asks for γ̃ only when W ≠ 0 and the loss is a margin loss', () => {
    const p = { a: Float64Array.of(1, 1), m: 2, d: 3, loss: 'exp' as const };
    expect(shapeQuantities(p, W, q, Math.SQRT2, seven).smoothedMargin).toBe(7);
    expect(shapeQuantities(p, new Float64Array(6), new Float64Array(2), 0, seven).smoothedMargin).toBeNull();
    expect(shapeQuantities({ ...p, loss: 'square' }, W, q, Math.SQRT2, seven).smoothedMargin).toBeNull();
  });

  it('has no normalised margins without points', () => {
    const p = { a: Float64Array.of(1, 1), m: 2, d: 3, loss: 'exp' as const };
    const s = shapeQuantities(p, W, new Float64Array(0), Math.SQRT2, seven);
    expect(s.minNormalizedMargin).toBeNull();
    expect(s.maxNormalizedMargin).toBeNull();
  });
});
