import type { PowerCell, PowerReport } from '../../claims/core/power.js';

/** The detection rate every designated fault must reach. */
export const POWER_TARGET = 0.99;

const pct = (c: PowerCell | undefined): string => (c === undefined || c.rate === null ? '·' : `${Math.round(c.rate * 100)}`);

/**
 * The power matrix as text: one row per claim, one column per fault, each cell the refutation rate in
 * percent, designated cells marked `*`, the baseline (no fault) first; then per designated fault its
 * rate, runs, lower 95% limit and smallest detected ε; and whether every designated fault reached
 * {@link POWER_TARGET} and every known-false claim was refuted.
 */
export function formatPowerMatrix(report: PowerReport): { text: string; ok: boolean } {
  const faultIds = report.faults.map((f) => f.id).filter((id) => report.claims.some((r) => r.faults[id] !== undefined));
  const header = ['claim', 'none', ...faultIds];
  const rows = report.claims.map((r) => [
    r.id,
    pct(r.baseline),
    ...faultIds.map((id) => `${pct(r.faults[id])}${r.designated.includes(id) ? '*' : ''}`),
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (r: readonly string[]): string => r.map((v, k) => (k === 0 ? v.padEnd(widths[k]!) : v.padStart(widths[k]!))).join('  ');
  const out = [
    `refutation rate in % over ${report.runs} scenarios per cell (* designated; "none": the claim with the reference trainer and theory)`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    'designated faults:',
  ];
  let ok = true;
  for (const r of report.claims) {
    if (r.expected === 'refuted') {
      const refuted = (r.baseline.refuted ?? 0) > 0;
      ok &&= refuted;
      out.push(`  ${r.id} (known-false): refuted on ${r.baseline.refuted}/${r.baseline.runs} scenarios ${refuted ? '✓' : '✗'}`);
      continue;
    }
    if (r.baseline.refuted > 0) {
      ok = false;
      out.push(`  ${r.id}: FALSE ALARMS with the reference trainer: ${r.baseline.refuted}/${r.baseline.runs} ✗`);
    }
    for (const id of r.designated) {
      const c = r.faults[id];
      if (!c) continue;
      const met = c.rate !== null && c.rate >= POWER_TARGET;
      ok &&= met;
      const eps = c.epsilon !== null ? ` at ε = ${c.epsilon}` : '';
      const min = c.minEpsilon !== undefined ? `, smallest detected ε ${c.minEpsilon === null ? 'none in range' : c.minEpsilon.toPrecision(2)}` : '';
      out.push(`  ${r.id} × ${id}${eps}: ${c.refuted}/${c.runs} = ${c.rate === null ? '—' : c.rate.toFixed(3)} (95% lower ${c.rateLower95?.toFixed(3) ?? '—'})${min} ${met ? '✓' : '✗'}`);
    }
  }
  return { text: `${out.join('\n')}\n`, ok };
}
