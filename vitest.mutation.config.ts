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
  },
});
