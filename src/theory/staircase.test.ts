import { describe, expect, it } from 'vitest';
import { readStaircase } from './staircase.js';

/** A curve with plateaus at the given levels, each dropping by a smooth step centred at `centres[k]` of width `width` in log t. */
function steps(levels: number[], centres: number[], width: number): [number, number][] {
  const out: [number, number][] = [];
  for (let u = 0; u <= 8; u += 0.01) {
    let L = levels[0]!;
    for (let k = 0; k < centres.length; k++) {
      const s = 1 / (1 + Math.exp(-(u - centres[k]!) / width));
      L *= (levels[k + 1]! / levels[k]!) ** s;
    }
    out.push([Math.exp(u), L]);
  }
  return out;
}

describe('readStaircase (docs/theory.md §11)', () => {
  it('counts the drops of a staircase and their share of log time', () => {
    const sc = readStaircase(steps([1, 0.5, 0.1], [3, 6], 0.05));
    expect(sc.drops).toHaveLength(2);
    expect(sc.plateaus).toBe(3);
    expect(sc.dropFraction).toBeGreaterThan(0);
    expect(sc.dropFraction).toBeLessThan(0.2);
    const sharper = readStaircase(steps([1, 0.5, 0.1], [3, 6], 0.02));
    expect(sharper.dropFraction).toBeLessThan(sc.dropFraction);
  });

  it('a smooth power-law decay is one long drop, no staircase', () => {
    const sc = readStaircase(Array.from({ length: 400 }, (_, k): [number, number] => [k + 1, 1 / (k + 1)]));
    expect(sc.drops).toHaveLength(1);
    // log L falls uniformly in log t over the whole span, so its 10–90% width is 80% of the span.
    expect(sc.dropFraction).toBeCloseTo(0.8, 2);
    expect(sc.initialPlateau).toBe(0);
  });

  it('refuses a curve it cannot read, naming the field', () => {
    expect(() => readStaircase([[1, 1]])).toThrow(/curve/);
    expect(() => readStaircase([[1, 1], [2, NaN]])).toThrow(/curve\[1\]/);
  });
});
