/**
 * Every claim of the catalogue reaches its expected verdict on generated scenarios, and its negative
 * control (broken hypotheses or a planted bug, described in the claim) makes the check say the opposite.
 * The heavy tier (`npm run test:heavy`) runs 10× more scenarios.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/claims/catalogue.js';
import { claimsMarkdownTable } from '../src/claims/markdown.js';
import { verifyClaim } from '../src/claims/verify.js';
import { globalSeed, runs } from './_support/seed.js';

describe.each(catalogue.map((c) => [c.id, c] as const))('%s', (_id, claim) => {
  it(`reaches "${claim.expected}" and its negative control fires`, { timeout: 600_000 }, () => {
    const result = verifyClaim(claim as never, runs(1, 10), globalSeed());
    const why = `${result.counterexample?.verdict.detail ?? result.details[0]?.detail ?? ''}\nReplay: ${result.replay}`;
    expect(result.verdict, why).toBe(claim.expected);
    expect(result.negativeControl.refuted, `negative control: ${claim.negativeControl.description}\nReplay: ${result.replay}`).toBe(
      claim.expected === 'holds',
    );
  });
});

it('the README claims table is the one generated from the catalogue', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme, 'run `npm run docs` to regenerate the README table').toContain(claimsMarkdownTable());
});
