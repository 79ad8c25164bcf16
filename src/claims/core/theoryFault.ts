import type { ClaimContext, Fault, TheoryPort } from './types.js';

/**
 * A theory fault (docs/theory.md §8): one or more functions of the context's theory replaced, the
 * rest untouched, so a claim reads the broken function through the same code path it always does.
 * Every paper's faults.ts builds its theory and data faults with it.
 */
export function theoryFault(
  id: string,
  description: string,
  replace: (theory: TheoryPort, epsilon: number) => Partial<TheoryPort>,
  epsilon?: Fault['epsilon'],
  layer: Fault['layer'] = 'theory',
): Fault {
  return {
    id,
    description,
    layer,
    ...(epsilon ? { epsilon } : {}),
    inject: (ctx: ClaimContext, eps: number): ClaimContext => ({ ...ctx, theory: { ...ctx.theory, ...replace(ctx.theory, eps) } }),
  };
}
