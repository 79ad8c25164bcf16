/**
 * The activation of docs/theory.md §1, the leaky ReLU `φ(z) = max(z, γz)` for a slope `0 ≤ γ ≤ 1`, and its
 * derivative with the convention `φ'(0) = γ`. The float64 engines' per-step loops
 * (`src/engines/float64/head.ts`) inline the same two expressions for speed.
 */

/** `φ(z) = z` for `z > 0`, `γz` otherwise (equal to `max(z, γz)` when `0 ≤ γ ≤ 1`). */
export function leakyRelu(z: number, gamma: number): number {
  return z > 0 ? z : gamma * z;
}

/** `φ'(z)`: 1 for `z > 0`, γ for `z ≤ 0`, so `φ'(0) = γ` (docs/theory.md §1). */
export function leakyReluSlope(z: number, gamma: number): number {
  return z > 0 ? 1 : gamma;
}
