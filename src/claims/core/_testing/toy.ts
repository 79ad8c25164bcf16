import type { ClaimSpec } from '../types.js';

/**
 * The descriptive fields every toy claim of the claim-core tests shares (a true claim named TOY); a
 * test spreads them and adds the scenario, run, applicability and check it is about.
 */
export const TOY_INFO = {
  id: 'TOY',
  source: 'test',
  tag: 'derived',
  expected: 'holds',
  statement: 'toy',
  method: 'toy',
  parameters: {},
} as const satisfies Pick<ClaimSpec<unknown, unknown>, 'id' | 'source' | 'tag' | 'expected' | 'statement' | 'method' | 'parameters'>;
