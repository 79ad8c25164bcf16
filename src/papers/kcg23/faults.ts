import { theoryFault } from '../../claims/core/theoryFault.js';
import type { Fault } from '../../claims/core/types.js';
import { euclideanNorm } from '../../numerics/norms.js';
import type { StableRank } from '../../theory/stableRank.js';

/**
 * ‖W‖_F²/max_j‖w_j‖² over the given rows: the stable rank with the spectral norm confused with the
 * largest row norm (a real slip: both are "the norm of the biggest direction"). Equal to the true value
 * for one row, and up to the number of rows for equal rows, where the true value is 1.
 */
function rowNormRank(W: Float64Array, rows: readonly number[], d: number): StableRank {
  if (rows.length === 0) return { status: 'empty', reason: 'no rows', rows: 0 };
  let fro = 0;
  let top = 0;
  for (const j of rows) {
    const r = euclideanNorm(W, j * d, d);
    fro += r * r;
    top = Math.max(top, r);
  }
  if (top === 0) return { status: 'zero', reason: 'every row is zero', rows: rows.length };
  const frobenius = Math.sqrt(fro);
  const sigma = top;
  return {
    status: 'ok',
    value: fro / (top * top),
    frobenius,
    top: { sigma, sigmaUpper: sigma, iterations: 0, residual: 0, converged: true, relTol: 0 },
    rows: rows.length,
  };
}

/** The KCG23 theory faults (docs/theory.md §9.4), shared by the FVBSH23 claims. */
export const kcg23Faults: readonly Fault[] = [
  theoryFault('row-norm-rank', 'stable ranks computed with the largest row norm max_j‖w_j‖ in place of the spectral norm ‖W‖₂', () => ({
    stableRank: (W, m, d) => rowNormRank(W, [...Array(m).keys()], d),
    blockStableRanks(W, a, d) {
      const all = [...Array(a.length).keys()];
      const plus = all.filter((j) => a[j]! > 0);
      const minus = all.filter((j) => a[j]! < 0);
      return { positive: rowNormRank(W, plus, d), negative: rowNormRank(W, minus, d), zeroWeightRows: a.length - plus.length - minus.length };
    },
  })),
];
