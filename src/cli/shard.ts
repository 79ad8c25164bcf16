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
