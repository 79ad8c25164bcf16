import type { ClaimDefinition, Fault } from '../claims/core/types.js';
import { engineFaults } from '../faults/index.js';
import { fcb22 } from './fcb22/index.js';
import { h25 } from './h25/index.js';
import { kcg23 } from './kcg23/index.js';
import { fvbsh23 } from './fvbsh23/index.js';
import { ll20 } from './ll20/index.js';
import { morth26 } from './morth26/index.js';
import type { Paper } from './paper.js';
import { shngs18 } from './shngs18/index.js';

/** Every paper the suite checks; a new paper adds one line here. */
export const papers: readonly Paper[] = [
  h25,
  kcg23,
  fvbsh23,
  ll20,
  shngs18,
  fcb22,
  morth26,
];

/** Every claim, paper by paper. */
export const catalogue: readonly ClaimDefinition[] = papers.flatMap((p) => p.claims);

/** Every fault: the shared engine faults, then each paper's theory faults. */
export const faultCatalogue: ReadonlyMap<string, Fault> = new Map([...engineFaults, ...papers.flatMap((p) => p.faults)].map((f) => [f.id, f]));

/** The claim with this id, or undefined. */
export function claimById(id: string): ClaimDefinition | undefined {
  return catalogue.find((c) => c.id === id);
}

/**
 * Resolves `--claims`: `all`, paper keys and claim ids, comma-separated, in catalogue order.
 * @returns the claims, or the first unknown word
 */
export function selectClaims(spec: string): { claims: ClaimDefinition[]; unknown?: string } {
  if (spec === 'all') return { claims: [...catalogue] };
  const words = spec.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const wanted = new Set<ClaimDefinition>();
  for (const w of words) {
    const paper = papers.find((p) => p.key === w.toLowerCase());
    const claim = claimById(w);
    if (paper) paper.claims.forEach((c) => wanted.add(c));
    else if (claim) wanted.add(claim);
    else return { claims: [], unknown: w };
  }
  return { claims: catalogue.filter((c) => wanted.has(c)) };
}
