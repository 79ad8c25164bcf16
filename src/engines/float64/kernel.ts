/**
 * The one dense kernel of the float64 engine: a block of dot products added into an output,
 * `out[p·nq + q] += ⟨P_p, Q_q⟩`, with P (np rows) and Q (nq rows) row-major of row length `len`.
 * Every matrix product of a GD step is this shape (forward pass, fused backward-and-update, Gram
 * matrix, materialisation of W in the dual form), so it is written once, for speed:
 *
 * - register tiles of 2 P rows × 4 Q rows (8 accumulators, 6 loads per 8 multiply-adds), the shape
 *   that fits the 16 x64 vector registers V8 allocates doubles in;
 * - the row length is cut into blocks so that the P block stays in the L2 cache while 4 Q rows stream
 *   through L1 once.
 *
 * Each output entry is summed over `k` in increasing order (block partial sums added in block
 * order) whatever the tile it falls in, and floating-point products commute, so the result is
 * deterministic and, with `P = Q`, entries `(p, q)` and `(q, p)` are bit-identical: a Gram matrix
 * comes out exactly symmetric.
 */

/** Bytes of P kept cache-resident per length block: a quarter of a 1 MiB L2, leaving room for Q and out. */
const P_BLOCK_BYTES = 256 * 1024;
/** Bytes in a float64. */
const BYTES_PER_DOUBLE = 8;
/** Shortest length block worth the extra pass over `out` (the tile epilogue costs ~8 loads and stores). */
const MIN_BLOCK = 64;

/** Length of the row blocks for `np` rows of P: as long as fits {@link P_BLOCK_BYTES}, at least {@link MIN_BLOCK}. */
export function blockLength(np: number, len: number): number {
  const fit = Math.floor(P_BLOCK_BYTES / (BYTES_PER_DOUBLE * Math.max(1, np)));
  return Math.min(len, Math.max(MIN_BLOCK, fit));
}

/**
 * `out[p·nq + q] += Σ_{k<len} P[p·len + k] · Q[q·len + k]` for all `p < np`, `q < nq`.
 * No allocation; `out` must not alias P or Q. Cost: `2·np·nq·len` flops.
 */
export function addDots(
  out: Float64Array,
  P: Float64Array,
  np: number,
  Q: Float64Array,
  nq: number,
  len: number,
): void {
  const kb = blockLength(np, len);
  const np2 = np - (np % 2);
  const nq4 = nq - (nq % 4);
  for (let k0 = 0; k0 < len; k0 += kb) {
    const k1 = Math.min(len, k0 + kb);
    for (let q = 0; q < nq4; q += 4) {
      const b0 = q * len;
      const b1 = b0 + len;
      const b2 = b1 + len;
      const b3 = b2 + len;
      for (let p = 0; p < np2; p += 2) {
        const a0 = p * len;
        const a1 = a0 + len;
        let s00 = 0;
        let s01 = 0;
        let s02 = 0;
        let s03 = 0;
        let s10 = 0;
        let s11 = 0;
        let s12 = 0;
        let s13 = 0;
        for (let k = k0; k < k1; k++) {
          const x0 = P[a0 + k];
          const x1 = P[a1 + k];
          const y0 = Q[b0 + k];
          const y1 = Q[b1 + k];
          const y2 = Q[b2 + k];
          const y3 = Q[b3 + k];
          s00 += x0 * y0;
          s01 += x0 * y1;
          s02 += x0 * y2;
          s03 += x0 * y3;
          s10 += x1 * y0;
          s11 += x1 * y1;
          s12 += x1 * y2;
          s13 += x1 * y3;
        }
        const o0 = p * nq + q;
        const o1 = o0 + nq;
        out[o0] += s00;
        out[o0 + 1] += s01;
        out[o0 + 2] += s02;
        out[o0 + 3] += s03;
        out[o1] += s10;
        out[o1 + 1] += s11;
        out[o1 + 2] += s12;
        out[o1 + 3] += s13;
      }
      if (np2 < np) {
        const a0 = np2 * len;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let k = k0; k < k1; k++) {
          const x0 = P[a0 + k];
          s0 += x0 * Q[b0 + k];
          s1 += x0 * Q[b1 + k];
          s2 += x0 * Q[b2 + k];
          s3 += x0 * Q[b3 + k];
        }
        const o0 = np2 * nq + q;
        out[o0] += s0;
        out[o0 + 1] += s1;
        out[o0 + 2] += s2;
        out[o0 + 3] += s3;
      }
    }
    for (let q = nq4; q < nq; q++) {
      const b0 = q * len;
      for (let p = 0; p < np2; p += 2) {
        const a0 = p * len;
        const a1 = a0 + len;
        let s0 = 0;
        let s1 = 0;
        for (let k = k0; k < k1; k++) {
          const y0 = Q[b0 + k];
          s0 += P[a0 + k] * y0;
          s1 += P[a1 + k] * y0;
        }
        out[p * nq + q] += s0;
        out[(p + 1) * nq + q] += s1;
      }
      if (np2 < np) {
        const a0 = np2 * len;
        let s = 0;
        for (let k = k0; k < k1; k++) s += P[a0 + k] * Q[b0 + k];
        out[np2 * nq + q] += s;
      }
    }
  }
}

/** `out = Pᵀ` for P with `rows` rows of `cols` entries: `out[k·rows + i] = P[i·cols + k]`. No allocation. */
export function transposeInto(out: Float64Array, P: Float64Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let k = 0; k < cols; k++) out[k * rows + i] = P[base + k];
  }
}
