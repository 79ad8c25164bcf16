import { describe, expect, it } from 'vitest';
import { control, dirClaim, fakeReport, monoClaim, NASTY_DETAIL, noPowerClaim, rankClaim } from './_testing/fakeReport.js';
import { formatTable } from './table.js';

const ANSI = /\u001b\[/;

describe('formatTable', () => {
  const report = fakeReport();
  const table = formatTable(report);
  const lines = table.trimEnd().split('\n');

  it('has a row per claim with every column', () => {
    expect(lines[0]).toMatch(/^claim\s+source\s+tag\s+expected\s+verdict\s+runs\s+worst slack\s+power\s+seed$/);
    const row = lines.find((l) => l.startsWith('H-DIR '));
    expect(row).toMatch(/H25\s+stated\s+holds\s+holds\s+5\/6\s+\+0\.0200\s+2\/2 faults ✓\s+3141592653$/);
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
    const silent = { ...rankClaim, controls: [control(rankClaim.controls[0]!.description, 'holds', false, -0.2)], status: 'control silent' as const, ok: false };
    const bad = formatTable(fakeReport([silent]));
    expect(bad).toContain('NOT held ✗');
    expect(bad).toContain('No power shown (1):');
    expect(bad).toContain(`control "${rankClaim.controls[0]!.description}" never gave holds on 20 scenarios`);
  });

  it('shows NO POWER for a designated fault the claim never refuted, and explains it under the table', () => {
    const t = formatTable(fakeReport([dirClaim, noPowerClaim]));
    const row = t.split('\n').find((l) => l.startsWith('H-DIR-NOPOWER '));
    expect(row).toMatch(/holds\s+holds\s+5\/6\s+\+0\.0200\s+NO POWER 1\/2 ✗/);
    expect(t).not.toContain('Not at expected verdict');
    expect(t).toContain('No power shown (1):');
    expect(t).toContain('H-DIR-NOPOWER: NO POWER 1/2 ✗');
    expect(t).toContain('fault engine:backward-relu not refuted on 20 scenarios');
    expect(t).not.toContain('fault theory:limit-direction-rotated');
    expect(t).toContain(`replay: ${noPowerClaim.replay}`);
    expect(t).toContain('2 claims: 2 at expected verdict, 0 not; 1 without shown power');
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
      status: 'mismatch' as const,
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
