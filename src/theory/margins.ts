import { NumericalError } from '../errors.js';
import { leakyRelu } from '../numerics/phi.js';
import { euclideanNorm } from '../numerics/norms.js';
import type { MarginLossName } from '../problem/types.js';
import { logExpm1OfExp, logSoftplus, logSumExp } from './_internals/logSpace.js';
import { preActivations } from './_internals/network.js';
import { checkFiniteArray, checkNetworkData } from './_internals/validate.js';
import type { NetworkData } from './types.js';

/** The margins of a network on its training data and the normalised quantities of docs/theory.md §2. */
export interface MarginReport {
  /** q_i = y_i f(x_i; W), length n (docs/theory.md §1). */
  readonly q: Float64Array;
  /** ‖W‖_F, computed without overflow. */
  readonly normF: number;
  /** Index of the smallest margin (the first one on ties). */
  readonly argmin: number;
  /** log L_sum, L_sum = Σ_i ℓ(q_i) (the sum, not the mean), finite even when L_sum underflows. */
  readonly logLossSum: number;
  /** q_i/‖W‖_F; null when W = 0. */
  readonly normalized: Float64Array | null;
  /** γ̄ = min_i q_i/‖W‖_F (docs/theory.md §2); null when W = 0. */
  readonly minNormalized: number | null;
  /** γ̃, the smoothed margin of LL20 (see {@link smoothedMarginFromMargins}); null when W = 0. */
  readonly smoothed: number | null;
  /** Why the normalised fields are null; absent when they are not. */
  readonly reason?: string;
}

/**
 * log L_sum = log Σ_i ℓ(q_i) for the exponential loss e^{−q} or the logistic loss log(1 + e^{−q})
 * (docs/theory.md §1), evaluated in log space: finite for every finite q, including margins so large that
 * every ℓ(q_i) underflows.
 */
export function logLossSum(q: Float64Array, loss: MarginLossName): number {
  const logs = new Float64Array(q.length);
  for (let i = 0; i < q.length; i++) logs[i] = loss === 'exp' ? -q[i] : logSoftplus(-q[i]);
  return logSumExp(logs);
}

/**
 * The smoothed margin of LL20 (docs/theory.md §2) from margins q and ‖W‖_F: exponential loss
 * γ̃ = log(1/L_sum)/‖W‖_F; logistic loss γ̃ = log(1/(e^{L_sum} − 1))/‖W‖_F, with L_sum = Σ_i ℓ(q_i).
 * Computed from log L_sum, so it stays finite when L_sum underflows (γ̃ → min_i q_i/‖W‖_F there).
 *
 * @returns γ̃, or null when ‖W‖_F = 0 (no direction to normalise by)
 * @throws NumericalError when the logistic L_sum itself overflows float64 (margins below ~ −1e308/n)
 */
export function smoothedMarginFromMargins(q: Float64Array, normF: number, loss: MarginLossName): number | null {
  if (normF === 0) return null;
  const logL = logLossSum(q, loss);
  const logInner = loss === 'exp' ? logL : logExpm1OfExp(logL);
  if (!Number.isFinite(logInner)) {
    throw new NumericalError('smoothed margin', `log of the loss term is ${String(logInner)} (L_sum overflows float64)`);
  }
  return -logInner / normF;
}

/**
 * Margins q_i = y_i f(x_i; W) with f(x; W) = Σ_j a_j φ(⟨w_j, x⟩) (docs/theory.md §1), the normalised margins
 * q_i/‖W‖_F, the minimum normalised margin γ̄ and the smoothed margin γ̃ (docs/theory.md §2, LL20).
 *
 * Edge case: W = 0 gives q = 0, and every normalised quantity is null with a reason.
 *
 * @param data - X, y, a, γ (a validated Problem will do)
 * @param W - m×d row-major first layer
 * @param loss - the loss whose L_sum enters the smoothed margin
 * @throws InputError on shapes or non-finite entries, before computing
 */
export function margins(data: NetworkData, W: Float64Array, loss: MarginLossName): MarginReport {
  checkNetworkData(data);
  checkFiniteArray(W, data.m * data.d, 'W');
  const { n, d, m, X, y, a, gamma } = data;
  const Z = preActivations(X, W, n, d, m);
  const q = new Float64Array(n);
  let argmin = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < m; j++) f += a[j] * leakyRelu(Z[i * m + j], gamma);
    q[i] = y[i] * f;
    if (q[i] < q[argmin]) argmin = i;
  }
  const normF = euclideanNorm(W);
  const logL = logLossSum(q, loss);
  if (normF === 0) {
    return {
      q,
      normF,
      argmin,
      logLossSum: logL,
      normalized: null,
      minNormalized: null,
      smoothed: null,
      reason: 'W = 0: margins cannot be normalised',
    };
  }
  const normalized = q.map((v) => v / normF);
  return {
    q,
    normF,
    argmin,
    logLossSum: logL,
    normalized,
    minNormalized: normalized[argmin],
    smoothed: smoothedMarginFromMargins(q, normF, loss),
  };
}
