/**
 * Sample sizes of the slow sampling tests. A mutation-testing run (`npm run mutation`, whose vitest
 * config sets `BENIGN_MUTATION=1`) reruns a mutant's covering tests on instrumented code, several
 * times slower; there these tests draw `reduced` cases instead of `full`, so each mutant costs seconds.
 * The mutation score is then that of the reduced tests: a mutant only the full sample would catch
 * counts as surviving.
 */
export function samples(full: number, reduced: number): number {
  return process.env['BENIGN_MUTATION'] === '1' ? reduced : full;
}
