/**
 * The built-in engines behind trainer protocol v1 in a real child process (`benign-check serve`),
 * driven by the suite's own external-trainer client: the same seam a user's trainer plugs into.
 * Runs the compiled CLI (dist/, built by `npm ci` through the prepare script).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateDataset, makeProblemFile } from '../data/index.js';
import { validateProblem } from '../problem/validate.js';
import { float64Trainer } from './builtin.js';
import { externalTrainer } from './external.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(`${root}/dist/cli/commands/serve.js`);

describe.runIf(built)('benign-check serve, as a child process', () => {
  it('answers bit for bit what the in-process float64 engine computes', async () => {
    const ds = generateDataset({ kind: 'gaussian', n: 6, d: 12, muNorm: 2, seed: 'serve' });
    const p = validateProblem(makeProblemFile(ds, { m: 4, gamma: 0.2, steps: 50, lr: 0.05, initScale: 0.01, initSeed: 'serve:init' }));
    const cps = [0, 1, 7, 50];
    const child = externalTrainer(`node ${root}/bin/benign-check.js serve`, { timeoutMs: 60_000 });
    try {
      const remote = await child.train(p, cps);
      const local = await float64Trainer().train(p, cps);
      expect(remote.map((c) => c.t)).toEqual(cps);
      remote.forEach((c, k) => expect(Array.from(c.W)).toEqual(Array.from(local[k]!.W)));
    } finally {
      await child.close();
    }
  });

  it('answers the decimal reference too', async () => {
    const ds = generateDataset({ kind: 'gaussian', n: 3, d: 4, muNorm: 2, seed: 'serve-dec' });
    const p = validateProblem(makeProblemFile(ds, { m: 2, gamma: 0.3, steps: 5, lr: 0.1, initScale: 0.01, initSeed: 'serve-dec:init' }));
    const child = externalTrainer(`node ${root}/bin/benign-check.js serve --engine decimal --digits 30`, { timeoutMs: 60_000 });
    try {
      const remote = await child.train(p, [0, 5]);
      const local = await float64Trainer().train(p, [0, 5]);
      const W = remote[1]!.W;
      W.forEach((v, e) => expect(Math.abs(v - local[1]!.W[e]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v))));
    } finally {
      await child.close();
    }
  });
});

it('the compiled CLI exists wherever CI runs (npm ci builds it), so the child-process tests above ran', () => {
  if (process.env['CI']) expect(built).toBe(true);
});
