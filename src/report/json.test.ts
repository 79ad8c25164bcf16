import { describe, expect, it } from 'vitest';
import { fakeReport, monoClaim } from './_testing/fakeReport.js';
import { toJsonReport } from './json.js';

describe('toJsonReport', () => {
  const text = toJsonReport(fakeReport());
  const doc = JSON.parse(text) as { claims: Record<string, unknown>[]; [k: string]: unknown };

  it('parses, with the report fields first and 2-space indent', () => {
    expect(Object.keys(doc)).toEqual(['tool', 'version', 'seed', 'runsPerClaim', 'ok', 'summary', 'claims']);
    expect(doc['summary']).toEqual({ claims: 3, atExpected: 2, notAtExpected: 1, controlsNotOk: 0 });
    expect(text).toMatch(/^\{\n {2}"tool": "benign-check",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('has the required keys per claim, in a fixed order, counterexample only when there is one', () => {
    const keys = [
      'id', 'source', 'tag', 'statement', 'expected', 'verdict', 'ok', 'runs', 'applicableRuns', 'seed',
      'worstSlack', 'negativeControl', 'counterexample', 'replay', 'millis', 'details',
    ];
    expect(Object.keys(doc.claims[1])).toEqual(keys);
    expect(Object.keys(doc.claims[0])).toEqual(keys.filter((k) => k !== 'counterexample'));
    expect(doc.claims.map((c) => c['id'])).toEqual(['H-DIR', 'H-MONO', 'K-RANK-FULL']);
  });

  it('writes non-finite numbers as strings and typed arrays as arrays', () => {
    const cx = doc.claims[1]['counterexample'] as { scenario: Record<string, unknown>; shrinks: number };
    expect(cx.scenario).toEqual({ X: [1, 0, 0, 1], d: 2, gamma: 0.5, lr: 'Infinity', n: 2 });
    expect(cx.shrinks).toBe(7);
    const loss = ((doc.claims[0]['details'] as { series: Record<string, [number, number | string][]> }[])[2].series)['loss vs t'];
    expect(loss.map((p) => p[1])).toContain('NaN');
    expect(loss.map((p) => p[1])).toContain('Infinity');
    expect(text).not.toMatch(/null/);
  });

  it('gives the same bytes however open-ended records were built', () => {
    const a = { ...monoClaim, details: [{ verdict: 'holds' as const, slack: 1, detail: '', measured: { a: 1, b: 2 } }] };
    const b = { ...monoClaim, details: [{ verdict: 'holds' as const, slack: 1, detail: '', measured: { b: 2, a: 1 } }] };
    expect(toJsonReport(fakeReport([a]))).toBe(toJsonReport(fakeReport([b])));
    expect(toJsonReport(fakeReport())).toBe(text);
  });

  it('survives a cyclic or exotic scenario', () => {
    const scenario: Record<string, unknown> = { big: 10n, when: new Map([[1, 'x']]) };
    scenario['self'] = scenario;
    const c = { ...monoClaim, counterexample: { ...monoClaim.counterexample!, scenario } };
    const back = JSON.parse(toJsonReport(fakeReport([c]))) as { claims: { counterexample: { scenario: unknown } }[] };
    expect(back.claims[0].counterexample.scenario).toEqual({ big: '10', self: '[Circular]', when: { '1': 'x' } });
  });
});
