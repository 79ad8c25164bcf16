import { InputError } from '../errors.js';
import type { ShardField } from '../report/parseJson.js';

/** One shard of a verify run: `--shard i/N`, 1 ≤ i ≤ N. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The most shards a run may be split into (far more than there are claims). */
const MAX_SHARDS = 10_000;

/** Parses `--shard i/N` (1 ≤ i ≤ N ≤ 10 000); anything else is an InputError on `--shard`. */
export function parseShard(raw: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (!m) throw new InputError('--shard', `expected i/N (e.g. 1/4), got ${JSON.stringify(raw)}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new InputError('--shard', `N must be between 1 and ${MAX_SHARDS}, got ${JSON.stringify(raw)}`);
  if (index < 1 || index > count) throw new InputError('--shard', `i must be between 1 and N = ${count}, got ${JSON.stringify(raw)}`);
  return { index, count };
}

/** The items of shard i/N: those at 0-based positions k with k mod N = i − 1 (round robin). */
export function shardItems<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, k) => k % shard.count === shard.index - 1);
}

/**
 * Adds the `shard` field (`{"index", "count", "claims": every selected claim's id, in order}`) to a
 * verify JSON report, right after `runsPerClaim`, keeping everything else byte for byte (the report is
 * plain JSON with 2-space indent, which parse and stringify reproduce).
 */
export function withShardField(json: string, shard: ShardField): string {
  const doc = JSON.parse(json) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    out[key] = value;
    if (key === 'runsPerClaim') out['shard'] = { index: shard.index, count: shard.count, claims: [...shard.claims] };
  }
  return JSON.stringify(out, null, 2) + '\n';
}

/** A JSON report whose `claims` are records with an `id` (calibrate's and power's). */
type ClaimListReport = Record<string, unknown> & { claims: readonly { readonly id: string }[] };

/**
 * A partial report of `calibrate`/`power --shard i/N`: the report with `shard` (`{"index", "count",
 * "claims": every selected claim's id}`) inserted before `claims`, which holds the shard's claims only.
 */
export function withClaimShard(doc: ClaimListReport, shard: Shard, selected: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'claims') out['shard'] = { index: shard.index, count: shard.count, claims: [...selected] };
    out[key] = value;
  }
  return out;
}

/**
 * The report of the whole run from the partial reports of `calibrate` or `power --shard i/N`: every
 * field but `shard` and `claims` must agree, each index 1..N once, each part holding its shard's
 * claims in order. The result has the unsharded report's fields in its order, byte for byte.
 *
 * @throws InputError naming the file and the field when the parts are not the shards of one run
 */
export function mergeClaimShards(parts: readonly { readonly file: string; readonly doc: ClaimListReport }[]): ClaimListReport {
  const ref = parts[0]!;
  const shardOf = (p: (typeof parts)[number]): { index: number; count: number; claims: string[] } =>
    (p.doc['shard'] as { index: number; count: number; claims: string[] } | undefined) ?? { index: 1, count: 1, claims: p.doc.claims.map((c) => c.id) };
  const { count, claims: selected } = shardOf(ref);
  const byIndex = new Map<number, string>();
  const byId = new Map<string, { readonly id: string }>();
  for (const p of parts) {
    const differs = (field: string, got: unknown, want: unknown): never => {
      throw new InputError(`${p.file}: ${field}`, `${JSON.stringify(got)} differs from ${JSON.stringify(want)} in ${ref.file}: the parts are not shards of one run`);
    };
    const keys = (d: Record<string, unknown>) => Object.keys(d).filter((k) => k !== 'shard' && k !== 'claims');
    if (keys(p.doc).join() !== keys(ref.doc).join()) differs('fields', keys(p.doc), keys(ref.doc));
    for (const k of keys(ref.doc)) if (JSON.stringify(p.doc[k]) !== JSON.stringify(ref.doc[k])) differs(k, p.doc[k], ref.doc[k]);
    const s = shardOf(p);
    if (s.count !== count) differs('shard.count', s.count, count);
    if (s.claims.join('\n') !== selected.join('\n')) differs('shard.claims', s.claims, selected);
    const previous = byIndex.get(s.index);
    if (previous !== undefined) throw new InputError(`${p.file}: shard.index`, `shard ${s.index}/${count} is given twice (also ${previous})`);
    byIndex.set(s.index, p.file);
    const want = shardItems(selected, { index: s.index, count });
    const got = p.doc.claims.map((c) => c.id);
    if (got.join('\n') !== want.join('\n')) throw new InputError(`${p.file}: claims`, `shard ${s.index}/${count} holds ${want.join(',') || 'no claim'}, got ${got.join(',') || 'no claim'}`);
    for (const c of p.doc.claims) byId.set(c.id, c);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new InputError('shard.index', `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ref.doc)) if (key !== 'shard') out[key] = key === 'claims' ? selected.map((id) => byId.get(id)!) : value;
  return out as ClaimListReport;
}
