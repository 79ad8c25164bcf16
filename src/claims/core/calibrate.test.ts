import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trainer } from '../../trainers/types.js';
import { calibrateClaim } from './calibrate.js';
import { referenceTheory } from './context.js';
import { defineClaim } from './define.js';
import { streamSeed } from './seeds.js';
import type { ClaimContext } from './types.js';
import { TOY_INFO } from './_testing/toy.js';

const trainer: Trainer = { name: 'ref', train: () => Promise.resolve([]) };
const context: ClaimContext = { trainer, theory: referenceTheory };

/** Scenarios the toy evaluated, in order. */
const seen: number[] = [];

/**
 * A toy claim on 0..99 whose hypotheses hold on multiples of 8 only (13 in 100), so that `runs`
 * applicable scenarios need far more draws than fast-check's default 100 when runs ≥ 20. Its slack
 * is (x − 40)/40 and it measures x, a string and a boolean.
 */
const toy = defineClaim('toy', {
  ...TOY_INFO,
  scenario: fc.integer({ min: 0, max: 99 }),
  designated: [{ fault: 'none', why: 'toy' }],
  controls: [],
  run: (x) => {
    seen.push(x);
    return Promise.resolve(x);
  },
  applies: (x) => ({ applies: x % 8 === 0, reason: 'x is not a multiple of 8' }),
  check: (x) => {
    const slack = (x - 40) / 40;
    return { verdict: slack >= 0 ? 'holds' : 'refuted', slack, detail: `x = ${x}`, measured: { x, label: 'text', flag: true } };
  },
  facts: (x) => ({ seed: x, n: 1, d: 1, m: 1, hypotheses: {} }),
});

describe('calibrateClaim', () => {
  it('evaluates exactly `runs` applicable scenarios of the calibrate stream, however sparse they are', async () => {
    seen.length = 0;
    const c = await calibrateClaim(toy, { runs: 25, globalSeed: 3, tier: 'quick', context });
    expect(c).toMatchObject({ id: 'TOY', expected: 'holds', stream: 'calibrate', runs: 25, seed: streamSeed(3, 'calibrate', 'TOY') });
    // The scenarios are the calibrate stream's draws, in order, up to the 25th applicable one.
    const stream = fc.sample(fc.integer({ min: 0, max: 99 }), { seed: c.seed, numRuns: seen.length });
    expect(seen).toEqual(stream);
    expect(seen.filter((x) => x % 8 === 0)).toHaveLength(25);
    expect(seen.length).toBeGreaterThan(100);
    expect(c.counts.inapplicable).toBe(seen.length - 25);
    expect(c.counts.holds + c.counts.refuted).toBe(25);
  });

  it('keeps the slacks and numeric measurements of the applicable runs only, ascending', async () => {
    seen.length = 0;
    const c = await calibrateClaim(toy, { runs: 25, globalSeed: 3, tier: 'quick', context });
    const xs = seen.filter((x) => x % 8 === 0).sort((p, q) => p - q);
    expect(c.measured).toEqual({ x: xs });
    expect(c.slacks).toEqual(xs.map((x) => (x - 40) / 40));
    expect(c.counts.refuted).toBe(xs.filter((x) => x < 40).length);
  });

  it('draws a stream of its own: not the verify stream of the same claim', async () => {
    const c = await calibrateClaim(toy, { runs: 5, globalSeed: 3, tier: 'quick', context });
    expect(c.seed).not.toBe(streamSeed(3, 'verify', 'TOY'));
    expect(c.seed).not.toBe(streamSeed(3, 'power', 'TOY'));
  });
});
