import { describe, expect, it } from 'vitest';
import type { ClaimResult } from '../claims/core/result.js';
import { caught, dirClaim, fakeReport, monoClaim, NASTY_DETAIL, noPowerClaim, rankClaim } from './_testing/fakeReport.js';
import { vegaMarks, type VegaMark } from './_testing/vegaMarks.js';
import { elements, textContent } from './_testing/xml.js';
import { toSvgReport } from './svg.js';

/** Items drawn by the marks of one view (vega names a view's marks `<view>_marks`). */
const items = (marks: readonly VegaMark[], view: string, type: string) => marks.filter((m) => m.type === type && m.name === `${view}_marks`).reduce((s, m) => s + m.items, 0);
/** Line marks of one view: vega draws one per trace (one per run) in the view's path group. */
const traces = (marks: readonly VegaMark[], view: string) => marks.filter((m) => m.type === 'line' && m.name === `${view}_marks`).length;
const axisLabels = (svg: string) => elements(vegaMarks(svg).root).map((e) => e.attrs['aria-label'] ?? '').filter((l) => l.includes('axis'));

describe('toSvgReport (vega-lite, rendered headless)', async () => {
  const svg = await toSvgReport(fakeReport());
  const { root, marks } = vegaMarks(svg);
  const text = textContent(root);

  it('is a well-formed, self-contained SVG with no NaN or undefined, the same for the same report', async () => {
    expect(root.name).toBe('svg');
    expect(root.attrs['xmlns']).toBe('http://www.w3.org/2000/svg');
    expect(/NaN|undefined|Infinity/.exec(svg)?.[0]).toBeUndefined();
    expect(/<script|<image|<foreignObject|@import/i.test(svg)).toBe(false);
    expect(await toSvgReport(fakeReport())).toBe(svg);
  });

  it('titles every claim with its verdict, and the report with the summary and the seed', () => {
    expect(text).toContain('benign-check verify: NOT ALL AT EXPECTED VERDICT');
    expect(text).toContain('global seed 42');
    expect(text).toContain('H-DIR  HOLDS ✓');
    expect(text).toContain('H-MONO  REFUTED ✗');
    expect(text).toContain('K-RANK-FULL  REFUTED ✓');
  });

  it('draws one slack dot per applicable run, counterexample and designated fault, and the zero rule', () => {
    expect(items(marks, 'claim0_strip_layer_0', 'symbol')).toBe(5 + 2);
    expect(items(marks, 'claim1_strip_layer_0', 'symbol')).toBe(8 + 1 + 1);
    expect(items(marks, 'claim2_strip_layer_0', 'symbol')).toBe(4 + 1);
    for (const k of [0, 1, 2]) expect(items(marks, `claim${k}_strip_layer_1`, 'rule')).toBe(1);
  });

  it('draws a small multiple per series, one trace per run, on log axes when they span decades', () => {
    expect(traces(marks, 'claim0_series0')).toBe(5);
    expect(traces(marks, 'claim0_series1')).toBe(5);
    expect(marks.some((m) => m.name.startsWith('claim1_series'))).toBe(false); // no series: the strip alone
    expect(traces(marks, 'claim2_series0')).toBe(4 + 1); // runs and counterexample share the plot
    expect(text).toContain('loss vs t');
    expect(text).toContain('2 non-finite points skipped');
    expect(text).toContain('5 points at t ≤ 0 left off (log axis)');
    expect(axisLabels(svg).filter((l) => l.includes("titled 't (log)'") && l.includes('log scale')).length).toBe(3);
  });

  it('shows why and the replay command of the mismatching claim only, its detail escaped', () => {
    expect(text).toContain(`counterexample: ${NASTY_DETAIL}`);
    expect(text).toContain(`replay: ${monoClaim.replay}`);
    expect(text).not.toContain(`replay: ${dirClaim.replay}`);
  });

  it('flags a claim whose designated fault went unrefuted, with why and the replay command', async () => {
    const t = textContent(vegaMarks(await toSvgReport(fakeReport([dirClaim, noPowerClaim]))).root);
    expect(t).toContain('NO POWER 1/2 ✗');
    expect(t).toContain('why: fault engine:backward-relu not refuted on 20 scenarios');
    expect(t).toContain(noPowerClaim.replay);
  });

  it('stays finite and well-formed on degenerate input', async () => {
    const weird: ClaimResult[] = [
      { ...dirClaim, id: 'all-bad', details: [{ verdict: 'holds', slack: Infinity, detail: '', measured: {}, series: { 'a vs t': [[NaN, 1], [1, Infinity]], flat: [[1, 2], [1, 2]] } }] },
      { ...monoClaim, id: 'none', details: [], worstSlack: null, designated: [caught('', null, 0)].map((f) => ({ ...f, slack: null })), controls: [] },
      { ...rankClaim, id: '<&>"\'', details: [{ verdict: 'refuted', slack: -1e-300, detail: '', measured: {}, series: { s: [[-Number.MAX_VALUE, Number.MAX_VALUE], [Number.MAX_VALUE, -Number.MAX_VALUE]] } }] },
      { ...rankClaim, id: 'tiny', worstSlack: 5e-324, details: [{ verdict: 'holds', slack: Number.MIN_VALUE, detail: '', measured: {} }, { verdict: 'holds', slack: Number.MAX_VALUE, detail: '', measured: {} }] },
    ];
    const out = await toSvgReport(fakeReport(weird));
    const t = textContent(vegaMarks(out).root);
    expect(/.{80}(NaN|undefined|Infinity).{20}/.exec(out)?.[0]).toBeUndefined();
    for (const id of ['all-bad', 'none', '<&>"\'', 'tiny']) expect(t).toContain(`${id}  `);
    expect(t).toContain('no finite points');
    expect(t).toContain('not drawn: 1 at ±∞');
    expect(t).toContain('2 points beyond ±1e+300 skipped');
  });

  it('renders an empty report', async () => {
    const t = textContent(vegaMarks(await toSvgReport(fakeReport([]))).root);
    expect(t).toContain('No claims in this report.');
  });
});
