import { describe, expect, it } from 'vitest';
import type { ClaimResult } from '../claims/core/result.js';
import { caught, dirClaim, fakeReport, monoClaim, noPowerClaim, rankClaim } from './_testing/fakeReport.js';
import { elements, parseXml, textContent, type XmlElement } from './_testing/xml.js';
import { toSvgReport } from './svg.js';

const byClass = (root: XmlElement, cls: string) => elements(root).filter((e) => (e.attrs['class'] ?? '').split(' ').includes(cls));

describe('toSvgReport', () => {
  const svg = toSvgReport(fakeReport());
  const root = parseXml(svg);
  const claims = byClass(root, 'claim');

  it('is a well-formed, self-contained SVG with no NaN or undefined', () => {
    expect(root.name).toBe('svg');
    expect(root.attrs['xmlns']).toBe('http://www.w3.org/2000/svg');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    expect(svg).not.toMatch(/<script|<image|<foreignObject|href=|@import|url\(/i);
    expect(toSvgReport(fakeReport())).toBe(svg);
  });

  it('has one panel per claim, with a badge and a slack strip each', () => {
    expect(claims.map((c) => c.attrs['data-id'])).toEqual(['H-DIR', 'H-MONO', 'K-RANK-FULL']);
    for (const c of claims) expect(byClass(c, 'slack-strip')).toHaveLength(1);
    expect(textContent(claims[0])).toContain('HOLDS');
    expect(textContent(claims[1])).toContain('REFUTED');
  });

  it('draws a small multiple per series, on log axes when they span decades', () => {
    const plots = (c: XmlElement) => byClass(c, 'series-plot');
    expect(plots(claims[0])).toHaveLength(2);
    expect(plots(claims[1])).toHaveLength(0); // no series: the strip alone
    expect(plots(claims[2])).toHaveLength(1); // runs and counterexample share the plot
    const loss = textContent(plots(claims[0])[1]);
    expect(loss).toContain('loss');
    expect(loss).toContain('10⁻⁴'); // loss ~ 1/t on a log axis
    expect(loss).toContain('2 non-finite points skipped');
    expect(loss).toContain('5 points at t ≤ 0 left off (log axis)'); // the t = 0 checkpoint of each run
  });

  it('shows the counterexample and the replay command of the mismatching claim only', () => {
    expect(textContent(claims[1])).toContain(monoClaim.replay);
    expect(textContent(claims[0])).not.toContain('replay');
    expect(byClass(claims[1], 'ring')).toHaveLength(1);
  });

  it("marks the first refuted designated fault's slack on the strip, and shows the power outcome", () => {
    expect(byClass(claims[0], 'diamond')).toHaveLength(1); // H-DIR: its faults were refuted
    expect(byClass(claims[2], 'diamond')).toHaveLength(0); // K-RANK-FULL: a known-false claim has none
    expect(textContent(byClass(claims[0], 'slack-strip')[0]!)).toContain('control -0.400');
    expect(textContent(claims[0])).toContain('2/2 faults ✓');
    expect(textContent(claims[2])).toContain('held ✓');
  });

  it('flags a claim whose designated fault went unrefuted, with why and the replay command', () => {
    const doc = parseXml(toSvgReport(fakeReport([dirClaim, noPowerClaim])));
    const [ok, weak] = byClass(doc, 'claim');
    expect(textContent(ok!)).not.toContain('replay');
    const t = textContent(weak!);
    expect(t).toContain('NO POWER 1/2 ✗');
    expect(t).toContain('why: fault engine:backward-relu not refuted on 20 scenarios');
    expect(t).toContain(noPowerClaim.replay);
    expect(textContent(doc)).toContain('NOT ALL AT EXPECTED VERDICT');
  });

  it('stays finite and well-formed on degenerate input', () => {
    const weird: ClaimResult[] = [
      { ...dirClaim, id: 'all-bad', details: [{ verdict: 'holds', slack: Infinity, detail: '', measured: {}, series: { 'a vs t': [[NaN, 1], [1, Infinity]], flat: [[1, 2], [1, 2]] } }] },
      { ...monoClaim, id: 'none', details: [], worstSlack: null, designated: [caught('', null, 0)].map((f) => ({ ...f, slack: null })), controls: [] },
      { ...rankClaim, id: '<&>"\'', details: [{ verdict: 'refuted', slack: -1e-300, detail: '', measured: {}, series: { s: [[-Number.MAX_VALUE, Number.MAX_VALUE], [Number.MAX_VALUE, -Number.MAX_VALUE]] } }] },
      { ...rankClaim, id: 'tiny', worstSlack: 5e-324, details: [{ verdict: 'holds', slack: Number.MIN_VALUE, detail: '', measured: {} }, { verdict: 'holds', slack: Number.MAX_VALUE, detail: '', measured: {} }] },
    ];
    const out = toSvgReport(fakeReport(weird));
    const doc = parseXml(out);
    expect(out).not.toMatch(/NaN|undefined|Infinity/);
    expect(byClass(doc, 'claim').map((c) => c.attrs['data-id'])).toEqual(['all-bad', 'none', '<&>"\'', 'tiny']);
    expect(textContent(doc)).toContain('no finite points');
    expect(textContent(doc)).toContain('not drawn: 1 at +∞');
  });

  it('renders an empty report', () => {
    const doc = parseXml(toSvgReport(fakeReport([])));
    expect(byClass(doc, 'claim')).toHaveLength(0);
    expect(textContent(doc)).toContain('No claims in this report.');
  });
});
