import type { RowComparison } from './compare.js';
import type { BenchRow } from './results.js';

/** A number to 3 significant digits, without exponent for ordinary magnitudes. */
function sig(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e6 || a < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}

function render(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells.map((s, c) => (c < 2 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/**
 * The results table: per row the median rate (steps/s, and GFLOP/s counted as 4·n·d·m flops per step
 * for every engine, so the dual and decimal rows read as primal-equivalent rates), the median time,
 * its noise as MAD (in % of the median), min and max, and k samples × steps per sample.
 */
export function formatResults(rows: readonly BenchRow[]): string {
  const header = ['engine', 'workload', 'steps/s', 'GFLOP/s', 'median', 'MAD %', 'min', 'max', 'k×steps', 'note'];
  const body = rows.map((r) => {
    const w = r.workload ? `(${r.workload.n},${r.workload.d},${r.workload.m})` : '-';
    const s = r.summary;
    if (!s) return [r.engine, w, '-', '-', '-', '-', '-', '-', '-', `${r.status}: ${r.note ?? ''}`];
    const perRun = r.unit === 's/run';
    const scale = perRun ? 1 : 1e3; // the table shows s/run for commands and ms/step for engines
    const unit = perRun ? ' s' : ' ms';
    return [
      r.engine,
      w,
      perRun ? '-' : sig(1 / s.median),
      r.flopsPerStep > 0 ? sig(r.flopsPerStep / s.median / 1e9) : '-',
      sig(s.median * scale) + unit,
      ((100 * s.mad) / s.median).toFixed(1),
      sig(s.min * scale),
      sig(s.max * scale),
      `${s.k}×${r.stepsPerSample}`,
      r.note ?? '',
    ];
  });
  return render(header, body);
}

/** The baseline comparison: one line per row id, medians and threshold in seconds (per step or per run). */
export function formatComparison(rows: readonly RowComparison[]): string {
  const header = ['row', 'verdict', 'baseline s', 'new s', 'change %', 'threshold s'];
  const body = rows.map((c) => [
    c.id,
    c.verdict === 'slower' ? 'SLOWER' : c.verdict,
    c.baseMedian !== undefined ? sig(c.baseMedian) : '-',
    c.newMedian !== undefined ? sig(c.newMedian) : '-',
    c.baseMedian !== undefined && c.newMedian !== undefined ? ((100 * (c.newMedian - c.baseMedian)) / c.baseMedian).toFixed(1) : '-',
    c.threshold !== undefined ? sig(c.threshold) : '-',
  ]);
  return render(header, body);
}

/**
 * Per workload, how many times faster the dual form runs than each primal kernel (ratio of median
 * times per step): the figure `trainFloat64`'s cost model bets on when it picks the dual for d ≫ n.
 */
export function formatSpeedups(rows: readonly BenchRow[]): string {
  const median = (engine: string, key: string): number | undefined =>
    rows.find((r) => r.engine === engine && r.workload && `(${r.workload.n},${r.workload.d},${r.workload.m})` === key)?.summary?.median;
  const keys = [...new Set(rows.filter((r) => r.workload).map((r) => `(${r.workload!.n},${r.workload!.d},${r.workload!.m})`))];
  const body = keys.map((k) => {
    const dual = median('dual', k);
    const ratio = (primal: string): string => {
      const p = median(primal, k);
      return p !== undefined && dual !== undefined ? `${sig(p / dual)}×` : '-';
    };
    return ['dual', k, ratio('primal-wasm'), ratio('primal-js')];
  });
  return render(['engine', 'workload', 'vs primal-wasm', 'vs primal-js'], body);
}
