import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { compareToBaseline, parseResults } from './compare.js';
import { resultsSchema, type BenchResults, type BenchRow } from './results.js';

function row(id: string, median: number, mad: number): BenchRow {
  return {
    id,
    engine: id.split(' ')[0] ?? id,
    workload: null,
    status: 'ok',
    unit: 's/step',
    stepsPerSample: 1,
    flopsPerStep: 0,
    summary: { k: 11, median, mad, min: median - mad, max: median + mad },
  };
}

function run(rows: BenchRow[]): BenchResults {
  return { schema: resultsSchema, date: '2026-01-01T00:00:00Z', machine: { node: 'v20', cpu: 'x', cores: 2, platform: 'linux-x64' }, clock: 'wall', rows };
}

describe('compareToBaseline', () => {
  it('flags a slow-down beyond 3·(MAD_new + MAD_base), and only that', () => {
    const base = run([row('a', 1.0, 0.01), row('b', 1.0, 0.01), row('c', 1.0, 0.01), row('gone', 1, 0)]);
    const next = run([row('a', 1.07, 0.01), row('b', 1.05, 0.01), row('c', 0.5, 0.01), row('fresh', 1, 0)]);
    const verdicts = Object.fromEntries(compareToBaseline(next, base).map((c) => [c.id, c.verdict]));
    // a: +0.07 > 0.06 → slower; b: +0.05 ≤ 0.06 → within noise; c: faster is never flagged.
    expect(verdicts).toEqual({ a: 'slower', b: 'same', c: 'same', fresh: 'new', gone: 'missing' });
  });

  it('refuses to compare runs timed on different clocks', () => {
    expect(() => compareToBaseline({ ...run([]), clock: 'cpu' }, run([]))).toThrow(InputError);
  });

  it('ignores rows that were not measured (skipped or unavailable)', () => {
    const skipped: BenchRow = { ...row('d', 1, 0), status: 'skipped' };
    delete (skipped as { summary?: unknown }).summary;
    expect(compareToBaseline(run([skipped]), run([row('d', 0.1, 0)]))).toEqual([{ id: 'd', verdict: 'missing', baseMedian: 0.1 }]);
  });
});

describe('parseResults', () => {
  it('round-trips a saved run and refuses other files with InputError', () => {
    const r = run([row('a', 1, 0.1)]);
    expect(parseResults(JSON.stringify(r), '--baseline')).toEqual(r);
    expect(() => parseResults('{', '--baseline')).toThrow(InputError);
    expect(() => parseResults('{"schema":"other","rows":[]}', '--baseline')).toThrow(InputError);
    expect(() => parseResults(JSON.stringify(run([row('a', Number.NaN, 0)])), '--baseline')).toThrow(InputError);
  });
});
