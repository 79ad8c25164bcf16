import { InputError } from '../errors.js';
import { nearOrthogonalityRatio } from '../data/orthogonality.js';
import { checkLabelledData } from './_internals/validate.js';
import type { LabelledData } from './types.js';

/** Default C of the nearly-orthogonal hypothesis (docs/theory.md §3.3): reconstructed, a placeholder; the ratio is reported. */
export const DEFAULT_NEAR_ORTHOGONAL_C = 1;

/** The nearly-orthogonal hypothesis of KCG23/FVBSH23 (docs/theory.md §3.3, §10.5). */
export interface NearOrthogonalityReport {
  readonly holds: boolean;
  /** The largest C with ‖x_i‖² ≥ C·n·max_{k≠i}|⟨x_i, x_k⟩| for every i (+∞ for orthogonal data or n = 1). */
  readonly ratio: number;
  readonly C: number;
}

/**
 * Whether ‖x_i‖² ≥ C·n·max_{k≠i}|⟨x_i, x_k⟩| holds for every i (docs/theory.md §3.3, per point, unlike
 * H25's global Case 2 of §4). The ratio is `nearOrthogonalityRatio` of the data layer.
 *
 * @param C - the constant (default {@link DEFAULT_NEAR_ORTHOGONAL_C}), > 0
 * @throws InputError on shapes, non-finite entries or C ≤ 0
 */
export function nearOrthogonality(data: LabelledData, C: number = DEFAULT_NEAR_ORTHOGONAL_C): NearOrthogonalityReport {
  checkLabelledData(data);
  if (!(C > 0 && Number.isFinite(C))) throw new InputError('C', `expected a positive finite constant, got ${String(C)}`);
  const ratio = nearOrthogonalityRatio(data.X, data.n, data.d);
  return { holds: ratio >= C, ratio, C };
}
