import { InputError } from '../errors.js';
import type { SweepCell } from '../sweep/cell.js';
import { sweepCells, type SweepSpec } from '../sweep/grid.js';
import { sweepReport, type SweepReport } from '../sweep/report.js';
import { shardItems } from './shard.js';

/** Reads a sweep report back: the strings "Infinity", "-Infinity" and "NaN" become numbers again. */
export function parseSweepReport(text: string, file: string): SweepReport {
  let doc: unknown;
  try {
    doc = JSON.parse(text, (_k, v: unknown) => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === 'NaN' ? NaN : v));
  } catch (e) {
    throw new InputError(file, `not JSON (${(e as Error).message})`);
  }
  const r = doc as Partial<SweepReport>;
  if (r.tool !== 'benign-check' || r.report !== 'sweep' || !Array.isArray(r.cells) || typeof r.spec !== 'object' || typeof r.seed !== 'number') {
    throw new InputError(file, 'not a report of `benign-check sweep`');
  }
  return r as SweepReport;
}

/**
 * The report of the whole grid from the parts of `sweep --shard i/N` runs, exactly what the unsharded
 * run writes. Throws an InputError naming the file and field when the parts are not the N shards of
 * one run (version, seed, spec, N; each index once; each holding its cells).
 */
export function mergeSweepParts(parts: readonly { file: string; report: SweepReport }[]): SweepReport {
  const ref = parts[0]!;
  const specText = JSON.stringify(ref.report.spec);
  const shardOf = (p: { report: SweepReport }) => p.report.shard ?? { index: 1, count: 1, cells: p.report.cells.length };
  const count = shardOf(ref).count;
  const spec: SweepSpec = ref.report.spec;
  const all = sweepCells(spec);
  const byIndex = new Map<number, string>();
  const cells = new Map<number, SweepCell>();
  for (const p of parts) {
    const differs = (field: string, got: unknown, want: unknown): never => {
      throw new InputError(`${p.file}: ${field}`, `${JSON.stringify(got)} differs from ${JSON.stringify(want)} in ${ref.file}: the parts are not shards of one sweep`);
    };
    if (p.report.version !== ref.report.version) differs('version', p.report.version, ref.report.version);
    if (p.report.seed !== ref.report.seed) differs('seed', p.report.seed, ref.report.seed);
    if (JSON.stringify(p.report.spec) !== specText) differs('spec', p.report.spec, ref.report.spec);
    const s = shardOf(p);
    if (s.count !== count) differs('shard.count', s.count, count);
    const previous = byIndex.get(s.index);
    if (previous !== undefined) throw new InputError(`${p.file}: shard.index`, `shard ${s.index}/${count} is given twice (also ${previous})`);
    byIndex.set(s.index, p.file);
    const want = shardItems(all, { index: s.index, count });
    if (p.report.cells.length !== want.length) throw new InputError(`${p.file}: cells`, `shard ${s.index}/${count} holds ${want.length} cells, got ${p.report.cells.length}`);
    want.forEach((w, k) => {
      const got = p.report.cells[k]!;
      if (got.index !== w.index || got.muNorm !== w.muNorm || got.d !== w.d) throw new InputError(`${p.file}: cells[${k}]`, `expected cell ${w.index} (‖μ‖ ${w.muNorm}, d ${w.d}), got ${got.index} (‖μ‖ ${got.muNorm}, d ${got.d})`);
      cells.set(w.index, got);
    });
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new InputError('shard.index', `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  return sweepReport(ref.report.version, ref.report.seed, spec, all.map((c) => cells.get(c.index)!));
}
