// @ts-check
/**
 * Mutation testing with Stryker 9.6 (`npm run mutation`; not part of `npm test`).
 *
 * `BENIGN_MUTATION_SCOPE` picks one layer (`engines`, `theory`, `numerics`, `core`) or `all` (the
 * default); `engines-float64` and `engines-decimal` split the engines in two. A layer's mutants run
 * against that layer's own colocated unit tests only (so an engine mutant must be killed by an engine
 * test, not by a CLI test that happens to train), which also keeps each mutant to seconds; `all`
 * runs every colocated unit test (vitest.mutation.config.ts), never properties/. Each scope keeps
 * its own incremental file under reports/mutation/, so a rerun after a change tests only the
 * mutants it touched.
 *
 * The global vitest setup needs a seed (and throws without one when CI is set); Stryker's workers
 * inherit process.env, so BENIGN_SEED defaults to 1 here for reproducible runs and an explicit
 * `BENIGN_SEED=<n>` still wins.
 */
process.env['BENIGN_SEED'] ??= '1';

/** @type {Record<string, { mutate: string[], tests: string[] }>} */
const scopes = {
  // The WebAssembly text kernel (kernel.wat, not TypeScript) and its loader are left out.
  // The error model (errorModel.ts) has its own unit test against the decimal reference; the slower
  // differential and planted-bug properties in properties/ stay out (under per-test coverage they made
  // each engine mutant cost tens of seconds).
  engines: { mutate: ['src/engines/**/*.ts', '!src/engines/wasm/**'], tests: ['src/engines/**/*.test.ts'] },
  // The two halves of `engines`, each about 1 300 mutants, for a machine where the whole layer does not
  // fit in one sitting: the float64 engine with the error model, and the decimal engine.
  'engines-float64': { mutate: ['src/engines/float64/**/*.ts', 'src/engines/*.ts'], tests: ['src/engines/**/*.test.ts'] },
  'engines-decimal': { mutate: ['src/engines/decimal/**/*.ts'], tests: ['src/engines/**/*.test.ts'] },
  theory: { mutate: ['src/theory/**/*.ts'], tests: ['src/theory/**/*.test.ts'] },
  numerics: { mutate: ['src/numerics/**/*.ts'], tests: ['src/numerics/**/*.test.ts'] },
  core: { mutate: ['src/claims/core/**/*.ts'], tests: ['src/claims/core/**/*.test.ts'] },
  all: {
    mutate: ['src/engines/**/*.ts', '!src/engines/wasm/**', 'src/theory/**/*.ts', 'src/numerics/**/*.ts', 'src/claims/core/**/*.ts'],
    tests: ['src/**/*.test.ts'],
  },
};
const scopeName = process.env['BENIGN_MUTATION_SCOPE'] ?? 'all';
const scope = scopes[scopeName];
if (!scope) throw new Error(`BENIGN_MUTATION_SCOPE: expected one of ${Object.keys(scopes).join(', ')}, got ${scopeName}`);
// Read by vitest.mutation.config.ts in Stryker's test-runner processes.
process.env['BENIGN_MUTATION_TESTS'] = scope.tests.join(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [...scope.mutate, '!**/*.test.ts', '!**/_testing/**'],
  ignorePatterns: ['/reports', '/coverage', '/bench-results.json'],
  coverageAnalysis: 'perTest',
  // Module-level constants would need every test file re-imported per mutant (Stryker puts them at
  // almost all of the run time); they are pinned by the tests that read them.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `reports/mutation/${scopeName}-incremental.json`,
  concurrency: 2,
  // A mutant that makes a loop run forever is detected by the timeout; 10 s over twice the tests' own
  // time keeps each such mutant to seconds instead of a minute.
  timeoutMS: 10_000,
  // The initial, instrumented run of the engines' tests takes minutes on a loaded 2-core machine
  // (Stryker's default allows 5).
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 80, break: null },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scopeName}.html` },
  jsonReporter: { fileName: `reports/mutation/${scopeName}.json` },
};

export default config;
