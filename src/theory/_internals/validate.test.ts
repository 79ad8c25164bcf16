import { describe, expect, it } from 'vitest';
import { checkCount, checkFinite, checkFiniteArray, checkLabelledData, checkNetworkData } from './validate.js';
import { refusal } from '../../_testing/refusal.js';

const labelled = { n: 2, d: 2, X: Float64Array.of(1, 0, 0, 1), y: Float64Array.of(1, -1) };
const network = { ...labelled, m: 2, a: Float64Array.of(1, -1), gamma: 0.5 };

describe('checkCount', () => {
  it('accepts 1 and refuses 0, negatives and fractions, naming the field and the value', () => {
    expect(() => checkCount(1, 'm')).not.toThrow();
    const zero = refusal(() => checkCount(0, 'm'));
    expect(zero.field).toBe('m');
    expect(zero.message).toBe('m: expected a positive integer, got 0');
    expect(refusal(() => checkCount(-3, 'n')).field).toBe('n');
    expect(refusal(() => checkCount(2.5, 'd')).message).toMatch(/got 2\.5/);
    expect(refusal(() => checkCount(NaN, 'd')).message).toMatch(/got NaN/);
  });
});

describe('checkFiniteArray', () => {
  it('refuses a plain array even when its entries are fine', () => {
    const e = refusal(() => checkFiniteArray([1, 2] as unknown as Float64Array, 2, 'a'));
    expect(e.field).toBe('a');
    expect(e.message).toMatch(/Float64Array/);
  });

  it('refuses a wrong length, naming both lengths', () => {
    const e = refusal(() => checkFiniteArray(Float64Array.of(1, 2), 3, 'mu'));
    expect(e.field).toBe('mu');
    expect(e.message).toBe('mu: expected 3 entries, got 2');
  });

  it('names the first non-finite entry by its index', () => {
    const e = refusal(() => checkFiniteArray(Float64Array.of(0, NaN, Infinity), 3, 'W0'));
    expect(e.field).toBe('W0[1]');
    expect(e.message).toMatch(/expected a finite number, got NaN/);
    expect(() => checkFiniteArray(new Float64Array(0), 0, 'W0')).not.toThrow();
  });
});

describe('checkFinite', () => {
  it('accepts any finite number and refuses ±∞ and NaN, naming the field', () => {
    expect(() => checkFinite(-1e300, 't')).not.toThrow();
    const e = refusal(() => checkFinite(Infinity, 't'));
    expect(e.field).toBe('t');
    expect(e.message).toBe('t: expected a finite number, got Infinity');
    expect(refusal(() => checkFinite(NaN, 'C')).field).toBe('C');
  });
});

describe('checkLabelledData (docs/theory.md §1)', () => {
  it('accepts consistent ±1 data', () => {
    expect(() => checkLabelledData(labelled)).not.toThrow();
  });

  it('names n, d, X or y when that one is malformed', () => {
    expect(refusal(() => checkLabelledData({ ...labelled, n: 0 })).field).toBe('n');
    expect(refusal(() => checkLabelledData({ ...labelled, d: 0 })).field).toBe('d');
    expect(refusal(() => checkLabelledData({ ...labelled, X: Float64Array.of(1, 0, 0) })).field).toBe('X');
    expect(refusal(() => checkLabelledData({ ...labelled, X: Float64Array.of(1, 0, NaN, 1) })).field).toBe('X[2]');
    expect(refusal(() => checkLabelledData({ ...labelled, y: Float64Array.of(1) })).field).toBe('y');
  });

  it('refuses a label other than ±1, naming its index and value', () => {
    const e = refusal(() => checkLabelledData({ ...labelled, y: Float64Array.of(1, 0.5) }));
    expect(e.field).toBe('y[1]');
    expect(e.message).toBe('y[1]: expected +1 or -1, got 0.5');
  });
});

describe('checkNetworkData (docs/theory.md §1)', () => {
  it('accepts γ at both ends of [0, 1]', () => {
    expect(() => checkNetworkData({ ...network, gamma: 0 })).not.toThrow();
    expect(() => checkNetworkData({ ...network, gamma: 1 })).not.toThrow();
  });

  it('names m or a when that one is malformed', () => {
    expect(refusal(() => checkNetworkData({ ...network, m: 0 })).field).toBe('m');
    expect(refusal(() => checkNetworkData({ ...network, a: Float64Array.of(1) })).field).toBe('a');
  });

  it('refuses a slope outside [0, 1] or NaN, naming gamma and the value', () => {
    const e = refusal(() => checkNetworkData({ ...network, gamma: 1.5 }));
    expect(e.field).toBe('gamma');
    expect(e.message).toBe('gamma: expected a slope in [0, 1], got 1.5');
    expect(refusal(() => checkNetworkData({ ...network, gamma: -0.1 })).field).toBe('gamma');
    expect(refusal(() => checkNetworkData({ ...network, gamma: NaN })).field).toBe('gamma');
  });
});
