import { describe, expect, it } from 'vitest';
import { dataScale, linearScale, slackScale } from './scale.js';

const labels = (s: { ticks: readonly { label: string }[] }) => s.ticks.map((t) => t.label).filter((l) => l !== '');

describe('dataScale', () => {
  it('is log when all values are > 0 and span more than 2 decades', () => {
    const s = dataScale([1, 10, 1e5]);
    expect(s.kind).toBe('log');
    expect(labels(s)).toEqual(['10⁰', '10²', '10⁴']); // 6 decades: every other one labelled
    expect(s.at(1)).toBeGreaterThan(0);
    expect(s.at(1e5)).toBeLessThan(1);
  });

  it('is linear at 2 decades or less, or with values ≤ 0 beyond a t = 0 checkpoint', () => {
    expect(dataScale([1, 100]).kind).toBe('linear');
    expect(dataScale([-1, 1e5, 3]).kind).toBe('linear');
    expect(dataScale([0, 1, 10, 100, 1e3, 1e4, 1e5, 3, 30, 300, 3000]).kind).toBe('log');
  });

  it('labels at most 5 decades on a long log axis', () => {
    expect(labels(dataScale([1e-12, 1])).length).toBeLessThanOrEqual(5);
  });

  it('gives a usable axis for a single value', () => {
    for (const v of [0, 5, -2e-7]) {
      const s = dataScale([v]);
      expect(s.at(v)).toBeGreaterThan(0);
      expect(s.at(v)).toBeLessThan(1);
    }
  });
});

describe('linearScale', () => {
  it('uses 1-2-5 steps and readable labels', () => {
    expect(labels(linearScale(0, 1))).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(labels(linearScale(-0.5, 0.5))).toEqual(['−0.6', '−0.4', '−0.2', '0', '0.2', '0.4', '0.6']);
    expect(labels(linearScale(1e6, 3e6))).toContain('2.0×10⁶');
  });
});

describe('slackScale', () => {
  it('always contains 0', () => {
    const s = slackScale([0.2, 0.5]);
    expect(s.at(0)).toBeGreaterThanOrEqual(0);
    expect(s.ticks.some((t) => t.value === 0)).toBe(true);
  });

  it('goes symmetric-log when slacks span more than 2 decades, ordered and inside [0, 1]', () => {
    const values = [-3.5, -0.024, -0.01, 0.07, 0.5];
    const s = slackScale(values);
    expect(s.kind).toBe('symlog');
    const at = values.map((v) => s.at(v));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(Math.min(...at)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...at)).toBeLessThanOrEqual(1);
    expect(labels(s)).toContain('0');
    expect(labels(s)).toContain('−10⁰');
  });

  it('is [-1, 1] with nothing to show', () => {
    expect(slackScale([]).at(0)).toBe(0.5);
  });
});

describe('extreme magnitudes', () => {
  it('map into [0, 1] without overflow', () => {
    const cases = [
      dataScale([-Number.MAX_VALUE, Number.MAX_VALUE]),
      dataScale([Number.MIN_VALUE, Number.MAX_VALUE]),
      slackScale([Number.MIN_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE]),
    ];
    for (const s of cases) {
      for (const t of s.ticks) expect(Number.isFinite(s.at(t.value))).toBe(true);
      expect(s.ticks.filter((t) => t.label !== '').length).toBeLessThanOrEqual(11);
    }
    const s = cases[2];
    expect(s.at(-Number.MAX_VALUE)).toBeGreaterThanOrEqual(0);
    expect(s.at(Number.MAX_VALUE)).toBeLessThanOrEqual(1);
    expect(s.at(Number.MIN_VALUE)).toBeGreaterThanOrEqual(s.at(0)); // below the 10⁻³⁰⁷ threshold: at the 0 line
  });
});
