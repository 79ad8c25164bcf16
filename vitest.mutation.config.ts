import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * Vitest config for mutation testing (`npm run mutation`, see stryker.config.mjs): the same global
 * setup, setup files and timeouts as vitest.config.ts, but only colocated unit tests, never the slow
 * properties/ suite. stryker.config.mjs narrows them to the mutated layer's own tests through
 * `BENIGN_MUTATION_TESTS` (comma-separated globs).
 */
export default defineConfig({
  test: {
    ...base.test,
    include: (process.env['BENIGN_MUTATION_TESTS'] ?? 'src/**/*.test.ts').split(','),
    // Instrumented code runs several times slower; a mutant's own time limit is Stryker's (timeoutMS,
    // timeoutFactor), so the per-test limit here only has to let the initial run finish.
    testTimeout: 1_200_000,
    // Read by src/_testing/samples.ts: the slow sampling tests draw fewer cases on instrumented code.
    env: { ...base.test?.env, BENIGN_MUTATION: '1' },
  },
});
