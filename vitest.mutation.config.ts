import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * Vitest config for mutation testing (`npm run mutation`, see stryker.config.mjs): the same global
 * setup, setup files and timeouts as vitest.config.ts, but only the colocated unit tests
 * (src/**\/*.test.ts), not the slow properties/ suite, so each mutant runs in seconds.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['src/**/*.test.ts'],
  },
});
