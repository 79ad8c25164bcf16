import { describe, expect, it } from 'vitest';
import { guardFinite, inapplicable, refutedBecause, verdictFromSlack } from './verdict.js';

describe('verdictFromSlack', () => {
  it('holds at slack 0 exactly (the edge belongs to the claim) and is refuted below it', () => {
    expect(verdictFromSlack(0, 'edge', {}).verdict).toBe('holds');
    expect(verdictFromSlack(-Number.MIN_VALUE, 'just below', {}).verdict).toBe('refuted');
    expect(verdictFromSlack(0.5, 'room', { a: 1 }, { s: [[1, 2]] })).toEqual({ verdict: 'holds', slack: 0.5, detail: 'room', measured: { a: 1 }, series: { s: [[1, 2]] } });
    expect('series' in verdictFromSlack(1, 'no series', {})).toBe(false);
  });
});

describe('guardFinite', () => {
  it('leaves an inapplicable verdict alone, whatever it measured', () => {
    const v = { ...inapplicable('hypotheses fail'), measured: { ratio: Number.NaN } };
    expect(guardFinite(v)).toBe(v);
  });

  it('refutes a non-finite point of a series, naming the series and the point', () => {
    const v = guardFinite(verdictFromSlack(1, 'fine', { a: 1 }, { 'loss vs t': [[1, 1], [2, Number.NaN]] }));
    expect(v).toEqual(refutedBecause('non-finite point (2, NaN) in series "loss vs t" (fine)', { a: 1 }));
  });

  it('passes a finite verdict through unchanged', () => {
    const v = verdictFromSlack(0.25, 'fine', { a: 1, label: 'text' }, { s: [[1, 2]] });
    expect(guardFinite(v)).toBe(v);
  });
});
