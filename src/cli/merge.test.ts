import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, file, scratchDir as dir } from './_testing/cli.js';
import { parseShard, shardItems, withShardField } from './shard.js';

// Fast claims, one run each: the shards of this run are compared byte for byte with the whole run.
const CLAIMS = ['H-ACT', 'H-MONO', 'H-INT', 'H-LB'];
const RUN = ['--claims', CLAIMS.join(','), '--runs', '1', '--seed', '5', '--no-timings'];
const out = (name: string) => path.join(dir, name);
const read = (p: string) => readFileSync(p, 'utf8');
type Doc = Record<string, unknown> & { claims: Record<string, unknown>[]; shard?: { index: number; count: number; claims: string[] } };
const doc = (p: string) => JSON.parse(read(p)) as Doc;

describe('shard selection', () => {
  it('parses i/N and deals the claims round robin by position', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    const ids = ['a', 'b', 'c', 'd', 'e'];
    expect(shardItems(ids, { index: 1, count: 2 })).toEqual(['a', 'c', 'e']);
    expect(shardItems(ids, { index: 2, count: 2 })).toEqual(['b', 'd']);
    expect(shardItems(ids, { index: 4, count: 4 })).toEqual(['d']);
    expect(shardItems(ids, { index: 3, count: 7 })).toEqual(['c']);
    expect(shardItems(ids, { index: 6, count: 7 })).toEqual([]);
    // Every claim is in exactly one shard.
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const all = Array.from({ length: n }, (_, i) => shardItems(ids, { index: i + 1, count: n })).flat();
      expect([...all].sort()).toEqual(ids);
    }
  });

  it('inserts the shard field after runsPerClaim and leaves the rest byte for byte', () => {
    const json = JSON.stringify({ tool: 'benign-check', runsPerClaim: 1, ok: true, claims: [{ slack: 1e-300, x: 'NaN', y: -0.1 }] }, null, 2) + '\n';
    const withShard = withShardField(json, { index: 2, count: 3, claims: ['A', 'B'] });
    expect(Object.keys(JSON.parse(withShard) as object)).toEqual(['tool', 'runsPerClaim', 'shard', 'ok', 'claims']);
    const { shard: _, ...rest } = JSON.parse(withShard) as Record<string, unknown>;
    expect(JSON.stringify(rest, null, 2) + '\n').toBe(json);
  });

  it.each(['0/2', '3/2', 'x', '1/0', '1/2/3', '-1/2', '1.5/2', '', '2/10001'])('verify --shard %j: exit 2 naming --shard, nothing run', async (value) => {
    const r = await cli('verify', '--claims', 'H-ACT', '--runs', '1', '--seed', '5', '--shard', value);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--shard');
    expect(r.out).toBe('');
  });
});

describe('verify --shard and merge', () => {
  const full = { json: out('full.json'), junit: out('full.xml'), table: '' };
  const p1 = out('part-1.json');
  const p2 = out('part-2.json');

  beforeAll(async () => {
    const whole = await cli('verify', ...RUN, '--json', full.json, '--junit', full.junit, '--svg', out('full.svg'));
    expect(whole.code, whole.err).toBe(0);
    full.table = whole.out;
    for (const [i, p] of [[1, p1], [2, p2]] as const) {
      const r = await cli('verify', ...RUN, '--shard', `${i}/2`, '--json', p, '--junit', out(`part-${i}.xml`));
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(`shard ${i}/2`);
    }
  });

  it('a shard runs the claims at positions k ≡ i − 1 (mod N), marked partial, each exactly as the whole run computed it', () => {
    const whole = doc(full.json);
    const [a, b] = [doc(p1), doc(p2)];
    expect(whole).not.toHaveProperty('shard');
    expect(a.shard).toEqual({ index: 1, count: 2, claims: CLAIMS });
    expect(b.shard).toEqual({ index: 2, count: 2, claims: CLAIMS });
    expect(a.claims.map((c) => c['id'])).toEqual(['H-ACT', 'H-INT']);
    expect(b.claims.map((c) => c['id'])).toEqual(['H-MONO', 'H-LB']);
    const byId = new Map(whole.claims.map((c) => [c['id'], c]));
    for (const c of [...a.claims, ...b.claims]) expect(c).toEqual(byId.get(c['id']));
    for (const c of whole.claims) expect(c['runRecords']).toHaveLength(1);
    // --no-timings: every millis 0, every JUnit time 0.000.
    expect(whole.claims.map((c) => c['millis'])).toEqual([0, 0, 0, 0]);
    expect(read(full.junit)).not.toMatch(/time="(?!0\.000")/);
    expect(read(out('part-1.xml'))).toContain('tests="2"');
  });

  it('merging the shards (in any order) gives the unsharded run byte for byte: JSON, JUnit and table', async () => {
    const merged = { json: out('merged.json'), junit: out('merged.xml') };
    const r = await cli('merge', p2, p1, '--no-timings', '--json', merged.json, '--junit', merged.junit, '--svg', out('merged.svg'));
    expect(r.code, r.err).toBe(0);
    expect(read(out('merged.svg'))).toBe(read(out('full.svg')));
    expect(doc(merged.json)).not.toHaveProperty('shard');
    expect(read(merged.json)).toBe(read(full.json));
    expect(read(merged.junit)).toBe(read(full.junit));
    expect(r.out).toBe(full.table);
    expect(r.err).toContain('2 parts of 2, seed 5');
    // A shard with its shard field removed is a plain report of its claims: merge takes it as 1/1.
    const { shard: _, ...plain } = doc(p1);
    const alone = await cli('merge', file('plain.json', JSON.stringify(plain, null, 2) + '\n'), '--json', out('plain-out.json'));
    expect(alone.code, alone.err).toBe(0);
    expect(read(out('plain-out.json'))).toBe(JSON.stringify(plain, null, 2) + '\n');
    // The whole run's report, re-read and re-rendered, is unchanged.
    const again = await cli('merge', full.json, '--json', out('again.json'));
    expect(again.code).toBe(0);
    expect(read(out('again.json'))).toBe(read(full.json));
  });

  it('recomputes ok and the summary, and exits 1 when a claim is not ok', async () => {
    const a = doc(p1);
    const c = a.claims[1]!;
    Object.assign(c, { verdict: 'refuted', status: 'mismatch', ok: false });
    const r = await cli('merge', file('bad-1.json', a), p2, '--json', out('bad-merged.json'), '--junit', out('bad-merged.xml'));
    expect(r.code).toBe(1);
    const m = doc(out('bad-merged.json'));
    expect(m['ok']).toBe(false);
    expect(m['summary']).toEqual({ claims: 4, atExpected: 3, notAtExpected: 1, controlsNotOk: 0 });
    expect(read(out('bad-merged.xml'))).toContain('failures="1"');
    expect(r.out).toContain('H-INT');
    expect(r.out).toContain('refuted ✗');
  });

  it('keeps the parts\' timings unless --no-timings', async () => {
    const a = doc(p1);
    a.claims[0]!['millis'] = 1234;
    const timed = file('timed-1.json', a);
    await cli('merge', timed, p2, '--json', out('timed.json'), '--junit', out('timed.xml'));
    expect(doc(out('timed.json')).claims[0]!['millis']).toBe(1234);
    expect(read(out('timed.xml'))).toContain('time="1.234"');
    await cli('merge', timed, p2, '--no-timings', '--json', out('untimed.json'));
    expect(read(out('untimed.json'))).toBe(read(full.json));
  });

  it('an empty shard (more shards than claims) is a valid part', async () => {
    const e = out('empty.json');
    const r = await cli('verify', '--claims', 'H-ACT', '--runs', '1', '--seed', '5', '--no-timings', '--shard', '2/2', '--json', e);
    expect(r.code, r.err).toBe(0);
    expect(doc(e).claims).toEqual([]);
    expect(doc(e).shard).toEqual({ index: 2, count: 2, claims: ['H-ACT'] });
    const one = JSON.parse(read(p1)) as Doc;
    one.claims = one.claims.slice(0, 1);
    one.shard = { index: 1, count: 2, claims: ['H-ACT'] };
    const m = await cli('merge', file('one.json', one), e, '--json', out('one-merged.json'));
    expect(m.code, m.err).toBe(0);
    expect(doc(out('one-merged.json')).claims.map((c) => c['id'])).toEqual(['H-ACT']);
  });

  describe('refuses parts that are not the shards of one run: exit 2 naming the file and field', () => {
    const variant = (name: string, edit: (d: Doc) => void): string => {
      const d = doc(p2);
      edit(d);
      return file(name, d);
    };
    it.each<[string, (d: Doc) => void, string]>([
      ['seed', (d) => (d['seed'] = 6), 'seed'],
      ['tier', (d) => (d['tier'] = 'deep'), 'tier'],
      ['trainer', (d) => (d['trainer'] = 'trainer: python3 t.py'), 'trainer'],
      ['runsPerClaim', (d) => (d['runsPerClaim'] = 2), 'runsPerClaim'],
      ['version', (d) => (d['version'] = '9.9.9'), 'version'],
      ['claims list', (d) => (d.shard!.claims = ['H-ACT', 'H-MONO', 'H-LB', 'H-INT']), 'shard.claims'],
      ['count', (d) => (d.shard = { ...d.shard!, count: 3 }), 'shard.count'],
      ['duplicate', (d) => (d.shard = { ...d.shard!, index: 1 }), 'shard.index'],
      ['wrong claim', (d) => (d.claims = d.claims.reverse()), 'claims[0].id'],
      ['extra claim', (d) => d.claims.push({ ...d.claims[0]! }), 'claims[2].id'],
      ['missing claim', (d) => (d.claims = d.claims.slice(0, 1)), 'claims[1].id'],
    ])('%s', async (name, edit, field) => {
      const bad = variant(`v-${name.replace(/ /g, '-')}.json`, edit);
      const r = await cli('merge', p1, bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${bad}: ${field}:`);
      expect(r.out).toBe('');
    });

    it('a missing shard', async () => {
      const r = await cli('merge', p1);
      expect(r.code).toBe(2);
      expect(r.err).toContain('shard.index: shard 2/2 missing');
      expect(r.err).toContain(`${p1} is 1/2`);
    });
  });

  describe('refuses a malformed report: exit 2 naming the file and field', () => {
    it.each<[string, string | ((d: Doc) => void), string]>([
      ['not JSON', '{"tool": ', '(file)'],
      ['not a report', '[1, 2]', '(top level)'],
      ['another tool', (d) => (d['tool'] = 'other'), 'tool'],
      ['seed', (d) => (d['seed'] = 'five'), 'seed'],
      ['tier', (d) => (d['tier'] = 'slow'), 'tier'],
      ['claims', (d) => delete (d as Record<string, unknown>)['claims'], 'claims'],
      ['refuted', (d) => (d.claims[1]!['designated'] as Record<string, unknown>[])[0]!['refuted'] = 'yes', 'claims[1].designated[0].refuted'],
      ['verdict', (d) => (d.claims[0]!['verdict'] = 'maybe'), 'claims[0].verdict'],
      ['ok vs status', (d) => (d.claims[0]!['ok'] = false), 'claims[0].ok'],
      ['worstSlack', (d) => (d.claims[0]!['worstSlack'] = 'big'), 'claims[0].worstSlack'],
      ['runRecords', (d) => ((d.claims[0]!['runRecords'] as Record<string, unknown>[])[0]!['n'] = 1.5), 'claims[0].runRecords[0].n'],
      ['details', (d) => ((d.claims[0]!['details'] as Record<string, unknown>[])[0]!['measured'] = null), 'claims[0].details[0].measured'],
      ['shard index', (d) => (d.shard = { ...d.shard!, index: 3 }), 'shard.index'],
      ['shard claims', (d) => (d.shard = { ...d.shard!, claims: ['H-ACT', 'H-ACT'] }), 'shard.claims[1]'],
    ])('%s', async (name, edit, field) => {
      let bad: string;
      if (typeof edit === 'string') bad = file(`m-${name.replace(/ /g, '-')}.json`, edit);
      else {
        const d = doc(p1);
        edit(d);
        bad = file(`m-${name.replace(/ /g, '-')}.json`, d);
      }
      const r = await cli('merge', bad, p2);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${bad}: ${field}:`);
    });

    it('no part, an unreadable part, an unknown flag', async () => {
      expect((await cli('merge')).err).toContain('PART');
      const gone = await cli('merge', out('nonexistent.json'));
      expect(gone.code).toBe(2);
      expect(gone.err).toContain('PART: cannot read');
      const flag = await cli('merge', p1, p2, '--shard', 'x');
      expect(flag.code).toBe(2);
      expect(flag.err).toContain('--shard: unknown option');
      const vega = await cli('merge', p1, p2, '--vega', 'x');
      expect(vega.code).toBe(2);
      expect(vega.err).toContain('--vega: only for the parts of `sweep --shard i/N`');
    });
  });
});
