import { describe, expect, it } from 'vitest';
import { dirClaim, fakeReport, monoClaim, NASTY_DETAIL, noPowerClaim, rankClaim } from './_testing/fakeReport.js';
import { elements, parseXml, textContent } from './_testing/xml.js';
import { toJUnit } from './junit.js';

describe('toJUnit', () => {
  const xml = toJUnit(fakeReport());
  const root = parseXml(xml);
  const all = elements(root);
  const suite = all.find((e) => e.name === 'testsuite')!;
  const cases = all.filter((e) => e.name === 'testcase');

  it('is well-formed: one suite with the counts', () => {
    expect(root.name).toBe('testsuites');
    expect(all.filter((e) => e.name === 'testsuite')).toHaveLength(1);
    expect(suite.attrs).toMatchObject({ name: 'benign-check verify', tests: '3', failures: '1', errors: '0', skipped: '0', time: '1.800' });
    expect(root.attrs).toMatchObject({ tests: '3', failures: '1' });
  });

  it('names each case by source, id, tag and expected verdict, with its time', () => {
    expect(cases.map((c) => [c.attrs['classname'], c.attrs['name'], c.attrs['time']])).toEqual([
      ['H25', 'H-DIR (stated, expected holds)', '0.512'],
      ['H25', 'H-MONO (derived, expected holds)', '0.088'],
      ['—', 'K-RANK-FULL (known-false, expected refuted)', '1.200'],
    ]);
  });

  it('fails only the mismatching claim, with the detail escaped and the replay command', () => {
    const failures = all.filter((e) => e.name === 'failure');
    expect(failures).toHaveLength(1);
    expect(cases[1].children.some((c) => typeof c !== 'string' && c.name === 'failure')).toBe(true);
    expect(failures[0].attrs['message']).toContain(NASTY_DETAIL);
    expect(textContent(failures[0])).toContain(NASTY_DETAIL);
    expect(textContent(failures[0])).toContain(`replay: ${monoClaim.replay}`);
    expect(xml).toContain('&lt;&amp;&gt;&quot;&apos;');
    expect(failures[0].attrs['type']).toBe('verdict');
    expect(failures[0].attrs['message']).toMatch(/^expected holds, got refuted \(mismatch\): /);
  });

  it('reports the worst slack, the designated faults and the controls in system-out', () => {
    const out = all.filter((e) => e.name === 'system-out').map(textContent);
    expect(out[0]).toContain('worst slack: +0.0200');
    expect(out[0]).toContain('power: 2/2 faults ✓');
    expect(out[0]).toContain('fault theory:limit-direction-rotated (ε = 0.1): refuted after 3 scenarios (slack -0.400)');
    expect(out[0]).toContain('fault engine:backward-relu: refuted after 1 scenarios (slack -0.900)');
    expect(out[0]).toContain(`control fired: ${dirClaim.controls[0]!.description}`);
    expect(out[2]).toContain('power: held ✓');
    expect(out[2]).toContain(`control fired: ${rankClaim.controls[0]!.description}`);
  });

  it('fails a claim at its expected verdict whose designated fault was never refuted, with type "power"', () => {
    const doc = parseXml(toJUnit(fakeReport([dirClaim, noPowerClaim])));
    const els = elements(doc);
    expect(els.find((e) => e.name === 'testsuite')!.attrs).toMatchObject({ tests: '2', failures: '1' });
    const failures = els.filter((e) => e.name === 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0].attrs['type']).toBe('power');
    expect(failures[0].attrs['message']).toContain('expected holds, got holds (no power)');
    expect(failures[0].attrs['message']).toContain('fault engine:backward-relu not refuted on 20 scenarios');
    expect(textContent(failures[0])).toContain(`replay: ${noPowerClaim.replay}`);
    const out = textContent(els.filter((e) => e.name === 'system-out')[1]!);
    expect(out).toContain('power: NO POWER 1/2 ✗');
    expect(out).toContain('fault engine:backward-relu: NOT refuted after 20 scenarios');
  });

  it('escapes control characters and stays well-formed with hostile names', () => {
    const hostile = { ...dirClaim, id: 'A<&>"\'\u001b[31m', source: 'x"y', ok: false, verdict: 'refuted' as const, status: 'mismatch' as const, replay: 'run --x="1" \u0007' };
    const doc = parseXml(toJUnit(fakeReport([hostile])));
    const tc = elements(doc).find((e) => e.name === 'testcase')!;
    expect(tc.attrs['name']).toBe('A<&>"\'\\x1B[31m (stated, expected holds)');
    expect(tc.attrs['classname']).toBe('x"y');
  });

  it('has no timestamp: the same report gives the same bytes, and durations can be zeroed', () => {
    expect(xml).not.toMatch(/timestamp|hostname/);
    expect(toJUnit(fakeReport())).toBe(xml);
    const zeroed = toJUnit(fakeReport(), { durations: false });
    expect(zeroed.match(/time="([^"]*)"/g)!.every((t) => t === 'time="0.000"')).toBe(true);
  });

  it('handles an empty report', () => {
    const doc = parseXml(toJUnit(fakeReport([])));
    expect(elements(doc).find((e) => e.name === 'testsuite')!.attrs).toMatchObject({ tests: '0', failures: '0' });
  });
});
