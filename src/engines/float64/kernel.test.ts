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

describe('addDots within larger buffers', () => {
  // Odd and even np, each with nq below 4, a multiple of 4 and a multiple of 4 plus a remainder: every tile and edge path.
  const shapes: [number, number, number][] = [[1, 1, 2], [1, 4, 3], [3, 5, 2], [2, 1, 3], [2, 4, 2], [4, 6, 3], [3, 8, 1]];
  it.each(shapes)('writes only the first np·nq entries of out and reads only the first np rows of P (np=%i, nq=%i, len=%i)', (np, nq, len) => {
    // P and out carry one more row than the call names, as a workspace sized for a larger problem would.
    const P = randomMatrix(np + 1, len, `Pbig${np}-${len}`);
    const Q = randomMatrix(nq, len, `Qbig${nq}-${len}`);
    const SENTINEL = 7;
    const out = new Float64Array((np + 1) * nq).fill(SENTINEL);
    addDots(out, P, np, Q, nq, len);
    for (let k = np * nq; k < out.length; k++) expect(out[k]).toBe(SENTINEL);
    for (let p = 0; p < np; p++) {
      for (let q = 0; q < nq; q++) {
        let s = 0;
        for (let k = 0; k < len; k++) s += P[p * len + k] * Q[q * len + k];
        expect(Math.abs(out[p * nq + q] - SENTINEL - s)).toBeLessThanOrEqual(DOT_ABS_TOL);
      }
    }
  });

  it('leaves out unchanged when the rows are empty (len = 0: every dot product is the empty sum)', () => {
    const out = Float64Array.from([1, -0, 3]);
    addDots(out, new Float64Array(0), 3, new Float64Array(0), 1, 0);
    expect(Array.from(out)).toEqual([1, -0, 3]);
  });
});

describe('transposeInto', () => {
  it('transposes', () => {
    const P = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const out = new Float64Array(6);
    transposeInto(out, P, 2, 3);
    expect(Array.from(out)).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('writes only the first rows·cols entries of a longer output', () => {
    // P holds a third row that the call does not name; out has room for it.
    const P = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const out = new Float64Array(9).fill(-1);
    transposeInto(out, P, 2, 3);
    expect(Array.from(out)).toEqual([1, 4, 2, 5, 3, 6, -1, -1, -1]);
  });
});
