import type { ClaimResult, ClaimStatus, ControlCheck, FaultCheck, RunRecord, VerifyReport } from '../claims/core/result.js';
import type { ExpectedVerdict, ProvenanceTag, RunVerdict, Tier, Verdict } from '../claims/core/types.js';
import { InputError } from '../errors.js';

/** The `shard` field of a partial verify report (`verify --shard i/N`). */
export interface ShardField {
  /** 1-based index of this shard. */
  readonly index: number;
  /** Number of shards the run was split into. */
  readonly count: number;
  /** Ids of every claim the whole run selected, in order (not only this shard's). */
  readonly claims: readonly string[];
}

/** A verify JSON report read back: the report (as the renderers take it) and its shard, if partial. */
export interface ParsedJsonReport {
  readonly report: VerifyReport;
  readonly shard?: ShardField;
}

const TAGS: readonly ProvenanceTag[] = ['stated', 'derived', 'reconstructed', 'stated + derived', 'known-false', 'stated (per block: derived)'];
const EXPECTED: readonly ExpectedVerdict[] = ['holds', 'refuted'];
const VERDICTS: readonly Verdict[] = ['holds', 'refuted', 'inapplicable'];
const STATUSES: readonly ClaimStatus[] = ['ok', 'mismatch', 'no power', 'control silent'];
const TIERS: readonly Tier[] = ['quick', 'deep'];
/** How toJsonReport spells a non-finite number. */
const NON_FINITE: Readonly<Record<string, number>> = { Infinity: Infinity, '-Infinity': -Infinity, NaN: NaN };

type Obj = Record<string, unknown>;

/** Field readers that throw an {@link InputError} naming the JSON path (prefixed with `label`). */
class Reader {
  constructor(private readonly label: string) {}

  fail(path: string, message: string): never {
    throw new InputError(this.label ? `${this.label}: ${path}` : path, message);
  }

  object(v: unknown, path: string): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, `expected an object, got ${kind(v)}`);
    return v as Obj;
  }

  array(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) this.fail(path, `expected an array, got ${kind(v)}`);
    return v;
  }

  string(v: unknown, path: string): string {
    if (typeof v !== 'string') this.fail(path, `expected a string, got ${kind(v)}`);
    return v;
  }

  boolean(v: unknown, path: string): boolean {
    if (typeof v !== 'boolean') this.fail(path, `expected true or false, got ${kind(v)}`);
    return v;
  }

  /** A finite number, or one of the strings toJsonReport writes for a non-finite one. */
  number(v: unknown, path: string): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v in NON_FINITE) return NON_FINITE[v]!;
    return this.fail(path, `expected a number, got ${kind(v)}`);
  }

  nullableNumber(v: unknown, path: string): number | null {
    return v === null ? null : this.number(v, path);
  }

  integer(v: unknown, path: string, min = -Infinity): number {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) this.fail(path, `expected an integer, got ${kind(v)}`);
    if (v < min) this.fail(path, `must be ≥ ${min}, got ${v}`);
    return v;
  }

  choice<T extends string>(v: unknown, path: string, choices: readonly T[]): T {
    if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
      this.fail(path, `expected one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${kind(v)}`);
    }
    return v as T;
  }
}

function kind(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const text = JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function runVerdict(r: Reader, v: unknown, path: string): RunVerdict {
  const o = r.object(v, path);
  const measured = r.object(o['measured'], `${path}.measured`) as RunVerdict['measured'];
  const base = {
    verdict: r.choice(o['verdict'], `${path}.verdict`, VERDICTS),
    slack: r.number(o['slack'], `${path}.slack`),
    detail: r.string(o['detail'], `${path}.detail`),
    measured,
  };
  if (o['series'] === undefined) return base;
  const seriesObj = r.object(o['series'], `${path}.series`);
  const series: Record<string, (readonly [number, number])[]> = {};
  for (const [name, points] of Object.entries(seriesObj)) {
    const p = `${path}.series.${name}`;
    series[name] = r.array(points, p).map((pt, i) => {
      const pair = r.array(pt, `${p}[${i}]`);
      if (pair.length !== 2) r.fail(`${p}[${i}]`, `expected a pair [t, value], got ${pair.length} entries`);
      return [r.number(pair[0], `${p}[${i}][0]`), r.number(pair[1], `${p}[${i}][1]`)] as const;
    });
  }
  return { ...base, series };
}

function faultCheck(r: Reader, v: unknown, path: string): FaultCheck {
  const o = r.object(v, path);
  return {
    fault: r.string(o['fault'], `${path}.fault`),
    epsilon: r.nullableNumber(o['epsilon'], `${path}.epsilon`),
    why: r.string(o['why'], `${path}.why`),
    refuted: r.boolean(o['refuted'], `${path}.refuted`),
    searched: r.integer(o['searched'], `${path}.searched`, 0),
    slack: r.nullableNumber(o['slack'], `${path}.slack`),
    detail: r.string(o['detail'], `${path}.detail`),
  };
}

function controlCheck(r: Reader, v: unknown, path: string): ControlCheck {
  const o = r.object(v, path);
  return {
    description: r.string(o['description'], `${path}.description`),
    target: r.choice(o['target'], `${path}.target`, VERDICTS),
    fired: r.boolean(o['fired'], `${path}.fired`),
    searched: r.integer(o['searched'], `${path}.searched`, 0),
    slack: r.nullableNumber(o['slack'], `${path}.slack`),
    detail: r.string(o['detail'], `${path}.detail`),
  };
}

function runRecord(r: Reader, v: unknown, path: string): RunRecord {
  const o = r.object(v, path);
  const seed = typeof o['seed'] === 'string' ? o['seed'] : r.integer(o['seed'], `${path}.seed`);
  const hyp = r.object(o['hypotheses'], `${path}.hypotheses`);
  for (const [name, value] of Object.entries(hyp)) r.boolean(value, `${path}.hypotheses.${name}`);
  return {
    seed,
    verdict: r.choice(o['verdict'], `${path}.verdict`, VERDICTS),
    slack: r.number(o['slack'], `${path}.slack`),
    n: r.integer(o['n'], `${path}.n`, 0),
    d: r.integer(o['d'], `${path}.d`, 0),
    m: r.integer(o['m'], `${path}.m`, 0),
    hypotheses: hyp as Record<string, boolean>,
    detail: r.string(o['detail'], `${path}.detail`),
  };
}

function claim(r: Reader, v: unknown, path: string): ClaimResult {
  const o = r.object(v, path);
  const at = (key: string) => `${path}.${key}`;
  const status = r.choice(o['status'], at('status'), STATUSES);
  const ok = r.boolean(o['ok'], at('ok'));
  if (ok !== (status === 'ok')) r.fail(at('ok'), `is ${ok} but status is ${JSON.stringify(status)}`);
  r.object(o['power'], at('power'));
  let counterexample: ClaimResult['counterexample'];
  if (o['counterexample'] !== undefined) {
    const cx = r.object(o['counterexample'], at('counterexample'));
    if (!('scenario' in cx)) r.fail(at('counterexample.scenario'), 'missing');
    counterexample = {
      shrinks: r.integer(cx['shrinks'], at('counterexample.shrinks'), 0),
      verdict: runVerdict(r, cx['verdict'], at('counterexample.verdict')),
      scenario: cx['scenario'],
    };
  }
  const runs = r.integer(o['runs'], at('runs'), 0);
  const applicableRuns = r.integer(o['applicableRuns'], at('applicableRuns'), 0);
  if (applicableRuns > runs) r.fail(at('applicableRuns'), `${applicableRuns} exceeds runs (${runs})`);
  return {
    id: r.string(o['id'], at('id')),
    source: r.string(o['source'], at('source')),
    tag: r.choice(o['tag'], at('tag'), TAGS),
    statement: r.string(o['statement'], at('statement')),
    // Not in the JSON report, and read by none of the renderers.
    method: '',
    parameters: {},
    expected: r.choice(o['expected'], at('expected'), EXPECTED),
    verdict: r.choice(o['verdict'], at('verdict'), VERDICTS),
    status,
    ok,
    paper: r.string(o['paper'], at('paper')),
    runs,
    applicableRuns,
    seed: r.integer(o['seed'], at('seed')),
    worstSlack: r.nullableNumber(o['worstSlack'], at('worstSlack')),
    designated: r.array(o['designated'], at('designated')).map((f, i) => faultCheck(r, f, `${at('designated')}[${i}]`)),
    controls: r.array(o['controls'], at('controls')).map((k, i) => controlCheck(r, k, `${at('controls')}[${i}]`)),
    ...(counterexample !== undefined ? { counterexample } : {}),
    replay: r.string(o['replay'], at('replay')),
    millis: r.number(o['millis'], at('millis')),
    records: r.array(o['runRecords'], at('runRecords')).map((x, i) => runRecord(r, x, `${at('runRecords')}[${i}]`)),
    details: r.array(o['details'], at('details')).map((x, i) => runVerdict(r, x, `${at('details')}[${i}]`)),
  };
}

function shardField(r: Reader, v: unknown): ShardField {
  const o = r.object(v, 'shard');
  const count = r.integer(o['count'], 'shard.count', 1);
  const index = r.integer(o['index'], 'shard.index', 1);
  if (index > count) r.fail('shard.index', `must be ≤ shard.count (${count}), got ${index}`);
  const claims = r.array(o['claims'], 'shard.claims').map((id, i) => r.string(id, `shard.claims[${i}]`));
  const seen = new Set<string>();
  claims.forEach((id, i) => {
    if (seen.has(id)) r.fail(`shard.claims[${i}]`, `${JSON.stringify(id)} listed twice`);
    seen.add(id);
  });
  return { index, count, claims };
}

/**
 * Reads back a report written by `verify --json` (the format of {@link toJsonReport}), checking every
 * field the renderers use; a malformed one is an {@link InputError} naming its JSON path
 * (`claims[2].designated[0].refuted`), prefixed with `label` (a file name) when given. Non-finite
 * numbers written as "Infinity", "-Infinity" or "NaN" come back as numbers, so rendering the report
 * again gives the same bytes. `ok` and `summary` are not trusted: the caller recomputes them
 * (`summary` must be an object). Fields outside the JSON (`method`, `parameters`) are left empty.
 */
export function parseJsonReport(text: string, label = ''): ParsedJsonReport {
  const r = new Reader(label);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return r.fail('(file)', `not JSON (${(e as Error).message})`);
  }
  const o = r.object(doc, '(top level)');
  if (o['tool'] !== 'benign-check') r.fail('tool', `expected "benign-check" (a verify --json report), got ${kind(o['tool'])}`);
  const version = r.string(o['version'], 'version');
  const seed = r.integer(o['seed'], 'seed');
  const tier = r.choice(o['tier'], 'tier', TIERS);
  const trainer = r.string(o['trainer'], 'trainer');
  const runsPerClaim = r.integer(o['runsPerClaim'], 'runsPerClaim', 1);
  const shard = o['shard'] === undefined ? undefined : shardField(r, o['shard']);
  r.boolean(o['ok'], 'ok');
  r.object(o['summary'], 'summary');
  const claims = r.array(o['claims'], 'claims').map((c, i) => claim(r, c, `claims[${i}]`));
  const report: VerifyReport = { tool: 'benign-check', version, seed, tier, trainer, runsPerClaim, claims, ok: claims.every((c) => c.ok) };
  return shard === undefined ? { report } : { report, shard };
}
