import { describe, expect, it } from 'vitest';
import { dirClaim, fakeReport, monoClaim, NASTY_DETAIL, rankClaim } from './_testing/fakeReport.js';
import { formatTable } from './table.js';

const ANSI = /\u001b\[/;

describe('formatTable', () => {
  const report = fakeReport();
  const table = formatTable(report);
  const lines = table.trimEnd().split('\n');

  it('has a row per claim with every column', () => {
    expect(lines[0]).toMatch(/^claim\s+source\s+tag\s+expected\s+verdict\s+runs\s+worst slack\s+neg\. control\s+seed$/);
    const row = lines.find((l) => l.startsWith('H-DIR '));
    expect(row).toMatch(/H25\s+stated\s+holds\s+holds\s+5\/6\s+\+0\.0200\s+refuted ✓\s+3141592653$/);
    for (const c of report.claims) expect(table).toContain(c.id);
  });

  it('flags the mismatch in the row and explains it under the table', () => {
    expect(lines.find((l) => l.startsWith('H-MONO '))).toMatch(/refuted ✗\s+8\/8\s+-0\.0240/);
    expect(table).toContain('Not at expected verdict (1):');
    expect(table).toContain(NASTY_DETAIL);
    expect(table).toContain(`replay: ${monoClaim.replay}`);
    expect(table).not.toContain(`replay: ${dirClaim.replay}`);
  });

  it("judges a known-false claim's control by whether it held", () => {
    expect(lines.find((l) => l.startsWith('K-RANK-FULL '))).toContain('held ✓');
    const bad = formatTable(fakeReport([{ ...rankClaim, negativeControl: { ...rankClaim.negativeControl, refuted: true } }]));
    expect(bad).toContain('NOT held ✗');
    expect(bad).toContain('Negative control not ok (1):');
  });

  it('ends with the summary and the global seed, and a newline', () => {
    expect(table.endsWith('3 claims: 2 at expected verdict, 1 not · global seed 42\n')).toBe(true);
  });

  it('has no ANSI codes without color, green and red with it', () => {
    expect(table).not.toMatch(ANSI);
    const colored = formatTable(report, { color: true });
    expect(colored).toContain('\u001b[31mrefuted ✗');
    expect(colored).toContain('\u001b[32mholds');
    // Stripping the codes gives the plain table back: colour never shifts a column.
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(table);
  });

  it('fits 120 columns, cutting long cells with …, and shows control characters', () => {
    const long = {
      ...dirClaim,
      id: 'H-DIR-WITH-A-VERY-LONG-NAME-INDEED',
      source: 'SHNGS18 via H25 and more \u001b[31m',
      tag: 'stated + derived' as const,
      verdict: 'inapplicable' as const,
      ok: false,
    };
    const t = formatTable(fakeReport([long, monoClaim, rankClaim]));
    const rows = t.split('\n').slice(0, 5);
    for (const l of rows) expect([...l].length).toBeLessThanOrEqual(120);
    expect(rows[2]).toContain('…');
    expect(t).not.toMatch(ANSI);
    expect(t).toContain('no run met the hypotheses (5/6 applicable)');
  });

  it('handles an empty report', () => {
    const t = formatTable(fakeReport([]));
    expect(t.split('\n')[0]).toMatch(/^claim/);
    expect(t).toContain('0 claims: 0 at expected verdict, 0 not · global seed 42');
  });
});
