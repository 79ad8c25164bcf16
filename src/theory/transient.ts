import { symmetricEigenvalues } from './_internals/linalg.js';
import { activatedSlopes } from './activation.js';
import type { LimitDirectionOk } from './limitDirection.js';
import type { NetworkData } from './types.js';

/** {@link asymptoticRates}' result: the exponents r of the transients t^{−r} of ρ(t). */
export interface AsymptoticRates {
  /** Smallest eigenvalue of Λ_S^{1/2} K_SS Λ_S^{1/2} over the support S (λ_i > 0). */
  readonly supportRate: number;
  /** min over non-support points of q_i(Ŵ) − 1 (their share of the gradient decays like t^{−gap}); ∞ if every point is a support point. */
  readonly gap: number;
  /** min(supportRate, gap): the slowest transient of ρ(t) decays like t^{−rate}. */
  readonly rate: number;
  /** Which of the two sets the rate. */
  readonly slowest: 'support' | 'non-support';
}

/**
 * How fast W(t) settles onto its asymptote W(t) = Ŵ log(αt/n) + ρ̃ (docs/theory.md §5, H-RATE row), by
 * linearising gradient flow around it. With s = log t and q̂_i = ⟨Ŵ, G_i⟩ (1 on the support),
 * substituting W = Ŵ log(αt/n) + ρ into dW/dt = (α/n) Σ_i e^{−q_i} G_i gives
 *
 *   dρ/ds = Σ_i (αt/n)^{1 − q̂_i} e^{−⟨ρ, G_i⟩} G_i − Ŵ,
 *
 * whose fixed point ρ̃ has e^{−⟨ρ̃, G_i⟩} = λ_i on the support (Ŵ = Σ λ_i G_i). Near it,
 * dδ/ds = −(Σ_{i∈S} λ_i G_i G_iᵀ) δ − (terms of order t^{−(q̂_i − 1)} from the other points), so the
 * support part decays like t^{−μ} for the eigenvalues μ of Σ λ_i G_i G_iᵀ on span{G_i}, i.e. of
 * Λ^{1/2} K Λ^{1/2}, and the non-support part like t^{−(q̂_i − 1)}. Orthogonal data give μ = 1
 * (K Λ = I); nearly collinear points (strong signal, docs/theory.md §4 Case 1) give μ ≈ the squared
 * noise-to-signal ratio, and points just off the support give a small gap: then the asymptote is
 * reached only after t ≈ e^{c/rate}, which no affordable run sees.
 */
export function asymptoticRates(data: NetworkData, limit: LimitDirectionOk): AsymptoticRates {
  const { n, d, m, X, y, a } = data;
  const c = activatedSlopes(data);
  const S: number[] = [];
  for (let i = 0; i < n; i++) if (limit.lambda[i]! > 0) S.push(i);
  const p = S.length;
  const M = new Float64Array(p * p);
  for (let u = 0; u < p; u++) {
    for (let v = 0; v <= u; v++) {
      const i = S[u]!;
      const k = S[v]!;
      let xx = 0;
      for (let col = 0; col < d; col++) xx += X[i * d + col]! * X[k * d + col]!;
      let slopes = 0;
      for (let j = 0; j < m; j++) slopes += a[j]! * a[j]! * c[i * m + j]! * c[k * m + j]!;
      const value = Math.sqrt(limit.lambda[i]! * limit.lambda[k]!) * y[i]! * y[k]! * xx * slopes;
      M[u * p + v] = value;
      M[v * p + u] = value;
    }
  }
  const supportRate = p === 0 ? Infinity : symmetricEigenvalues(M, p)[0]!;
  let gap = Infinity;
  for (let i = 0; i < n; i++) if (!(limit.lambda[i]! > 0)) gap = Math.min(gap, limit.margins[i]! - 1);
  return { supportRate, gap, rate: Math.min(supportRate, gap), slowest: gap < supportRate ? 'non-support' : 'support' };
}
