import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'properties/**/*.test.ts'],
    globalSetup: ['properties/_support/globalSetup.ts'],
    setupFiles: ['properties/_support/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
