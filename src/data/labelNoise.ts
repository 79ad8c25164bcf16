import type { Rng } from './rng.js';

/**
 * The number of labels a flip fraction η flips among n (FCB22, docs/theory.md §3): `Math.round(η·n)`, i.e.
 * rounding half up. For η ∈ [0, ½) it is at most ⌊n/2⌋: a minority of the labels flips.
 */
export function flipCount(eta: number, n: number): number {
  return Math.round(eta * n);
}

/**
 * Exactly `flipCount(eta, n)` distinct indices of `0..n−1`, chosen uniformly by a partial
 * Fisher–Yates shuffle driven by `rng`, returned in increasing order.
 */
export function flipIndices(eta: number, n: number, rng: Rng): number[] {
  const r = flipCount(eta, n);
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < r; i++) {
    // j uniform in i..n−1; the min() guards the (impossible in exact arithmetic) j = n.
    const j = Math.min(n - 1, i + Math.floor(rng.uniform() * (n - i)));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.slice(0, r).sort((p, q) => p - q);
}
