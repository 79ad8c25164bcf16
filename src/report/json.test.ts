import { describe, expect, it } from 'vitest';
import { dirClaim, fakeReport, monoClaim, noPowerClaim, rankClaim } from './_testing/fakeReport.js';
import { toJsonReport } from './json.js';

type Doc = { claims: Record<string, unknown>[]; [k: string]: unknown };

describe('toJsonReport', () => {
  const text = toJsonReport(fakeReport());
  const doc = JSON.parse(text) as Doc;

  it('parses, with the report fields first and 2-space indent', () => {
    expect(Object.keys(doc)).toEqual(['tool', 'version', 'seed', 'tier', 'trainer', 'runsPerClaim', 'ok', 'summary', 'claims']);
    expect(doc['tier']).toBe('quick');
    expect(doc['trainer']).toBe('float64');
    expect(doc['ok']).toBe(false);
    expect(doc['summary']).toEqual({ claims: 3, atExpected: 2, notAtExpected: 1, controlsNotOk: 0 });
    expect(text).toMatch(/^\{\n {2}"tool": "benign-check",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('has the required keys per claim, in a fixed order, counterexample only when there is one', () => {
    const keys = [
      'id', 'source', 'tag', 'statement', 'expected', 'verdict', 'status', 'ok', 'paper', 'runs', 'applicableRuns', 'seed',
      'worstSlack', 'power', 'designated', 'controls', 'counterexample', 'replay', 'millis', 'runRecords', 'details',
    ];
    expect(Object.keys(doc.claims[1])).toEqual(keys);
    expect(Object.keys(doc.claims[0])).toEqual(keys.filter((k) => k !== 'counterexample'));
    expect(doc.claims.map((c) => c['id'])).toEqual(['H-DIR', 'H-MONO', 'K-RANK-FULL']);
    expect(doc.claims.map((c) => [c['status'], c['ok'], c['paper']])).toEqual([
      ['ok', true, 'h25'],
      ['mismatch', false, 'h25'],
      ['ok', true, 'h25'],
    ]);
  });

  it('lists designated faults and controls with their outcome, in a fixed key order', () => {
    const designated = doc.claims[0]['designated'] as Record<string, unknown>[];
    expect(designated).toHaveLength(2);
    expect(Object.keys(designated[0])).toEqual(['fault', 'epsilon', 'why', 'refuted', 'searched', 'slack', 'detail']);
    expect(designated.map((f) => [f['fault'], f['epsilon'], f['refuted'], f['searched'], f['slack']])).toEqual([
      ['theory:limit-direction-rotated', 0.1, true, 3, -0.4],
      ['engine:backward-relu', null, true, 1, -0.9], // a discrete fault has no ε
    ]);
    expect(doc.claims[0]['power']).toEqual({ ok: true, label: '2/2 faults ✓' });
    const controls = doc.claims[2]['controls'] as Record<string, unknown>[];
    expect(Object.keys(controls[0])).toEqual(['description', 'target', 'fired', 'searched', 'slack', 'detail']);
    expect(controls[0]).toMatchObject({ target: 'holds', fired: true, slack: 0.0004 });
    expect(doc.claims[2]['designated']).toEqual([]);
    expect(doc.claims[2]['power']).toEqual({ ok: true, label: 'held ✓' });
  });

  it('reports a designated fault that was never refuted: refuted false, status "no power", not ok', () => {
    const back = JSON.parse(toJsonReport(fakeReport([dirClaim, noPowerClaim]))) as Doc;
    expect(back['ok']).toBe(false);
    expect(back['summary']).toEqual({ claims: 2, atExpected: 2, notAtExpected: 0, controlsNotOk: 1 });
    const c = back.claims[1];
    expect(c).toMatchObject({ id: 'H-DIR-NOPOWER', verdict: 'holds', status: 'no power', ok: false, power: { ok: false, label: 'NO POWER 1/2 ✗' } });
    const missed = (c['designated'] as Record<string, unknown>[]).find((f) => f['fault'] === 'engine:backward-relu');
    expect(missed).toMatchObject({ refuted: false, searched: 20, slack: 0.03 });
  });

  it('has one run record per run, with its seed, size and hypotheses', () => {
    const recs = doc.claims[0]['runRecords'] as Record<string, unknown>[];
    expect(recs).toHaveLength(dirClaim.records.length);
    expect(Object.keys(recs[0])).toEqual(['seed', 'verdict', 'slack', 'n', 'd', 'm', 'hypotheses', 'detail']);
    expect(recs[5]).toMatchObject({ seed: '3141592653:5', verdict: 'inapplicable', n: 8, d: 4, m: 6, hypotheses: { activated: false, signs: true } });
  });

  it('writes non-finite numbers as strings and typed arrays as arrays', () => {
    const cx = doc.claims[1]['counterexample'] as { scenario: Record<string, unknown>; shrinks: number };
    expect(cx.scenario).toEqual({ X: [1, 0, 0, 1], d: 2, gamma: 0.5, lr: 'Infinity', n: 2 });
    expect(cx.shrinks).toBe(7);
    const loss = ((doc.claims[0]['details'] as { series: Record<string, [number, number | string][]> }[])[2].series)['loss vs t'];
    expect(loss.map((p) => p[1])).toContain('NaN');
    expect(loss.map((p) => p[1])).toContain('Infinity');
    // The only null is a discrete fault's ε: no non-finite number became null.
    expect(text.replace(/"epsilon": null/g, '')).not.toMatch(/null/);
  });

  it('writes a non-finite slack of a fault or a run as a string', () => {
    const c = {
      ...rankClaim,
      worstSlack: Number.NEGATIVE_INFINITY,
      controls: [{ ...rankClaim.controls[0]!, slack: Number.NaN }],
      records: [{ ...rankClaim.records[0]!, slack: Number.NEGATIVE_INFINITY }],
    };
    const back = JSON.parse(toJsonReport(fakeReport([c]))) as Doc;
    expect(back.claims[0]['worstSlack']).toBe('-Infinity');
    expect((back.claims[0]['controls'] as Record<string, unknown>[])[0]!['slack']).toBe('NaN');
    expect((back.claims[0]['runRecords'] as Record<string, unknown>[])[0]!['slack']).toBe('-Infinity');
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
