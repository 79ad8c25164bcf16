import { hAct } from './h25/hAct.js';
import { hBenign, hLb, hUb } from './h25/hBounds.js';
import { hDir } from './h25/hDir.js';
import { hErr } from './h25/hErr.js';
import { hInt } from './h25/hInt.js';
import { hLin } from './h25/hLin.js';
import { hMono, hMonoAnyStep } from './h25/hMono.js';
import { hRate } from './h25/hRate.js';
import type { Claim } from './types.js';

/** Every claim the suite checks, in THEORY §5 order. */
export const catalogue: readonly Claim<never, never>[] = [
  hAct, hMono, hInt, hRate, hDir, hLin, hErr, hUb, hLb, hBenign, hMonoAnyStep,
] as unknown as readonly Claim<never, never>[];

/** The claim with this id, or undefined. */
export function claimById(id: string): Claim<unknown, unknown> | undefined {
  return catalogue.find((c) => c.id === id) as Claim<unknown, unknown> | undefined;
}
