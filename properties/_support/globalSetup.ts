import type { TestProject } from 'vitest/node';

/**
 * One global seed per test run, as fast-check's own CI does: taken from BENIGN_SEED, required when
 * CI is set, otherwise drawn and printed. Every property derives its randomness from it, so
 * `BENIGN_SEED=<seed> npm test` replays the whole run bit for bit.
 */
export default function setup(project: TestProject): void {
  const raw = process.env['BENIGN_SEED'];
  let seed: number;
  if (raw === undefined || raw === '') {
    if (process.env['CI']) throw new Error('BENIGN_SEED must be set in CI (a 32-bit integer); see .ci/run');
    seed = (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) >>> 0;
  } else {
    seed = Number(raw);
    if (!Number.isSafeInteger(seed)) throw new Error(`BENIGN_SEED must be an integer, got ${raw}`);
    seed = seed | 0;
  }
  const tier = process.env['BENIGN_TIER'] ?? 'ci';
  console.log(`benign-check: global seed ${seed}, tier ${tier} (replay the run: BENIGN_SEED=${seed} npm test)`);
  project.provide('benignSeed', seed);
}

declare module 'vitest' {
  export interface ProvidedContext {
    benignSeed: number;
  }
}
