import { InputError } from '../errors.js';
import { checkCount, checkFiniteArray } from './_internals/validate.js';
import { clopperPearson, type ConfidenceInterval } from './clopperPearson.js';
import { logNormalCdf, normalCdf } from './gaussian.js';

/** The exact test error of a linear direction on a Gaussian mixture (docs/theory.md §2, H-ERR). */
export interface GaussianTestError {
  /** P(y⟨w̄, x⟩ ≤ 0) for x = yμ + z, z ~ N(0, Σ): Φ(−⟨w̄, μ⟩/‖Σ^{1/2}w̄‖), or the degenerate value. */
  readonly value: number;
  /** log of {@link value}, finite far below the underflow of {@link value} (−∞ when value = 0). */
  readonly logValue: number;
  /** ⟨w̄, μ⟩. */
  readonly signal: number;
  /** ‖Σ^{1/2} w̄‖. */
  readonly spread: number;
  /** Why the value is not the Φ formula, when it is not. */
  readonly reason?: string;
}

/**
 * Test error of the classifier sign⟨w̄, x⟩ on x = yμ + z, y Rademacher, z ~ N(0, diag(σ)) (docs/theory.md §2,
 * H-ERR): exactly Φ(−⟨w̄, μ⟩/‖Σ^{1/2} w̄‖). A tie y⟨w̄, x⟩ = 0 counts as an error (the same convention
 * as {@link monteCarloTestError}). Degenerate cases, with a reason:
 * - w̄ = 0: every prediction is a tie, error 1;
 * - Σ^{1/2} w̄ = 0 (w̄ only on zero-variance coordinates): y⟨w̄, x⟩ = ⟨w̄, μ⟩ surely, error 0 if it
 *   is > 0 and 1 otherwise.
 *
 * @param wbar - the direction (length d)
 * @param mu - the mixture mean (length d)
 * @param sigmaDiag - noise variances (length d, ≥ 0); default all 1 (Σ = I)
 * @throws InputError on lengths, non-finite entries or negative variances
 */
export function gaussianTestError(wbar: Float64Array, mu: Float64Array, sigmaDiag?: Float64Array): GaussianTestError {
  const d = wbar.length;
  checkCount(d, 'wbar.length');
  checkFiniteArray(wbar, d, 'wbar');
  checkFiniteArray(mu, d, 'mu');
  if (sigmaDiag !== undefined) {
    checkFiniteArray(sigmaDiag, d, 'sigmaDiag');
    sigmaDiag.forEach((s, k) => {
      if (s < 0) throw new InputError(`sigmaDiag[${k}]`, `expected a variance ≥ 0, got ${s}`);
    });
  }
  // Scale w̄ by its largest entry: the ratio is scale-invariant and nothing overflows.
  let big = 0;
  for (let k = 0; k < d; k++) big = Math.max(big, Math.abs(wbar[k]));
  if (big === 0) return { value: 1, logValue: 0, signal: 0, spread: 0, reason: 'w̄ = 0: every prediction is a tie (counted as an error)' };
  let signal = 0;
  let spread2 = 0;
  for (let k = 0; k < d; k++) {
    const w = wbar[k] / big;
    signal += w * mu[k];
    spread2 += (sigmaDiag === undefined ? 1 : sigmaDiag[k]) * w * w;
  }
  const spread = Math.sqrt(spread2);
  if (spread === 0) {
    const right = signal > 0;
    return {
      value: right ? 0 : 1,
      logValue: right ? -Infinity : 0,
      signal: signal * big,
      spread: 0,
      reason: 'Σ^{1/2}w̄ = 0: y⟨w̄, x⟩ = ⟨w̄, μ⟩ with probability 1',
    };
  }
  const t = -signal / spread;
  return { value: normalCdf(t), logValue: logNormalCdf(t), signal: signal * big, spread: spread * big };
}

/** A labelled test point drawn by a sampler. */
export interface LabelledPoint {
  /** The features (length d). */
  readonly x: Float64Array;
  /** The label, +1 or −1. */
  readonly y: number;
}

/** A Monte Carlo test error with its exact confidence interval. */
export interface MonteCarloTestError {
  /** Points with y⟨w̄, x⟩ ≤ 0. */
  readonly errors: number;
  /** Points drawn. */
  readonly samples: number;
  /** errors / samples (never reported alone: see {@link interval}). */
  readonly estimate: number;
  /** Clopper–Pearson interval at the requested confidence. */
  readonly interval: ConfidenceInterval;
}

/**
 * Monte Carlo test error of sign⟨w̄, x⟩ for any data law (docs/theory.md §2: for non-Gaussian noise), with an
 * exact Clopper–Pearson interval. `sample` draws one labelled point per call (it owns the seed); an
 * error is y⟨w̄, x⟩ ≤ 0, ties included.
 *
 * @param samples - number of draws, a positive integer
 * @param confidence - coverage of the interval, in (0, 1); default 0.95
 * @throws InputError on a bad count, confidence, or a drawn point of the wrong shape or label
 */
export function monteCarloTestError(
  wbar: Float64Array,
  sample: () => LabelledPoint,
  samples: number,
  confidence = 0.95,
): MonteCarloTestError {
  const d = wbar.length;
  checkCount(d, 'wbar.length');
  checkFiniteArray(wbar, d, 'wbar');
  checkCount(samples, 'samples');
  if (!(confidence > 0 && confidence < 1)) throw new InputError('confidence', `expected a number in (0, 1), got ${String(confidence)}`);
  let errors = 0;
  for (let s = 0; s < samples; s++) {
    const { x, y } = sample();
    if (x.length !== d) throw new InputError('sample().x', `expected length ${d}, got ${x.length}`);
    if (y !== 1 && y !== -1) throw new InputError('sample().y', `expected +1 or -1, got ${String(y)}`);
    let s2 = 0;
    for (let k = 0; k < d; k++) s2 += wbar[k] * x[k];
    if (!Number.isFinite(s2)) throw new InputError('sample().x', 'expected finite entries');
    if (!(y * s2 > 0)) errors++;
  }
  return { errors, samples, estimate: errors / samples, interval: clopperPearson(errors, samples, 1 - confidence) };
}
