import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, scratchDir } from './_testing/cli.js';

const out = (name: string) => path.join(scratchDir, name);
const read = (name: string) => readFileSync(out(name), 'utf8');

describe('calibrate and power: --shard i/N, then merge', () => {
  it.each([
    ['calibrate', ['--claims', 'H-ACT,H-MONO-ANYSTEP', '--runs', '1', '--seed', '9', '--workers', '1']],
    ['power', ['--claims', 'H-ACT,H-MONO-ANYSTEP', '--faults', 'designated', '--runs', '1', '--no-bisect', '--seed', '9', '--workers', '1']],
  ] as const)('%s: two shards merged give the unsharded JSON byte for byte', async (command, args) => {
    const whole = await cli(command, ...args, '--json', out(`${command}-whole.json`));
    for (const i of [1, 2]) await cli(command, ...args, '--shard', `${i}/2`, '--json', out(`${command}-${i}.json`));
    expect(JSON.parse(read(`${command}-1.json`)).shard).toEqual({ index: 1, count: 2, claims: ['H-ACT', 'H-MONO-ANYSTEP'] });
    const merged = await cli('merge', out(`${command}-2.json`), out(`${command}-1.json`), '--json', out(`${command}-merged.json`));
    expect(merged.code).toBe(whole.code);
    expect(merged.out).toBe(whole.out);
    expect(read(`${command}-merged.json`)).toBe(read(`${command}-whole.json`));
    const twice = await cli('merge', out(`${command}-1.json`), out(`${command}-1.json`));
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('shard.index');
  });
});
