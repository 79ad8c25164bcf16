/**
 * The worker pool in the compiled CLI (dist/, built by `npm ci` through the prepare script): worker
 * threads load dist/workers/worker.js, so these run against `bin/benign-check.js` as a child process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../cli/_testing/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(`${root}/dist/workers/worker.js`);
const run = (...argv: string[]) => execFileSync(process.execPath, [`${root}/bin/benign-check.js`, ...argv], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });

describe.runIf(built)('the worker pool of the compiled CLI', () => {
  it('sweep: 1 worker and 2 workers write the same JSON, byte for byte', () => {
    const grid = ['sweep', '--n', '6', '--mu', '0.5,2,6', '--d', '8,300', '--seeds', '2', '--seed', '21', '--train', '50'];
    const one = path.join(scratchDir, 'w1.json');
    const two = path.join(scratchDir, 'w2.json');
    run(...grid, '--workers', '1', '--json', one);
    run(...grid, '--workers', '2', '--json', two);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
  });

  it('verify: 1 worker and 2 workers write the same JSON without timings', () => {
    const args = ['verify', '--claims', 'H-ACT,H-MONO-ANYSTEP', '--runs', '1', '--seed', '3', '--no-timings'];
    const one = path.join(scratchDir, 'v1.json');
    const two = path.join(scratchDir, 'v2.json');
    run(...args, '--workers', '1', '--json', one);
    run(...args, '--workers', '2', '--json', two);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
  });
});

it('the compiled CLI exists wherever CI runs (npm ci builds it), so the pool tests above ran', () => {
  if (process.env['CI']) expect(built).toBe(true);
});
