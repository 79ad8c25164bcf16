import { describe, expect, it } from 'vitest';
import { readStaircase } from './staircase.js';
import { fieldOf } from '../_testing/refusal.js';

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

  it('refuses a minDropLog that is not positive, naming it', () => {
    const flat: [number, number][] = [[1, 1], [2, 1]];
    for (const minDropLog of [0, -1, NaN]) {
      expect(fieldOf(() => readStaircase(flat, { minDropLog }))).toBe('minDropLog');
    }
    expect(() => readStaircase(flat, { minDropLog: -1 })).toThrow(/must be positive, got -1/);
  });

  it('refuses fewer than two points with t > 0, naming curve', () => {
    expect(fieldOf(() => readStaircase([[0, 1], [1, 1]]))).toBe('curve');
    expect(() => readStaircase([[1, 1]])).toThrow('curve: needs at least two points with t > 0');
  });

  it('refuses a negative loss and a t that does not increase, naming the point', () => {
    expect(() => readStaircase([[1, 1], [2, -1]])).toThrow(/curve\[1\].*got -1/);
    expect(fieldOf(() => readStaircase([[1, 1], [2, -1]]))).toBe('curve[1]');
    expect(fieldOf(() => readStaircase([[1, 1], [2, 1], [2, 0.5]]))).toBe('curve[2]');
    expect(() => readStaircase([[1, 1], [2, 1], [2, 0.5]])).toThrow(/t must increase/);
    expect(fieldOf(() => readStaircase([[2, 1], [1, 1]]))).toBe('curve[1]');
  });

  it('names a bad point by its index in the curve given, a skipped t = 0 point included', () => {
    expect(fieldOf(() => readStaircase([[0, 1], [1, 1], [2, -1]]))).toBe('curve[2]');
    expect(fieldOf(() => readStaircase([[0, 1], [2, 1], [1, 0.5]]))).toBe('curve[2]');
  });

  it('accepts a loss of exactly 0', () => {
    expect(readStaircase([[1, 1], [2, 0]]).drops).toHaveLength(1);
  });

  it('skips t = 0 (log time)', () => {
    const flat: [number, number][] = [[1, 1], [Math.E, 1]];
    expect(readStaircase([[0, 5], ...flat])).toEqual(readStaircase(flat));
  });

  it('reads one falling segment as one drop with a 10–90% width of 0.8 of it', () => {
    // log L falls linearly from 0 to −1 over log t ∈ [0, 1].
    const sc = readStaircase([[1, 1], [Math.E, Math.exp(-1)]]);
    expect(sc.drops).toHaveLength(1);
    const [drop] = sc.drops;
    expect(drop!.tStart).toBe(1);
    expect(drop!.tEnd).toBeCloseTo(Math.E, 14);
    expect(drop!.depth).toBeCloseTo(1, 14);
    expect(drop!.width).toBeCloseTo(0.8, 14);
    expect(sc.plateaus).toBe(0);
    expect(sc.dropFraction).toBeCloseTo(0.8, 14);
    expect(sc.initialPlateau).toBe(0);
  });

  it('counts a drop that lowers log L by exactly minDropLog, and none that lowers it by less', () => {
    const halving: [number, number][] = [[1, 1], [2, 0.5]]; // depth log 2, slope 1
    expect(readStaircase(halving, { minDropLog: Math.log(2) }).drops).toHaveLength(1);
    const shallow = readStaircase(halving, { minDropLog: Math.log(2.01) });
    expect(shallow.drops).toHaveLength(0);
    expect(shallow.plateaus).toBe(1);
  });

  it('does not count a segment falling at exactly DROP_SLOPE as moving', () => {
    // log L falls by log 2 over log t = log 4: slope exactly 0.5.
    const sc = readStaircase([[1, 1], [4, 0.5]]);
    expect(sc).toEqual({ drops: [], plateaus: 1, dropFraction: 0, initialPlateau: Math.log(4) });
  });

  it('ends a drop at the last falling point and counts the plateaus around it', () => {
    const e = Math.E;
    const first = readStaircase([[1, 1], [e, 1 / e], [e * e, 1 / e]]); // falls, then flat
    expect(first.drops).toHaveLength(1);
    expect(first.drops[0]!.tEnd).toBeCloseTo(e, 14);
    expect(first.plateaus).toBe(1);
    const late = readStaircase([[1, 1], [e, 1], [e * e, 1 / e]]); // flat, then falls to the end
    expect(late.plateaus).toBe(1);
    expect(late.initialPlateau).toBeCloseTo(1, 14);
    const middle = readStaircase([[1, 1], [e, 1], [e * e, 1 / e], [e ** 3, 1 / e]]); // flat, falls, flat
    expect(middle.drops).toHaveLength(1);
    expect(middle.plateaus).toBe(2);
    const longLast = readStaircase([[1, 1], [e, 1], [e * e, 1 / e], [e ** 3, e ** -2]]); // flat, then two falling segments
    expect(longLast.drops).toHaveLength(1);
    expect(longLast.plateaus).toBe(1);
  });

  it('measures log time from the first point read, not from t = 1', () => {
    const flat = readStaircase([[2, 1], [8, 1]]);
    expect(flat.drops).toHaveLength(0);
    expect(flat.initialPlateau).toBeCloseTo(Math.log(4), 14);
    const late = readStaircase([[2, 1], [4, 1], [8, 0.1]]);
    expect(late.drops).toHaveLength(1);
    expect(late.initialPlateau).toBeCloseTo(Math.log(2), 14);
    expect(late.dropFraction).toBeCloseTo((0.8 * Math.log(2)) / Math.log(4), 14);
  });

  it('stops reading once the loss reaches LOSS_FLOOR_FRACTION of the first loss', () => {
    // L(e) = 1e-6·L(1) is the floor; the flat tail after it is not read.
    const sc = readStaircase([[1, 1], [Math.E, 1e-6], [Math.E ** 2, 1e-9], [Math.E ** 3, 1e-9]]);
    expect(sc.drops).toHaveLength(1);
    expect(sc.drops[0]!.tEnd).toBeCloseTo(Math.E, 14);
    expect(sc.plateaus).toBe(0);
    expect(sc.dropFraction).toBeCloseTo(0.8, 14);
  });

  it('reads a curve already at zero loss as one point: no drops and a zero drop fraction, not NaN', () => {
    expect(readStaircase([[1, 0], [2, 0]])).toEqual({ drops: [], plateaus: 0, dropFraction: 0, initialPlateau: 0 });
  });
});

