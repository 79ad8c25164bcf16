import path from 'node:path';
import { inject } from 'vitest';
import { claimSeed } from '../../src/claims/core/seeds.js';

/** The run's global seed (see globalSetup.ts). */
export function globalSeed(): number {
  return inject('benignSeed');
}

/** `heavy` for the long sweeps (`npm run test:heavy`), `ci` otherwise. */
export const tier: 'ci' | 'heavy' = process.env['BENIGN_TIER'] === 'heavy' ? 'heavy' : 'ci';

/** Number of fast-check runs for a property: `ci` in `npm test`, `heavy` under `npm run test:heavy`. */
export function runs(ci: number, heavy: number = ci * 10): number {
  return tier === 'heavy' ? heavy : ci;
}

/**
 * A seed for one named sub-stream of the run (the same derivation as a claim's seed in `verify`), so a
 * property's data do not change when another property is added.
 */
export function derivedSeed(name: string): number {
  return claimSeed(globalSeed(), name) >>> 0;
}

/** The shell command that replays one failing test of this run. */
export function replayCommand(testPath: string | undefined, testName: string | undefined, fcPath?: string | null): string {
  const file = testPath ? path.relative(process.cwd(), testPath) : '';
  const name = testName ? ` -t ${JSON.stringify(testName.split(' > ').pop())}` : '';
  const shrink = fcPath ? ` BENIGN_FC_PATH=${JSON.stringify(fcPath)}` : '';
  return `BENIGN_SEED=${globalSeed()}${shrink} npx vitest run ${file}${name}`;
}
