import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, GrowingCholesky, symmetricEigenvalues } from './linalg.js';

/** A lower-triangular integer factor with positive diagonal: A = L·Lᵀ is then exact in float64, and so is its Cholesky factor. */
const L4 = [
  [2, 0, 0, 0],
  [1, 3, 0, 0],
  [-1, 2, 1, 0],
  [3, -2, 4, 2],
];

function gram(L: number[][]): Float64Array {
  const p = L.length;
  const A = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) for (let c = 0; c < p; c++) A[i * p + k] += L[i]![c]! * L[k]![c]!;
  return A;
}

function matVec(A: Float64Array, x: number[]): Float64Array {
  const p = x.length;
  return Float64Array.from({ length: p }, (_, i) => x.reduce((s, v, k) => s + A[i * p + k]! * v, 0));
}

describe('cholesky', () => {
  it('recovers an integer factor exactly from L·Lᵀ', () => {
    expect([...cholesky(gram(L4), 4, 0)!]).toEqual(L4.flat());
  });

  it('returns null when a pivot² falls to relPivotTol times its diagonal entry, and a factor just above', () => {
    // A = [[1, 1], [1, 2]]: the second pivot² is 2 − 1² = 1, which is 0.5 times A₁₁ = 2.
    const A = Float64Array.of(1, 1, 1, 2);
    expect(cholesky(A, 2, 0.5)).toBeNull();
    expect([...cholesky(A, 2, 0.49)!]).toEqual([1, 0, 1, 1]);
  });

  it('returns null on a singular matrix even with relPivotTol = 0', () => {
    expect(cholesky(Float64Array.of(1, 1, 1, 1), 2, 0)).toBeNull();
  });
});

describe('choleskySolve', () => {
  it('solves L·Lᵀ x = b', () => {
    const x = [1, -2, 0.5, 3];
    const got = choleskySolve(cholesky(gram(L4), 4, 0)!, 4, matVec(gram(L4), x));
    x.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
  });
});

describe('GrowingCholesky', () => {
  const A = gram(L4);
  const entry = (i: number, k: number): number => A[i * 4 + k]!;

  /** M[P, P] for the index list P, row-major. */
  const sub = (P: number[]): Float64Array => Float64Array.from(P.flatMap((i) => P.map((k) => entry(i, k))));

  it('solves M[P, P] x = b for the indices appended so far, in their order', () => {
    const chol = new GrowingCholesky(entry, 4);
    for (const t of [3, 0, 2]) expect(chol.tryAppend(t, 0)).toBe(true);
    expect(chol.indices).toEqual([3, 0, 2]);
    expect(chol.size).toBe(3);
    const x = [2, -1, 0.25];
    const got = chol.solve(matVec(sub([3, 0, 2]), x));
    x.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
  });

  it('refuses an index whose pivot² falls to relPivotTol·M[t, t] and leaves the factor unchanged', () => {
    // M = [[1, 1, 1], [1, 2, 1], [1, 1, 1]]: appending 1 after 0 leaves pivot² 2 − 1 = 1 = 0.5·M₁₁; index 2 repeats index 0.
    const M = [
      [1, 1, 1],
      [1, 2, 1],
      [1, 1, 1],
    ];
    const chol = new GrowingCholesky((i, k) => M[i]![k]!, 3);
    expect(chol.tryAppend(0, 0.5)).toBe(true);
    expect(chol.tryAppend(1, 0.5)).toBe(false);
    expect(chol.tryAppend(2, 0)).toBe(false);
    expect(chol.indices).toEqual([0]);
    expect([...chol.solve(Float64Array.of(3))]).toEqual([3]);
    expect(chol.tryAppend(1, 0.49)).toBe(true);
    expect([...chol.solve(Float64Array.of(2, 3))]).toEqual([1, 1]);
  });

  it('pop drops the last index and solves with the rest', () => {
    const chol = new GrowingCholesky(entry, 4);
    chol.tryAppend(1, 0);
    chol.tryAppend(2, 0);
    chol.pop();
    expect(chol.indices).toEqual([1]);
    expect(chol.size).toBe(1);
    // M₁₁ = 1² + 3² = 10.
    expect(chol.solve(Float64Array.of(20))[0]).toBeCloseTo(2, 14);
  });

  it('rebuild refactors on the kept indices and returns the skipped ones', () => {
    const chol = new GrowingCholesky(entry, 4);
    for (const t of [0, 1, 2, 3]) chol.tryAppend(t, 0);
    expect(chol.rebuild([2, 0], 0)).toEqual([]);
    expect(chol.indices).toEqual([2, 0]);
    const x = [-1, 4];
    const got = chol.solve(matVec(sub([2, 0]), x));
    x.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));

    const M = [
      [1, 1],
      [1, 1],
    ];
    const dependent = new GrowingCholesky((i, k) => M[i]![k]!, 2);
    expect(dependent.rebuild([0, 1], 0)).toEqual([1]);
    expect(dependent.indices).toEqual([0]);
  });
});

describe('symmetricEigenvalues', () => {
  it('finds the eigenvalues 2 − √2, 2, 2 + √2 of tridiag(−1, 2, −1), ascending', () => {
    const A = Float64Array.of(2, -1, 0, -1, 2, -1, 0, -1, 2);
    const eig = symmetricEigenvalues(A, 3);
    [2 - Math.SQRT2, 2, 2 + Math.SQRT2].forEach((v, k) => expect(eig[k]).toBeCloseTo(v, 14));
  });

  it('rotates past an off-diagonal zero between equal diagonal entries', () => {
    // [[2, 0, 1], [0, 2, 0], [1, 0, 2]]: eigenvalues 1, 2, 3.
    const eig = symmetricEigenvalues(Float64Array.of(2, 0, 1, 0, 2, 0, 1, 0, 2), 3);
    [1, 2, 3].forEach((v, k) => expect(eig[k]).toBeCloseTo(v, 14));
  });

  it('finds eigenvalues of matrices with distinct diagonal entries', () => {
    // [[4, 1], [1, 1]]: λ² − 5λ + 3 = 0, so λ = (5 ± √13)/2.
    const two = symmetricEigenvalues(Float64Array.of(4, 1, 1, 1), 2);
    expect(two[0]).toBeCloseTo((5 - Math.sqrt(13)) / 2, 14);
    expect(two[1]).toBeCloseTo((5 + Math.sqrt(13)) / 2, 14);
    // [[1, 2, 0], [2, 5, 3], [0, 3, 10]]: characteristic polynomial λ³ − 16λ² + 52λ − 1 (trace 16,
    // principal 2×2 minors 1 + 10 + 41 = 52, determinant 41 − 40 = 1), checked through its coefficients.
    const e = symmetricEigenvalues(Float64Array.of(1, 2, 0, 2, 5, 3, 0, 3, 10), 3);
    expect(e[0]! + e[1]! + e[2]!).toBeCloseTo(16, 12);
    expect(e[0]! * e[1]! + e[0]! * e[2]! + e[1]! * e[2]!).toBeCloseTo(52, 11);
    expect(e[0]! * e[1]! * e[2]!).toBeCloseTo(1, 11);
    expect(e[0]!).toBeLessThan(e[1]!);
    expect(e[1]!).toBeLessThan(e[2]!);
  });

  it('stops before any rotation when the off-diagonal mass is already below offTol·‖A‖_F²', () => {
    // [[4, 1, 0], [1, 4, 1], [0, 1, 4]]: ‖A‖_F² = 52 and the off-diagonal mass is 2 (4 counting both triangles),
    // below 0.25·52 = 13 either way, so the diagonal comes back; its eigenvalues are 4 − √2, 4, 4 + √2.
    const A = Float64Array.of(4, 1, 0, 1, 4, 1, 0, 1, 4);
    expect([...symmetricEigenvalues(A, 3, 0.25)]).toEqual([4, 4, 4]);
    const eig = symmetricEigenvalues(A, 3);
    [4 - Math.SQRT2, 4, 4 + Math.SQRT2].forEach((v, k) => expect(eig[k]).toBeCloseTo(v, 14));
  });

  it('stops after its sweep cap when offTol can never be met, with the eigenvalues found', () => {
    const eig = symmetricEigenvalues(Float64Array.of(4, 1, 1, 1), 2, -1);
    expect(eig[0]).toBeCloseTo((5 - Math.sqrt(13)) / 2, 14);
    expect(eig[1]).toBeCloseTo((5 + Math.sqrt(13)) / 2, 14);
  });

  it('leaves its input unchanged and reads only the leading p×p entries', () => {
    const A = Float64Array.of(4, 1, 1, 1, 99);
    symmetricEigenvalues(A, 2);
    expect([...A]).toEqual([4, 1, 1, 1, 99]);
  });
});
