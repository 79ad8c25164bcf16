/**
 * Every claim of the catalogue reaches its expected verdict on generated scenarios and shows its
 * power: it refutes each of its designated faults (engine or theory bugs injected through the trainer
 * and theory it reads), and each control gives its target verdict.
 * The heavy tier (`npm run test:heavy`) runs 10× more scenarios.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceContext } from '../src/claims/core/context.js';
import { claimsMarkdownTable } from '../src/claims/core/markdown.js';
import { verifyClaim } from '../src/claims/core/runner.js';
import { catalogue, faultCatalogue } from '../src/papers/registry.js';
import { globalSeed, runs } from './_support/seed.js';

describe.each(catalogue.map((c) => ({ id: c.id, claim: c })))('$id', ({ claim }) => {
  it(`reaches "${claim.expected}" and shows its power`, { timeout: 600_000 }, async () => {
    const n = runs(1, 10);
    const seed = globalSeed();
    const result = await verifyClaim(claim, {
      runs: n,
      globalSeed: seed,
      tier: 'quick',
      context: referenceContext(),
      faults: faultCatalogue,
      replay: (id) => `npx benign-check verify --claims ${id} --runs ${n} --seed ${seed}`,
    });
    const why = `${result.counterexample?.verdict.detail ?? result.details[0]?.detail ?? ''}\nReplay: ${result.replay}`;
    expect(result.verdict, why).toBe(claim.expected);
    for (const f of result.designated) expect(f.refuted, `designated fault ${f.fault} not refuted: ${f.detail}\nReplay: ${result.replay}`).toBe(true);
    for (const c of result.controls) expect(c.fired, `control "${c.description}" silent: ${c.detail}\nReplay: ${result.replay}`).toBe(true);
  });
});

it('the README claims table is the one generated from the catalogue', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme, 'run `npm run docs` to regenerate the README table').toContain(claimsMarkdownTable());
});
