import { describe, expect, it } from 'vitest';
import { makeRng } from '../../data/rng.js';
import { addDots, blockLength, transposeInto } from './kernel.js';

/**
 * Tiled against plain dot products of the same length: two summation orders of `len ≤ 700` terms
 * of size ≤ 4 differ by at most `2·γ_len·Σ|terms|` ≈ 2·700·1.1e-16·700·4 ≈ 4e-10 absolute; 1e-9 covers it.
 */
const DOT_ABS_TOL = 1e-9;

function randomMatrix(rows: number, cols: number, seed: string): Float64Array {
  const rng = makeRng(seed);
  return Float64Array.from({ length: rows * cols }, () => rng.normal());
}

describe('addDots', () => {
  // Shapes hit every remainder of the 2×4 tiles and, with len > blockLength, several length blocks.
  const shapes: [number, number, number][] = [[1, 1, 1], [1, 5, 3], [3, 7, 9], [2, 4, 8], [5, 6, 700], [7, 3, 11], [200, 2, 200]];
  it.each(shapes)('adds ⟨P_p, Q_q⟩ into out for np=%i, nq=%i, len=%i', (np, nq, len) => {
    const P = randomMatrix(np, len, `P${np}-${len}`);
    const Q = randomMatrix(nq, len, `Q${nq}-${len}`);
    const out = Float64Array.from({ length: np * nq }, (_, k) => k);
    addDots(out, P, np, Q, nq, len);
    let worst = 0;
    for (let p = 0; p < np; p++) {
      for (let q = 0; q < nq; q++) {
        let s = 0;
        for (let k = 0; k < len; k++) s += P[p * len + k] * Q[q * len + k];
        worst = Math.max(worst, Math.abs(out[p * nq + q] - (p * nq + q) - s));
      }
    }
    expect(worst).toBeLessThanOrEqual(DOT_ABS_TOL);
  });

  it('uses several length blocks when P is large (so the blocked path is the one tested above)', () => {
    expect(blockLength(200, 200)).toBeLessThan(200);
  });

  it('returns an exactly symmetric Gram matrix', () => {
    for (const [n, d] of [[7, 13], [200, 200]] as const) {
      const X = randomMatrix(n, d, `gram${n}`);
      const K = new Float64Array(n * n);
      addDots(K, X, n, X, n, d);
      let asymmetric = 0;
      for (let i = 0; i < n; i++) for (let k = 0; k < i; k++) if (!Object.is(K[i * n + k], K[k * n + i])) asymmetric++;
      expect(asymmetric).toBe(0);
    }
  });
});

describe('transposeInto', () => {
  it('transposes', () => {
    const P = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const out = new Float64Array(6);
    transposeInto(out, P, 2, 3);
    expect(Array.from(out)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
