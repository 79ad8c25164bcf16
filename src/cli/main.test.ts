import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../version.js';
import { cli, file, scratchDir as dir } from './_testing/cli.js';

const good = { X: [[1, 2], [3, 4], [-1, 0]], y: [1, -1, 1], gamma: 0.1, m: 4, lr: 0.1, steps: 10 };

describe('benign-check train: bad input', () => {
  it.each([
    ['not JSON', '{"X": [[1, 2]', 'problem'],
    ['ragged X', { ...good, X: [[1, 2], [3], [0, 0]] }, 'X[1]'],
    ['a non-number entry', { ...good, X: [[1, 'a'], [3, 4], [0, 0]] }, 'X[0][1]'],
    ['a non-finite entry (1e999 parses to Infinity)', '{"X":[[1,1e999],[3,4],[0,0]],"y":[1,-1,1],"gamma":0.1,"m":4,"lr":0.1,"steps":10}', 'X[0][1]'],
    ['a label 2', { ...good, y: [1, 2, 1] }, 'y[1]'],
    ["y's length not n", { ...good, y: [1, -1] }, 'y'],
    ['gamma outside [0, 1]', { ...good, gamma: 2 }, 'gamma'],
    ['m < 1', { ...good, m: 0 }, 'm'],
    ['a of the wrong length', { ...good, a: [1, 1, 1] }, 'a'],
    ['W0 of the wrong shape', { ...good, W0: [[0, 0]] }, 'W0'],
    ['lr not positive', { ...good, lr: -1 }, 'lr'],
    ['steps not an integer', { ...good, steps: 2.5 }, 'steps'],
    ['an unknown loss', { ...good, loss: 'hinge' }, 'loss'],
  ])('%s: exit 2, one line naming %s', async (_label, content, field) => {
    const r = await cli('train', file('bad.json', content));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`: ${field}: `);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['train'], 'PROBLEM'],
    [['train', '/nonexistent/p.json'], 'PROBLEM'],
    [['train', 'P', '--engine', 'gpu'], '--engine'],
    [['train', 'P', '--steps', '-3'], '--steps'],
    [['train', 'P', '--checkpoints', '1,x'], '--checkpoints'],
    [['train', 'P', '--digits', '5', '--engine', 'decimal'], '--digits'],
    [['train', 'P', '--bogus'], '--bogus'],
    [['gen', '--kind', 'gaussian', '--n', '0', '--d', '3'], '--n'],
    [['gen', '--kind', 'cauchy', '--n', '2', '--d', '3'], '--kind'],
    [['gen', '--kind', 'gaussian', '--n', '2', '--d', '3', '--gamma', '7'], 'gamma'],
  ])('%j: exit 2 naming %s', async (argv, field) => {
    const args = argv.map((s) => (s === 'P' ? file('ok.json', good) : s));
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${field}: `);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('checkpoints past the last step are refused', async () => {
    const r = await cli('train', file('ok.json', good), '--checkpoints', '0,11');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--checkpoints');
  });
});

describe('benign-check gen and train', () => {
  it('gen writes a problem file that train runs, with the contract fields', async () => {
    const out = path.join(dir, 'gen.json');
    const g = await cli('gen', '--kind', 'gaussian', '--n', '6', '--d', '30', '--mu-norm', '3', '--seed', '7', '--m', '4', '--steps', '50', '--out', out);
    expect(g.code).toBe(0);
    const problem = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(problem['mu']).toHaveLength(30);
    const t = await cli('train', out, '--checkpoints', '0,10,50');
    expect(t.code).toBe(0);
    const r = JSON.parse(t.out) as { engine: string; steps: number; W: number[][]; loss: number; checkpoints: { t: number }[] };
    expect(r.engine).toBe('float64');
    expect(r.steps).toBe(50);
    expect(r.W).toHaveLength(4);
    expect(r.checkpoints.map((c) => c.t)).toEqual([0, 10, 50]);
    expect(Object.keys(r.checkpoints[0]!)).toEqual(expect.arrayContaining(['t', 'loss', 'minMargin', 'normW']));
  });

  it('the same gen arguments give the same bytes', async () => {
    const args = ['gen', '--kind', 'student-t', '--n', '5', '--d', '8', '--mu-norm', '1', '--seed', 'abc'];
    expect((await cli(...args)).out).toBe((await cli(...args)).out);
  });

  it('decimal train writes every number as a decimal string', async () => {
    const t = await cli('train', file('ok.json', good), '--engine', 'decimal', '--digits', '30', '--steps', '3');
    expect(t.code).toBe(0);
    const r = JSON.parse(t.out) as { loss: unknown; W: unknown[][] };
    expect(typeof r.loss).toBe('string');
    expect(typeof r.W[0]![0]).toBe('string');
  });

  it('prints usage and version', async () => {
    expect((await cli('--help')).out).toContain('benign-check train');
    expect((await cli('--version')).out.trim()).toBe(VERSION);
    expect((await cli()).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('keeps VERSION in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
