import { InputError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';

/**
 * cos∠(u, v) = ⟨u, v⟩/(‖u‖‖v‖) ∈ [−1, 1], with both vectors scaled by their norms first so that
 * nothing overflows. Null when either vector is 0 (no angle).
 *
 * @throws InputError when the lengths differ
 */
export function cosineSimilarity(uvec: Float64Array, v: Float64Array): number | null {
  if (uvec.length !== v.length) throw new InputError('v', `expected length ${uvec.length}, got ${v.length}`);
  const nu = euclideanNorm(uvec);
  const nv = euclideanNorm(v);
  if (nu === 0 || nv === 0) return null;
  let s = 0;
  for (let k = 0; k < uvec.length; k++) s += (uvec[k] / nu) * (v[k] / nv);
  return Math.max(-1, Math.min(1, s));
}
