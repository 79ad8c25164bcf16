import { InputError } from '../../errors.js';

/**
 * Checks that `X` is an n×d row-major matrix of finite numbers, naming the first bad field
 * (`n`, `d`, `X`, `X[i][k]`) in an {@link InputError}. Shared by the functions of this folder that
 * take a raw matrix rather than a validated dataset.
 */
export function checkMatrix(X: ArrayLike<number>, n: number, d: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new InputError('n', `must be an integer ≥ 1, got ${n}`);
  if (!Number.isSafeInteger(d) || d < 1) throw new InputError('d', `must be an integer ≥ 1, got ${d}`);
  if (X.length !== n * d) throw new InputError('X', `expected n·d = ${n * d} entries, got ${X.length}`);
  for (let i = 0; i < X.length; i++) {
    if (!Number.isFinite(X[i])) {
      throw new InputError(`X[${Math.floor(i / d)}][${i % d}]`, `expected a finite number, got ${X[i]}`);
    }
  }
}
