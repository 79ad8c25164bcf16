import type { Rng } from './rng.js';

/** The laws of one noise coordinate of the mixture (docs/theory.md §3), each with mean 0 and variance 1. */
export type NoiseLaw = 'gaussian' | 'rademacher' | 'uniform' | 'student-t' | 'pareto';

/** Half-width of the unit-variance uniform law: U[−h, h] has variance h²/3 = 1. */
const uniformHalfWidth = Math.sqrt(3);

/**
 * A sampler of one unit-variance noise coordinate, drawing from `rng` in a fixed order (so a seed
 * fixes the stream). The laws (docs/theory.md §3):
 * - `gaussian`: N(0, 1).
 * - `rademacher`: ±1 with probability ½ each.
 * - `uniform`: U[−√3, √3).
 * - `student-t`: `T·√((ν−2)/ν)` with `T ~ t_ν`, drawn as `Z·√((ν−2)/V)`, `Z ~ N(0,1)`, `V = 2·Gamma(ν/2) ~ χ²_ν`.
 *   Variance `ν/(ν−2)·(ν−2)/ν = 1`; fourth moment `3(ν−2)/(ν−4)`, finite for ν > 4.
 * - `pareto`: symmetric Pareto, `S·X` with `S = ±1` fair and `X = x_m·U^{−1/α}`, `U ~ U(0, 1]`, so
 *   `P(X > x) = (x_m/x)^α` for `x ≥ x_m`. `E X² = α x_m²/(α−2)`, so `x_m = √((α−2)/α)` gives variance 1;
 *   fourth moment `(α−2)²/(α(α−4))`, finite for α > 4. No mass in `(−x_m, x_m)`.
 *
 * `nu`/`alpha` must be > 4 (checked by `validateDescriptor`, not here). Only `Math.sqrt`, `Math.log`,
 * `Math.exp`, `Math.cos`, `Math.sin` enter (fdlibm ports in V8), so the stream is platform-independent.
 */
export function unitNoiseSampler(law: NoiseLaw, rng: Rng, params: { nu: number; alpha: number }): () => number {
  switch (law) {
    case 'gaussian':
      return () => rng.normal();
    case 'rademacher':
      return () => (rng.uniform() < 0.5 ? 1 : -1);
    case 'uniform':
      return () => uniformHalfWidth * (2 * rng.uniform() - 1);
    case 'student-t': {
      const nu = params.nu;
      const shape = nu / 2;
      return () => {
        const z = rng.normal();
        const chi2 = 2 * standardGamma(shape, rng);
        return z * Math.sqrt((nu - 2) / chi2);
      };
    }
    case 'pareto': {
      const alpha = params.alpha;
      const xm = Math.sqrt((alpha - 2) / alpha);
      return () => {
        const sign = rng.uniform() < 0.5 ? 1 : -1;
        // U ∈ (0, 1]: the reflection of [0, 1) keeps log(U) finite.
        const u = 1 - rng.uniform();
        return sign * xm * Math.exp(-Math.log(u) / alpha);
      };
    }
  }
}

/**
 * A Gamma(shape, 1) variate by Marsaglia & Tsang (ACM TOMS 26(3), 2000), valid for shape ≥ 1
 * (here shape = ν/2 > 2). Each attempt draws one normal then one uniform; the acceptance rate is
 * above 0.95 for shape ≥ 1, so the loop ends after about one attempt.
 */
export function standardGamma(shape: number, rng: Rng): number {
  const dd = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * dd);
  for (;;) {
    const x = rng.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.uniform();
    // Squeeze of the paper (constant 0.0331 from Marsaglia & Tsang), then the exact log test.
    if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
    if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
  }
}
